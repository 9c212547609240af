/**
 * One org client per API session, shared by every feature: the record view, "Log this note" and Ask each need the
 * describe of the Account in view, and the org is asked for it once. With a client of each feature's own (as each
 * feature kept before), the same steps ask three times. Against the sandbox org over real HTTP; no model key is set,
 * so each model call stops at "no key" after the describes it needs were read.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeatureBrowser } from '../../../lib/browser';
import { createAskHandler } from '../../../lib/features/ask';
import { createFeatures } from '../../../lib/features';
import { createLogNoteFeature } from '../../../lib/features/log-note';
import { RecordViewService, SnapshotStore } from '../../../lib/features/record-view';
import type { ChannelHandler, FeatureDeps } from '../../../lib/messaging/feature-handler';
import type { FeatureName } from '../../../lib/messaging/channels';
import { OrgRegistry } from '../../../lib/orgs';
import { OrgClient } from '../../../lib/salesforce/client';
import { singleSession } from '../../../lib/salesforce/credentials';
import { sharedOrgClients, type ClientFor } from '../../../lib/salesforce/org-clients';
import { ACME } from '../../sandbox/salesforce/seed';
import { freshLog } from '../audit/audit-harness';
import { memoryStore } from '../memory-store';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';
import { API_HOST, LIGHTNING_HOST } from '../sandbox/salesforce-client';

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => sandbox.org.sf.reset());

const WINDOW = 1;
const TAB = 11;
const PAGE = `https://${LIGHTNING_HOST}/lightning/r/Account/${ACME.accounts.globex.id}/view`;

/** The browser as the features see it: one window whose active tab shows Globex Industries. */
const browser: FeatureBrowser = {
  activeTab: async () => ({ tabId: TAB, url: PAGE }),
  tabsMatching: async () => [],
  reloadTab: async () => undefined,
  sendToTab: async () => undefined,
  openTab: async () => undefined,
  selectedText: async () => '',
  openSidePanel: async () => undefined,
};

/** Storage with the org already enabled by the rep, and no model key. */
async function storesWithOrgEnabled() {
  const local = memoryStore();
  const session = memoryStore();
  const orgId = sandbox.org.sf.primary.sid.slice(0, 15);
  await new OrgRegistry(local).enable({ orgId, apiHost: API_HOST });
  return { local, session };
}

const cookies = () => ({ sidFor: async () => sandbox.org.sf.primary.sid, allSids: async () => [{ domain: API_HOST, value: sandbox.org.sf.primary.sid }] });

async function until<T>(read: () => Promise<T | null | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('never happened');
}

/** The record view reads the Account in view; the rep proposes a note on it, then asks a question about it. */
async function useThreeFeatures(records: Pick<RecordViewService, 'reportLocation' | 'recordInView'>, handlers: Map<string, ChannelHandler<FeatureName>>): Promise<void> {
  await records.reportLocation(TAB, WINDOW, PAGE);
  await until(() => records.recordInView(WINDOW));
  const noteEvents: unknown[] = [];
  await handlers.get('log-note')?.handle({ type: 'propose', text: 'Call with Rosa: budget approved.' }, { windowId: WINDOW, send: (event) => void noteEvents.push(event) });
  // The proposal stops at the model call (no key), after it read the describes it needs.
  await until(async () => noteEvents.some((event) => JSON.stringify(event).includes('"phase":"draft"') && JSON.stringify(event).includes('"problem":"')));
  await handlers.get('ask')?.handle({ type: 'ask', question: 'Which open deals does this account have?' }, { windowId: WINDOW, send: () => undefined });
}

const accountDescribes = (): number => sandbox.subrequestUrls().flat().filter((url) => url.endsWith('/sobjects/Account/describe')).length;

describe('one org client per session, shared by every feature', () => {
  it('fetches the describe of the Account once across the record view, Log this note and Ask, as the background wires them', async () => {
    const { local, session } = await storesWithOrgEnabled();
    const { records, handlers } = createFeatures({
      local,
      session,
      cookies: cookies(),
      browser,
      webAuthFlow: { redirectUrl: () => 'https://groundwork.chromiumapp.org/salesforce', launch: () => Promise.reject(new Error('no sign-in here')) },
      tokenKey: () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      fetch: (input, init) => fetch(input, init),
      keepAlive: () => () => undefined,
      now: () => new Date(sandbox.org.clock.now),
      uiLanguage: () => 'en-US',
    });
    await useThreeFeatures(records, handlers);
    expect(accountDescribes()).toBe(1);
  });

  /** The three features wired by hand, each given the org client factory under test. */
  async function threeFeatures(clientFor: ClientFor) {
    const { local, session } = await storesWithOrgEnabled();
    const orgs = new OrgRegistry(local);
    const records = new RecordViewService({ store: session, orgs, snapshots: new SnapshotStore(local), cookies: cookies(), activeTabOf: browser.activeTab, clientFor, signedInAs: async () => null, redaction: async () => ({ deniedFields: [], patterns: [] }), mailClientOf: () => null });
    const deps: FeatureDeps = {
      orgs,
      cookies: cookies(),
      clientFor,
      local,
      session,
      browser,
      modelSettings: async () => Promise.reject(new Error('No Anthropic API key is set.')),
      prices: async () => ({}),
      redaction: async () => ({ deniedFields: [], patterns: [] }),
      auditLog: freshLog().log,
      outputLanguages: async () => ({ output: { language: 'en', reason: 'the default' }, reply: 'thread' }),
      keepAlive: () => () => undefined,
      now: () => new Date(sandbox.org.clock.now),
    };
    const logNote = createLogNoteFeature({ ...deps, records }).channel;
    const ask = createAskHandler({ ...deps, records });
    const handlers = new Map<string, ChannelHandler<FeatureName>>([...(logNote ? [['log-note', logNote] as const] : []), ['ask', ask]]);
    return { records, handlers };
  }

  it('shares the describe through the shared clients, where a client of each feature fetches it three times', async () => {
    const ownSession = (apiSession: Parameters<ClientFor>[0]): OrgClient => new OrgClient(apiSession, singleSession(apiSession));
    const shared = await threeFeatures(sharedOrgClients(ownSession));
    await useThreeFeatures(shared.records, shared.handlers);
    expect(accountDescribes()).toBe(1);

    sandbox.org.sf.reset();
    const separate = await threeFeatures(ownSession);
    await useThreeFeatures(separate.records, separate.handlers);
    expect(accountDescribes()).toBe(3);
  });
});
