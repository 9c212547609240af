/**
 * Signing in to an org with OAuth 2.0 (authorization code with PKCE, through the browser's OAuth window) for orgs
 * whose API refuses the browser session, or whose admin requires it; then keeping the sign-in usable (refreshing the
 * access token when Salesforce ends it) and ending it (revoking it at Salesforce). One sign-in per org.
 */
import type { WebAuthFlow } from '../../browser/identity';
import { t } from '../../i18n';
import { SalesforceProblem, problem } from '../problems';
import { newAuthorizationSecrets } from './pkce';
import {
  OAuthRefusal,
  authorizeUrl,
  exchangeCode,
  idsOfIdentityUrl,
  readAuthorizationAnswer,
  refreshAccessToken,
  revokeToken,
  userInfo,
  type SalesforceIdentity,
  type TokenResponse,
} from './protocol';
import { TokenVault, type SignedInOrg } from './vault';

export { TokenVault, listSignIns, SIGN_INS_KEY, type SignedInOrg } from './vault';
export { userInfo, type SalesforceIdentity } from './protocol';

export interface OAuthDeps {
  vault: TokenVault;
  flow: WebAuthFlow;
  fetch: typeof fetch;
  /** The connected app's consumer key for the org (the admin's policy, else the rep's setting); null when none. */
  clientIdFor(orgId: string): Promise<string | null>;
  now(): Date;
}

export interface OrgAddress {
  orgId: string;
  apiHost: string;
}

export interface OAuthAccess {
  token: string;
  apiHost: string;
  user: SignedInOrg['user'];
}

const failed = (message: string): SalesforceProblem => new SalesforceProblem('sign-in-failed', message);

function refusedMessage(error: string, description: string): string {
  if (error === 'access_denied') {
    return t('signIn_denied');
  }
  const said = description ? `${description} (${error})` : error;
  return t('signIn_refused', { reason: said });
}

function exchangeMessage(refusal: OAuthRefusal): string {
  if (refusal.description.includes('code verifier')) {
    return t('signIn_verifierMismatch');
  }
  if (refusal.error === 'invalid_client_id') {
    return t('signIn_unknownApp');
  }
  return refusedMessage(refusal.error, refusal.description);
}

function userMismatch(signedIn: Pick<SalesforceIdentity, 'name' | 'username'>, browser: SalesforceIdentity): SalesforceProblem {
  return new SalesforceProblem(
    'user-mismatch',
    t('signIn_userMismatch', { signedIn: signedIn.name, signedInUsername: signedIn.username, browser: browser.name, browserUsername: browser.username }),
  );
}

export class SalesforceOAuth {
  /** One refresh per org at a time: concurrent calls that found the token ended share it. */
  private readonly refreshing = new Map<string, Promise<string>>();

  constructor(private readonly deps: OAuthDeps) {}

  signedIn(orgId: string): Promise<SignedInOrg | null> {
    return this.deps.vault.signedIn(orgId);
  }

  async canSignIn(orgId: string): Promise<boolean> {
    return (await this.deps.clientIdFor(orgId)) !== null;
  }

  /**
   * The whole sign-in: Salesforce's page in the browser's OAuth window, the answer checked against this request's
   * state, the code exchanged with its verifier, the user checked against the browser's own session (when that
   * session can say who it is). Throws a SalesforceProblem in plain words; nothing is kept unless all of it held.
   */
  async signIn(org: OrgAddress, browserSession: string | null): Promise<SignedInOrg> {
    const clientId = await this.deps.clientIdFor(org.orgId);
    if (!clientId) throw problem('no-api-access');
    const redirectUri = this.deps.flow.redirectUrl();
    const secrets = await newAuthorizationSecrets();
    let answerUrl: string;
    try {
      answerUrl = await this.deps.flow.launch(authorizeUrl(org.apiHost, { clientId, redirectUri, ...secrets }));
    } catch {
      throw failed(t('signIn_windowClosed'));
    }
    const answer = readAuthorizationAnswer(answerUrl, redirectUri, secrets.state);
    if (answer.kind === 'wrong-state') {
      throw failed(t('signIn_wrongState'));
    }
    if (answer.kind === 'malformed') throw failed(t('signIn_malformed'));
    if (answer.kind === 'refused') throw failed(refusedMessage(answer.error, answer.description));
    const tokens = await this.call(() =>
      exchangeCode(this.deps.fetch, org.apiHost, { clientId, redirectUri, code: answer.code, verifier: secrets.verifier }),
    ).catch((error: unknown) => {
      throw error instanceof OAuthRefusal ? failed(exchangeMessage(error)) : error;
    });
    return this.keep(org, clientId, tokens, browserSession);
  }

