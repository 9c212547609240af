import { browser } from 'wxt/browser';
import type { Sender } from '../messaging/senders';

/** One end of the side panel's port, as the panel and the background use it (tests pass a fake). */
export interface PanelPort {
  /** Who opened it (the background's end only). */
  readonly sender: Sender | undefined;
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

type RuntimePort = ReturnType<typeof browser.runtime.connect>;

function wrap(port: RuntimePort): PanelPort {
  return {
    sender: port.sender,
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.onMessage.addListener((message: unknown) => listener(message)),
    onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
    disconnect: () => port.disconnect(),
  };
}

/** The panel's end: a new port to the background (which wakes a stopped service worker). */
export function openPanelPort(name: string): PanelPort {
  return wrap(browser.runtime.connect({ name }));
}

/** The background's end: every port a page of this extension opens with this name. */
export function onPanelPort(name: string, serve: (port: PanelPort) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === name) serve(wrap(port));
    else port.disconnect();
  });
}
