/**
 * A bound on what a store keeps of one kind of key: the keys with a given prefix are listed in an index, most
 * recently written last, and past `max` the oldest are removed with their values. Other keys pass through untouched.
 * Writes of one kind are made one at a time per store and index, each with its index change (concurrent writes in one
 * context never lose an entry).
 */
import { z } from 'zod/mini';
import type { KeyValueStore } from './store';

export interface RecentOptions {
  /** The keys kept in bound: those starting with this. */
  prefix: string;
  max: number;
  /** Where the index is kept (outside the prefix). */
  indexKey: string;
}

const Index = z.array(z.string());
const queues = new WeakMap<KeyValueStore, Map<string, Promise<unknown>>>();

/** Runs index changes of one store and index one after another. */
function serialized<T>(store: KeyValueStore, indexKey: string, work: () => Promise<T>): Promise<T> {
  const byIndex = queues.get(store) ?? new Map<string, Promise<unknown>>();
  queues.set(store, byIndex);
  const run = (byIndex.get(indexKey) ?? Promise.resolve()).then(work, work);
  byIndex.set(indexKey, run.catch(() => undefined));
  return run;
}

/** The index; when there is none yet, the keys of its kind already held (written before the bound), oldest first. */
async function readIndex(store: KeyValueStore, indexKey: string, prefix: string): Promise<{ keys: string[]; kept: boolean }> {
  const index = Index.safeParse(await store.get(indexKey));
  if (index.success) return { keys: index.data, kept: true };
  return { keys: (await store.keysWith?.(prefix)) ?? [], kept: false };
}

export function keepRecent(store: KeyValueStore, options: RecentOptions): KeyValueStore {
  const { prefix, max, indexKey } = options;
  if (indexKey.startsWith(prefix)) throw new Error('the index of kept keys must not carry their prefix');
  return {
    get: (key) => store.get(key),
    async set(key, value) {
      if (!key.startsWith(prefix)) return store.set(key, value);
      // The value and its place in the index change together: another write in between would see one without the other.
      await serialized(store, indexKey, async () => {
        await store.set(key, value);
        const index = await readIndex(store, indexKey, prefix);
        // Written again (a generation saved as it streams): already the most recent, nothing to change.
        if (index.kept && index.keys.at(-1) === key) return;
        const keys = [...index.keys.filter((kept) => kept !== key), key];
        const evicted = keys.splice(0, Math.max(0, keys.length - max));
        await store.set(indexKey, keys);
        for (const old of evicted) await store.remove(old);
      });
    },
    async remove(key) {
      if (!key.startsWith(prefix)) return store.remove(key);
      await serialized(store, indexKey, async () => {
        await store.remove(key);
        const { keys } = await readIndex(store, indexKey, prefix);
        if (keys.includes(key)) await store.set(indexKey, keys.filter((kept) => kept !== key));
      });
    },
  };
}
