/**
 * A map whose entries expire, holding at most `maxEntries` (the oldest written go first); describe results are cached
 * per org this way, so schema changes are seen eventually and an org of thousands of objects fills no more than that.
 */
export class TtlCache<V> {
  private entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 500,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Kept for the cache's lifetime from now, or until `expires` (a value fetched earlier, kept elsewhere meanwhile). */
  set(key: string, value: V, expires = this.now() + this.ttlMs): void {
    // Written again goes to the end: a Map iterates in insertion order, so its first key is the oldest written.
    this.entries.delete(key);
    this.entries.set(key, { value, expires });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** The cached value, or the loader's (shared by concurrent callers, not cached when it fails). */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const pending = this.pending.get(key);
    if (pending) return pending;
    const loading = load()
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, loading);
    return loading;
  }

  private pending = new Map<string, Promise<V>>();
}
