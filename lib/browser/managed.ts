import { browser } from 'wxt/browser';
import type { KeyValueStore } from './store';

/**
 * The administrator's policy (Chrome enterprise managed storage), read-only: extensions cannot write it. A browser
 * without managed storage rejects the read; lib/settings/policy.ts takes that to mean "no policy".
 */
export function managedStore(): Pick<KeyValueStore, 'get'> {
  return {
    async get(key) {
      const items = await browser.storage.managed.get(key);
      return items[key];
    },
  };
}
