import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME } from '../../sandbox/salesforce/seed';
import { API_HOST, V, sidCookieOf, startOrg, type OrgUnderTest, type Reply } from './salesforce-client';

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});

const CALLBACK = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let clientId: string;
let verifier: string;
let browserSid: string;

const base64url = (bytes: Buffer): string => bytes.toString('base64url');
const challengeOf = (value: string): string => base64url(createHash('sha256').update(value).digest());

async function control(path: string, body: Record<string, unknown> = {}): Promise<Reply> {
  const reply = await org.send('POST', `/__sandbox/${path}`, { sid: null, body });
  expect(reply.status).toBe(200);
  return reply;
}

/** The rep's browser session on the My Domain (the login form's `sid` cookie). */
async function logIn(user = ACME.users.admin): Promise<string> {
  const reply = await org.send('POST', '/', {
    sid: null,
    raw: new URLSearchParams({ username: user.username, pw: user.password }).toString(),
    headers: FORM,
  });
  return sidCookieOf(reply)?.value ?? '';
}

function authorizeQuery(overrides: Record<string, string | null> = {}): string {
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CALLBACK,
    code_challenge: challengeOf(verifier),
    code_challenge_method: 'S256',
    state: 'state-123',
    ...overrides,
  };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null) query.set(name, value);
  return query.toString();
}

const authorize = (query: string, sid: string | null = browserSid): Promise<Reply> =>
  org.send('GET', `/services/oauth2/authorize?${query}`, { sid: null, headers: sid ? { cookie: `sid=${sid}` } : {} });

