/**
 * Sessions of one org. A session id looks like Salesforce's: the 15-character org id, `!`, then an opaque token.
 * Kinds, as in a real org:
 * - `oauth`: a token a script or a connected app got (the pre-made `sid`s, `/services/oauth2/token`); valid for the REST
 *   API even with API Access Control on. A connected app's token names its app and the refresh token it came from, and
 *   ends at the org's session timeout.
 * - `ui`: the `sid` cookie the login form sets on the My Domain (API) host; valid for the REST API unless the org has
 *   API Access Control on.
 * - `lightning`: the `sid` cookie frontdoor sets on a Lightning or Setup host; good for pages only, never for the API.
 */
import { randomBytes } from 'node:crypto';
import type { OrgUser } from './model';

export type SessionKind = 'oauth' | 'ui' | 'lightning';

export interface Session {
  sid: string;
  kind: SessionKind;
  user: OrgUser;
  /** For cookie sessions: the host the cookie was set on. */
  host?: string;
  valid: boolean;
  /** For a connected app's access token: the app's client id, the refresh token it came from, when it times out. */
  grant?: { clientId: string; refreshToken?: string; scopes: string[]; expiresAt: number };
}

const ONE_TIME_TOKEN_TTL_MS = 60_000;

function opaqueToken(bytes: number): string {
  return randomBytes(bytes).toString('base64').replace(/\+/g, '.').replace(/\//g, '_').replace(/=+$/, '');
}

export class SessionStore {
  private sessions = new Map<string, Session>();
  private oneTimeTokens = new Map<string, { user: OrgUser; expires: number }>();
  /** Sessions that `reset()` brings back (the pre-made script sessions printed by `npm run sandbox`). */
  private durable = new Set<string>();

  constructor(
    private readonly orgId15: string,
    private readonly now: () => number,
  ) {}

  create(kind: SessionKind, user: OrgUser, host?: string): Session {
    const session: Session = { sid: `${this.orgId15}!AQ${opaqueToken(72)}`, kind, user, host, valid: true };
    this.sessions.set(session.sid, session);
    return session;
  }

  /** A connected app's access token: an API session that ends at `grant.expiresAt` (the org's session timeout). */
  createForApp(user: OrgUser, grant: NonNullable<Session['grant']>): Session {
    const session = this.create('oauth', user);
    session.grant = grant;
    return session;
  }

  /** Ends every access token of one app (all of them when no app is named), or those a refresh token gave. */
  endAppTokens(match: { clientId?: string; refreshToken?: string }): void {
    for (const session of this.sessions.values()) {
      if (!session.grant) continue;
      if (match.clientId !== undefined && session.grant.clientId !== match.clientId) continue;
      if (match.refreshToken !== undefined && session.grant.refreshToken !== match.refreshToken) continue;
      session.valid = false;
    }
  }

  createDurable(kind: SessionKind, user: OrgUser): Session {
    const session = this.create(kind, user);
    this.durable.add(session.sid);
    return session;
  }

  /** The live session for a sid, or undefined when unknown, expired or of another org. */
  find(sid: string | undefined): Session | undefined {
    if (!sid) return undefined;
    const session = this.sessions.get(sid);
    if (session?.grant && session.grant.expiresAt <= this.now()) session.valid = false;
    return session?.valid ? session : undefined;
  }

  end(sid: string): void {
    const session = this.sessions.get(sid);
    if (session) session.valid = false;
  }

  /** Ends every session the login form or frontdoor made (cookies), leaving API tokens alone. */
  endBrowserSessions(): void {
    for (const session of this.sessions.values()) if (session.kind !== 'oauth') session.valid = false;
  }

  expireAll(): void {
    for (const session of this.sessions.values()) session.valid = false;
    this.oneTimeTokens.clear();
  }

  reviveDurable(): void {
    for (const sid of this.durable) {
      const session = this.sessions.get(sid);
      if (session) session.valid = true;
    }
  }

  /** A short-lived token that frontdoor.jsp exchanges for a session on another host of the same org. */
  issueOneTimeToken(user: OrgUser, now: number): string {
    const token = opaqueToken(24);
    this.oneTimeTokens.set(token, { user, expires: now + ONE_TIME_TOKEN_TTL_MS });
    return token;
  }

  redeemOneTimeToken(token: string, now: number): OrgUser | undefined {
    const entry = this.oneTimeTokens.get(token);
    this.oneTimeTokens.delete(token);
    return entry && entry.expires > now ? entry.user : undefined;
  }
}
