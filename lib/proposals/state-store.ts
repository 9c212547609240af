/**
 * Where the write path keeps what must survive the panel closing and the worker stopping: per record, the note, its
 * review and its commit; per window, the pending lead review; and the commit ledger by idempotency key. All in session
 * storage (cleared when the browser closes), checked with zod when read back.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../browser/store';
import { Committed, type CommitLedger, type LedgerEntry } from '../salesforce/writes';
import { LeadState, NotesState } from './messages';

const LedgerEntrySchema: z.ZodType<LedgerEntry> = z.union([
  z.object({ state: z.literal('sending'), startedAt: z.string() }),
  z.object({ state: z.literal('committed'), committed: Committed }),
]);

export function storageLedger(store: KeyValueStore): CommitLedger {
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

export const notesKey = (slotKey: string): string => `notes:${slotKey}`;
export const incomingNoteKey = (windowId: number): string => `notes-incoming:${windowId}`;
export const leadKey = (windowId: number): string => `lead:${windowId}`;

export async function loadNotes(store: KeyValueStore, key: string): Promise<NotesState | null> {
  const parsed = NotesState.safeParse(await store.get(key));
  return parsed.success ? parsed.data : null;
}

export async function loadLead(store: KeyValueStore, key: string): Promise<LeadState | null> {
  const parsed = LeadState.safeParse(await store.get(key));
  return parsed.success ? parsed.data : null;
}

export function emptyNotes(recordId: string): NotesState {
  return {
    recordId,
    phase: 'draft',
    draft: '',
    review: null,
    idempotencyKey: null,
    changes: [],
    committed: null,
    lightningHost: null,
    problem: null,
    auditId: null,
    added: null,
  };
}

/** Runs one change of a key at a time, so two quick requests never overwrite each other's state. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(key, next);
    const forget = (): void => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(forget, forget);
    return next;
  }
}
