/**
 * What the Salesforce kernel keeps is bounded: the commit ledger in session storage, describes in memory, and the org
 * clients (one per session seen).
 */
import { describe, expect, it } from 'vitest';
import { MAX_LEDGER_ENTRIES, storageLedger } from '../../../lib/salesforce/ledger';
import { MAX_ORG_CLIENTS, sharedOrgClients } from '../../../lib/salesforce/org-clients';
import type { OrgClient } from '../../../lib/salesforce/client';
import { TtlCache } from '../../../lib/salesforce/ttl-cache';
import { memoryStore } from '../memory-store';

const committed = (key: string) => ({ state: 'committed' as const, committed: { idempotencyKey: key, committedAt: '2026-11-21T17:00:00.000Z', created: [], updated: [] } });

describe('bounds', () => {
  it(`keeps the last ${MAX_LEDGER_ENTRIES} commits in the ledger, the oldest dropped`, async () => {
    const session = memoryStore();
    const ledger = storageLedger(session);
    for (let index = 0; index <= MAX_LEDGER_ENTRIES; index += 1) await ledger.set(`key-${index}`, committed(`key-${index}`));
    expect(await ledger.get('key-0')).toBeUndefined();
    expect(await ledger.get(`key-${MAX_LEDGER_ENTRIES}`)).toMatchObject({ state: 'committed' });
    expect(session.keys().filter((key) => key.startsWith('write-ledger:'))).toHaveLength(MAX_LEDGER_ENTRIES);
    // A new ledger over the same storage (the next commit) keeps counting from what is there.
    await storageLedger(session).set('key-next', committed('key-next'));
    expect(await ledger.get('key-1')).toBeUndefined();
  });

  it('holds at most the given number of describes, the oldest written dropped, and still expires them', () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, () => now, 3);
    for (const name of ['account', 'contact', 'lead', 'task']) cache.set(name, name);
    expect(cache.get('account')).toBeUndefined();
    expect(['contact', 'lead', 'task'].map((name) => cache.get(name))).toEqual(['contact', 'lead', 'task']);
    now = 1000;
    expect(cache.get('task')).toBeUndefined();
  });

  it(`keeps ${MAX_ORG_CLIENTS} org clients, one per session, the least recently used dropped`, () => {
    let created = 0;
    const clientFor = sharedOrgClients(() => ({ id: (created += 1) }) as unknown as OrgClient);
    const session = (index: number) => ({ orgId: '00D000000000001', apiHost: 'acme.my.salesforce.com', sessionId: `00D000000000001!s${index}` });
    const first = clientFor(session(0));
    for (let index = 1; index < MAX_ORG_CLIENTS; index += 1) clientFor(session(index));
    expect(clientFor(session(0))).toBe(first);
    clientFor(session(MAX_ORG_CLIENTS));
    expect(clientFor(session(0))).toBe(first);
    expect(created).toBe(MAX_ORG_CLIENTS + 1);
    clientFor(session(1));
    expect(created).toBe(MAX_ORG_CLIENTS + 2);
  });
});
