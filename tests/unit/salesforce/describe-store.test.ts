/**
 * Describes kept per org and user across clients (a service worker restart gives a new client): the org's request log
 * shows what a new client's first record costs, and the store's keys show what is kept for whom.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DESCRIBE_TTL_MS, OrgClient } from '../../../lib/salesforce/client';
import { singleSession } from '../../../lib/salesforce/credentials';
import { usersOfSessions, knownUser } from '../../../lib/salesforce/current-user';
import { describeStoreFor, MAX_OBJECTS, MAX_USERS, type DescribeEntry } from '../../../lib/salesforce/describe-store';
import type { ApiSession } from '../../../lib/salesforce/session';
import { ACME } from '../../sandbox/salesforce/seed';
import { memoryStore } from '../memory-store';
import { API_HOST } from '../sandbox/salesforce-client';
import { startSandboxClients, type SandboxClients } from './org-client-harness';

const GLOBEX = { recordId: ACME.accounts.globex.id, sobject: 'Account' };
let clients: SandboxClients;

beforeAll(async () => {
  clients = await startSandboxClients();
});
afterAll(() => clients.close());
beforeEach(() => clients.org.sf.clearLog());

/** What the background builds: a client whose describes are kept in `local`, per org and user. */
function extensionClients(local = memoryStore(), session = memoryStore(), now = () => Date.now()) {
  const userOf = usersOfSessions({ cache: session, get: (apiSession, path) => plainClient(apiSession).request('GET', path) });
  const plainClient = (apiSession: ApiSession) => new OrgClient(apiSession, singleSession(apiSession));
  const clientFor = (sid: string): OrgClient => {
    const apiSession = { orgId: sid.slice(0, 15), apiHost: API_HOST, sessionId: sid };
    return new OrgClient(
      apiSession,
      singleSession(apiSession),
      describeStoreFor(apiSession, { local, apiVersion: '62.0', knownUser: (known) => knownUser(session, known), userOf, now }),
    );
  };
  return { local, session, clientFor };
}

/** Saving is off the critical path: waits (bounded) until the store holds describes for `count` org-user sets. */
async function saved(local: ReturnType<typeof memoryStore>, count = 1): Promise<void> {
  for (let tries = 0; tries < 100 && local.keys().filter((key) => key.startsWith('describes:00D')).length < count; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const requests = () => clients.apiRequests().filter((entry) => entry.path.startsWith('/services/data/')).length;

describe('describes kept per org and user', () => {
  it("makes a new client's first record (a restarted worker) cost one request, once the first client fetched them", async () => {
    const { clientFor, local } = extensionClients();
    await clientFor(clients.org.sf.primary.sid).context(GLOBEX);
    expect(requests()).toBe(2);
    await saved(local);
    expect(local.keys().some((key) => key.startsWith(`describes:${clients.org.sf.primary.sid.slice(0, 15)}:005`))).toBe(true);

    clients.org.sf.clearLog();
    const graph = await clientFor(clients.org.sf.primary.sid).context(GLOBEX);
    expect(requests()).toBe(1);
    expect(graph.rootName).toBe('Globex Industries');
  });

  it("never gives one user's describes (their field-level security) to another user of the same org", async () => {
    const { clientFor, local } = extensionClients();
    await clientFor(clients.org.sf.primary.sid).context(GLOBEX);
    await saved(local);
    clients.org.sf.clearLog();
    await clientFor(clients.org.sf.primary.restrictedSid).context(GLOBEX);
    // The restricted user's describes are fetched for them (the describe request, then the context).
    expect(clients.apiRequests().filter((entry) => entry.path.endsWith('/composite'))).toHaveLength(2);
    await saved(local, 2);
    expect(local.keys().filter((key) => key.startsWith('describes:00D'))).toHaveLength(2);
  });

  it('does not use describes older than their lifetime', async () => {
    let clock = Date.now();
    const local = memoryStore();
    const { clientFor } = extensionClients(local, memoryStore(), () => clock);
    await clientFor(clients.org.sf.primary.sid).context(GLOBEX);
    await saved(local);
    clock += DESCRIBE_TTL_MS + 1;
    const realNow = Date.now;
    Date.now = () => realNow() + DESCRIBE_TTL_MS + 1;
    try {
      clients.org.sf.clearLog();
      await clientFor(clients.org.sf.primary.sid).context(GLOBEX);
      expect(requests()).toBe(2);
    } finally {
      Date.now = realNow;
    }
  });

  it('forgets a kept describe the org proved out of date, so the next client fetches it again', async () => {
    const { clientFor, local } = extensionClients();
    const first = clientFor(clients.org.sf.primary.sid);
    await first.context(GLOBEX);
    await saved(local);
    first.forgetDescribes(['Account']);
    const keptNames = async () => Object.keys((await local.get(local.keys().find((key) => key.startsWith('describes:00D')) ?? '')) as Record<string, unknown>);
    for (let tries = 0; tries < 100 && (await keptNames()).includes('account'); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const kept = await keptNames();
    expect(kept).not.toContain('account');
    expect(kept.length).toBeGreaterThan(0);
  });
});

describe('the describe store is bounded', () => {
  const session: ApiSession = { orgId: '00D000000000001', apiHost: API_HOST, sessionId: '00D000000000001!abc' };
  const entry = (fetchedAt: number): DescribeEntry => ({ describe: null, fetchedAt });

  it(`keeps the ${MAX_OBJECTS} most recently fetched objects per org and user`, async () => {
    const local = memoryStore();
    const user = { id: '005000000000001AAA' };
    const store = describeStoreFor(session, { local, apiVersion: '62.0', knownUser: async () => user, userOf: async () => user, now: () => 0 });
    await store.save(new Map(Array.from({ length: MAX_OBJECTS + 10 }, (_, index) => [`object${index}`, entry(index)])));
    const kept = await store.load();
    expect(kept.size).toBe(MAX_OBJECTS);
    expect(kept.has('object0')).toBe(false);
    expect(kept.has(`object${MAX_OBJECTS + 9}`)).toBe(true);
  });

  it(`keeps the describes of at most ${MAX_USERS} org-user sets, dropping the one used longest ago`, async () => {
    const local = memoryStore();
    let clock = 0;
    for (let index = 0; index <= MAX_USERS; index++) {
      const user = { id: `00500000000000${index}AAA` };
      clock += 1;
      await describeStoreFor(session, { local, apiVersion: '62.0', knownUser: async () => user, userOf: async () => user, now: () => clock }).save(
        new Map([['account', entry(clock)]]),
      );
    }
    const sets = local.keys().filter((key) => key.startsWith('describes:00D'));
    expect(sets).toHaveLength(MAX_USERS);
    expect(sets.some((key) => key.includes('005000000000000AAA'))).toBe(false);
  });
});
