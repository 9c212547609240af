import { z } from 'zod/mini';
import type { ActiveTab, KeyValueStore } from '../../browser';
import { keepRecent } from '../../browser/recent-store';
import { buildContext, formatMoney, PROMPT_CONTEXT_TOKENS } from '../../context';
import type { MailClientName, MailSender } from '../../messaging/mail-sender';
import type { OrgIdentity, OrgRegistry } from '../../orgs';
import { isSalesforceHost, lightningHostFor } from '../../salesforce/hosts';
import { findPersonByEmail } from '../../salesforce/people';
import { PanelProblem, problem, toSalesforceProblem } from '../../salesforce/problems';
import { RecordGraph } from '../../salesforce/record-graph';
import { parseRecordUrl, type RecordRef } from '../../salesforce/record-url';
import { findApiSession, sessionOfOrg, sessionTag, type ApiSession, type CookieJar } from '../../salesforce/session';
import { changesSince, takeSnapshot, type SnapshotStore } from './snapshots';
import { buildRecordCard, displayValue, formatSettings } from './card';
import { RecordCard, SenderMatch, type ContextPreview, type PanelView, type SignedInUser } from './messages';
import { TabRegistry } from './tabs';

/** What the service needs of an org's API. */
export interface OrgReader {
  context(ref: RecordRef): Promise<RecordGraph>;
  composite: Parameters<typeof findPersonByEmail>[0]['composite'];
  readonly apiVersion: string;
}

export interface RecordViewDeps {
  /** Session storage: tab state and loaded records, cleared when the browser closes. */
  store: KeyValueStore;
  orgs: OrgRegistry;
  snapshots: SnapshotStore;
  cookies: CookieJar;
  activeTabOf(windowId: number): Promise<ActiveTab | null>;
  /** The org client of a session (the one every feature shares, lib/salesforce/org-clients.ts). */
  clientFor(session: ApiSession): OrgReader;
  /** Who Groundwork's own Salesforce sign-in is in an org (lib/salesforce/oauth), or null when it has none there. */
  signedInAs(orgId: string): Promise<SignedInUser | null>;
  /** Fields and patterns never to send: the preview shows exactly what the generation features would send. */
  redaction(): Promise<{ deniedFields: readonly string[]; patterns: readonly RegExp[] }>;
  /** The mail client (Gmail, Outlook) a page belongs to, by its address; null for any other page. */
  mailClientOf(url: string): MailClientName | null;
  now?: () => Date;
}

type Listener = (view: PanelView) => void;

/** Records read kept for this browser session (each a whole record's context), and email senders matched. */
export const MAX_RECORD_VIEWS = 60;
export const MAX_SENDER_MATCHES = 200;

const Loaded = z.union([
  z.object({ ok: z.literal(true), card: RecordCard, graph: RecordGraph }),
  z.object({ ok: z.literal(false), problem: PanelProblem }),
]);
type Loaded = z.infer<typeof Loaded>;

// Reads are kept per session (sessionTag): two users of one browser (or a re-login as someone else) never see each
// other's reads, and describes (which carry field-level security) are never shared across users.

interface Slot {
  session: ApiSession;
  key: string;
}

/** How long a sender's match is shown without looking it up again. */
export const SENDER_MATCH_FRESH_MS = 5 * 60_000;

/** A sender's match as kept in session storage, with when it was looked up. */
const KeptSenderMatch = z.object({ match: SenderMatch, at: z.string() });
type KeptSenderMatch = z.infer<typeof KeptSenderMatch>;

async function matchKey(session: ApiSession, email: string): Promise<string> {
  return `sender:${session.orgId}:${await sessionTag(session)}:${email.toLowerCase()}`;
}

/** Where a record's read and its generations are kept for one rep's session (morning prep fills the same place). */
export async function recordSlotKey(session: ApiSession, recordId: string): Promise<string> {
  return `record:${session.orgId}:${await sessionTag(session)}:${recordId}`;
}

