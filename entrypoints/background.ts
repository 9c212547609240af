import { activeTabOf, browser, cookieJar, localStore, sessionStore } from '../lib/browser';
import {
  GmailReport,
  LocationReport,
  PANEL_PORT,
  PanelRequest,
  gmailTabOf,
  isExtensionPage,
  salesforceTabOf,
  type PanelEvent,
} from '../lib/messaging';
import { OrgRegistry } from '../lib/orgs';
import { RecordViewService } from '../lib/record-view';
import { OrgClient } from '../lib/salesforce';
import { SnapshotStore } from '../lib/snapshots';

export default defineBackground(() => {
  const records = new RecordViewService({
    store: sessionStore(),
    orgs: new OrgRegistry(localStore()),
    snapshots: new SnapshotStore(localStore()),
    cookies: cookieJar,
    activeTabOf,
    clientFor: (session, reread) => new OrgClient(session, reread),
  });

  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

  // Content scripts only report what they see; anything from elsewhere, or malformed, is dropped.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const windowId = sender.tab?.windowId;
    if (windowId === undefined) return;
    const salesforceTab = salesforceTabOf(sender, browser.runtime.id);
    const location = LocationReport.safeParse(message);
    if (salesforceTab !== null && location.success && new URL(location.data.url).origin === sender.origin) {
      void records.reportLocation(salesforceTab, windowId, location.data.url);
      return;
    }
    const gmailTab = gmailTabOf(sender, browser.runtime.id);
    const gmail = GmailReport.safeParse(message);
    if (gmailTab !== null && gmail.success && new URL(gmail.data.url).origin === sender.origin) {
      void records.reportGmail(gmailTab, windowId, gmail.data.url, gmail.data.sender);
    }
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void records.tabNavigated(tabId, tab.windowId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => void records.tabActivated(tabId, windowId));
  browser.tabs.onRemoved.addListener((tabId) => void records.tabRemoved(tabId));

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT || !port.sender || !isExtensionPage(port.sender, browser.runtime.getURL('/'))) {
      port.disconnect();
      return;
    }
    let watchedWindow: number | undefined;
    let stopWatching = (): void => {};
    const send = (event: PanelEvent): void => port.postMessage(event);
    port.onMessage.addListener((message: unknown) => {
      const request = PanelRequest.safeParse(message);
      if (!request.success) return;
      if (request.data.type === 'watch-window') {
        stopWatching();
        watchedWindow = request.data.windowId;
        stopWatching = records.watch(watchedWindow, (view) => send({ type: 'view', view }));
        return;
      }
      if (watchedWindow === undefined) return;
      switch (request.data.type) {
        case 'retry':
          void records.retry(watchedWindow);
          break;
        case 'enable-org':
          void records.enableOrg(watchedWindow, request.data.orgId);
          break;
        case 'show-context':
          void records.contextPreview(watchedWindow).then((preview) => preview && send({ type: 'context-preview', preview }));
          break;
      }
    });
    port.onDisconnect.addListener(() => stopWatching());
  });
});
