/**
 * Where commits are remembered by idempotency key, so that the same key never writes twice: "sending" before the
 * request goes (a retry after a stopped worker looks first), "committed" with what was written once it answered.
 */
import { z } from 'zod/mini';
import { keepRecent } from '../browser/recent-store';
import type { KeyValueStore } from '../browser/store';
import { Committed } from './write-plan';

export type LedgerEntry = { state: 'sending'; startedAt: string } | { state: 'committed'; committed: Committed };

const LedgerEntrySchema: z.ZodMiniType<LedgerEntry> = z.union([
  z.object({ state: z.literal('sending'), startedAt: z.string() }),
  z.object({ state: z.literal('committed'), committed: Committed }),
]);

/** The ledger's interface: storage.session in the extension (it must survive the worker), memory in tests. */
export interface CommitLedger {
  get(key: string): Promise<LedgerEntry | undefined>;
  set(key: string, entry: LedgerEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryLedger(): CommitLedger {
  const entries = new Map<string, LedgerEntry>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, entry) => {
      entries.set(key, entry);
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}

/**
 * Commits remembered: a key matters while its review is open, so the last hundred are plenty; older ones are dropped
 * (the most recently written kept), so the ledger never outgrows session storage.
 */
export const MAX_LEDGER_ENTRIES = 100;

/** The ledger in a key-value store (session storage: cleared when the browser closes), checked when read back. */
export function storageLedger(sessionStore: KeyValueStore): CommitLedger {
  const store = keepRecent(sessionStore, { prefix: 'write-ledger:', max: MAX_LEDGER_ENTRIES, indexKey: 'index:write-ledger' });
  const key = (idempotencyKey: string): string => `write-ledger:${idempotencyKey}`;
  return {
    async get(idempotencyKey) {
      const parsed = LedgerEntrySchema.safeParse(await store.get(key(idempotencyKey)));
      return parsed.success ? parsed.data : undefined;
    },
    set: (idempotencyKey, entry) => store.set(key(idempotencyKey), entry),
    delete: (idempotencyKey) => store.remove(key(idempotencyKey)),
  };
}
