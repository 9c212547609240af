/**
 * Session self-repair: when Salesforce refuses the browser session Groundwork holds, the org's cookie is read again
 * once (a new login on the same host, or the org's new domain) and the call sent again; when that fails, the rep is
 * told which tab to reload. Against the sandbox org over real HTTP.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SalesforceProblem } from '../../../lib/salesforce/problems';
import { ACME } from '../../sandbox/salesforce/seed';
import { API_HOST, V } from '../sandbox/salesforce-client';
import { oauthWorldForFile, type OAuthWorld } from './oauth-harness';

const current = oauthWorldForFile();
let world: OAuthWorld;
beforeEach(() => {
  world = current();
});

const restCalls = () =>
  world.orgRequests()
    .filter((request) => request.path.startsWith('/services/data/'))
    .map((request) => ({ status: request.status, authorization: request.authorization }));

async function logOut(sid: string): Promise<void> {
  await world.org.send('GET', '/secur/logout.jsp', { sid: null, headers: { cookie: `sid=${sid}` } });
}

describe('a refused browser session', () => {
  it('is read again once: a new login on the same host carries the call', async () => {
    const client = world.sessions.client(world.apiSession());
    const old = world.browser.sid ?? '';
    await logOut(old);
    const fresh = await world.logIn();
    world.org.sf.clearLog();
    await client.request('GET', `${V}/limits`);
    expect(restCalls()).toEqual([
      { status: 401, authorization: `Bearer ${old}` },
      { status: 200, authorization: `Bearer ${fresh}` },
    ]);
    world.org.sf.clearLog();
    await client.request('GET', `${V}/limits`);
    expect(restCalls()).toEqual([{ status: 200, authorization: `Bearer ${fresh}` }]);
  });

  it('finds the org on its new domain after a My Domain change, same org id, and goes there', async () => {
    const client = world.sessions.client(world.apiSession());
    const old = world.browser.sid ?? '';
    await world.control('my-domain', { name: 'acme-corp' });
    const fresh = await world.logIn(ACME.users.admin, 'acme-corp.my.salesforce.com');
    world.org.sf.clearLog();
    await client.request('GET', `${V}/limits`);
    const hosts = world.org.sf.log.filter((entry) => entry.path.startsWith('/services/data/')).map((entry) => [entry.host, entry.status]);
    expect(hosts).toEqual([
      [API_HOST, 401],
      ['acme-corp.my.salesforce.com', 200],
    ]);
    expect(restCalls().map((call) => call.authorization)).toEqual([`Bearer ${old}`, `Bearer ${fresh}`]);
  });

  it('never takes another org\'s cookie', async () => {
    const client = world.sessions.client(world.apiSession());
    await logOut(world.browser.sid ?? '');
    world.browser.jar.set('globex.my.salesforce.com', `00D5g000007Glbx!AQother`);
    world.org.sf.clearLog();
    const error = await client.request('GET', `${V}/limits`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SalesforceProblem);
    expect(restCalls()).toHaveLength(1);
  });

  it('when nothing else is there, says which tab to reload, never to clear cookies', async () => {
    const client = world.sessions.client(world.apiSession());
    await logOut(world.browser.sid ?? '');
    const error = await client.request('GET', `${V}/limits`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SalesforceProblem);
    const { kind, message } = error as SalesforceProblem;
    expect(kind).toBe('session-expired');
    expect(message).toBe(
      'Your Salesforce session for acme.my.salesforce.com ended. Reload your Salesforce tab on acme.lightning.force.com (log in again if Salesforce asks), then Retry.',
    );
    expect(message).not.toMatch(/cookie/i);
    expect(restCalls()).toHaveLength(1);
  });

  it('tries the re-read cookie once: refused again, it stops', async () => {
    const client = world.sessions.client(world.apiSession());
    await logOut(world.browser.sid ?? '');
    const second = await world.logIn();
    await logOut(second);
    world.org.sf.clearLog();
    const error = await client.request('GET', `${V}/limits`).catch((caught: unknown) => caught);
    expect((error as SalesforceProblem).kind).toBe('session-expired');
    expect(restCalls().map((call) => call.status)).toEqual([401, 401]);
  });
});
