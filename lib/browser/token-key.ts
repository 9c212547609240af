import { openDB } from 'idb';

/**
 * The key that encrypts Salesforce tokens at rest: AES-GCM, generated once in this browser profile and kept in the
 * extension's IndexedDB as a non-extractable CryptoKey, so its bytes can never be read out, not even by the extension,
 * and no other origin can reach it. Storage holds only what it encrypted.
 */
const DB_NAME = 'groundwork-keys';
const STORE = 'keys';
const TOKEN_KEY = 'salesforce-tokens';

async function generateKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

let cached: Promise<CryptoKey> | null = null;

export function tokenKey(): Promise<CryptoKey> {
  cached ??= (async () => {
    const db = await openDB(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    });
    const existing: unknown = await db.get(STORE, TOKEN_KEY);
    if (existing instanceof CryptoKey) return existing;
    const key = await generateKey();
    // `add` fails if another context stored a key first: that one wins, so both use the same key.
    try {
      await db.add(STORE, key, TOKEN_KEY);
      return key;
    } catch {
      const winner: unknown = await db.get(STORE, TOKEN_KEY);
      if (winner instanceof CryptoKey) return winner;
      throw new Error('The token key could not be stored.');
    }
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
