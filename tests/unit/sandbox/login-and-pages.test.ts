import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME } from '../../sandbox/salesforce/seed';
import { API_HOST, LIGHTNING_HOST, V, sidCookieOf, startOrg, type OrgUnderTest, type Reply } from './salesforce-client';

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => org.sf.reset());

const form = (fields: Record<string, string>) => ({
  sid: null,
  raw: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

const login = (startURL = '', user = ACME.users.admin): Promise<Reply> =>
  org.send('POST', '/', form({ username: user.username, pw: user.password, startURL }));

/** Logs in and follows frontdoor: the API host's sid, the Lightning host's sid and where the browser ends up. */
async function fullLogin(startURL = ''): Promise<{ apiSid: string; lightningSid: string; finalLocation: string }> {
  const first = await login(startURL);
  const frontdoor = new URL(first.headers.location ?? '');
  const second = await org.send('GET', frontdoor.pathname + frontdoor.search, { sid: null, host: frontdoor.hostname });
  return {
    apiSid: sidCookieOf(first)?.value ?? '',
    lightningSid: sidCookieOf(second)?.value ?? '',
    finalLocation: second.headers.location ?? '',
  };
}

const page = (path: string, sid: string | undefined, host = LIGHTNING_HOST): Promise<Reply> =>
  org.send('GET', path, { sid: null, host, headers: sid ? { cookie: `sid=${sid}` } : {} });

describe('login', () => {
  it('shows a login form with username, pw and a Login button', async () => {
    const reply = await org.send('GET', '/', { sid: null });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.text).toMatch(/<input id="username" name="username"/);
    expect(reply.text).toMatch(/name="pw" type="password"/);
    expect(reply.text).toMatch(/id="Login"/);
  });

  it('shows the form again with an error for a wrong password, and sets no cookie', async () => {
    const reply = await org.send('POST', '/', form({ username: ACME.users.admin.username, pw: 'wrong' }));
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Please check your username and password.');
    expect(sidCookieOf(reply)).toBeUndefined();
  });

  it('sets a host-only, secure, HttpOnly sid cookie on the API host and redirects through frontdoor', async () => {
    const reply = await login();
    expect(reply.status).toBe(302);
    const cookie = sidCookieOf(reply);
    expect(cookie?.value.startsWith(`${org.sf.primary.orgId.slice(0, 15)}!`)).toBe(true);
    expect(cookie?.attributes).toBe('Path=/; Secure; HttpOnly; SameSite=None');
    const location = new URL(reply.headers.location ?? '');
    expect(location.hostname).toBe(LIGHTNING_HOST);
    expect(location.pathname).toBe('/secur/frontdoor.jsp');
    expect(location.searchParams.get('retURL')).toBe('/lightning/page/home');
  });

  it('gives the API host sid that works with the REST API', async () => {
    const { apiSid } = await fullLogin();
    expect((await org.send('GET', `${V}/limits`, { sid: apiSid })).status).toBe(200);
  });

  it('gives the Lightning host a different sid of the same org that the REST API refuses', async () => {
    const { apiSid, lightningSid, finalLocation } = await fullLogin();
    expect(lightningSid).not.toBe(apiSid);
    expect(lightningSid.startsWith(`${org.sf.primary.orgId.slice(0, 15)}!`)).toBe(true);
    expect(finalLocation).toBe('/lightning/page/home');
    const reply = await org.send('GET', `${V}/limits`, { sid: lightningSid });
    expect(reply.status).toBe(401);
    expect(reply.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });

  it('goes on to the startURL after login', async () => {
    const target = `/lightning/r/Account/${ACME.accounts.globex.id}/view`;
    expect((await fullLogin(target)).finalLocation).toBe(target);
  });

  it('refuses cookie sessions in the REST API under API Access Control, but not OAuth sessions', async () => {
    const { apiSid } = await fullLogin();
    org.sf.setApiAccessControl('acme', true);
    const reply = await org.send('GET', `${V}/limits`, { sid: apiSid });
    expect(reply.status).toBe(401);
    expect(reply.json()).toEqual([{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]);
    expect((await org.send('GET', `${V}/limits`)).status).toBe(200);
  });

  it('ends both cookies\' sessions when sessions expire, and new logins work', async () => {
    const before = await fullLogin();
    org.sf.expireSessions('acme');
    expect((await org.send('GET', `${V}/limits`, { sid: before.apiSid })).status).toBe(401);
    expect((await page('/lightning/page/home', before.lightningSid)).status).toBe(302);
    const after = await fullLogin();
    expect((await org.send('GET', `${V}/limits`, { sid: after.apiSid })).status).toBe(200);
  });
});

describe('Lightning pages', () => {
  it('redirects to the login page with startURL when there is no session', async () => {
    const path = `/lightning/r/Account/${ACME.accounts.globex.id}/view`;
    const reply = await page(path, undefined);
    expect(reply.status).toBe(302);
    const location = new URL(reply.headers.location ?? '');
    expect(location.hostname).toBe(API_HOST);
    expect(location.searchParams.get('startURL')).toBe(`https://${LIGHTNING_HOST}${path}`);
  });

  it('serves a record page in the Sales app shell with the record, its fields and related records', async () => {
    const { lightningSid } = await fullLogin();
    const reply = await page(`/lightning/r/Account/${ACME.accounts.globex.id}/view`, lightningSid);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>Globex Industries | Account | Salesforce</title>');
    expect(reply.text).toMatch(/class="app-name"[^>]*>Sales</);
    expect(reply.text).toContain('aria-label="Global"');
    const initial = /<script type="application\/json" id="sandbox-initial-view">(.*?)<\/script>/s.exec(reply.text)?.[1] ?? 'null';
    const view = JSON.parse(initial) as { kind: string; name: string; related: { relationshipName: string; records: { id: string }[] }[] };
    expect(view.kind).toBe('record');
    expect(view.name).toBe('Globex Industries');
    const contacts = view.related.find((list) => list.relationshipName === 'Contacts');
    expect(contacts?.records.map((r) => r.id)).toContain(ACME.contacts.rosa.id);
  });

  it('serves the same shell for /lightning/r/<Id>/view, lists, home, setup and one.app', async () => {
    const { lightningSid } = await fullLogin();
    for (const path of [
      `/lightning/r/${ACME.accounts.globex.id}/view`,
      '/lightning/o/Contact/list',
      '/lightning/page/home',
      '/lightning/setup/SetupOneHome/home',
      '/one/one.app',
    ]) {
      const reply = await page(path, lightningSid);
      expect(reply.status, path).toBe(200);
      expect(reply.text, path).toContain('id="main"');
    }
  });

  it('feeds the page script from /ui-data/view with the cookie session and refuses it without', async () => {
    const { lightningSid } = await fullLogin();
    const path = encodeURIComponent(`/lightning/r/Contact/${ACME.contacts.rosa.id}/view`);
    const reply = await page(`/ui-data/view?path=${path}`, lightningSid);
    expect(reply.json()).toMatchObject({ kind: 'record', objectName: 'Contact', name: 'Rosa Delgado' });
    expect((await page(`/ui-data/view?path=${path}`, undefined)).status).toBe(401);
  });

  it('shows "Record not available" to a user who cannot see the record', async () => {
    const first = await login('', ACME.users.restricted);
    const frontdoor = new URL(first.headers.location ?? '');
    const second = await org.send('GET', frontdoor.pathname + frontdoor.search, { sid: null, host: frontdoor.hostname });
    const sid = sidCookieOf(second)?.value;
    const path = encodeURIComponent(`/lightning/r/Account/${ACME.accounts.initech.id}/view`);
    expect((await page(`/ui-data/view?path=${path}`, sid)).json()).toMatchObject({ kind: 'error', heading: 'Record not available' });
  });

  it('answers an unknown path with a 404 page', async () => {
    expect((await page('/nowhere', undefined)).status).toBe(404);
  });
});

describe('Classic pages', () => {
  it('renders a record at /<id> with the API host cookie', async () => {
    const { apiSid } = await fullLogin();
    const reply = await page(`/${ACME.accounts.globex.id.slice(0, 15)}`, apiSid, API_HOST);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<h2 class="pageDescription">Globex Industries</h2>');
    expect(reply.text).toContain('Account: Globex Industries ~ Salesforce');
  });

  it('renders the edit page at /<id>/e', async () => {
    const { apiSid } = await fullLogin();
    const reply = await page(`/${ACME.accounts.globex.id}/e`, apiSid, API_HOST);
    expect(reply.text).toContain('Account Edit');
  });

  it('redirects to login without a session', async () => {
    const reply = await page(`/${ACME.accounts.globex.id}`, undefined, API_HOST);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toContain(`startURL=${encodeURIComponent(`/${ACME.accounts.globex.id}`)}`);
  });

  it('answers an unknown path with 404', async () => {
    expect((await page('/not/a/page', undefined, API_HOST)).status).toBe(404);
  });
});

describe('controls over HTTP', () => {
  const control = (method: string, path: string, body?: unknown) => org.send(method, path, { sid: null, ...(body === undefined ? {} : { body }) });

  it('injects a fault with POST /__sandbox/faults', async () => {
    await control('POST', '/__sandbox/faults', { kind: 'server-error', status: 503, path: '/limits' });
    expect((await org.send('GET', `${V}/sobjects`)).status).toBe(200);
    expect((await org.send('GET', `${V}/limits`)).status).toBe(503);
  });

  it('serves the request log, without the control requests themselves', async () => {
    await control('DELETE', '/__sandbox/log');
    await org.send('GET', `${V}/limits`);
    const log = (await control('GET', '/__sandbox/log')).json<{ path: string; status: number; headers: Record<string, string> }[]>();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ path: `${V}/limits`, status: 200 });
    expect(log[0]?.headers.authorization).toBe(`Bearer ${org.sf.primary.sid}`);
  });

  it('expires sessions and resets with POST', async () => {
    await control('POST', '/__sandbox/expire-sessions', {});
    expect((await org.send('GET', `${V}/limits`)).status).toBe(401);
    await control('POST', '/__sandbox/reset');
    expect((await org.send('GET', `${V}/limits`)).status).toBe(200);
  });

  it('reports the host\'s org and its sessions at /__sandbox/info', async () => {
    const info = (await control('GET', '/__sandbox/info')).json<{ orgId: string; sid: string }>();
    expect(info).toMatchObject({ orgId: org.sf.primary.orgId, sid: org.sf.primary.sid });
  });
});
