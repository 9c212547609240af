/**
 * The OAuth endpoints a client calls directly on the My Domain host, with Salesforce's request and error shapes:
 * - `POST /services/oauth2/token`: `authorization_code` (with the PKCE `code_verifier`), `refresh_token` and the
 *   username-password flow scripts use; errors are 400 `{error, error_description}`.
 * - `POST|GET /services/oauth2/revoke` (`token=`): a refresh token ends with every access token it gave; 200 or 400.
 * - `GET|POST /services/oauth2/userinfo` with a Bearer token: who the token's user is; 403 `Missing_OAuth_Token` or
 *   `Bad_OAuth_Token` otherwise.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../../http';
import type { OrgUser } from '../model';
import type { Org } from '../org';
import type { Session } from '../sessions';
import { s256, type ConnectedApp } from './server';

export interface OAuthReply {
  status: number;
  /** JSON body, plain text for a string, none when absent. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface OAuthRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  /** The live session of the Authorization header that the API would accept, if any. */
  bearerSession: Session | undefined;
  bearerGiven: boolean;
}

const NO_STORE = { 'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private', Pragma: 'no-cache' };

function oauthError(error: string, description: string, status = 400): OAuthReply {
  return { status, body: { error, error_description: description }, headers: NO_STORE };
}

function identityUrl(org: Org, user: OrgUser): string {
  return `https://${org.apiHost}/id/${org.orgId}/${user.id}`;
}

function tokenResponse(org: Org, app: ConnectedApp | null, session: Session, extra: Record<string, string> = {}): OAuthReply {
  const id = identityUrl(org, session.user);
  const issuedAt = String(Date.now());
  const scopes = session.grant?.scopes;
  return {
    status: 200,
    headers: NO_STORE,
    body: {
      access_token: session.sid,
      ...extra,
      ...(app ? { signature: org.oauth.signature(app, id, issuedAt) } : {}),
      ...(scopes ? { scope: scopes.join(' ') } : {}),
      instance_url: `https://${org.apiHost}`,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    },
  };
}

function authorizationCodeGrant(org: Org, form: URLSearchParams): OAuthReply {
  const app = org.oauth.apps.get(form.get('client_id') ?? '');
  if (!app) return oauthError('invalid_client_id', 'client identifier invalid');
  const grant = org.oauth.redeemCode(form.get('code') ?? '');
  if (grant === 'expired') return oauthError('invalid_grant', 'expired authorization code');
  if (!grant || grant.clientId !== app.clientId) return oauthError('invalid_grant', 'invalid authorization code');
  if (form.get('redirect_uri') !== grant.redirectUri) return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
  if (grant.codeChallenge !== null) {
    // Salesforce's documented split: no verifier is invalid_grant, a verifier that does not match is invalid_request.
    const verifier = form.get('code_verifier');
    if (verifier === null) return oauthError('invalid_grant', 'invalid code verifier');
    if (s256(verifier) !== grant.codeChallenge) return oauthError('invalid_request', 'invalid code verifier');
  }
  const refreshToken = org.oauth.grantRefreshToken(app.clientId, grant.user, grant.scopes);
  const session = org.oauth.issueAccessToken(app.clientId, grant.user, grant.scopes, refreshToken);
  return tokenResponse(org, app, session, refreshToken ? { refresh_token: refreshToken } : {});
}

function refreshTokenGrant(org: Org, form: URLSearchParams): OAuthReply {
  const app = org.oauth.apps.get(form.get('client_id') ?? '');
  if (!app) return oauthError('invalid_client_id', 'client identifier invalid');
  const token = form.get('refresh_token') ?? '';
  const grant = org.oauth.refreshGrant(token);
  if (!grant || grant.clientId !== app.clientId) return oauthError('invalid_grant', 'expired access/refresh token');
  const session = org.oauth.issueAccessToken(app.clientId, grant.user, grant.scopes, token);
  return tokenResponse(org, app, session);
}

function passwordGrant(org: Org, form: URLSearchParams): OAuthReply {
  const user = org.findUserByUsername(form.get('username') ?? '');
  if (!user || user.password !== form.get('password')) return oauthError('invalid_grant', 'authentication failure');
  return tokenResponse(org, null, org.sessions.create('oauth', user));
}

function token(org: Org, request: OAuthRequest): OAuthReply {
  if (request.method !== 'POST') return oauthError('invalid_request', 'must use HTTP POST');
  const form = new URLSearchParams(request.query);
  for (const [name, value] of new URLSearchParams(request.body)) form.set(name, value);
  switch (form.get('grant_type')) {
    case 'authorization_code':
      return authorizationCodeGrant(org, form);
    case 'refresh_token':
      return refreshTokenGrant(org, form);
    case 'password':
      return passwordGrant(org, form);
    default:
      return oauthError('unsupported_grant_type', 'grant type not supported');
  }
}

function revoke(org: Org, request: OAuthRequest): OAuthReply {
  const form = request.method === 'POST' ? new URLSearchParams(request.body) : request.query;
  const value = form.get('token');
  if (!value) return oauthError('unsupported_token_type', 'Token type not supported');
  return org.oauth.revoke(value) ? { status: 200, body: undefined } : oauthError('invalid_token', 'Token was invalid');
}

function userinfo(org: Org, request: OAuthRequest): OAuthReply {
  if (!request.bearerGiven) return { status: 403, body: 'Missing_OAuth_Token' };
  const session = request.bearerSession;
  if (!session) return { status: 403, body: 'Bad_OAuth_Token' };
  const user = session.user;
  const [givenName, ...rest] = user.name.split(' ');
  return {
    status: 200,
    body: {
      sub: identityUrl(org, user),
      user_id: user.id,
      organization_id: org.orgId,
      preferred_username: user.username,
      nickname: user.username.split('@')[0],
      name: user.name,
      given_name: givenName,
      family_name: rest.join(' '),
      email: user.email,
      email_verified: true,
      zoneinfo: 'America/Los_Angeles',
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      urls: { rest: `https://${org.apiHost}/services/data/v{version}/` },
    },
  };
}

export function oauthEndpoint(org: Org, request: OAuthRequest): OAuthReply | null {
  switch (request.path) {
    case '/services/oauth2/token':
      return token(org, request);
    case '/services/oauth2/revoke':
      return revoke(org, request);
    case '/services/oauth2/userinfo':
      return request.method === 'GET' || request.method === 'POST' ? userinfo(org, request) : null;
    default:
      return null;
  }
}

/** Writes an OAuth reply: JSON, plain text for a string body (userinfo's errors), or no body. */
export function writeOAuth(res: ServerResponse, reply: OAuthReply): void {
  const headers = reply.headers ?? {};
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
  } else if (typeof reply.body === 'string') {
    res.writeHead(reply.status, { 'Content-Type': 'text/plain;charset=UTF-8', ...headers });
    res.end(reply.body);
  } else {
    sendJson(res, reply.status, reply.body, headers);
  }
}
