/**
 * Groundwork's OAuth sign-in (authorization code + PKCE through the browser's OAuth window) and what the org's REST
 * calls carry afterwards, against the sandbox org over real HTTP: what Salesforce saw is read from the org's log.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SalesforceProblem } from '../../../lib/salesforce/problems';
import { ACME } from '../../sandbox/salesforce/seed';
import { V } from '../sandbox/salesforce-client';
import { oauthWorldForFile, type OAuthWorld } from './oauth-harness';

const current = oauthWorldForFile();
let world: OAuthWorld;
beforeEach(() => {
  world = current();
});

const org = () => ({ orgId: world.apiSession().orgId, apiHost: world.apiSession().apiHost });
const signIn = () => world.oauth.signIn(org(), world.browser.sid);

async function problemOf(promise: Promise<unknown>): Promise<SalesforceProblem> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SalesforceProblem)) throw new Error(`expected a SalesforceProblem, got ${String(outcome)}`);
  return outcome;
}

const tokenRequests = () => world.sent.filter((request) => request.url.endsWith('/services/oauth2/token'));
const restRequests = () => world.orgRequests().filter((request) => request.path.startsWith('/services/data/'));
const limits = () => world.sessions.client(world.apiSession()).request('GET', `${V}/limits`);

describe('signing in', () => {
  it('sends an S256 challenge and a state, and exchanges the code with the verifier that hashes to it', async () => {
    const signedIn = await signIn();
    expect(signedIn.user).toEqual({ id: ACME.users.admin.id, name: ACME.users.admin.name, username: ACME.users.admin.username });
    const authorize = world.org.sf.log.find((entry) => entry.path.startsWith('/services/oauth2/authorize'));
    const query = new URL(authorize?.path ?? '', 'https://x').searchParams;
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [exchange] = tokenRequests();
    const form = new URLSearchParams(exchange?.body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('client_id')).toBe(world.clientId);
    const verifier = form.get('code_verifier') ?? '';
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(query.get('code_challenge'));
    expect(exchange?.headers.cookie).toBeUndefined();
  });

  it('uses a fresh verifier and state for every sign-in', async () => {
    await signIn();
    await world.oauth.signOut(org().orgId);
    await signIn();
    const verifiers = tokenRequests().map((request) => new URLSearchParams(request.body).get('code_verifier'));
    expect(new Set(verifiers).size).toBe(2);
  });

  it('keeps nothing and exchanges nothing when the rep denies access', async () => {
    world.browser.consent = 'deny';
    const problem = await problemOf(signIn());
    expect(problem.kind).toBe('sign-in-failed');
    expect(problem.message).toMatch(/chose Deny.*not signed in/);
    expect(tokenRequests()).toHaveLength(0);
    expect(await world.oauth.signedIn(org().orgId)).toBeNull();
  });

  it('ignores an answer whose state is not this request\'s: its code is never exchanged', async () => {
    world.browser.tamperCallback = (url) => url.searchParams.set('state', 'forged-state');
    const problem = await problemOf(signIn());
    expect(problem.kind).toBe('sign-in-failed');
    expect(problem.message).toMatch(/did not belong to this sign-in/);
    expect(tokenRequests()).toHaveLength(0);
    expect(await world.oauth.signedIn(org().orgId)).toBeNull();
  });

  it('keeps nothing when the code was issued for another challenge (the verifier does not match)', async () => {
    world.browser.tamperAuthorize = (url) => url.searchParams.set('code_challenge', createHash('sha256').update('attacker').digest('base64url'));
    const problem = await problemOf(signIn());
    expect(problem.kind).toBe('sign-in-failed');
    expect(problem.message).toMatch(/code verifier did not match/);
    expect(tokenRequests()).toHaveLength(1);
    expect(await world.oauth.signedIn(org().orgId)).toBeNull();
    expect(restRequests()).toHaveLength(0);
  });

  it('says so when the rep closes the sign-in window', async () => {
    world.browser.closeWindow = true;
    const problem = await problemOf(signIn());
    expect(problem.message).toMatch(/window was closed/);
  });

  it('refuses a sign-in as someone other than the browser session\'s user, and revokes it at once', async () => {
    const samSession = await world.logIn(ACME.users.restricted);
    await world.logIn(ACME.users.admin);
    const problem = await problemOf(world.oauth.signIn(org(), samSession));
    expect(problem.kind).toBe('user-mismatch');
    expect(problem.message).toContain(`Groundwork's Salesforce sign-in is ${ACME.users.admin.name}`);
    expect(problem.message).toContain(`logged in to Salesforce as ${ACME.users.restricted.name}`);
    expect(await world.oauth.signedIn(org().orgId)).toBeNull();
    expect(world.orgRequests().filter((request) => request.path === '/services/oauth2/revoke')).toHaveLength(1);
  });

  it('offers no sign-in without a consumer key, and says what the admin must set up', async () => {
    world.policy.clientId = null;
    expect(await world.oauth.canSignIn(org().orgId)).toBe(false);
    const problem = await problemOf(signIn());
    expect(problem.kind).toBe('no-api-access');
    expect(problem.message).toMatch(/consumer key goes in your organization's Groundwork policy/);
  });
});

describe('the credential the org\'s calls carry', () => {
  it('is the browser session by default', async () => {
    await limits();
    expect(restRequests().map((request) => request.authorization)).toEqual([`Bearer ${world.browser.sid}`]);
  });

  it('under API Access Control: the refused browser session asks for the sign-in, and the sign-in\'s token works', async () => {
    await world.control('api-access-control', { on: true });
    const problem = await problemOf(limits());
    expect(problem.kind).toBe('sign-in-required');
    world.policy.clientId = null;
    expect((await problemOf(limits())).kind).toBe('no-api-access');
    world.policy.clientId = world.clientId;
    await signIn();
    world.org.sf.clearLog();
    await limits();
    const [call] = restRequests();
    expect(call?.status).toBe(200);
    expect(call?.authorization).toMatch(/^Bearer 00D/);
    expect(call?.authorization).not.toBe(`Bearer ${world.browser.sid}`);
  });

  it('refreshes the access token once when the org times it out, without the rep, and retries', async () => {
    await world.control('api-access-control', { on: true });
    await signIn();
    await limits();
    const first = restRequests().at(-1)?.authorization;
    await world.control('oauth/expire-access-tokens');
    world.org.sf.clearLog();
    await limits();
    const calls = world.orgRequests();
    expect(calls.map((call) => [call.path.split('?')[0], call.status])).toEqual([
      [`${V}/limits`, 401],
      ['/services/oauth2/token', 200],
      [`${V}/limits`, 200],
    ]);
    expect(calls[0]?.authorization).toBe(first);
    expect(calls[2]?.authorization).not.toBe(first);
    expect(new URLSearchParams(world.sent.at(-2)?.body).get('grant_type')).toBe('refresh_token');
  });

  it('shares one refresh among calls that found the token ended together', async () => {
    await world.control('api-access-control', { on: true });
    await signIn();
    await world.control('oauth/expire-access-tokens');
    await Promise.all([limits(), limits(), limits()]);
    expect(tokenRequests().filter((request) => new URLSearchParams(request.body).get('grant_type') === 'refresh_token')).toHaveLength(1);
  });

  it('after a revoked sign-in: says so, forgets it, and never sends the refused token again', async () => {
    await world.control('api-access-control', { on: true });
    await signIn();
    await limits();
    const stale = restRequests().at(-1)?.authorization;
    await world.control('oauth/revoke-all');
    const problem = await problemOf(limits());
    expect(problem.kind).toBe('signed-out');
    expect(problem.message).toMatch(/revoked or it expired\)\. Sign in again/);
    expect(await world.oauth.signedIn(org().orgId)).toBeNull();
    world.org.sf.clearLog();
    expect((await problemOf(limits())).kind).toBe('sign-in-required');
    expect(world.orgRequests().map((request) => request.authorization)).not.toContain(stale);
  });

  it('where the policy requires the sign-in, sends nothing until the rep signs in', async () => {
    world.policy.required = true;
    const problem = await problemOf(limits());
    expect(problem.kind).toBe('sign-in-required');
    expect(problem.message).toMatch(/Your organization requires Groundwork to use its own Salesforce sign-in/);
    expect(restRequests()).toHaveLength(0);
    await signIn();
    await limits();
    expect(restRequests().at(-1)?.authorization).not.toBe(`Bearer ${world.browser.sid}`);
  });

  it('refuses to use a sign-in of another user than the browser\'s session, sending nothing with either', async () => {
    await signIn();
    await world.logIn(ACME.users.restricted);
    world.org.sf.clearLog();
    const problem = await problemOf(limits());
    expect(problem.kind).toBe('user-mismatch');
    expect(problem.message).toContain(ACME.users.restricted.name);
    expect(restRequests()).toHaveLength(0);
  });

  it('names API_DISABLED_FOR_ORG in plain words, with what the admin must change', async () => {
    await world.control('api-enabled', { on: false });
    const error = await limits().catch((caught: unknown) => caught);
    const { toSalesforceProblem } = await import('../../../lib/salesforce/problems');
    const problem = toSalesforceProblem(error);
    expect(problem.kind).toBe('api-disabled');
    expect(problem.message).toMatch(/"API Enabled" permission/);
  });
});

describe('signing out', () => {
  it('revokes the sign-in at Salesforce and forgets it here', async () => {
    await world.control('api-access-control', { on: true });
    await signIn();
    const refreshToken = (await world.vault.refreshToken(org().orgId)) ?? '';
    const accessToken = (await world.vault.accessToken(org().orgId)) ?? '';
    expect(await world.oauth.signOut(org().orgId)).toEqual({ revoked: true });
    const revoke = world.sent.find((request) => request.url.endsWith('/services/oauth2/revoke'));
    expect(new URLSearchParams(revoke?.body).get('token')).toBe(refreshToken);
    expect(await world.oauth.signedIn(org().orgId)).toBeNull();
    const refresh = await world.org.send('POST', '/services/oauth2/token', {
      sid: null,
      raw: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: world.clientId }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    expect((await world.org.send('GET', `${V}/limits`, { sid: accessToken })).status).toBe(401);
  });
});
