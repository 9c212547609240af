/**
 * The Ask feature's background handler: each panel request (parsed with the channel's schema) goes to the AskService, which
 * answers every panel of the window (a reopened panel gets the kept state on 'open').
 */
import type { ChannelHandler, PanelConnection } from '../../messaging/feature-handler';
import { generateJson, streamGeneration } from '../../model';
import type { AskEvent } from './messages';
import type { AskDeps, AskOptions } from './deps';
import { AskService } from './service';

/** Every query's LIMIT at most: enough for "all contacts of this account", shown a page at a time. */
export const ASK_MAX_ROWS = 2000;
/** Salesforce's smallest batch: the first page comes fast, "Load more" brings the next. */
export const ASK_PAGE_SIZE = 200;

export const DEFAULT_ASK_OPTIONS: AskOptions = {
  generateJson,
  stream: streamGeneration,
  newId: () => crypto.randomUUID(),
  maxRows: ASK_MAX_ROWS,
  pageSize: ASK_PAGE_SIZE,
};

export function createAskHandler(deps: AskDeps, options: Partial<AskOptions> = {}): ChannelHandler<'ask'> {
  const service = new AskService(deps, { ...DEFAULT_ASK_OPTIONS, ...options });
  const senders = new WeakMap<PanelConnection<AskEvent>, (event: AskEvent) => void>();
  const senderOf = (panel: PanelConnection<AskEvent>): ((event: AskEvent) => void) => {
    const known = senders.get(panel);
    if (known) return known;
    const send = (event: AskEvent): void => panel.send(event);
    senders.set(panel, send);
    return send;
  };

  return {
    channel: 'ask',
    async handle(request, panel) {
      service.attach(panel.windowId, senderOf(panel));
      const { windowId } = panel;
      switch (request.type) {
        case 'open':
          return service.open(windowId);
        case 'draft':
          return service.saveDraft(windowId, request.text);
        case 'ask':
          return service.ask(windowId, request.question);
        case 'load-more':
          return service.loadMore(windowId);
        case 'summarize':
          return service.summarize(windowId);
        case 'stop-summary':
          return service.stopSummary(windowId);
      }
    },
    disconnected(panel) {
      service.detach(panel.windowId, senderOf(panel));
    },
  };
}
