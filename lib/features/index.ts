/**
 * The feature registry: the background's features built on the kernel's services and on each other (through their
 * index.ts), each registering its channel, menus and alarms. Nothing below lib/features/<name>/ imports this file;
 * the entrypoints do.
 */
import type { FeatureBrowser, KeyValueStore } from '../browser';
import type { WebAuthFlow } from '../browser/identity';
import type { ChannelHandler, FeatureDeps, FeatureRegistration } from '../messaging/feature-handler';
import type { FeatureName } from '../messaging/channels';
import { streamGeneration } from '../model';
import { OrgRegistry } from '../orgs';
import { API_VERSION } from '../salesforce/client';
import { SalesforceSessions } from '../salesforce/credentials';
import { currentUsers, knownUser, usersOfSessions } from '../salesforce/current-user';
import { describeStoreFor } from '../salesforce/describe-store';
import { SalesforceOAuth, TokenVault } from '../salesforce/oauth';
import { sharedOrgClients } from '../salesforce/org-clients';
import { isLocked, outputLanguageRequest, signInRequired, type EffectiveSettings } from '../settings';
import type { CookieJar } from '../salesforce/session';
import type { SettingsVersion } from './governance/sources';
import { createAskHandler } from './ask';
import { CHANNELS } from './channels';
import { createExtractLeadFeature } from './extract-lead';
import { createGenerateHandler, GenerationService } from './generate';
import { createMailHandler, mailClientOf } from './mail';
import { createGovernance, createGovernanceFeature, type SettingsGate } from './governance';
import { teamUsageReader, TeamUsageRequest } from './governance/org-audit';
import { createLogNoteFeature } from './log-note';
import { createMorningPrepFeature } from './morning-prep';
import { createRecordViewHandler, PanelSignIn, RecordViewService, SnapshotStore } from './record-view';

export { CHANNELS } from './channels';

/** What the background is given of the browser: storage areas, cookies and the features' wrappers (lib/browser). */
export interface BackgroundPlatform {
  local: KeyValueStore;
  session: KeyValueStore;
  cookies: CookieJar;
  browser: FeatureBrowser;
  /** The browser's OAuth window, for "Sign in with Salesforce" (lib/browser/identity.ts). */
  webAuthFlow: WebAuthFlow;
  /** The key Salesforce tokens are encrypted under (lib/browser/token-key.ts). */
  tokenKey(): Promise<CryptoKey>;
  fetch: typeof fetch;
  keepAlive(): () => void;
  now(): Date;
  /** The language of the browser's interface (lib/browser/ui-language.ts): the default output language. */
  uiLanguage(): string;
  /** A version of the settings and policy: given, the settings are kept in memory until it changes. */
  settingsVersion?: SettingsVersion;
}

/**
 * How the features reach Salesforce: the org's sign-in (OAuth) where the rep signed in or the policy requires it,
 * else the browser session.
 */
function salesforceAccess(platform: BackgroundPlatform, effective: () => Promise<EffectiveSettings>) {
  const oauth = new SalesforceOAuth({
    vault: new TokenVault({ local: platform.local, session: platform.session, key: platform.tokenKey }),
    flow: platform.webAuthFlow,
    fetch: platform.fetch,
    clientIdFor: async () => (await effective()).settings.salesforceClientId || null,
    now: platform.now,
  });
  const sessions = new SalesforceSessions({
    cookies: platform.cookies,
    oauth,
    oauthRequired: async (orgId) => signInRequired(await effective(), orgId),
    fetch: platform.fetch,
  });
  return { oauth, sessions };
}

/** Whether a feature's channel may be used now: its switch on (the rep's and the policy's); governance always may. */
export function channelAllowed(gate: Pick<SettingsGate, 'featureAllowed'>, channel: FeatureName): Promise<boolean> {
  const featureSwitch = CHANNELS.get(channel)?.featureSwitch ?? null;
  return featureSwitch === null ? Promise.resolve(true) : gate.featureAllowed(featureSwitch);
}

export function createFeatures(platform: BackgroundPlatform) {
  const { local, session, cookies, now } = platform;
  const orgs = new OrgRegistry(local);
  const { oauth, sessions } = salesforceAccess(platform, () => governance.settings.effective());
  // The user behind each session, looked up once per session: the audit stamps it, kept describes are keyed by it.
  const userOfSession = usersOfSessions({
    cache: session,
    get: (apiSession, path) => clientFor(apiSession).request('GET', path),
  });
  // One client per org and session, shared by every feature.
  const clientFor = sharedOrgClients((apiSession) =>
    sessions.client(
      apiSession,
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
      get: (apiSession, path) => clientFor(apiSession).request('GET', path),
      userOfSession,
    }),
  });
  const outputLanguages = async () => {
    const effective = await governance.settings.effective();
    const { outputLanguage, replyLanguage } = effective.settings;
    return { output: outputLanguageRequest(outputLanguage, isLocked(effective, 'outputLanguage'), platform.uiLanguage()), reply: replyLanguage };
  };
  const records = new RecordViewService({
    store: session,
    orgs,
    snapshots: new SnapshotStore(local),
    cookies,
    activeTabOf: platform.browser.activeTab,
    clientFor,
    signedInAs: async (orgId) => {
      const signedIn = await oauth.signedIn(orgId);
      return signedIn ? { name: signedIn.user.name, username: signedIn.user.username } : null;
    },
    redaction: () => governance.redaction(),
    mailClientOf: (url) => mailClientOf(url)?.name ?? null,
  });
  const generations = new GenerationService({
    store: local,
    slots: session,
    modelSettings: (feature) => governance.modelSettings(feature),
    promptVariant: (feature) => governance.promptVariant(feature),
    stream: streamGeneration,
    prohibitedPhrases: async () => (await governance.settings.effective()).settings.prohibitedPhrases,
    outputLanguage: async () => (await outputLanguages()).output,
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
    outputLanguages,
    keepAlive: platform.keepAlive,
    now,
  };
  const features: FeatureRegistration[] = [
    { name: 'record-view', channel: createRecordViewHandler(records, new PanelSignIn({ records, oauth }), platform.browser) },
    { name: 'generate', channel: createGenerateHandler({ records, generations, featureAllowed: (feature) => governance.gate.featureAllowed(feature) }) },
    createLogNoteFeature({ ...deps, records }),
    createExtractLeadFeature({ ...deps, records }),
    { name: 'ask', channel: createAskHandler({ ...deps, records }) },
    { name: 'mail', channel: createMailHandler({ ...deps, records }) },
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
    /** The options page's "Sign out" for an org: revoked at Salesforce, forgotten here. */
    signOut: (orgId: string) => oauth.signOut(orgId),
  };
}
