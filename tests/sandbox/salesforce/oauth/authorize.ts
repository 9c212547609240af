/**
 * `/services/oauth2/authorize` on the My Domain host: the authorization code flow (`response_type=code`) with PKCE, as
 * Salesforce serves it. The user's browser session on the My Domain decides who authorizes (no session: the login page,
 * coming back here); an app the user has not approved yet gets the "Allow Access?" page. Errors about the client or
 * its callback are shown on a page (an unverified redirect_uri is never redirected to); every other outcome goes back
 * to the callback with `code` or `error`/`error_description`, and the `state` the client sent.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendHtml } from '../../http';
import type { Org } from '../org';
import type { Session } from '../sessions';
import { cookieSession, loginUrl, type UiRequest } from '../ui';
import { consentPage, oauthErrorPage } from './pages';
import type { ConnectedApp } from './server';

const AUTHORIZE_PATH = '/services/oauth2/authorize';
/** RFC 7636: the S256 challenge is the base64url SHA-256 of the verifier, 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

interface AuthorizeRequest {
  app: ConnectedApp;
  redirectUri: string;
  params: URLSearchParams;
  state: string | null;
  scopes: string[];
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

function callback(request: AuthorizeRequest, outcome: Record<string, string>): string {
  const query = new URLSearchParams(outcome);
  if (request.state !== null) query.set('state', request.state);
  return `${request.redirectUri}${request.redirectUri.includes('?') ? '&' : '?'}${query.toString()}`;
}

/** The client and callback, checked before anything may go back to the callback. */
function identifyClient(org: Org, params: URLSearchParams, res: ServerResponse): AuthorizeRequest | null {
  const app = org.oauth.apps.get(params.get('client_id') ?? '');
  if (!app) {
    sendHtml(res, 400, oauthErrorPage('invalid_client_id', 'client identifier invalid'));
    return null;
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.callbackUrls.includes(redirectUri)) {
    sendHtml(res, 400, oauthErrorPage('redirect_uri_mismatch', 'redirect_uri must match configuration'));
    return null;
  }
  const scope = params.get('scope');
  const scopes = scope ? scope.split(/\s+/).filter(Boolean) : app.scopes;
  return { app, redirectUri, params, state: params.get('state'), scopes };
}

/** The first reason the request cannot be granted, as Salesforce words it, or null. */
function requestError(request: AuthorizeRequest): [string, string] | null {
  const { params, app, scopes } = request;
  if (params.get('response_type') !== 'code') return ['unsupported_response_type', 'response type not supported'];
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (method !== null && method !== 'S256') return ['invalid_request', 'invalid code challenge method'];
  if (challenge === null && app.requirePkce) return ['invalid_request', 'missing required code challenge'];
  if (challenge !== null && !S256_CHALLENGE.test(challenge)) return ['invalid_request', 'invalid code challenge'];
  if (!scopes.every((scope) => app.scopes.includes(scope))) return ['invalid_scope', 'the requested scope is not allowed'];
  return null;
}

/** Ties a consent form to the session and the exact request it was shown for. */
function consentToken(session: Session, params: URLSearchParams): string {
  const canonical = [...params].filter(([name]) => name !== 'approval_token' && name !== 'decision').sort();
  return createHash('sha256').update(`${session.sid}\n${JSON.stringify(canonical)}`).digest('base64url');
}

function grantCode(org: Org, session: Session, request: AuthorizeRequest, res: ServerResponse): void {
  const code = org.oauth.issueCode({
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    user: session.user,
    scopes: request.scopes,
    codeChallenge: request.params.get('code_challenge'),
  });
  redirect(res, callback(request, { code }));
}

/** The authorize request again without `prompt=login`, so that coming back from the login page does not loop. */
function afterLogin(params: URLSearchParams): string {
  const again = new URLSearchParams(params);
  if (again.get('prompt') === 'login') again.delete('prompt');
  again.delete('approval_token');
  again.delete('decision');
  return `${AUTHORIZE_PATH}?${again.toString()}`;
}

export function serveAuthorize(org: Org, request: UiRequest, res: ServerResponse): void {
  const params = request.method === 'POST' ? new URLSearchParams(request.body) : request.url.searchParams;
  const authorize = identifyClient(org, params, res);
  if (!authorize) return;
  const error = requestError(authorize);
  if (error) {
    redirect(res, callback(authorize, { error: error[0], error_description: error[1] }));
    return;
  }
  const session = cookieSession(org, request);
  if (!session || session.kind !== 'ui' || params.get('prompt') === 'login') {
    redirect(res, loginUrl(org, afterLogin(params)));
    return;
  }
  const decision = request.method === 'POST' ? params.get('decision') : null;
  if (decision !== null) {
    if (params.get('approval_token') !== consentToken(session, params)) {
      sendHtml(res, 400, oauthErrorPage('invalid_request', 'invalid approval'));
      return;
    }
    if (decision !== 'allow') {
      redirect(res, callback(authorize, { error: 'access_denied', error_description: 'end-user denied authorization' }));
      return;
    }
    org.oauth.approve(session.user, authorize.app, authorize.scopes);
    grantCode(org, session, authorize, res);
    return;
  }
  if (org.oauth.hasApproved(session.user, authorize.app, authorize.scopes) && params.get('prompt') !== 'consent') {
    grantCode(org, session, authorize, res);
    return;
  }
  sendHtml(
    res,
    200,
    consentPage({
      appName: authorize.app.name,
      user: session.user,
      scopes: authorize.scopes,
      action: AUTHORIZE_PATH,
      fields: [...params, ['approval_token', consentToken(session, params)]],
    }),
    { 'Cache-Control': 'no-store' },
  );
}
