/** An extension page or the service worker: anything that runs a function in an extension context. */
interface ExtensionContext {
  evaluate(fn: () => Promise<[string, unknown][]>): Promise<[string, unknown][]>;
}

/**
 * Everything in the extension's lasting store (its IndexedDB, lib/browser/local-store.ts), read from an extension
 * context (the service worker or an extension page): what the extension kept, as a test checks it.
 */
export function lastingItems(context: ExtensionContext): Promise<[string, unknown][]> {
  return context.evaluate(
    () =>
      new Promise<[string, unknown][]>((resolve, reject) => {
        const open = indexedDB.open('groundwork-local');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('items')) {
            db.close();
            resolve([]);
            return;
          }
          const store = db.transaction('items').objectStore('items');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            resolve(keys.result.map((key, index) => [String(key), values.result[index]]));
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

export async function lastingItem(context: ExtensionContext, key: string): Promise<unknown> {
  return (await lastingItems(context)).find(([name]) => name === key)?.[1];
}