/** The hidden fields of the consent form, to post a decision as the browser would. */
function consentFields(page: Reply): URLSearchParams {
  const fields = new URLSearchParams();
  for (const match of page.text.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.set(match[1] ?? '', (match[2] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
  }
  return fields;
}

const decide = (page: Reply, decision: 'allow' | 'deny', sid = browserSid): Promise<Reply> => {
  const fields = consentFields(page);
  fields.set('decision', decision);
  return org.send('POST', '/services/oauth2/authorize', { sid: null, raw: fields.toString(), headers: { ...FORM, cookie: `sid=${sid}` } });
};

const callbackOf = (reply: Reply): URLSearchParams => {
  const location = reply.headers.location ?? '';
  expect(location.startsWith(`${CALLBACK}?`)).toBe(true);
  return new URL(location).searchParams;
};

const tokenRequest = (fields: Record<string, string>): Promise<Reply> =>
  org.send('POST', '/services/oauth2/token', { sid: null, raw: new URLSearchParams(fields).toString(), headers: FORM });

const exchange = (code: string, overrides: Record<string, string> = {}): Promise<Reply> =>
  tokenRequest({ grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: CALLBACK, code_verifier: verifier, ...overrides });

interface Tokens {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
  token_type: string;
  scope: string;
  signature: string;
  issued_at: string;
}

/** Consent given once, then a code for the current verifier. */
async function authorizedCode(): Promise<string> {
  const page = await authorize(authorizeQuery());
  const reply = page.status === 200 ? await decide(page, 'allow') : page;
  return callbackOf(reply).get('code') ?? '';
}

async function signIn(): Promise<Tokens> {
  const reply = await exchange(await authorizedCode());
  expect(reply.status).toBe(200);
  return reply.json<Tokens>();
}

const limits = (sid: string): Promise<Reply> => org.send('GET', `${V}/limits`, { sid });

beforeEach(async () => {
  org.sf.reset();
  org.clock.now = Date.UTC(2026, 10, 21, 17, 0, 0);
  verifier = base64url(randomBytes(32));
  clientId = (await control('connected-apps', { callbackUrls: [CALLBACK], name: 'Groundwork' })).json<{ clientId: string }>().clientId;
  browserSid = await logIn();
});

describe('connected apps', () => {
  it('registers an app with a consumer key shaped like Salesforce\'s', () => {
    expect(clientId).toMatch(/^3MVG9[A-Za-z0-9._]{80}$/);
  });

  it('refuses an app without a callback URL', async () => {
    const reply = await org.send('POST', '/__sandbox/connected-apps', { sid: null, body: { callbackUrls: [] } });
    expect(reply.status).toBe(400);
  });
});

describe('authorize', () => {
  it('sends a user without a session to the login page, and back to authorize after login', async () => {
    const reply = await authorize(authorizeQuery(), null);
    expect(reply.status).toBe(302);
    const login = new URL(reply.headers.location ?? '');
    expect(login.hostname).toBe(API_HOST);
    const startUrl = login.searchParams.get('startURL') ?? '';
    expect(startUrl).toBe(`/services/oauth2/authorize?${authorizeQuery()}`);
    const loggedIn = await org.send('POST', '/', {
      sid: null,
      raw: new URLSearchParams({ username: ACME.users.admin.username, pw: ACME.users.admin.password, startURL: startUrl }).toString(),
      headers: FORM,
    });
    expect(loggedIn.headers.location).toBe(`https://${API_HOST}${startUrl}`);
  });

  it('asks the user to allow the app, naming the app, the user and what it may do', async () => {
    const page = await authorize(authorizeQuery());
    expect(page.status).toBe(200);
    expect(page.text).toContain('Allow Access?');
    expect(page.text).toContain('<strong>Groundwork</strong>');
    expect(page.text).toContain(ACME.users.admin.username);
    expect(page.text).toContain('Manage user data via APIs');
    expect(page.text).toMatch(/id="oaapprove"/);
    expect(page.text).toMatch(/id="oadeny"/);
  });

  it('redirects to the callback with a code and the state once allowed', async () => {
    const reply = await decide(await authorize(authorizeQuery()), 'allow');
    expect(reply.status).toBe(302);
    const answer = callbackOf(reply);
    expect(answer.get('code')).toMatch(/^aPrx/);
    expect(answer.get('state')).toBe('state-123');
  });

  it('redirects with access_denied and the state when the user denies', async () => {
    const answer = callbackOf(await decide(await authorize(authorizeQuery()), 'deny'));
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('error_description')).toBe('end-user denied authorization');
    expect(answer.get('state')).toBe('state-123');
    expect(answer.get('code')).toBeNull();
  });

  it('remembers an approval, and asks again with prompt=consent', async () => {
    await decide(await authorize(authorizeQuery()), 'allow');
    const again = await authorize(authorizeQuery());
    expect(again.status).toBe(302);
    expect(callbackOf(again).get('code')).toMatch(/^aPrx/);
    expect((await authorize(authorizeQuery({ prompt: 'consent' }))).text).toContain('Allow Access?');
  });

  it('skips the consent page for an app whose users are pre-authorized', async () => {
    clientId = (await control('connected-apps', { callbackUrls: [CALLBACK], preAuthorized: true })).json<{ clientId: string }>().clientId;
    expect(callbackOf(await authorize(authorizeQuery())).get('code')).toMatch(/^aPrx/);
  });

  it('refuses a consent form that was not the one shown for this request and session', async () => {
    const page = await authorize(authorizeQuery());
    const otherSession = await logIn();
    const reply = await decide(page, 'allow', otherSession);
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('error=invalid_request');
  });

  it('shows an error page, never a redirect, for an unknown client or a callback the app does not have', async () => {
    const unknown = await authorize(authorizeQuery({ client_id: '3MVG9unknown' }));
    expect(unknown.status).toBe(400);
    expect(unknown.headers.location).toBeUndefined();
    expect(unknown.text).toContain('error=invalid_client_id&#38;error_description=client+identifier+invalid');
    const elsewhere = await authorize(authorizeQuery({ redirect_uri: 'https://evil.example/callback' }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.location).toBeUndefined();
    expect(elsewhere.text).toContain('error=redirect_uri_mismatch');
  });

  it('redirects request errors to the callback with the state', async () => {
    const cases: [Record<string, string | null>, string, string][] = [
      [{ response_type: 'token' }, 'unsupported_response_type', 'response type not supported'],
      [{ code_challenge: null }, 'invalid_request', 'missing required code challenge'],
      [{ code_challenge_method: 'plain' }, 'invalid_request', 'invalid code challenge method'],
      [{ code_challenge: 'short' }, 'invalid_request', 'invalid code challenge'],
      [{ scope: 'api full' }, 'invalid_scope', 'the requested scope is not allowed'],
    ];
    for (const [overrides, error, description] of cases) {
      const answer = callbackOf(await authorize(authorizeQuery(overrides)));
      expect({ error: answer.get('error'), description: answer.get('error_description'), state: answer.get('state') }).toEqual({
        error,
        description,
        state: 'state-123',
      });
    }
  });
});

describe('token: authorization_code', () => {
  it('exchanges a code and its verifier for an access token, a refresh token and the identity URL', async () => {
    const reply = await exchange(await authorizedCode());
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toContain('no-store');
    const tokens = reply.json<Tokens>();
    expect(tokens.access_token.startsWith(`${org.sf.primary.orgId.slice(0, 15)}!`)).toBe(true);
    expect(tokens.refresh_token).toMatch(/^005/);
    expect(tokens).toMatchObject({
      instance_url: `https://${API_HOST}`,
      id: `https://${API_HOST}/id/${org.sf.primary.orgId}/${ACME.users.admin.id}`,
      token_type: 'Bearer',
      scope: 'api id refresh_token',
    });
    expect(tokens.signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await limits(tokens.access_token)).status).toBe(200);
  });

  it('refuses a verifier that does not match the challenge (invalid_request) and a missing one (invalid_grant)', async () => {
    const wrong = await exchange(await authorizedCode(), { code_verifier: base64url(randomBytes(32)) });
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toEqual({ error: 'invalid_request', error_description: 'invalid code verifier' });
    const fields = { grant_type: 'authorization_code', code: await authorizedCode(), client_id: clientId, redirect_uri: CALLBACK };
    const missing = await tokenRequest(fields);
    expect(missing.json()).toEqual({ error: 'invalid_grant', error_description: 'invalid code verifier' });
  });

  it('uses a code once, whatever the outcome of its first exchange', async () => {
    const code = await authorizedCode();
    await exchange(code, { code_verifier: base64url(randomBytes(32)) });
    expect((await exchange(code)).json()).toEqual({ error: 'invalid_grant', error_description: 'invalid authorization code' });
  });

  it('refuses a code after its 15 minutes', async () => {
    const code = await authorizedCode();
    org.clock.now += 15 * 60 * 1000 + 1;
    expect((await exchange(code)).json()).toEqual({ error: 'invalid_grant', error_description: 'expired authorization code' });
  });

  it('names the client, callback, method and grant type errors as Salesforce does', async () => {
    expect((await exchange(await authorizedCode(), { client_id: '3MVG9nope' })).json()).toEqual({
      error: 'invalid_client_id',
      error_description: 'client identifier invalid',
    });
    expect((await exchange(await authorizedCode(), { redirect_uri: `${CALLBACK}/other` })).json()).toEqual({
      error: 'redirect_uri_mismatch',
      error_description: 'redirect_uri must match configuration',
    });
    expect((await org.send('GET', '/services/oauth2/token?grant_type=authorization_code', { sid: null })).json()).toEqual({
      error: 'invalid_request',
      error_description: 'must use HTTP POST',
    });
    expect((await tokenRequest({ grant_type: 'client_credentials', client_id: clientId })).json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    });
  });

  it('answers the username-password flow with authentication failure for a wrong password', async () => {
    const reply = await tokenRequest({ grant_type: 'password', username: ACME.users.admin.username, password: 'nope' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ error: 'invalid_grant', error_description: 'authentication failure' });
  });
});

