import { z } from 'zod';

/** A small key-value store; the background keeps its state here because the service worker can stop at any time. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

const KeyList = z.array(z.string());

/**
 * Keys of one kind kept in a store, at most `max`, the least recently touched removed: what keeps a per-record cache
 * (snapshots, finished generations) bounded however many records the rep opens. Touches are applied one after another.
 */
export class BoundedKeys {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly indexKey: string,
    private readonly max: number,
  ) {}

  /** `key` becomes the most recent; the oldest keys past `max` are removed from the store. */
  touch(key: string): Promise<void> {
    const next = this.queue.then(async () => {
      const stored = KeyList.safeParse(await this.store.get(this.indexKey));
      const keys = [...(stored.success ? stored.data : []).filter((known) => known !== key), key];
      for (const evicted of keys.splice(0, Math.max(0, keys.length - this.max))) await this.store.remove(evicted);
      await this.store.set(this.indexKey, keys);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
