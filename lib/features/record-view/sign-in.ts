/**
 * "Sign in with Salesforce" and "Sign out" from the panel, for the org of the record in view: the OAuth sign-in
 * (lib/salesforce/oauth) runs in the browser's OAuth window; when it ends, the record is read again through it, or the
 * panel says in words why nothing was signed in.
 */
import { SalesforceProblem, toSalesforceProblem } from '../../salesforce/problems';
import type { SalesforceOAuth } from '../../salesforce/oauth';
import { t } from '../../i18n';
import type { RecordViewService } from './service';

export interface SignInDeps {
  records: Pick<RecordViewService, 'sessionInView' | 'retry' | 'showProblem'>;
  oauth: Pick<SalesforceOAuth, 'signIn' | 'signOut'>;
}

export class PanelSignIn {
  /** One sign-in window per org at a time: a second click while one is open does nothing. */
  private readonly running = new Set<string>();

  constructor(private readonly deps: SignInDeps) {}

  async signIn(windowId: number): Promise<void> {
    const session = await this.deps.records.sessionInView(windowId);
    if (!session || this.running.has(session.orgId)) return;
    this.running.add(session.orgId);
    try {
      await this.deps.oauth.signIn({ orgId: session.orgId, apiHost: session.apiHost }, session.sessionId);
      await this.deps.records.retry(windowId);
    } catch (error) {
      await this.deps.records.showProblem(windowId, toSalesforceProblem(error).toPanelProblem());
    } finally {
      this.running.delete(session.orgId);
    }
  }

  async signOut(windowId: number): Promise<void> {
    const session = await this.deps.records.sessionInView(windowId);
    if (!session) return;
    const { revoked } = await this.deps.oauth.signOut(session.orgId);
    await this.deps.records.retry(windowId);
    if (!revoked) await this.deps.records.showProblem(windowId, new SalesforceProblem('network', t('signIn_notRevoked')).toPanelProblem());
  }
}
