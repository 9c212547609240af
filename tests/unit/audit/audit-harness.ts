import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { AuditLog, IdbAuditBackend, type NewAuditEntry } from '../../../lib/audit';

let databases = 0;

/** A fresh audit log on its own fake IndexedDB database, with a clock the test moves and predictable ids. */
export function freshLog(start = '2026-03-02T09:00:00.000Z') {
  const dbName = `audit-test-${(databases += 1)}`;
  const clock = { now: new Date(start) };
  let ids = 0;
  const log = new AuditLog(new IdbAuditBackend(dbName), { now: () => clock.now, newId: () => `id-${(ids += 1)}` });
  const advance = (ms: number): void => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { log, dbName, clock, advance };
}

/** Opens the same database behind the log's back, as someone tampering with it would. */
export async function rawChain(dbName: string) {
  const db = await openDB(dbName, 1);
  return {
    async all(): Promise<Record<string, unknown>[]> {
      return db.getAll('chain') as Promise<Record<string, unknown>[]>;
    },
    async put(record: Record<string, unknown>): Promise<void> {
      await db.put('chain', record);
    },
    async delete(seq: number): Promise<void> {
      await db.delete('chain', seq);
    },
    close: () => db.close(),
  };
}

export function generation(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    user: { id: '005000000000001AAA', name: 'Alex Rivera' },
    orgId: '00D000000000001EAA',
    recordId: '001000000000001AAA',
    objectName: 'Account',
    feature: 'summary',
    promptId: 'summary',
    promptVersion: '3',
    model: 'claude-sonnet-5-5',
    tokens: { input: 1200, output: 300, cacheRead: 0, cacheWrite: 0 },
    costUsd: 0.0054,
    latencyMs: 2100,
    sent: 'Account: Globex [L1]',
    received: 'Globex is a manufacturing account [L1].',
    groundingFlags: 0,
    ...overrides,
  };
}
