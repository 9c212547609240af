/**
 * Who the rep is in an org: the user behind the org's session in this browser, from OAuth's userinfo endpoint (which
 * answers a session id given as a Bearer token). The audit trail stamps its entries with it. Read once per session and
 * kept in session storage under the session's tag, so a re-login as someone else is someone else.
 */
import { z } from 'zod/mini';
import type { KeyValueStore } from '../browser/store';
import { keyPrefixOf, toId18 } from './record-id';
import { sessionOfOrg, sessionTag, type ApiSession, type CookieJar } from './session';

const USER_KEY_PREFIX = '005';

export interface SalesforceUser {
  id: string;
  name?: string;
}

/**
 * OAuth userinfo's answer: `user_id` must be a User's id (a well-formed id with the User key prefix), since callers put
 * it into SOQL; it is given in its 18-character form.
 */
export const UserInfo = z.object({
  user_id: z.pipe(
    z.string(),
    z.transform((id, context) => {
      const id18 = toId18(id);
      if (id18 && keyPrefixOf(id18) === USER_KEY_PREFIX) return id18;
      context.issues.push({ code: 'custom', message: 'userinfo gave no User id', input: id });
      return z.NEVER;
    }),
  ),
  name: z.optional(z.string()),
});
const KeptUser = z.object({ id: z.string(), name: z.optional(z.string()) });

export interface CurrentUserDeps {
  cookies: CookieJar;
  /** The enabled org's API host; null for an org the rep has not enabled (nothing is read there). */
  identityOf(orgId: string): Promise<{ orgId: string; apiHost: string } | null>;
  cache: KeyValueStore;
  /** A GET with the session as Bearer token (OrgClient.request fits). */
  get(session: ApiSession, path: string): Promise<unknown>;
}

/** Where the user behind a session is kept for the session's life (session storage), so a re-login is someone else. */
const userKey = async (session: ApiSession): Promise<string> => `salesforce-user:${session.orgId}:${await sessionTag(session)}`;

/** The user behind a session when some feature has already looked it up this session; never a request. */
export async function knownUser(cache: KeyValueStore, session: ApiSession): Promise<SalesforceUser | null> {
  const kept = KeptUser.safeParse(await cache.get(await userKey(session)));
  return kept.success ? kept.data : null;
}

export type UserLookup = (session: ApiSession) => Promise<SalesforceUser>;

/** The user behind a session: kept, or from userinfo (then kept); one look-up per session while the worker runs. */
export function usersOfSessions(deps: Pick<CurrentUserDeps, 'cache' | 'get'>): UserLookup {
  const known = new Map<string, Promise<SalesforceUser>>();
  const lookUp = async (session: ApiSession): Promise<SalesforceUser> => {
    const kept = await knownUser(deps.cache, session);
    if (kept) return kept;
    const info = UserInfo.parse(await deps.get(session, '/services/oauth2/userinfo'));
    const user: SalesforceUser = { id: info.user_id, ...(info.name ? { name: info.name } : {}) };
    await deps.cache.set(await userKey(session), user);
    return user;
  };
  return (session) => {
    const memo = `${session.orgId}|${session.sessionId}`;
    let user = known.get(memo);
    if (!user) {
      user = lookUp(session);
      known.set(memo, user);
      // A failed look-up is tried again next time.
      user.catch(() => known.delete(memo));
    }
    return user;
  };
}

export function currentUsers(deps: CurrentUserDeps & { userOfSession?: UserLookup }): (orgId: string) => Promise<SalesforceUser | null> {
  // A commit records an entry per field: they share one look-up per session while the worker runs.
  const userOfSession = deps.userOfSession ?? usersOfSessions(deps);
  return async (orgId) => {
    const org = await deps.identityOf(orgId);
    const session = org ? await sessionOfOrg(org, deps.cookies) : null;
    return session ? userOfSession(session) : null;
  };
}
