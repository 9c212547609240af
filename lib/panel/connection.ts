import { openPanelPort } from '../browser/panel-port';
import type { ChannelTable } from '../messaging/channels';
import { PANEL_PORT, PanelEvent, type PanelRequest } from '../messaging/protocol';
import { attachFeatureBus, deliverFeatureEvent, portOpened, setConnected } from './feature-bus';

const RECONNECT_DELAY_MS = 250;

/**
 * Keeps a port to the background open for as long as the panel lives. A stopped service worker closes the port; the
 * panel reconnects at once, which also wakes the worker, and says again which window it follows.
 */
export function connectPanel(windowId: number, channels: ChannelTable, signal: AbortSignal): void {
  let port: ReturnType<typeof openPanelPort> | null = null;
  // A click while the port is down (the worker was stopped a moment ago) is sent once it is open again, not dropped.
  let waiting: PanelRequest[] = [];

  const post = (request: PanelRequest): void => {
    if (!port) {
      waiting.push(request);
      return;
    }
    try {
      port.post(request);
    } catch {
      // The port closed before its disconnect event: the request waits for the next one.
      waiting.push(request);
    }
  };

  const open = (): void => {
    if (signal.aborted) return;
    port = openPanelPort(PANEL_PORT);
    port.onMessage((message) => {
      const event = PanelEvent.safeParse(message);
      if (!event.success) return;
      setConnected(true);
      deliverFeatureEvent(event.data.feature, event.data.payload);
    });
    port.onDisconnect(() => {
      port = null;
      setConnected(false);
      setTimeout(open, RECONNECT_DELAY_MS);
    });
    port.post({ type: 'watch-window', windowId } satisfies PanelRequest);
    portOpened();
    const queued = waiting;
    waiting = [];
    for (const request of queued) post(request);
  };

  signal.addEventListener('abort', () => {
    attachFeatureBus(channels, null);
    port?.disconnect();
  });
  attachFeatureBus(channels, (feature, payload) => post({ type: 'feature', feature, payload }));
  open();
}
