import type { PanelConnection } from './feature-handler';

/**
 * The panel of each window a feature talks to: the latest one to send a request, forgotten when it disconnects.
 * Sending to a panel that closed meanwhile does nothing: it asks for the state again when it opens.
 */
export class WindowPanels<Event> {
  private readonly byWindow = new Map<number, PanelConnection<Event>>();

  remember(panel: PanelConnection<Event>): void {
    this.byWindow.set(panel.windowId, panel);
  }

  forget(panel: PanelConnection<Event>): void {
    if (this.byWindow.get(panel.windowId) === panel) this.byWindow.delete(panel.windowId);
  }

  send(windowId: number, event: Event): void {
    try {
      this.byWindow.get(windowId)?.send(event);
    } catch {
      // The port closed between the lookup and the send.
    }
  }
}
