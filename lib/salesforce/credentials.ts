/**
 * Which credential an org's REST calls carry, and what to do when Salesforce refuses it. The rep's browser session
 * (the `sid` cookie of the org's API host) is the default; the org's OAuth sign-in replaces it once the rep signed in
 * there, and is the only way where the admin's policy requires it. A refused cookie is read again once (a new login,
 * or the org's new domain); a refused access token is refreshed once. Features never choose: they get an OrgClient.
 */
import { OrgClient } from './client';
import type { DescribeStore } from './describe-store';
import { isApiHost } from './hosts';
import { sameUser, type OAuthAccess, type SalesforceOAuth } from './oauth';
import { SalesforceProblem, problem, sessionEnded } from './problems';
import { orgIdOfSid, type ApiSession, type CookieJar } from './session';
import type { Credential, OrgCredentials } from './transport';
import { t } from '../i18n';

export type { Credential, OrgCredentials } from './transport';

/** Salesforce's 401 text when API Access Control (or a connected-app policy) keeps the browser session out of the API. */
const COOKIE_NOT_FOR_API = 'not valid for use with the REST API';

export interface SessionDeps {
  cookies: CookieJar;
  oauth: SalesforceOAuth;
  /** Whether the admin's policy allows only the OAuth sign-in in this org. */
  oauthRequired(orgId: string): Promise<boolean>;
  fetch: typeof fetch;
}

export class SalesforceSessions {
  /** Whether an org's sign-in and a browser session are the same user, asked once per pair while the worker runs. */
  private readonly userChecks = new Map<string, Promise<SalesforceProblem | null>>();

  constructor(private readonly deps: SessionDeps) {}

  /** The org's API as the rep, for a session they have there; describes kept in `kept` across worker restarts. */
  client(session: ApiSession, kept?: DescribeStore): OrgClient {
    return new OrgClient(session, this.credentialsFor(session), kept);
  }

  credentialsFor(session: ApiSession): OrgCredentials {
    let cookie: Credential = { kind: 'cookie', token: session.sessionId, apiHost: session.apiHost };
    return {
      current: async () => (await this.signedInCredential(session, cookie)) ?? cookie,
      renew: async (refused, refusal) => {
        if (refused.kind === 'oauth') return { ...refused, token: await this.deps.oauth.refresh(session.orgId, refused.token) };
        if (refusal.includes(COOKIE_NOT_FOR_API)) {
          throw (await this.deps.oauth.canSignIn(session.orgId)) ? problem('sign-in-required') : problem('no-api-access');
        }
        const fresh = await this.rereadCookie(session.orgId, refused);
        if (!fresh) throw sessionEnded(refused.apiHost);
        cookie = fresh;
        return fresh;
      },
      refusedAgain: (refused) => (refused.kind === 'oauth' ? problem('signed-out') : sessionEnded(refused.apiHost)),
    };
  }

  /**
   * The org's sign-in as a credential, when the rep signed in there; null to use the browser session. Where the policy
   * requires the sign-in and there is none, nothing is sent at all.
   */
  private async signedInCredential(session: ApiSession, cookie: Credential): Promise<Credential | null> {
    const access = await this.deps.oauth.access(session.orgId);
    if (!access) {
      if (await this.deps.oauthRequired(session.orgId)) throw new SalesforceProblem('sign-in-required', t('sfProblem_policyRequiresSignIn'));
      return null;
    }
    const mismatch = await this.checkUser(access.user, cookie);
    if (mismatch) throw mismatch;
    return { kind: 'oauth', token: access.token, apiHost: access.apiHost };
  }

  private checkUser(user: OAuthAccess['user'], cookie: Credential): Promise<SalesforceProblem | null> {
    const key = `${user.id}|${cookie.token}`;
    let check = this.userChecks.get(key);
    if (!check) {
      check = sameUser(this.deps.fetch, user, cookie);
      this.userChecks.set(key, check);
      check.catch(() => this.userChecks.delete(key));
    }
    return check;
  }

  /**
   * The org's session cookie read again after Salesforce refused `refused`: a new one on the same host (a new login),
   * else one of the same org on another API host (the org's domain changed: enhanced domains, a renamed My Domain).
   */
  private async rereadCookie(orgId: string, refused: Credential): Promise<Credential | null> {
    const candidates = (await this.deps.cookies.allSids())
      .map(({ domain, value }) => ({ apiHost: domain.replace(/^\./, '').toLowerCase(), token: value }))
      .filter(({ apiHost, token }) => isApiHost(apiHost) && orgIdOfSid(token) === orgId && token !== refused.token);
    const best = candidates.find(({ apiHost }) => apiHost === refused.apiHost) ?? candidates[0];
    return best ? { kind: 'cookie', ...best } : null;
  }
}

/** A session and nothing else (never renewed): for a script or a test that holds one session. */
export function singleSession(session: ApiSession): OrgCredentials {
  const credential: Credential = { kind: 'cookie', token: session.sessionId, apiHost: session.apiHost };
  const ended = (refused: Credential): SalesforceProblem => sessionEnded(refused.apiHost);
  return {
    current: async () => credential,
    renew: async (refused, refusal) => {
      throw refusal.includes(COOKIE_NOT_FOR_API) ? problem('no-api-access') : ended(refused);
    },
    refusedAgain: ended,
  };
}
