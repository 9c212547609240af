/**
 * The record view's channel: a panel that says which window it follows gets that window's view at once and every
 * change after; it may retry a failed read, enable the org, sign in to Salesforce or out, and ask for "What will be
 * sent".
 */
import type { FeatureBrowser } from '../../browser';
import type { ChannelHandler, PanelConnection } from '../../messaging/feature-handler';
import type { RecordViewEvent } from './messages';
import type { RecordViewService } from './service';
import type { PanelSignIn } from './sign-in';

export function createRecordViewHandler(
  records: RecordViewService,
  signIns: PanelSignIn,
  browser: Pick<FeatureBrowser, 'activeTab' | 'reloadTab'>,
): ChannelHandler<'record-view'> {
  const stopWatching = new WeakMap<PanelConnection<RecordViewEvent>, () => void>();
  return {
    channel: 'record-view',
    connected(panel) {
      stopWatching.set(panel, records.watch(panel.windowId, (view) => panel.send({ type: 'view', view })));
    },
    disconnected(panel) {
      stopWatching.get(panel)?.();
    },
    async handle(request, panel) {
      switch (request.type) {
        case 'retry':
          return records.retry(panel.windowId);
        case 'reload-tab': {
          const tab = await browser.activeTab(panel.windowId);
          if (tab) await browser.reloadTab(tab.tabId);
          return;
        }
        case 'enable-org':
          return records.enableOrg(panel.windowId, request.orgId);
        case 'sign-in':
          return signIns.signIn(panel.windowId);
        case 'sign-out':
          return signIns.signOut(panel.windowId);
        case 'show-context': {
          const preview = await records.contextPreview(panel.windowId);
          if (preview) panel.send({ type: 'context-preview', preview });
        }
      }
    },
  };
}
