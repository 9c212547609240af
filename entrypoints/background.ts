import '../lib/messaging/zod-jitless';
import { activeTabOf, browser, cookieJar, featureBrowser, keepServiceWorkerAlive, localStore, sessionStore } from '../lib/browser';
import { createFeatureHandlers, type PanelConnection } from '../lib/features';
import { GenerationService, type Feature } from '../lib/features/generate';
import {
  FeatureName,
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
import { createGovernance } from '../lib/features/governance';
import { currentUsers } from '../lib/salesforce/current-user';
import { OrgRegistry } from '../lib/orgs';
import { RecordViewService } from '../lib/features/record-view';
import { changeLines } from '../lib/features/record-view/card';
import { OrgClient } from '../lib/salesforce';
import { SnapshotStore } from '../lib/features/record-view/snapshots';

const FEATURES: readonly Feature[] = ['summary', 'brief', 'insights', 'email'];

export default defineBackground(() => {
  const local = localStore();
  const session = sessionStore();
  const orgs = new OrgRegistry(local);
  const records = new RecordViewService({
    store: session,
    orgs,
    snapshots: new SnapshotStore(local),
    cookies: cookieJar,
    activeTabOf,
    clientFor: (apiSession, reread) => new OrgClient(apiSession, reread),
    redaction: () => governance.redaction(),
  });
  const governance = createGovernance({
    local,
    session,
    orgs,
    now: () => new Date(),
    userOf: currentUsers({
      cookies: cookieJar,
      identityOf: (orgId) => orgs.identityOf(orgId),
      cache: session,
      get: (apiSession, path) => new OrgClient(apiSession, async () => null).request('GET', path),
    }),
  });
  const generations = new GenerationService({
    store: local,
    modelSettings: (feature) => governance.modelSettings(feature),
    promptVariant: (feature) => governance.promptVariant(feature),
    stream: streamGeneration,
    prohibitedPhrases: async () => (await governance.settings.effective()).settings.prohibitedPhrases,
    redaction: () => governance.redaction(),
    audit: governance.audit,
    keepAlive: keepServiceWorkerAlive,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  });

  const features = createFeatureHandlers({
    records,
    generations,
    orgs,
    cookies: cookieJar,
    local,
    session,
    browser: featureBrowser,
    modelSettings: (useCase) => governance.modelSettings(useCase),
    prices: async () => (await governance.settings.effective()).settings.prices,
    redaction: () => governance.redaction(),
    auditLog: governance.log,
    keepAlive: keepServiceWorkerAlive,
    now: () => new Date(),
  });

  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      for (const handler of features.values()) {
        for (const { id, title, contexts, documentUrlPatterns } of handler.contextMenus ?? []) {
          const [first, ...rest] = contexts;
          if (first) browser.contextMenus.create({ id, title, contexts: [first, ...rest], ...(documentUrlPatterns ? { documentUrlPatterns } : {}) });
        }
      }
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    const click = {
      menuItemId: String(info.menuItemId),
      selectionText: info.selectionText,
      frameId: info.frameId ?? 0,
      tab: { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title },
    };
    for (const handler of features.values()) {
      if (handler.contextMenus?.some((entry) => entry.id === click.menuItemId)) void handler.onContextMenu?.(click);
    }
  });
  for (const handler of features.values()) {
    for (const alarm of handler.alarms ?? []) {
      void browser.alarms.get(alarm.name).then(async (existing) => {
        if (!existing) await browser.alarms.create(alarm.name, { periodInMinutes: alarm.periodInMinutes });
      });
    }
  }
  browser.alarms.onAlarm.addListener(({ name }) => {
    for (const handler of features.values()) {
      if (handler.alarms?.some((alarm) => alarm.name === name)) void handler.onAlarm?.(name);
    }
  });

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
    const connections = new Map<string, PanelConnection>();
    const connectionFor = (feature: FeatureName, window: number): PanelConnection => {
      const key = `${feature}:${window}`;
      const existing = connections.get(key);
      if (existing) return existing;
      const connection = { windowId: window, send: (payload: unknown) => send({ type: 'feature-event', feature, payload }) };
      connections.set(key, connection);
      return connection;
    };

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
          void records.recordInView(window).then(async (inView) => {
            if (!inView || !(await governance.gate.featureAllowed(feature))) return;
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
        case 'feature': {
          const { feature, payload } = request.data;
          void governance.gate.channelAllowed(feature).then(async (allowed) => {
            if (allowed) await features.get(feature)?.handle(payload, connectionFor(feature, window));
          });
          break;
        }
        case 'generation-outcome': {
          const { feature, generationId, report } = request.data;
          // A worker started since the panel showed it has not seen the generation: the record in view has it.
          const known = generations.slotOf(generationId);
          const slot = known ? Promise.resolve(known) : records.recordInView(window).then((inView) => inView?.slotKey ?? null);
          void slot.then((slotKey) => (slotKey ? generations.report(slotKey, feature, generationId, report) : null));
          break;
        }
      }
    });
    port.onDisconnect.addListener(() => {
      stopWatching();
      stopGenerationUpdates();
      for (const [key, connection] of connections) {
        features.get(FeatureName.parse(key.split(':')[0]))?.disconnected?.(connection);
      }
    });
  });
});