describe('access token lifetime and refresh', () => {
  it('ends access tokens at the session timeout; the refresh token gives a new one', async () => {
    await control('oauth/session-timeout', { seconds: 60 });
    const tokens = await signIn();
    org.clock.now += 61_000;
    const expired = await limits(tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: clientId });
    expect(refreshed.status).toBe(200);
    const fresh = refreshed.json<Tokens>();
    expect(fresh.refresh_token).toBeUndefined();
    expect(fresh.access_token).not.toBe(tokens.access_token);
    expect((await limits(fresh.access_token)).status).toBe(200);
  });

  it('times every access token out at once on the expire control, leaving refresh tokens good', async () => {
    const tokens = await signIn();
    await control('oauth/expire-access-tokens');
    expect((await limits(tokens.access_token)).status).toBe(401);
    expect((await limits(org.sf.primary.sid)).status).toBe(200);
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: clientId });
    expect(refreshed.status).toBe(200);
  });

  it('refuses a revoked refresh token with invalid_grant "expired access/refresh token"', async () => {
    const tokens = await signIn();
    await control('oauth/revoke-all');
    expect((await limits(tokens.access_token)).status).toBe(401);
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: clientId });
    expect(refreshed.status).toBe(400);
    expect(refreshed.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('refuses a refresh token presented by another client', async () => {
    const tokens = await signIn();
    const other = (await control('connected-apps', { callbackUrls: [CALLBACK] })).json<{ clientId: string }>().clientId;
    const reply = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: other });
    expect(reply.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });
});

