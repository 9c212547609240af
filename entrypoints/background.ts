import { activeTabOf, browser, cookieJar, sessionStore } from '../lib/browser';
import { LocationReport, PANEL_PORT, PanelRequest, type PanelEvent, isExtensionPage, salesforceTabOf } from '../lib/messaging';
import { RecordViewService } from '../lib/record-view';
import { OrgClient } from '../lib/salesforce';

export default defineBackground(() => {
  const records = new RecordViewService({
    store: sessionStore(),
    cookies: cookieJar,
    activeTabOf,
    clientFor: (session, reread) => new OrgClient(session, reread),
  });

  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = salesforceTabOf(sender, browser.runtime.id);
    const report = LocationReport.safeParse(message);
    if (tabId === null || !report.success || sender.tab?.windowId === undefined) return;
    if (new URL(report.data.url).origin !== sender.origin) return;
    void records.reportLocation(tabId, sender.tab.windowId, report.data.url);
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
      } else if (watchedWindow !== undefined) {
        void records.retry(watchedWindow);
      }
    });
    port.onDisconnect.addListener(() => stopWatching());
  });
});