  /** The org's access token when it is signed in (refreshed first if this browser session has none), else null. */
  async access(orgId: string): Promise<OAuthAccess | null> {
    const signedIn = await this.deps.vault.signedIn(orgId);
    if (!signedIn) return null;
    const token = (await this.deps.vault.accessToken(orgId)) ?? (await this.refresh(orgId, null));
    return { token, apiHost: signedIn.apiHost, user: signedIn.user };
  }

  /**
   * A new access token after Salesforce refused `stale`. When the refresh token is no longer honoured the sign-in is
   * forgotten at once, so no later request carries a token Salesforce refused.
   */
  refresh(orgId: string, stale: string | null): Promise<string> {
    const id = orgId.slice(0, 15);
    const running = this.refreshing.get(id);
    if (running) return running;
    const task = this.refreshOnce(id, stale).finally(() => this.refreshing.delete(id));
    this.refreshing.set(id, task);
    return task;
  }

  /** Revokes the sign-in at Salesforce (its refresh token and every access token from it) and forgets it here. */
  async signOut(orgId: string): Promise<{ revoked: boolean }> {
    const signedIn = await this.deps.vault.signedIn(orgId);
    if (!signedIn) return { revoked: true };
    const token = (await this.deps.vault.refreshToken(orgId)) ?? (await this.deps.vault.accessToken(orgId));
    await this.deps.vault.forget(orgId);
    if (!token) return { revoked: true };
    const revoked = await revokeToken(this.deps.fetch, signedIn.apiHost, token).catch(() => false);
    return { revoked };
  }

  private async refreshOnce(orgId: string, stale: string | null): Promise<string> {
    const current = await this.deps.vault.accessToken(orgId);
    if (current !== null && current !== stale) return current;
    const signedIn = await this.deps.vault.signedIn(orgId);
    const refreshToken = await this.deps.vault.refreshToken(orgId);
    if (!signedIn || !refreshToken) {
      await this.deps.vault.forget(orgId);
      throw problem('signed-out');
    }
    try {
      const tokens = await refreshAccessToken(this.deps.fetch, signedIn.apiHost, { clientId: signedIn.clientId, refreshToken });
      await this.deps.vault.saveAccessToken(orgId, tokens.access_token);
      return tokens.access_token;
    } catch (error) {
      if (!(error instanceof OAuthRefusal)) throw problem('network');
      await this.deps.vault.forget(orgId);
      throw problem('signed-out');
    }
  }

  private async keep(org: OrgAddress, clientId: string, tokens: TokenResponse, browserSession: string | null): Promise<SignedInOrg> {
    const revoke = (): Promise<unknown> => revokeToken(this.deps.fetch, org.apiHost, tokens.refresh_token ?? tokens.access_token).catch(() => false);
    const ids = idsOfIdentityUrl(tokens.id);
    if (!ids || ids.orgId.slice(0, 15) !== org.orgId.slice(0, 15)) {
      await revoke();
      throw failed(t('signIn_otherOrg'));
    }
    const user = await this.call(() => userInfo(this.deps.fetch, org.apiHost, tokens.access_token));
    if (!user) {
      await revoke();
      throw failed(t('signIn_noUser'));
    }
    const browserUser = browserSession ? await this.call(() => userInfo(this.deps.fetch, org.apiHost, browserSession)) : null;
    if (browserUser && browserUser.userId !== user.userId) {
      await revoke();
      throw userMismatch(user, browserUser);
    }
    const signedIn: SignedInOrg = {
      orgId: org.orgId.slice(0, 15),
      apiHost: org.apiHost,
      clientId,
      user: { id: user.userId, name: user.name, username: user.username },
      signedInAt: this.deps.now().toISOString(),
    };
    await this.deps.vault.save(signedIn, { accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? null });
    return signedIn;
  }

  /** A call to Salesforce's OAuth endpoints; anything but Salesforce's own refusal means it could not be reached. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof OAuthRefusal || error instanceof SalesforceProblem) throw error;
      throw problem('network');
    }
  }
}

/** A problem when the org's sign-in and the browser's session are different users; null when they match or it cannot tell. */
export async function sameUser(
  fetchImpl: typeof fetch,
  signedIn: SignedInOrg['user'],
  browserSession: { apiHost: string; token: string },
): Promise<SalesforceProblem | null> {
  const browserUser = await userInfo(fetchImpl, browserSession.apiHost, browserSession.token).catch(() => {
    throw problem('network');
  });
  if (!browserUser || browserUser.userId === signedIn.id) return null;
  return userMismatch(signedIn, browserUser);
}
