import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME } from '../../sandbox/salesforce/seed';
import { API_HOST, LIGHTNING_HOST, V, sidCookieOf, startOrg, type OrgUnderTest } from './salesforce-client';

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => org.sf.reset());

const logIn = async (host: string): Promise<string> => {
  const reply = await org.send('POST', '/', {
    sid: null,
    host,
    raw: new URLSearchParams({ username: ACME.users.admin.username, pw: ACME.users.admin.password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return sidCookieOf(reply)?.value ?? '';
};

const rename = (name: string) => org.send('POST', '/__sandbox/my-domain', { sid: null, body: { name } });

describe('a My Domain change', () => {
  it('moves the org to the new hosts, same org id and data', async () => {
    const reply = await rename('acme-corp');
    expect(reply.json()).toEqual({ apiHost: 'acme-corp.my.salesforce.com', lightningHost: 'acme-corp.lightning.force.com' });
    const info = await org.send('GET', '/__sandbox/info', { sid: null, host: 'acme-corp.my.salesforce.com' });
    expect(info.json<{ orgId: string }>().orgId).toBe(org.sf.primary.orgId);
    const sid = await logIn('acme-corp.my.salesforce.com');
    expect(sid.startsWith(org.sf.primary.orgId.slice(0, 15))).toBe(true);
    const account = await org.send('GET', `${V}/sobjects/Account/${ACME.accounts.globex.id}`, { sid, host: 'acme-corp.my.salesforce.com' });
    expect(account.status).toBe(200);
  });

  it('ends the browser sessions of the old domain, not API tokens', async () => {
    const old = await logIn(API_HOST);
    await rename('acme-corp');
    const refused = await org.send('GET', `${V}/limits`, { sid: old, host: API_HOST });
    expect(refused.status).toBe(401);
    expect(refused.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    expect((await org.send('GET', `${V}/limits`, { host: 'acme-corp.my.salesforce.com' })).status).toBe(200);
  });

  it('redirects the old hosts\' pages to the new domain', async () => {
    await rename('acme-corp');
    const page = await org.send('GET', '/lightning/page/home', { sid: null, host: LIGHTNING_HOST });
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe('https://acme-corp.lightning.force.com/lightning/page/home');
  });

  it('refuses another org\'s name, and is undone by reset', async () => {
    await org.send('GET', '/__sandbox/info', { sid: null, host: 'globex.my.salesforce.com' });
    expect((await rename('globex')).status).toBe(400);
    await rename('acme-corp');
    org.sf.reset();
    expect((await org.send('GET', '/lightning/page/home', { sid: null, host: LIGHTNING_HOST })).headers.location).toMatch(/^https:\/\/acme\.my\.salesforce\.com\//);
  });
});
