/**
 * One org's OAuth 2.0 authorization server state: its connected apps (external client apps), the authorization codes it
 * handed out, the refresh tokens it granted and the approvals users gave. Access tokens are sessions of the org's
 * SessionStore (they end at the org's session timeout, or when their refresh token is revoked).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { OrgUser } from '../model';
import type { Session, SessionStore } from '../sessions';

export interface ConnectedApp {
  /** The consumer key. */
  clientId: string;
  /** Signs `signature` in token responses (the consumer secret). */
  secret: string;
  name: string;
  /** Exact callback URLs: a `redirect_uri` must equal one of them. */
  callbackUrls: string[];
  /** The OAuth scopes the admin selected for the app. */
  scopes: string[];
  /** "Require Proof Key for Code Exchange (PKCE)". */
  requirePkce: boolean;
  /** "Admin approved users are pre-authorized": no consent page. */
  preAuthorized: boolean;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  user: OrgUser;
  scopes: string[];
  codeChallenge: string | null;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  user: OrgUser;
  scopes: string[];
}

/** Salesforce's authorization codes last 15 minutes and are good once. */
const CODE_TTL_MS = 15 * 60 * 1000;
/** The default session timeout of an org: access tokens end after two hours. */
export const DEFAULT_SESSION_TIMEOUT_MS = 2 * 60 * 60 * 1000;
const DEFAULT_SCOPES = ['api', 'id', 'refresh_token'];

function opaque(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A consumer key shaped like Salesforce's (`3MVG9…`, 85 characters of letters, digits, `.` and `_`). */
function newClientId(): string {
  return `3MVG9${randomBytes(60).toString('base64').replace(/\+/g, '.').replace(/\//g, '_').replace(/=+$/, '')}`.slice(0, 85);
}

/** The RFC 7636 S256 transform: base64url(SHA-256(verifier)). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class OAuthServer {
  readonly apps = new Map<string, ConnectedApp>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  /** `userId|clientId` → the scopes the user allowed. */
  private readonly approvals = new Map<string, Set<string>>();
  sessionTimeoutMs = DEFAULT_SESSION_TIMEOUT_MS;

  constructor(
    private readonly sessions: SessionStore,
    private readonly now: () => number,
  ) {}

  registerApp(input: Partial<Omit<ConnectedApp, 'secret'>> & { callbackUrls: string[] }): ConnectedApp {
    const app: ConnectedApp = {
      clientId: input.clientId ?? newClientId(),
      secret: opaque(32),
      name: input.name ?? 'Groundwork',
      callbackUrls: input.callbackUrls,
      scopes: input.scopes ?? DEFAULT_SCOPES,
      requirePkce: input.requirePkce ?? true,
      preAuthorized: input.preAuthorized ?? false,
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  /** Back to an org with no connected apps: every app's tokens end. */
  clear(): void {
    this.sessions.endAppTokens({});
    this.apps.clear();
    this.codes.clear();
    this.refreshTokens.clear();
    this.approvals.clear();
    this.sessionTimeoutMs = DEFAULT_SESSION_TIMEOUT_MS;
  }

  hasApproved(user: OrgUser, app: ConnectedApp, scopes: readonly string[]): boolean {
    if (app.preAuthorized) return true;
    const approved = this.approvals.get(`${user.id}|${app.clientId}`);
    return approved !== undefined && scopes.every((scope) => approved.has(scope));
  }

  approve(user: OrgUser, app: ConnectedApp, scopes: readonly string[]): void {
    const key = `${user.id}|${app.clientId}`;
    const approved = this.approvals.get(key) ?? new Set<string>();
    for (const scope of scopes) approved.add(scope);
    this.approvals.set(key, approved);
  }

  issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    const code = `aPrx${opaque(48)}`;
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** The code's grant, once: a code is used up by its first exchange, whatever the outcome. */
  redeemCode(code: string): AuthorizationCode | 'expired' | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant) return undefined;
    return grant.expiresAt <= this.now() ? 'expired' : grant;
  }

  /** A refresh token, when the scopes allow one (`refresh_token` or `offline_access`). */
  grantRefreshToken(clientId: string, user: OrgUser, scopes: string[]): string | undefined {
    if (!scopes.includes('refresh_token') && !scopes.includes('offline_access')) return undefined;
    const token = `${user.id.slice(0, 3)}${opaque(60)}`;
    this.refreshTokens.set(token, { clientId, user, scopes });
    return token;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }

  issueAccessToken(clientId: string, user: OrgUser, scopes: string[], refreshToken?: string): Session {
    return this.sessions.createForApp(user, {
      clientId,
      scopes,
      expiresAt: this.now() + this.sessionTimeoutMs,
      ...(refreshToken ? { refreshToken } : {}),
    });
  }

  /** Revokes a refresh token (with every access token it gave) or one access token; false when the token is unknown. */
  revoke(token: string): boolean {
    if (this.refreshTokens.delete(token)) {
      this.sessions.endAppTokens({ refreshToken: token });
      return true;
    }
    const session = this.sessions.find(token);
    if (!session?.grant) return false;
    this.sessions.end(token);
    return true;
  }

  /** What an admin does in Setup under "Connected Apps OAuth Usage": every refresh token (and its access tokens) ends. */
  revokeAll(clientId?: string): void {
    for (const [token, grant] of this.refreshTokens) {
      if (clientId === undefined || grant.clientId === clientId) this.refreshTokens.delete(token);
    }
    this.sessions.endAppTokens(clientId === undefined ? {} : { clientId });
  }

  /** The session timeout passes for every access token now; refresh tokens stay good. */
  expireAccessTokens(): void {
    this.sessions.endAppTokens({});
  }

  /** `signature`: base64 HMAC-SHA256 of the identity URL and `issued_at`, keyed by the consumer secret. */
  signature(app: ConnectedApp, id: string, issuedAt: string): string {
    return createHmac('sha256', app.secret).update(id + issuedAt).digest('base64');
  }
}
