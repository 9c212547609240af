/** A small key-value store; the background keeps its state here because the service worker can stop at any time. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** The keys held that start with `prefix` (stores that can list them). */
  keysWith?(prefix: string): Promise<string[]>;
}
