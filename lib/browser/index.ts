/**
 * The only place that touches extension APIs. Business logic takes these small interfaces so tests can pass fakes.
 */
import { browser } from 'wxt/browser';
import type { CookieJar } from '../salesforce/session';
import type { KeyValueStore } from './store';

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

export type { KeyValueStore } from './store';

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

const KEEP_ALIVE_EVERY_MS = 20_000;

/**
 * Keeps the service worker from being stopped while long work (a model stream) runs: an extension API call resets
 * Chrome's idle timer. Returns the function that lets it stop again.
 */
export function keepServiceWorkerAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_ALIVE_EVERY_MS);
  return () => clearInterval(timer);
}

/** The browser facilities feature handlers use (see lib/features/handler.ts). */
export const featureBrowser = {
  activeTab: activeTabOf,
  async gmailTabs(windowId: number): Promise<{ tabId: number; url: string }[]> {
    const tabs = await browser.tabs.query({ windowId, url: 'https://mail.google.com/*' });
    return tabs
      .filter((tab): tab is typeof tab & { id: number; url: string } => tab.id !== undefined && tab.url !== undefined)
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
      .map((tab) => ({ tabId: tab.id, url: tab.url }));
  },
  sendToTab: (tabId: number, message: unknown): Promise<unknown> => browser.tabs.sendMessage(tabId, message),
  async openTab(windowId: number, url: string): Promise<void> {
    await browser.tabs.create({ windowId, url });
  },
  async selectedText(tabId: number, frameId: number): Promise<string> {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: () => getSelection()?.toString() ?? '',
    });
    return typeof result?.result === 'string' ? result.result : '';
  },
  async openSidePanel(tabId: number): Promise<void> {
    await browser.sidePanel.open({ tabId });
  },
};