describe('revoke', () => {
  const revoke = (token: string): Promise<Reply> =>
    org.send('POST', '/services/oauth2/revoke', { sid: null, raw: new URLSearchParams({ token }).toString(), headers: FORM });

  it('revokes a refresh token and every access token it gave', async () => {
    const tokens = await signIn();
    const refreshed = (
      await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: clientId })
    ).json<Tokens>();
    expect((await revoke(tokens.refresh_token ?? '')).status).toBe(200);
    expect((await limits(tokens.access_token)).status).toBe(401);
    expect((await limits(refreshed.access_token)).status).toBe(401);
    const again = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: clientId });
    expect(again.status).toBe(400);
  });

  it('revokes one access token, leaving its refresh token good', async () => {
    const tokens = await signIn();
    expect((await revoke(tokens.access_token)).status).toBe(200);
    expect((await limits(tokens.access_token)).status).toBe(401);
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: clientId });
    expect(refreshed.status).toBe(200);
  });

  it('answers 400 invalid_token for a token it does not know, and unsupported_token_type without one', async () => {
    const unknown = await revoke('not-a-token');
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toEqual({ error: 'invalid_token', error_description: 'Token was invalid' });
    expect((await revoke('')).json()).toEqual({ error: 'unsupported_token_type', error_description: 'Token type not supported' });
  });
});

describe('userinfo', () => {
  it('names the token\'s user and org', async () => {
    const tokens = await signIn();
    const reply = await org.send('GET', '/services/oauth2/userinfo', { sid: tokens.access_token });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({
      user_id: ACME.users.admin.id,
      organization_id: org.sf.primary.orgId,
      preferred_username: ACME.users.admin.username,
      name: ACME.users.admin.name,
    });
  });

  it('answers 403 Missing_OAuth_Token without a token and Bad_OAuth_Token for a dead one', async () => {
    const missing = await org.send('GET', '/services/oauth2/userinfo', { sid: null });
    expect([missing.status, missing.text]).toEqual([403, 'Missing_OAuth_Token']);
    const bad = await org.send('GET', '/services/oauth2/userinfo', { sid: '00Dxx!nope' });
    expect([bad.status, bad.text]).toEqual([403, 'Bad_OAuth_Token']);
  });
});

describe('API access settings', () => {
  it('under API Access Control refuses the cookie session with Salesforce\'s message but takes the app\'s token', async () => {
    await control('api-access-control', { on: true });
    const cookie = await limits(browserSid);
    expect(cookie.status).toBe(401);
    expect(cookie.json()).toEqual([{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]);
    const tokens = await signIn();
    expect((await limits(tokens.access_token)).status).toBe(200);
  });

  it('answers API_DISABLED_FOR_ORG to every session when the org has no API, userinfo still answering', async () => {
    await control('api-enabled', { on: false });
    const tokens = await signIn();
    for (const sid of [browserSid, tokens.access_token]) {
      const reply = await limits(sid);
      expect(reply.status).toBe(403);
      expect(reply.json()).toEqual([{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }]);
    }
    expect((await org.send('GET', '/services/oauth2/userinfo', { sid: tokens.access_token })).status).toBe(200);
  });

  it('answers API_DISABLED_FOR_ORG to a user whose profile lacks "API Enabled", and only to them', async () => {
    await control('api-enabled', { on: false, username: ACME.users.restricted.username });
    const restricted = await limits(org.sf.primary.restrictedSid);
    expect(restricted.status).toBe(403);
    expect(restricted.json<{ errorCode: string }[]>()[0]?.errorCode).toBe('API_DISABLED_FOR_ORG');
    expect((await limits(org.sf.primary.sid)).status).toBe(200);
    await control('api-enabled', { on: true, username: ACME.users.restricted.username });
    expect((await limits(org.sf.primary.restrictedSid)).status).toBe(200);
  });

  it('forgets connected apps, their tokens and the API settings on reset', async () => {
    const tokens = await signIn();
    await control('api-enabled', { on: false });
    org.sf.reset();
    expect((await limits(org.sf.primary.sid)).status).toBe(200);
    expect((await limits(tokens.access_token)).status).toBe(401);
    expect((await authorize(authorizeQuery())).text).toContain('error=invalid_client_id');
  });
});
