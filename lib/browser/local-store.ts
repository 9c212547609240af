/**
 * The extension's lasting store (settings, the API key, enabled orgs, snapshots, kept results): IndexedDB of the
 * extension's own origin. Content scripts run in the web page's origin, so they can neither open this database nor
 * change what is in it; chrome.storage.local, where this data lived before, is readable and writable by every
 * content script, and Chromium offers no way to restrict it (setAccessLevel covers storage.session only).
 * Values are kept as structured clones, read back as `unknown` and validated by their owners, like before.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KeyValueStore } from './store';

interface LocalDb extends DBSchema {
  items: { key: string; value: unknown };
}

export const LOCAL_DB_NAME = 'groundwork-local';
/** Set once the items of chrome.storage.local were taken over; from then on that area is never read again. */
export const MIGRATED_KEY = 'store:migrated-from-storage-local';

/** chrome.storage.local as it was used before: read once, then emptied. */
export interface LegacyArea {
  getAll(): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}

export interface IdbStoreOptions {
  name?: string;
  /** Tells the other extension contexts that a key changed (they read it again from here). */
  changed(key: string): void;
  /** The old home of these items, taken over on first use. */
  legacy?: LegacyArea;
}

export class IdbKeyValueStore implements KeyValueStore {
  private db: Promise<IDBPDatabase<LocalDb>> | null = null;

  constructor(private readonly options: IdbStoreOptions) {}

  async get(key: string): Promise<unknown> {
    return (await this.open()).get('items', key);
  }

  async set(key: string, value: unknown): Promise<void> {
    await (await this.open()).put('items', value, key);
    this.options.changed(key);
  }

  async remove(key: string): Promise<void> {
    await (await this.open()).delete('items', key);
    this.options.changed(key);
  }

  async keysWith(prefix: string): Promise<string[]> {
    return (await this.open()).getAllKeys('items', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  }

  private open(): Promise<IDBPDatabase<LocalDb>> {
    this.db ??= openDB<LocalDb>(this.options.name ?? LOCAL_DB_NAME, 1, {
      upgrade: (db) => void db.createObjectStore('items'),
    }).then(async (db) => {
      if (this.options.legacy) await takeOver(db, this.options.legacy);
      return db;
    });
    return this.db;
  }
}

/**
 * Moves what chrome.storage.local held into this store, once: a key already here (written by a context that got here
 * first) wins, and the old area is emptied. Every context runs this before its first read; two at once do the same.
 */
async function takeOver(db: IDBPDatabase<LocalDb>, legacy: LegacyArea): Promise<void> {
  if ((await db.get('items', MIGRATED_KEY)) === true) return;
  const items = await legacy.getAll();
  const tx = db.transaction('items', 'readwrite');
  for (const [key, value] of Object.entries(items)) {
    if ((await tx.store.getKey(key)) === undefined) await tx.store.put(value, key);
  }
  await tx.store.put(true, MIGRATED_KEY);
  await tx.done;
  await legacy.clear();
}
