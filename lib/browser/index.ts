/**
 * The only place that touches extension APIs. Business logic takes these small interfaces so tests can pass fakes.
 */
import { browser } from 'wxt/browser';
import type { CookieJar } from '../salesforce/session';
import { z } from 'zod/mini';
import { firefoxSidebar } from './sidebar';
import { storesInViewOrder } from './cookie-stores';
import { IdbKeyValueStore } from './local-store';
import type { KeyValueStore } from './store';

async function cookieStores(): Promise<string[]> {
  const [stores, [active]] = await Promise.all([browser.cookies.getAllCookieStores(), browser.tabs.query({ active: true, lastFocusedWindow: true })]);
  return storesInViewOrder(stores, active?.id);
}

export const cookieJar: CookieJar = {
  async sidFor(url) {
    for (const storeId of await cookieStores()) {
      const cookie = await browser.cookies.get({ url, name: 'sid', storeId });
      if (cookie) return cookie.value;
    }
    return null;
  },
  async allSids() {
    const perStore = await Promise.all((await cookieStores()).map((storeId) => browser.cookies.getAll({ name: 'sid', storeId })));
    return perStore.flat().map(({ domain, value }) => ({ domain, value }));
  },
};

export type { KeyValueStore } from './store';

/** Cleared when the browser closes: per-tab state and cached record views. Content scripts cannot reach it. */
export function sessionStore(): KeyValueStore {
  const storage = browser.storage.session;
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
    async keysWith(prefix) {
      return Object.keys(await storage.get(null)).filter((key) => key.startsWith(prefix));
    },
  };
}

/** The session-storage item through which a change to the lasting store is announced to every extension context. */
const LOCAL_CHANGE_SIGNAL = 'local-store:changed';
const LocalChange = z.object({ key: z.string(), nonce: z.string() });

let local: IdbKeyValueStore | null = null;

/**
 * Kept across restarts: settings, the API key, enabled orgs, snapshots, kept results. In the extension's own
 * IndexedDB (lib/browser/local-store.ts), out of content scripts' reach; what chrome.storage.local held is moved there
 * on first use.
 */
export function localStore(): KeyValueStore {
  local ??= new IdbKeyValueStore({
    // Session storage only carries the news (which key), never the value; its onChanged reaches every extension
    // context, and no content script.
    changed: (key) => void browser.storage.session.set({ [LOCAL_CHANGE_SIGNAL]: { key, nonce: crypto.randomUUID() } }),
    legacy: {
      getAll: () => browser.storage.local.get(null),
      clear: () => browser.storage.local.clear(),
    },
  });
  return local;
}

/** Calls back when one of these keys of the lasting store changes, in any extension context. */
export function onLocalChange(keys: readonly string[], listener: (key: string) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = area === 'session' ? LocalChange.safeParse(changes[LOCAL_CHANGE_SIGNAL]?.newValue) : null;
    if (change?.success && keys.includes(change.data.key)) listener(change.data.key);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * A token that differs after any change to the lasting store (the nonce of its last change news, which every context
 * writes to session storage once its write is committed) or to the administrator's policy (counted from its change
 * events): what lets the background keep the settings in memory and still never use them stale. One small session read.
 */
export function settingsVersion(): () => Promise<string> {
  let policyChanges = 0;
  onPolicyChange(() => {
    policyChanges += 1;
  });
  return async () => {
    const items = await browser.storage.session.get(LOCAL_CHANGE_SIGNAL);
    const change = LocalChange.safeParse(items[LOCAL_CHANGE_SIGNAL]);
    return `${change.success ? change.data.nonce : ''}|${policyChanges}`;
  };
}

/** Calls back when the administrator's policy (managed storage) changes. */
export function onPolicyChange(listener: () => void): () => void {
  const onChanged = (_changes: unknown, area: string): void => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

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

/** The browser facilities features may need, behind wrappers that tests can fake. */
export interface FeatureBrowser {
  /** The active tab of a window (url only for hosts the extension may read). */
  activeTab(windowId: number): Promise<ActiveTab | null>;
  /** Tabs of every window whose address matches one of the patterns, most recently used first. */
  tabsMatching(patterns: readonly string[]): Promise<{ tabId: number; url: string }[]>;
  /** A message to a tab's content script; rejects when none answers. */
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** Opens a URL in a new tab of the window. */
  openTab(windowId: number, url: string): Promise<void>;
  /** Reloads a tab (a Salesforce page whose session expired shows its login again). */
  reloadTab(tabId: number): Promise<void>;
  /** The selected text of a frame with its line breaks (a context-menu click grants this for the tab). */
  selectedText(tabId: number, frameId: number): Promise<string>;
  /** Opens the side panel for a tab (only in answer to a user gesture such as a context-menu click). */
  openSidePanel(tabId: number): Promise<void>;
}

export const featureBrowser: FeatureBrowser = {
  activeTab: activeTabOf,
  async tabsMatching(patterns: readonly string[]): Promise<{ tabId: number; url: string }[]> {
    const tabs = await browser.tabs.query({ url: [...patterns] });
    return tabs
      .filter((tab): tab is typeof tab & { id: number; url: string } => tab.id !== undefined && tab.url !== undefined)
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
      .map((tab) => ({ tabId: tab.id, url: tab.url }));
  },
  sendToTab: (tabId: number, message: unknown): Promise<unknown> => browser.tabs.sendMessage(tabId, message),
  async openTab(windowId: number, url: string): Promise<void> {
    await browser.tabs.create({ windowId, url });
  },
  async reloadTab(tabId: number): Promise<void> {
    await browser.tabs.reload(tabId);
  },
  async selectedText(tabId: number, frameId: number): Promise<string> {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: () => getSelection()?.toString() ?? '',
    });
    return typeof result?.result === 'string' ? result.result : '';
  },
  async openSidePanel(tabId: number): Promise<void> {
    const sidebar = firefoxSidebar();
    if (sidebar) await sidebar.open();
    else await browser.sidePanel.open({ tabId });
  },
};

/** Opens the options page, at one of its sections when named ("key", "budgets"…: the page reads its address's hash). */
export async function openOptionsPage(section?: string): Promise<void> {
  if (section) await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${encodeURIComponent(section)}`) });
  else await browser.runtime.openOptionsPage();
}

/** The window this extension page is in (the side panel follows that window's active tab). */
export async function currentWindowId(): Promise<number> {
  const window = await browser.windows.getCurrent();
  return window.id ?? browser.windows.WINDOW_ID_CURRENT;
}

/** A one-off message from an extension page to the background worker, and its answer. */
export function sendToBackground(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