async function slotFor(session: ApiSession, recordId: string): Promise<Slot> {
  return { session, key: await recordSlotKey(session, recordId) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Knows what each tab shows and what the side panel of each window should display: the record in view (read once its
 * org is enabled, prefetched as soon as it comes into view) or, in Gmail or Outlook, the open message's sender and their
 * Salesforce record. State lives in session storage so a stopped service worker picks up where it left off.
 */
export class RecordViewService {
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly tabs: TabRegistry;

  /** Session storage: tabs, and the records read and senders matched, each kind bounded (the area holds 10 MB). */
  private readonly store: KeyValueStore;

  constructor(private readonly deps: RecordViewDeps) {
    this.tabs = new TabRegistry(deps.store);
    const records = keepRecent(deps.store, { prefix: 'record:', max: MAX_RECORD_VIEWS, indexKey: 'index:record-views' });
    this.store = keepRecent(records, { prefix: 'sender:', max: MAX_SENDER_MATCHES, indexKey: 'index:sender-matches' });
  }

  /** A Salesforce tab's content script saw its URL change (page load or in-app navigation): a visit. */
  async reportLocation(tabId: number, windowId: number, url: string): Promise<void> {
    await this.tabs.set(tabId, { url, windowId, sender: null });
    const ref = parseRecordUrl(url);
    const slot = ref ? await this.slotOf(url, ref) : null;
    if (ref && slot) {
      // Coming back to a record refreshes it; while that runs the panel shows the last good read, never an old error.
      const previous = await this.loaded(slot.key);
      if (previous && !previous.ok) await this.store.remove(slot.key);
      void this.load(ref, slot);
    }
    await this.publishIfActive(tabId, windowId);
  }

  /** A mail content script (Gmail, Outlook) saw which message is open. */
  async reportMail(tabId: number, windowId: number, url: string, sender: MailSender | null): Promise<void> {
    await this.tabs.set(tabId, { url, windowId, sender });
    await this.publishIfActive(tabId, windowId);
  }

  /**
   * The browser saw a tab navigate. Salesforce and mail pages report themselves through their content scripts; this
   * covers the tab leaving them (`url` is undefined for sites the extension has no access to).
   */
  async tabNavigated(tabId: number, windowId: number, url: string | undefined): Promise<void> {
    if (url && (isSalesforceHost(hostOf(url)) || this.deps.mailClientOf(url))) return;
    await this.tabs.set(tabId, { url: url ?? '', windowId, sender: null });
    await this.publishIfActive(tabId, windowId);
  }

  async tabActivated(windowId: number): Promise<void> {
    await this.publish(windowId);
  }

  async tabRemoved(tabId: number): Promise<void> {
    await this.tabs.remove(tabId);
  }

  /** Registers a side panel; it gets the current view at once and every change after. */
  watch(windowId: number, listener: Listener): () => void {
    const set = this.listeners.get(windowId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(windowId, set);
    void this.viewFor(windowId).then(listener);
    return () => set.delete(listener);
  }

  /** Forgets a failed read of the window's record and reads it again. */
  async retry(windowId: number): Promise<void> {
    const url = await this.activeUrl(windowId);
    const ref = url ? parseRecordUrl(url) : null;
    const slot = url && ref ? await this.slotOf(url, ref) : null;
    if (!url || !ref || !slot) return;
    await this.store.remove(slot.key);
    await this.publish(windowId);
    await this.load(ref, slot);
  }

  /** Shows a problem for the window's record until it is read again (a sign-in that did not finish, say). */
  async showProblem(windowId: number, shown: PanelProblem): Promise<void> {
    const url = await this.activeUrl(windowId);
    const ref = url ? parseRecordUrl(url) : null;
    const slot = url && ref ? await this.slotOf(url, ref) : null;
    if (!slot) return;
    await this.loading.get(slot.key);
    await this.store.set(slot.key, { ok: false, problem: shown } satisfies Loaded);
    await this.publish(windowId);
  }

  /** The org of the window's Salesforce tab and the browser session Groundwork found there. */
  async sessionInView(windowId: number): Promise<ApiSession | null> {
    const url = await this.activeUrl(windowId);
    return url ? findApiSession(url, this.deps.cookies) : null;
  }

  /** The rep enabled Groundwork for the org of the record in view (and only that org: the id must match). */
  async enableOrg(windowId: number, orgId: string): Promise<void> {
    const url = await this.activeUrl(windowId);
    const session = url ? await findApiSession(url, this.deps.cookies) : null;
    if (!url || !session || session.orgId !== orgId) return;
    await this.deps.orgs.enable({ orgId: session.orgId, apiHost: session.apiHost });
    const ref = parseRecordUrl(url);
    if (ref) {
      // A read started before the click found the org disabled and read nothing: read again now.
      const slot = await slotFor(session, ref.recordId);
      await this.loading.get(slot.key);
      void this.load(ref, slot);
    }
    await this.publish(windowId);
  }

  /** The record the window shows, once read: what the generation features work from. */
  async recordInView(windowId: number): Promise<{ slotKey: string; card: RecordCard; graph: RecordGraph; api: OrgReader } | null> {
    const url = await this.activeUrl(windowId);
    const ref = url ? parseRecordUrl(url) : null;
    const slot = url && ref ? await this.slotOf(url, ref) : null;
    if (!url || !slot) return null;
    const loaded = await this.loaded(slot.key);
    if (!loaded?.ok) return null;
    const api = this.deps.clientFor(slot.session);
    return { slotKey: slot.key, card: loaded.card, graph: loaded.graph, api };
  }

  /** The exact context text for the window's record, redacted, as it would leave the browser. */
  async contextPreview(windowId: number): Promise<ContextPreview | null> {
    const url = await this.activeUrl(windowId);
    const ref = url ? parseRecordUrl(url) : null;
    const slot = url && ref ? await this.slotOf(url, ref) : null;
    if (!ref || !slot) return null;
    const loaded = await this.loaded(slot.key);
    if (!loaded?.ok) return null;
    const { deniedFields, patterns } = await this.deps.redaction();
    const built = buildContext(loaded.graph, { maxTokens: PROMPT_CONTEXT_TOKENS, now: this.now(), deniedFields, extraPatterns: patterns });
    return {
      recordId: ref.recordId,
      text: built.text,
      tokens: built.tokens,
      droppedLines: built.droppedLines,
      redactions: built.redactions.map(({ placeholder, kind }) => ({ placeholder, kind })),
    };
  }

  async viewFor(windowId: number): Promise<PanelView> {
    const tab = await this.deps.activeTabOf(windowId);
    const state = tab ? await this.tabs.get(tab.tabId) : null;
    const url = state?.url ?? tab?.url ?? '';
    const client = this.deps.mailClientOf(url);
    if (client) return this.mailView(client, state?.sender ?? null);
    const host = hostOf(url);
    if (!isSalesforceHost(host)) return { kind: 'not-salesforce' };
    const ref = parseRecordUrl(url);
    if (!ref) return { kind: 'no-record', host };
    const session = await findApiSession(url, this.deps.cookies);
    if (!session) return { kind: 'problem', host, ref, problem: problem('no-session').toPanelProblem() };
    const org = { orgId: session.orgId, apiHost: session.apiHost };
    if (!(await this.deps.orgs.isEnabled(org.orgId))) return { kind: 'org-not-enabled', host, org };
    const slot = await slotFor(session, ref.recordId);
    const loaded = await this.loaded(slot.key);
    if (!loaded) {
      void this.load(ref, slot);
      return { kind: 'loading', host, ref };
    }
    if (!loaded.ok) return { kind: 'problem', host, ref, problem: loaded.problem };
    return { kind: 'record', host, card: loaded.card, signedIn: await this.deps.signedInAs(org.orgId) };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async mailView(client: MailClientName, sender: MailSender | null): Promise<PanelView> {
    if (!sender) return { kind: 'mail', client, sender: null, match: null };
    const org = await this.deps.orgs.lastUsed();
    if (!org) return { kind: 'mail', client, sender, match: { kind: 'no-org' } };
    const session = await sessionOfOrg(org, this.deps.cookies);
    if (!session) return { kind: 'mail', client, sender, match: { kind: 'problem', problem: problem('no-session').toPanelProblem() } };
    const key = await matchKey(session, sender.email);
    const kept = KeptSenderMatch.safeParse(await this.store.get(key));
    // A kept match is shown at once; an old one is looked up again meanwhile (a contact created in Salesforce since).
    if (!kept.success || this.now().getTime() - Date.parse(kept.data.at) > SENDER_MATCH_FRESH_MS) void this.lookUpSender(org, session, sender.email, key);
    return { kind: 'mail', client, sender, match: kept.success ? kept.data.match : { kind: 'looking' } };
  }

  private async activeUrl(windowId: number): Promise<string | undefined> {
    const tab = await this.deps.activeTabOf(windowId);
    if (!tab) return undefined;
    return (await this.tabs.get(tab.tabId))?.url ?? tab.url;
  }

  private async loaded(key: string): Promise<Loaded | null> {
    const stored = Loaded.safeParse(await this.store.get(key));
    return stored.success ? stored.data : null;
  }

  private async slotOf(pageUrl: string, ref: RecordRef): Promise<Slot | null> {
    const session = await findApiSession(pageUrl, this.deps.cookies);
    return session ? slotFor(session, ref.recordId) : null;
  }

  /** Reads the record's context once per visit, when its org is enabled; concurrent asks share the read. */
  private load(ref: RecordRef, { session, key }: Slot): Promise<void> {
    const running = this.loading.get(key);
    if (running) return running;
    const task = this.read(ref, session)
      .then(async (loaded) => {
        if (loaded) await this.store.set(key, loaded);
        await this.publishAll();
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, task);
    return task;
  }

  /** Null when the org is not enabled: nothing is read then. */
  private async read(ref: RecordRef, session: ApiSession): Promise<Loaded | null> {
    try {
      if (!(await this.deps.orgs.isEnabled(session.orgId))) return null;
      const graph = await this.deps.clientFor(session).context(ref);
      const org = { orgId: session.orgId, apiHost: session.apiHost };
      await this.deps.orgs.markUsed(org);
      return { ok: true, card: await this.visit(org, graph), graph };
    } catch (error) {
      return { ok: false, problem: toSalesforceProblem(error).toPanelProblem() };
    }
  }

  /** Compares with the last visit's snapshot, then keeps this one for the next visit. */
  private async visit(org: OrgIdentity, graph: RecordGraph): Promise<RecordCard> {
    const settings = formatSettings(this.now());
    const previous = await this.deps.snapshots.previous(org.orgId, graph.root.id);
    const format = (value: Parameters<typeof displayValue>[0], field: string, meta: Parameters<typeof displayValue>[2]) =>
      displayValue(value, field, meta, settings);
    const changes = previous ? changesSince(previous, graph, format) : null;
    await this.deps.snapshots.save(org.orgId, takeSnapshot(graph));
    return buildRecordCard(graph, previous, changes, settings);
  }

  /** A person with this address was just written (Create contact): the card looks them up again, now. */
  async lookUpSenderAgain(email: string): Promise<void> {
    const org = await this.deps.orgs.lastUsed();
    const session = org ? await sessionOfOrg(org, this.deps.cookies) : null;
    if (!org || !session) return;
    await this.lookUpSender(org, session, email, await matchKey(session, email));
  }

  private lookUpSender(org: OrgIdentity, session: ApiSession, email: string, key: string): Promise<void> {
    const running = this.loading.get(key);
    if (running) return running;
    const task = this.matchSender(org, session, email)
      .then(async (match) => {
        await this.store.set(key, { match, at: this.now().toISOString() } satisfies KeptSenderMatch);
        await this.publishAll();
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, task);
    return task;
  }

  private async matchSender(org: OrgIdentity, session: ApiSession, email: string): Promise<SenderMatch> {
    try {
      const client = this.deps.clientFor(session);
      const settings = formatSettings(this.now());
      const amountText = (amount: number): string => formatMoney(amount, settings.currency, settings.locale);
      const found = await findPersonByEmail(client, email, lightningHostFor(org.apiHost), amountText);
      return found ?? { kind: 'none', org };
    } catch (error) {
      return { kind: 'problem', problem: toSalesforceProblem(error).toPanelProblem() };
    }
  }

  /**
   * Asks the browser which tab is active rather than remembering it: a tab switch that came while the worker was
   * stopping never reaches it, and a remembered tab would keep the panel on the previous one.
   */
  private async publishIfActive(tabId: number, windowId: number): Promise<void> {
    if ((await this.deps.activeTabOf(windowId))?.tabId === tabId) await this.publish(windowId);
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
