import { z } from 'zod';
import type { ActiveTab, KeyValueStore } from '../browser';
import type { PanelView, RecordHeadline } from '../messaging/protocol';
import { PanelProblem, RecordHeadline as RecordHeadlineSchema } from '../messaging/protocol';
import { findApiSession, type ApiSession, type CookieJar } from '../salesforce/session';
import { parseRecordUrl, type RecordRef } from '../salesforce/record-url';
import { isSalesforceHost } from '../salesforce/hosts';
import { problem, toSalesforceProblem } from '../salesforce/problems';

/** What the service needs of an org's API. */
export interface HeadlineSource {
  headline(ref: RecordRef): Promise<RecordHeadline>;
}

export interface RecordViewDeps {
  store: KeyValueStore;
  cookies: CookieJar;
  activeTabOf(windowId: number): Promise<ActiveTab | null>;
  clientFor(session: ApiSession, reread: () => Promise<ApiSession | null>): HeadlineSource;
}

type Listener = (view: PanelView) => void;

const TabState = z.object({ url: z.string(), windowId: z.number() });
type TabState = z.infer<typeof TabState>;

const LoadOutcome = z.union([
  z.object({ ok: z.literal(true), record: RecordHeadlineSchema }),
  z.object({ ok: z.literal(false), problem: PanelProblem }),
]);
type LoadOutcome = z.infer<typeof LoadOutcome>;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const tabKey = (tabId: number): string => `tab:${tabId}`;
const outcomeKey = (host: string, recordId: string): string => `record:${host}:${recordId}`;

/**
 * Knows which record each tab shows and what the side panel of each window should display. State lives in session
 * storage so a stopped service worker picks up where it left off.
 */
export class RecordViewService {
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly activeTabs = new Map<number, number>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly clients = new Map<string, HeadlineSource>();

  constructor(private readonly deps: RecordViewDeps) {}

  /** A Salesforce tab's content script saw its URL change (page load or in-app navigation). */
  async reportLocation(tabId: number, windowId: number, url: string): Promise<void> {
    await this.deps.store.set(tabKey(tabId), { url, windowId } satisfies TabState);
    const ref = parseRecordUrl(url);
    if (ref) {
      // Coming back to a record refreshes it; a failure is not shown again while the new attempt runs.
      const host = new URL(url).hostname;
      const previous = await this.outcome(host, ref.recordId);
      if (previous && !previous.ok) await this.deps.store.remove(outcomeKey(host, ref.recordId));
      void this.load(host, url, ref);
    }
    await this.publishIfActive(tabId, windowId);
  }

  /**
   * The browser saw a tab navigate. Salesforce pages report themselves through the content script; this covers the
   * tab leaving Salesforce (`url` is undefined for sites the extension has no access to).
   */
  async tabNavigated(tabId: number, windowId: number, url: string | undefined): Promise<void> {
    if (url && isSalesforceHost(hostOf(url))) return;
    await this.deps.store.set(tabKey(tabId), { url: url ?? '', windowId } satisfies TabState);
    await this.publishIfActive(tabId, windowId);
  }

  async tabActivated(tabId: number, windowId: number): Promise<void> {
    this.activeTabs.set(windowId, tabId);
    await this.publish(windowId);
  }

  async tabRemoved(tabId: number): Promise<void> {
    await this.deps.store.remove(tabKey(tabId));
  }

  /** Registers a side panel; it gets the current view at once and every change after. */
  watch(windowId: number, listener: Listener): () => void {
    const set = this.listeners.get(windowId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(windowId, set);
    void this.viewFor(windowId).then(listener);
    return () => set.delete(listener);
  }

  /** Forgets a failed load of the window's record and tries again. */
  async retry(windowId: number): Promise<void> {
    const tab = await this.activeTab(windowId);
    const url = tab ? await this.tabUrl(tab.tabId, tab.url) : undefined;
    const ref = url ? parseRecordUrl(url) : null;
    if (!url || !ref) return;
    const host = new URL(url).hostname;
    await this.deps.store.remove(outcomeKey(host, ref.recordId));
    await this.publish(windowId);
    await this.load(host, url, ref);
  }

  async viewFor(windowId: number): Promise<PanelView> {
    const tab = await this.activeTab(windowId);
    const url = tab ? await this.tabUrl(tab.tabId, tab.url) : undefined;
    const host = url ? hostOf(url) : '';
    if (!url || !isSalesforceHost(host)) return { kind: 'not-salesforce' };
    const ref = parseRecordUrl(url);
    if (!ref) return { kind: 'no-record', host };
    const outcome = await this.outcome(host, ref.recordId);
    if (!outcome) {
      void this.load(host, url, ref);
      return { kind: 'loading', host, ref };
    }
    return outcome.ok ? { kind: 'record', host, record: outcome.record } : { kind: 'problem', host, ref, problem: outcome.problem };
  }

  private async activeTab(windowId: number): Promise<ActiveTab | null> {
    const tab = await this.deps.activeTabOf(windowId);
    if (tab) this.activeTabs.set(windowId, tab.tabId);
    return tab;
  }

  private async tabUrl(tabId: number, fallback: string | undefined): Promise<string | undefined> {
    const stored = TabState.safeParse(await this.deps.store.get(tabKey(tabId)));
    return stored.success ? stored.data.url : fallback;
  }

  private async outcome(host: string, recordId: string): Promise<LoadOutcome | null> {
    const stored = LoadOutcome.safeParse(await this.deps.store.get(outcomeKey(host, recordId)));
    return stored.success ? stored.data : null;
  }

  private load(host: string, pageUrl: string, ref: RecordRef): Promise<void> {
    const key = outcomeKey(host, ref.recordId);
    const running = this.loading.get(key);
    if (running) return running;
    const task = this.fetchOutcome(pageUrl, ref)
      .then(async (outcome) => {
        await this.deps.store.set(key, outcome);
        await this.publishAll();
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, task);
    return task;
  }

  private async fetchOutcome(pageUrl: string, ref: RecordRef): Promise<LoadOutcome> {
    try {
      const reread = (): Promise<ApiSession | null> => findApiSession(pageUrl, this.deps.cookies);
      const session = await reread();
      if (!session) throw problem('no-session');
      return { ok: true, record: await this.clientOf(session, reread).headline(ref) };
    } catch (error) {
      return { ok: false, problem: toSalesforceProblem(error).toPanelProblem() };
    }
  }

  private clientOf(session: ApiSession, reread: () => Promise<ApiSession | null>): HeadlineSource {
    const key = `${session.apiHost}|${session.sessionId}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.deps.clientFor(session, reread);
      this.clients.set(key, client);
    }
    return client;
  }

  private async publishIfActive(tabId: number, windowId: number): Promise<void> {
    const active = this.activeTabs.get(windowId) ?? (await this.activeTab(windowId))?.tabId;
    if (active === tabId) await this.publish(windowId);
  }

  private async publishAll(): Promise<void> {
    await Promise.all([...this.listeners.keys()].map((windowId) => this.publish(windowId)));
  }

  private async publish(windowId: number): Promise<void> {
    const listeners = this.listeners.get(windowId);
    if (!listeners?.size) return;
    const view = await this.viewFor(windowId);
    for (const listener of listeners) listener(view);
  }
}
