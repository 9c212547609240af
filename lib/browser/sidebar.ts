/** Firefox's sidebar, where Chrome has a side panel: which one this browser has. */
import { browser } from 'wxt/browser';

/** Firefox's sidebar API, where Chrome has `sidePanel` (absent from Chrome's types). */
interface SidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

/** Firefox shows the panel as a sidebar (`sidebar_action`); Chrome as a side panel. */
export function firefoxSidebar(): SidebarAction | null {
  const api = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  return api && typeof browser.sidePanel?.open !== 'function' ? api : null;
}
