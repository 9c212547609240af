import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChainRecord } from './chain';

/**
 * Where the chain is kept. Records are stored and returned as they are (unknown on the way out): verification judges
 * them, so nothing is validated away here.
 */
export interface AuditBackend {
  /** The record with the highest seq, or null for an empty log. */
  last(): Promise<unknown>;
  /**
   * Adds a record at its seq; rejects with AppendConflict when that seq is taken (another context appended first).
   * With `deleteBelowSeq`, removes every record before that seq in the same transaction (retention).
   */
  append(record: ChainRecord, options?: { deleteBelowSeq?: number }): Promise<void>;
  /** Up to `limit` records from `fromSeq` on, in seq order. */
  page(fromSeq: number, limit: number): Promise<unknown[]>;
  /** Records whose `at` is at or after `from` (all records without it), in seq order. */
  since(from: string | undefined): Promise<unknown[]>;
  /** The entry with this id and its outcome amendments, in seq order. */
  byEntry(entryId: string): Promise<unknown[]>;
}

export class AppendConflict extends Error {
  constructor() {
    super('Another writer appended to the audit log first.');
  }
}

interface AuditDb extends DBSchema {
  chain: { key: number; value: ChainRecord; indexes: { at: string; entryId: string } };
}

export const AUDIT_DB_NAME = 'groundwork-audit';

/** The IndexedDB backend (through `idb`). Extension pages and the service worker share one database per profile. */
export class IdbAuditBackend implements AuditBackend {
  private db: Promise<IDBPDatabase<AuditDb>> | null = null;

  constructor(private readonly name: string = AUDIT_DB_NAME) {}

  async last(): Promise<unknown> {
    const cursor = await (await this.open()).transaction('chain').store.openCursor(null, 'prev');
    return cursor?.value ?? null;
  }

  async append(record: ChainRecord, options: { deleteBelowSeq?: number } = {}): Promise<void> {
    const tx = (await this.open()).transaction('chain', 'readwrite');
    try {
      const writes: Promise<unknown>[] = [tx.store.add(record)];
      if (options.deleteBelowSeq !== undefined && options.deleteBelowSeq > 0) {
        writes.push(tx.store.delete(IDBKeyRange.upperBound(options.deleteBelowSeq, true)));
      }
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'ConstraintError') throw new AppendConflict();
      throw error;
    }
  }

  async page(fromSeq: number, limit: number): Promise<unknown[]> {
    return (await this.open()).getAll('chain', IDBKeyRange.lowerBound(fromSeq), limit);
  }

  async since(from: string | undefined): Promise<unknown[]> {
    const db = await this.open();
    if (from === undefined) return db.getAll('chain');
    const records = await db.getAllFromIndex('chain', 'at', IDBKeyRange.lowerBound(from));
    return records.sort((a, b) => a.seq - b.seq);
  }

  async byEntry(entryId: string): Promise<unknown[]> {
    const records = await (await this.open()).getAllFromIndex('chain', 'entryId', entryId);
    return records.sort((a, b) => a.seq - b.seq);
  }

  private open(): Promise<IDBPDatabase<AuditDb>> {
    this.db ??= openDB<AuditDb>(this.name, 1, {
      upgrade(db) {
        const chain = db.createObjectStore('chain', { keyPath: 'seq' });
        chain.createIndex('at', 'at');
        // Entries and their outcome amendments share the entry's id; retention checkpoints have none (not indexed).
        chain.createIndex('entryId', 'entryId');
      },
    });
    return this.db;
  }

  /** Closes the connection (tests delete databases between runs). */
  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.db = null;
  }
}
