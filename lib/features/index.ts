/**
 * The feature registry: the background's features built on the kernel's services and on each other (through their
 * index.ts), each registering its channel, menus and alarms. Nothing below lib/features/<name>/ imports this file;
 * the entrypoints do.
 */
import type { FeatureBrowser, KeyValueStore } from '../browser';
import type { ChannelHandler, FeatureDeps, FeatureRegistration } from '../messaging/feature-handler';
import type { FeatureName } from '../messaging/channels';
import { streamGeneration } from '../model';
import { OrgRegistry } from '../orgs';
import { API_VERSION, OrgClient } from '../salesforce/client';
import { currentUsers, knownUser, usersOfSessions } from '../salesforce/current-user';
import { describeStoreFor } from '../salesforce/describe-store';
import { sharedOrgClients } from '../salesforce/org-clients';
import type { CookieJar } from '../salesforce/session';
import type { SettingsVersion } from './governance/sources';
import { createAskHandler } from './ask';
import { CHANNELS } from './channels';
import { createExtractLeadFeature } from './extract-lead';
import { createGenerateHandler, GenerationService } from './generate';
import { createGmailHandler } from './gmail';
import { createGovernance, createGovernanceFeature, type SettingsGate } from './governance';
import { teamUsageReader, TeamUsageRequest } from './governance/org-audit';
import { createLogNoteFeature } from './log-note';
import { createMorningPrepFeature } from './morning-prep';
import { createRecordViewHandler, RecordViewService, SnapshotStore } from './record-view';

export { CHANNELS } from './channels';

/** What the background is given of the browser: storage areas, cookies and the features' wrappers (lib/browser). */
export interface BackgroundPlatform {
  local: KeyValueStore;
  session: KeyValueStore;
  cookies: CookieJar;
  browser: FeatureBrowser;
  keepAlive(): () => void;
  now(): Date;
  /** A version of the settings and policy: given, the settings are kept in memory until it changes. */
  settingsVersion?: SettingsVersion;
}

/** Whether a feature's channel may be used now: its switch on (the rep's and the policy's); governance always may. */
export function channelAllowed(gate: Pick<SettingsGate, 'featureAllowed'>, channel: FeatureName): Promise<boolean> {
  const featureSwitch = CHANNELS.get(channel)?.featureSwitch ?? null;
  return featureSwitch === null ? Promise.resolve(true) : gate.featureAllowed(featureSwitch);
}

export function createFeatures(platform: BackgroundPlatform) {
  const { local, session, cookies, now } = platform;
  const orgs = new OrgRegistry(local);
  // The user behind each session, looked up once per session: the audit stamps it, kept describes are keyed by it.
  const userOfSession = usersOfSessions({
    cache: session,
    get: (apiSession, path) => clientFor(apiSession, async () => null).request('GET', path),
  });
  const clientFor = sharedOrgClients(
    (apiSession, reread) =>
      new OrgClient(
        apiSession,
        reread,
        describeStoreFor(apiSession, {
          local,
          apiVersion: API_VERSION,
          knownUser: (known) => knownUser(session, known),
          userOf: userOfSession,
          now: () => now().getTime(),
        }),
      ),
  );
  const governance = createGovernance({
    local,
    session,
    orgs,
    now,
    ...(platform.settingsVersion ? { settingsVersion: platform.settingsVersion } : {}),
    userOf: currentUsers({
      cookies,
      identityOf: (orgId) => orgs.identityOf(orgId),
      cache: session,
      get: (apiSession, path) => clientFor(apiSession, async () => null).request('GET', path),
      userOfSession,
    }),
  });
  const records = new RecordViewService({
    store: session,
    orgs,
    snapshots: new SnapshotStore(local),
    cookies,
    activeTabOf: platform.browser.activeTab,
    clientFor,
    redaction: () => governance.redaction(),
  });
  const generations = new GenerationService({
    store: local,
    slots: session,
    modelSettings: (feature) => governance.modelSettings(feature),
    promptVariant: (feature) => governance.promptVariant(feature),
    stream: streamGeneration,
    prohibitedPhrases: async () => (await governance.settings.effective()).settings.prohibitedPhrases,
    redaction: () => governance.redaction(),
    audit: governance.audit,
    keepAlive: platform.keepAlive,
    now,
    newId: () => crypto.randomUUID(),
  });
  const deps: FeatureDeps = {
    orgs,
    cookies,
    clientFor,
    local,
    session,
    browser: platform.browser,
    modelSettings: (useCase) => governance.modelSettings(useCase),
    prices: async () => (await governance.settings.effective()).settings.prices,
    redaction: () => governance.redaction(),
    auditLog: governance.log,
    keepAlive: platform.keepAlive,
    now,
  };
  const features: FeatureRegistration[] = [
    { name: 'record-view', channel: createRecordViewHandler(records, platform.browser) },
    { name: 'generate', channel: createGenerateHandler({ records, generations, featureAllowed: (feature) => governance.gate.featureAllowed(feature) }) },
    createLogNoteFeature({ ...deps, records }),
    createExtractLeadFeature({ ...deps, records }),
    { name: 'ask', channel: createAskHandler({ ...deps, records }) },
    { name: 'gmail', channel: createGmailHandler({ ...deps, records }) },
    createGovernanceFeature(deps),
    createMorningPrepFeature({ settings: governance.settings, gate: governance.gate, orgs, cookies, generations, clientFor, session }),
  ];
  const handlers = new Map<string, ChannelHandler<FeatureName>>(features.flatMap((feature) => (feature.channel ? [[feature.channel.channel, feature.channel]] : [])));
  const teamUsage = teamUsageReader({ orgs, cookies, clientFor, userOfSession });
  return {
    records,
    features,
    handlers,
    /** What the options page asks of the background (the team's usage from the org); null for anything else. */
    answerOptionsPage(message: unknown): Promise<unknown> | null {
      const request = TeamUsageRequest.safeParse(message);
      return request.success ? teamUsage(request.data) : null;
    },
    allowed: (channel: FeatureName) => channelAllowed(governance.gate, channel),
  };
}
