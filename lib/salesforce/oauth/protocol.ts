/**
 * Salesforce's OAuth 2.0 endpoints on an org's My Domain host: the authorization URL (code flow with PKCE S256 and
 * state), the token endpoint (authorization_code and refresh_token grants), revoke and userinfo. Every call goes to
 * the org's own API host and nowhere else, without cookies, never following a redirect.
 */
import { z } from 'zod/mini';
import { isApiHost } from '../hosts';

export const OAUTH_PATH = '/services/oauth2';

/** What the token endpoint answers (Salesforce gives no `expires_in`: the org's session timeout decides). */
export const TokenResponse = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  instance_url: z.string().check(z.url()),
  /** The identity URL: `https://<host>/id/<org id>/<user id>`. */
  id: z.string().check(z.url()),
  scope: z.optional(z.string()),
  token_type: z.optional(z.string()),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

const OAuthErrorBody = z.object({ error: z.string(), error_description: z.optional(z.string()) });

const UserInfo = z.object({
  user_id: z.string().check(z.regex(/^005[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/)),
  organization_id: z.string(),
  name: z.optional(z.string()),
  preferred_username: z.optional(z.string()),
});

export interface SalesforceIdentity {
  userId: string;
  orgId: string;
  name: string;
  username: string;
}

/** Salesforce refused an OAuth request: its `error` code and `error_description`, as it sent them. */
export class OAuthRefusal extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthRefusal';
  }
}

/** The call could not reach Salesforce or got no usable answer. */
export class OAuthUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OAuthUnreachable';
  }
}

function endpoint(apiHost: string, name: 'authorize' | 'token' | 'revoke' | 'userinfo'): string {
  if (!isApiHost(apiHost)) throw new Error(`not a Salesforce API host: ${apiHost}`);
  return `https://${apiHost}${OAUTH_PATH}/${name}`;
}

export function authorizeUrl(
  apiHost: string,
  request: { clientId: string; redirectUri: string; challenge: string; state: string },
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    state: request.state,
  });
  return `${endpoint(apiHost, 'authorize')}?${query.toString()}`;
}

/** What the authorization server sent the browser back with. */
export type AuthorizationAnswer =
  | { kind: 'code'; code: string }
  | { kind: 'refused'; error: string; description: string }
  | { kind: 'wrong-state' }
  | { kind: 'malformed' };

/**
 * Reads the callback URL. The state is checked before anything else in it is believed: an answer to some other
 * request (or forged) is ignored whole, its code never exchanged.
 */
export function readAuthorizationAnswer(answerUrl: string, redirectUri: string, state: string): AuthorizationAnswer {
  let url: URL;
  try {
    url = new URL(answerUrl);
  } catch {
    return { kind: 'malformed' };
  }
  const expected = new URL(redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) return { kind: 'malformed' };
  const params = url.searchParams;
  if (params.get('state') !== state) return { kind: 'wrong-state' };
  const error = params.get('error');
  if (error) return { kind: 'refused', error, description: params.get('error_description') ?? '' };
  const code = params.get('code');
  return code ? { kind: 'code', code } : { kind: 'malformed' };
}

type Fetch = typeof fetch;

/** One call to the org's host: no cookies, no cache, no redirects followed, a bounded wait. */
async function call(fetchImpl: Fetch, url: string, init: { method?: string; headers: Record<string, string>; body?: string }): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, credentials: 'omit', cache: 'no-store', redirect: 'error', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new OAuthUnreachable(error instanceof Error ? error.message : String(error));
  }
}

function post(fetchImpl: Fetch, url: string, form: Record<string, string>): Promise<Response> {
  return call(fetchImpl, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
}

async function tokenCall(fetchImpl: Fetch, apiHost: string, form: Record<string, string>): Promise<TokenResponse> {
  const response = await post(fetchImpl, endpoint(apiHost, 'token'), form);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = OAuthErrorBody.safeParse(body);
    if (refusal.success) throw new OAuthRefusal(refusal.data.error, refusal.data.error_description ?? '');
    throw new OAuthUnreachable(`Salesforce answered ${response.status}`);
  }
  const tokens = TokenResponse.safeParse(body);
  if (!tokens.success) throw new OAuthUnreachable('Salesforce sent a token answer Groundwork cannot read');
  return tokens.data;
}

export function exchangeCode(
  fetchImpl: Fetch,
  apiHost: string,
  request: { clientId: string; redirectUri: string; code: string; verifier: string },
): Promise<TokenResponse> {
  return tokenCall(fetchImpl, apiHost, {
    grant_type: 'authorization_code',
    code: request.code,
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    code_verifier: request.verifier,
  });
}

export function refreshAccessToken(
  fetchImpl: Fetch,
  apiHost: string,
  request: { clientId: string; refreshToken: string },
): Promise<TokenResponse> {
  return tokenCall(fetchImpl, apiHost, { grant_type: 'refresh_token', refresh_token: request.refreshToken, client_id: request.clientId });
}

/** Revokes a token (a refresh token ends every access token it gave). False when Salesforce did not confirm it. */
export async function revokeToken(fetchImpl: Fetch, apiHost: string, token: string): Promise<boolean> {
  const response = await post(fetchImpl, endpoint(apiHost, 'revoke'), { token });
  return response.ok;
}

/** Who a token (an OAuth access token or a browser session id) belongs to; null when Salesforce will not say. */
export async function userInfo(fetchImpl: Fetch, apiHost: string, token: string): Promise<SalesforceIdentity | null> {
  const response = await call(fetchImpl, endpoint(apiHost, 'userinfo'), { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) return null;
  const info = UserInfo.safeParse(await response.json().catch(() => null));
  if (!response.ok || !info.success) throw new OAuthUnreachable(`Salesforce answered ${response.status} for userinfo`);
  const { user_id: userId, organization_id: orgId, name, preferred_username: username } = info.data;
  return { userId, orgId, name: name ?? username ?? userId, username: username ?? '' };
}

/** The org and user ids of an identity URL (`…/id/<org id>/<user id>`), or null. */
export function idsOfIdentityUrl(identityUrl: string): { orgId: string; userId: string } | null {
  const match = /\/id\/(00D[a-zA-Z0-9]{12,15})\/(005[a-zA-Z0-9]{12,15})$/.exec(new URL(identityUrl).pathname);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : null;
}
