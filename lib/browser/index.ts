/**
 * The only place that touches extension APIs. Business logic takes these small interfaces so tests can pass fakes.
 */
import { browser } from 'wxt/browser';
import type { CookieJar } from '../salesforce/session';

export { browser };

export const cookieJar: CookieJar = {
  async sidFor(url) {
    const cookie = await browser.cookies.get({ url, name: 'sid' });
    return cookie?.value ?? null;
  },
  async allSids() {
    const cookies = await browser.cookies.getAll({ name: 'sid' });
    return cookies.map(({ domain, value }) => ({ domain, value }));
  },
};

/** A small key-value store; the background keeps its state here because the service worker can stop at any time. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

function areaStore(area: 'session' | 'local'): KeyValueStore {
  const storage = browser.storage[area];
  return {
    async get(key) {
      const items = await storage.get(key);
      return items[key];
    },
    async set(key, value) {
      await storage.set({ [key]: value });
    },
    async remove(key) {
      await storage.remove(key);
    },
  };
}

/** Cleared when the browser closes: per-tab state and cached record views. */
export const sessionStore = (): KeyValueStore => areaStore('session');
/** Kept across restarts: settings, enabled orgs, snapshots. */
export const localStore = (): KeyValueStore => areaStore('local');

export interface ActiveTab {
  tabId: number;
  url: string | undefined;
}

export async function activeTabOf(windowId: number): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, windowId });
  return tab?.id === undefined ? null : { tabId: tab.id, url: tab.url };
}
