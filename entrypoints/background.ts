import { activeTabOf, browser, cookieJar, keepServiceWorkerAlive, localStore, sessionStore } from '../lib/browser';
import { GenerationService, type Feature } from '../lib/generation';
import { modelSettingsFor } from '../lib/generation/model-settings';
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
import { streamGeneration } from '../lib/model';
import { OrgRegistry } from '../lib/orgs';
import { RecordViewService } from '../lib/record-view';
import { changeLines } from '../lib/record-view/card';
import { OrgClient } from '../lib/salesforce';
import { SnapshotStore } from '../lib/snapshots';

const FEATURES: readonly Feature[] = ['summary', 'brief', 'insights', 'email'];

export default defineBackground(() => {
  const local = localStore();
  const session = sessionStore();
  const records = new RecordViewService({
    store: session,
    orgs: new OrgRegistry(local),
    snapshots: new SnapshotStore(local),
    cookies: cookieJar,
    activeTabOf,
    clientFor: (apiSession, reread) => new OrgClient(apiSession, reread),
  });
  const generations = new GenerationService({
    store: local,
    modelSettings: (feature) => modelSettingsFor(feature, local, session),
    stream: streamGeneration,
    prohibitedPhrases: async () => [],
    audit: { record: async () => null },
    keepAlive: keepServiceWorkerAlive,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
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
    const send = (event: PanelEvent): void => port.postMessage(event);
    let windowId: number | undefined;
    let shownRecord: string | null = null;
    let stopWatching = (): void => {};

    const sendKeptGenerations = async (): Promise<void> => {
      if (windowId === undefined) return;
      const inView = await records.recordInView(windowId);
      if (!inView) return;
      send({ type: 'generations', recordId: inView.card.recordId, generations: await generations.kept(inView, FEATURES) });
    };
    const stopGenerationUpdates = generations.subscribe((generation) => {
      if (generation.recordId === shownRecord) send({ type: 'generation', generation });
    });

    port.onMessage.addListener((message: unknown) => {
      const request = PanelRequest.safeParse(message);
      if (!request.success) return;
      if (request.data.type === 'watch-window') {
        stopWatching();
        windowId = request.data.windowId;
        stopWatching = records.watch(windowId, (view) => {
          send({ type: 'view', view });
          const recordId = view.kind === 'record' ? view.card.recordId : null;
          if (recordId !== shownRecord) {
            shownRecord = recordId;
            void sendKeptGenerations();
          }
        });
        return;
      }
      if (windowId === undefined) return;
      const window = windowId;
      switch (request.data.type) {
        case 'retry':
          void records.retry(window);
          break;
        case 'enable-org':
          void records.enableOrg(window, request.data.orgId);
          break;
        case 'show-context':
          void records.contextPreview(window).then((preview) => preview && send({ type: 'context-preview', preview }));
          break;
        case 'generate': {
          const { feature, email } = request.data;
          void records.recordInView(window).then((inView) => {
            if (!inView) return;
            return generations.generate(
              { ...inView, recordId: inView.card.recordId, lastVisit: inView.card.lastVisit, changes: changeLines(inView.card.changes) },
              feature,
              email,
            );
          });
          break;
        }
        case 'stop-generation': {
          const { feature } = request.data;
          void records.recordInView(window).then((inView) => inView && generations.stop(inView.slotKey, feature));
          break;
        }
        case 'generation-feedback': {
          const { feature, feedback } = request.data;
          void records.recordInView(window).then((inView) => inView && generations.setFeedback(inView.slotKey, feature, feedback));
          break;
        }
      }
    });
    port.onDisconnect.addListener(() => {
      stopWatching();
      stopGenerationUpdates();
    });
  });
});
