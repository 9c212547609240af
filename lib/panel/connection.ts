import { browser } from '../browser';
import { PANEL_PORT, PanelEvent, type PanelRequest } from '../messaging/protocol';
import { usePanelStore } from './store';

const RECONNECT_DELAY_MS = 250;

/**
 * Keeps a port to the background open for as long as the panel lives. A stopped service worker closes the port; the
 * panel reconnects at once, which also wakes the worker, and asks for its window's view again.
 */
export function connectPanel(windowId: number, signal: AbortSignal): { send(request: PanelRequest): void } {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;

  const open = (): void => {
    if (signal.aborted) return;
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((message: unknown) => {
      const event = PanelEvent.safeParse(message);
      if (!event.success) return;
      if (event.data.type === 'view') usePanelStore.getState().showView(event.data.view);
      else usePanelStore.getState().showPreview(event.data.preview);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      usePanelStore.getState().setConnected(false);
      setTimeout(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'watch-window', windowId } satisfies PanelRequest);
  };

  signal.addEventListener('abort', () => port?.disconnect());
  open();
  return {
    send(request) {
      port?.postMessage(request);
    },
  };
}
