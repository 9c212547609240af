/**
 * The background's browser events, behind small wrappers: what the features register (menus, alarms), what the
 * content scripts report, how tabs change, and the toolbar button. entrypoints/background.ts wires them to lib/.
 */
import { browserMessages } from './i18n';
import { browser } from 'wxt/browser';
import type { AlarmEntry, ContextMenuClick, ContextMenuEntry } from '../messaging/feature-handler';
import type { Sender } from '../messaging/senders';
import { firefoxSidebar } from './sidebar';

export const extensionId = (): string => browser.runtime.id;
export const extensionOrigin = (): string => browser.runtime.getURL('/');

/** The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox). */
export function openPanelOnActionClick(): void {
  const sidebar = firefoxSidebar();
  if (sidebar) {
    // Called within the click's user gesture, as Firefox requires for opening a sidebar.
    browser.action.onClicked.addListener(() => void sidebar.toggle());
    return;
  }
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
}

/**
 * The menu entries, created anew when the extension is installed or updated and when the browser starts: their titles
 * are in the browser's language, which changes only with a restart. A click goes to `onClick`.
 */
export function registerContextMenus(entries: readonly ContextMenuEntry[], onClick: (click: ContextMenuClick) => void): void {
  const create = (): void => {
    void browser.contextMenus.removeAll().then(() => {
      for (const { id, title, contexts, documentUrlPatterns } of entries) {
        const [first, ...rest] = contexts;
        if (first) browser.contextMenus.create({ id, title: browserMessages.message(title), contexts: [first, ...rest], ...(documentUrlPatterns ? { documentUrlPatterns } : {}) });
      }
    });
  };
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    onClick({
      menuItemId: String(info.menuItemId),
      selectionText: info.selectionText,
      frameId: info.frameId ?? 0,
      tab: { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title },
    });
  });
}

/** The alarms, created at start when missing; each firing goes to `onAlarm`. */
export function registerAlarms(alarms: readonly AlarmEntry[], onAlarm: (name: string) => void): void {
  for (const alarm of alarms) {
    void browser.alarms.get(alarm.name).then(async (existing) => {
      if (!existing) await browser.alarms.create(alarm.name, { periodInMinutes: alarm.periodInMinutes });
    });
  }
  browser.alarms.onAlarm.addListener(({ name }) => onAlarm(name));
}

/**
 * One-off messages from content scripts and extension pages (and anything else that sends one): checked by the
 * listener, whose promise, when it returns one, is the answer (natively since Chrome 144, the manifest's minimum, and
 * in Firefox); a rejected promise rejects the sender's.
 */
export function onRuntimeMessage(listener: (message: unknown, sender: Sender) => Promise<unknown> | void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => listener(message, sender));
}

export interface TabListeners {
  navigated(tabId: number, windowId: number, url: string | undefined): void;
  activated(windowId: number): void;
  removed(tabId: number): void;
}

export function onTabChanges(listeners: TabListeners): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') listeners.navigated(tabId, tab.windowId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ windowId }) => listeners.activated(windowId));
  browser.tabs.onRemoved.addListener((tabId) => listeners.removed(tabId));
}
