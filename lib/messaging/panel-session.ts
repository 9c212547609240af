import type { PanelPort } from '../browser/panel-port';
import { parsePayload, type ChannelTable, type FeatureName, type ParsedRequestOf } from './channels';
import type { ChannelHandler, PanelConnection } from './feature-handler';
import { PanelRequest, type PanelEvent } from './protocol';
import { isExtensionPage } from './senders';

export interface PanelSessionDeps {
  channels: ChannelTable;
  handlers: ReadonlyMap<string, ChannelHandler<FeatureName>>;
  /** Whether a feature's channel may be used now (its switch on, the policy allowing it). */
  allowed(channel: FeatureName): Promise<boolean>;
  /** This extension's own origin: only its pages may open a panel port. */
  extensionOrigin: string;
}

/**
 * One side panel's port, served: the panel says which window it follows, then each feature's request is parsed with
 * that feature's channel schema and handed to its handler (refused while the feature is switched off). Each handler
 * sees one connection per panel, told when it connects and when the panel closes.
 */
export function servePanel(port: PanelPort, deps: PanelSessionDeps): void {
  const sender = port.sender;
  if (!sender || !isExtensionPage(sender, deps.extensionOrigin)) {
    port.disconnect();
    return;
  }
  let connections = new Map<string, PanelConnection>();
  const disconnectAll = (): void => {
    for (const [feature, connection] of connections) deps.handlers.get(feature)?.disconnected?.(connection);
    connections = new Map();
  };

  const watch = (windowId: number): void => {
    disconnectAll();
    for (const [feature, handler] of deps.handlers) {
      const connection: PanelConnection = {
        windowId,
        send: (payload) => port.post({ type: 'feature-event', feature, payload } satisfies PanelEvent),
      };
      connections.set(feature, connection);
      handler.connected?.(connection);
    }
  };

  port.onMessage((message) => {
    const request = PanelRequest.safeParse(message);
    if (!request.success) return;
    if (request.data.type === 'watch-window') return watch(request.data.windowId);
    const { feature, payload } = request.data;
    const connection = connections.get(feature);
    const handler = deps.handlers.get(feature);
    const parsed = parsePayload(deps.channels, feature, 'request', payload);
    if (!connection || !handler || !parsed) return;
    // Parsed with this very feature's request schema: the handler's own request type.
    const typed = parsed.value as ParsedRequestOf<FeatureName>;
    void deps.allowed(handler.channel).then(async (allowed) => {
      if (allowed) await handler.handle(typed, connection);
    });
  });
  port.onDisconnect(disconnectAll);
}
