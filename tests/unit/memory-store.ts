import type { KeyValueStore } from '../../lib/browser/store';

/** A KeyValueStore in memory, with a structured clone on the way in and out as extension storage does. */
export function memoryStore(): KeyValueStore & { keys(): string[] } {
  const items = new Map<string, unknown>();
  return {
    async get(key) {
      return items.has(key) ? structuredClone(items.get(key)) : undefined;
    },
    async set(key, value) {
      items.set(key, structuredClone(value));
    },
    async remove(key) {
      items.delete(key);
    },
    keys: () => [...items.keys()],
    keysWith: async (prefix) => [...items.keys()].filter((key) => key.startsWith(prefix)),
  };
}
