import { browser } from '../browser';
import { PANEL_PORT, PanelEvent, type PanelRequest } from '../messaging/protocol';
import { deliverFeatureEvent, setFeatureSender } from './feature-bus';
import { usePanelStore } from '../features/record-view/store';

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
      const store = usePanelStore.getState();
      switch (event.data.type) {
        case 'view':
          store.showView(event.data.view);
          break;
        case 'context-preview':
          store.showPreview(event.data.preview);
          break;
        case 'generations':
          store.showGenerations(event.data.recordId, event.data.generations);
          break;
        case 'generation':
          store.updateGeneration(event.data.generation);
          break;
        case 'feature-event':
          deliverFeatureEvent(event.data.feature, event.data.payload);
          break;
      }
    });
    port.onDisconnect.addListener(() => {
      port = null;
      usePanelStore.getState().setConnected(false);
      setTimeout(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'watch-window', windowId } satisfies PanelRequest);
  };

  signal.addEventListener('abort', () => {
    setFeatureSender(null);
    port?.disconnect();
  });
  setFeatureSender((feature, payload) => port?.postMessage({ type: 'feature', feature, payload } satisfies PanelRequest));
  open();
  return {
    send(request) {
      port?.postMessage(request);
    },
  };
}
