import '../lib/messaging/zod-setup';
import { cookieJar, featureBrowser, keepServiceWorkerAlive, localStore, sessionStore, settingsVersion } from '../lib/browser';
import { webAuthFlow } from '../lib/browser/identity';
import { tokenKey } from '../lib/browser/token-key';
import { browserUiLanguage } from '../lib/browser/ui-language';
import {
  extensionId,
  extensionOrigin,
  onRuntimeMessage,
  onTabChanges,
  openPanelOnActionClick,
  registerAlarms,
  registerContextMenus,
} from '../lib/browser/background-events';
import { onPanelPort } from '../lib/browser/panel-port';
import { CHANNELS, createFeatures } from '../lib/features';
import { MAIL_CLIENTS } from '../lib/features/mail';
import { isOptionsPage, LocationReport, MailReport, PANEL_PORT, salesforceTabOf, SignOutRequest, tabOnHostsOf } from '../lib/messaging';
import { servePanel } from '../lib/messaging/panel-session';

const MAIL_HOSTS = MAIL_CLIENTS.flatMap((client) => client.hosts);

export default defineBackground(() => {
  const { records, features, handlers, allowed, signOut, answerOptionsPage } = createFeatures({
    local: localStore(),
    session: sessionStore(),
    cookies: cookieJar,
    browser: featureBrowser,
    webAuthFlow,
    tokenKey,
    fetch: (input, init) => fetch(input, init),
    keepAlive: keepServiceWorkerAlive,
    now: () => new Date(),
    uiLanguage: browserUiLanguage,
    settingsVersion: settingsVersion(),
  });

  openPanelOnActionClick();
  registerContextMenus(
    features.flatMap((feature) => feature.contextMenus ?? []),
    (click) => {
      for (const feature of features) {
        if (feature.contextMenus?.some((entry) => entry.id === click.menuItemId)) void feature.onContextMenu?.(click);
      }
    },
  );
  registerAlarms(
    features.flatMap((feature) => feature.alarms ?? []),
    (name) => {
      for (const feature of features) {
        if (feature.alarms?.some((alarm) => alarm.name === name)) void feature.onAlarm?.(name);
      }
    },
  );

  // Content scripts only report what they see; the options page may end a Salesforce sign-in or ask for the team's
  // usage; anything from elsewhere, or malformed, is dropped.
  onRuntimeMessage((message, sender) => {
    if (isOptionsPage(sender, extensionId(), `${extensionOrigin()}options.html`)) {
      const signOutRequest = SignOutRequest.safeParse(message);
      if (signOutRequest.success) return signOut(signOutRequest.data.orgId);
      const answer = answerOptionsPage(message);
      if (answer) return answer;
    }
    const windowId = sender.tab?.windowId;
    if (windowId === undefined) return;
    const salesforceTab = salesforceTabOf(sender, extensionId());
    const location = LocationReport.safeParse(message);
    if (salesforceTab !== null && location.success && new URL(location.data.url).origin === sender.origin) {
      void records.reportLocation(salesforceTab, windowId, location.data.url);
      return;
    }
    const mailTab = tabOnHostsOf(sender, extensionId(), MAIL_HOSTS);
    const mail = MailReport.safeParse(message);
    if (mailTab !== null && mail.success && new URL(mail.data.url).origin === sender.origin) {
      void records.reportMail(mailTab, windowId, mail.data.url, mail.data.sender);
    }
  });

  onTabChanges({
    navigated: (tabId, windowId, url) => void records.tabNavigated(tabId, windowId, url),
    activated: (windowId) => void records.tabActivated(windowId),
    removed: (tabId) => void records.tabRemoved(tabId),
  });

  onPanelPort(PANEL_PORT, (port) => servePanel(port, { channels: CHANNELS, handlers, allowed, extensionOrigin: extensionOrigin() }));
});
