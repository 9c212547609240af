/**
 * The org a Gmail tab works with: the one the rep used last (as the sender match does), reached with the session of
 * that org's API host. Gmail tabs have no Salesforce session of their own. This repeats RecordViewService's private
 * sessionOfOrg; a public method there would let both share one client (and its describe cache).
 */
import type { OrgRegistry } from '../../orgs';
import type { WriteApi } from '../../salesforce/writes';
import type { RecordGraph } from '../../salesforce/record-graph';
import type { RecordRef } from '../../salesforce/record-url';
import { sessionOfOrg, type ApiSession, type CookieJar } from '../../salesforce/session';

/** What the Gmail features need of an org's API (OrgClient has all of it). */
export interface GmailOrgApi extends WriteApi {
  context(ref: RecordRef): Promise<RecordGraph>;
  query(soql: string): Promise<unknown>;
}

export type ClientFor = (session: ApiSession) => GmailOrgApi;

export class GmailOrgs {
  private readonly clients = new Map<string, GmailOrgApi>();

  constructor(
    private readonly orgs: OrgRegistry,
    private readonly cookies: CookieJar,
    private readonly clientFor: ClientFor,
  ) {}

  /** The last used org's API and host, or null when there is none or its session is gone. */
  async current(): Promise<{ api: GmailOrgApi; apiHost: string } | null> {
    const org = await this.orgs.lastUsed();
    if (!org) return null;
    const session = await this.sessionOf(org);
    if (!session) return null;
    // One client per session: a re-login as someone else never reuses another user's describes.
    const key = `${session.orgId}|${session.apiHost}|${session.sessionId}`;
    let api = this.clients.get(key);
    if (!api) {
      api = this.clientFor(session);
      this.clients.set(key, api);
    }
    return { api, apiHost: org.apiHost };
  }

  private sessionOf(org: { orgId: string; apiHost: string }): Promise<ApiSession | null> {
    return sessionOfOrg(org, this.cookies);
  }
}
