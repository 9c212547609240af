/**
 * "Extract to Lead" in the background: a context-menu click on selected text opens the side panel (the click is the
 * user gesture), reads the selection with its line breaks, asks the model for one lead per person, checks each value
 * (evidence, describe) and looks for existing Leads and Contacts. The review waits in session storage, per window, until
 * the rep confirms or discards it; confirmed rows are created 200 to a request, and a retry sends only the rows that
 * have no id yet.
 */
import { todayOf } from '../../proposals/dates';
import type { ContextMenuClick, FeatureDeps, PanelConnection } from '../handler';
import { WindowPanels } from '../panels';
import { renderPrompt } from '../../prompts';
import { SalesforceProblem } from '../../salesforce/problems';
import { createTree, type CreateResult, type TreeOutcome } from '../../salesforce/writes';
import { commitUpdates, readExisting, type UpdatesOutcome } from '../../proposals/existing';
import { recordCommit, recordProposalOutcomes, reviewDecision, type CardWrite } from '../../proposals/audit';
import { readSelection, splitSelection } from '../../proposals/selection';
import { attachDuplicates, duplicateCandidates, findDuplicates } from '../../proposals/duplicates';
import { LeadRequest, type LeadEvent, type LeadResult, type LeadSource, type LeadState, type ReviewChange } from '../../proposals/messages';
import { proposeAudited, type AuditedProposal } from '../../proposals/model-call';
import { problemText } from '../log-note/service';
import type { WriteClients } from '../../proposals/org-access';
import { redactSource, restoreProposal, writableFieldLines } from '../../proposals/prompt-input';
import { buildLeadReview, cardsToCommit, createInstead, recordValues, setCardIncluded, updateExisting, type Review, type ReviewCard } from '../../proposals/review';
import { applyReviewChange, objectsOf } from '../../proposals/review-changes';
import { LeadProposal } from '../../proposals/schemas';
import { KeyedQueue, leadKey, loadLead, storageLedger } from '../../proposals/state-store';

export const EXTRACT_LEAD_MENU = 'groundwork-extract-lead';
const MAX_SELECTION_CHARS = 60_000;

const NO_ORG = 'Open a Salesforce record in this browser first, so Groundwork knows which org to create the lead in.';

/** Where the text was selected, for the prompt's <page> (data, like the text): title and address; in Gmail the sender and message. */
export function pageLine(source: LeadSource): string {
  const parts = [source.pageTitle ? `Page title: ${source.pageTitle}` : '', source.pageUrl ? `Page address: ${source.pageUrl}` : ''];
  if (source.sender) parts.push(`Open email from: ${source.sender.name} <${source.sender.email}>`);
  if (source.messageId) parts.push(`Gmail message: ${source.messageId}`);
  return parts.filter(Boolean).join('\n');
}

const GMAIL_HOST = 'mail.google.com';

/** The conversation id in a Gmail address (`…/#inbox/FMfcgz…`, `#label/x/…`); null elsewhere or in a list view. */
export function gmailMessageId(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.hostname !== GMAIL_HOST) return null;
  const last = parsed.hash.split('/').at(-1) ?? '';
  return /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : null;
}

/** The tree rows of one attempt as audit writes: each row's record as sent and Salesforce's word on it. */
function treeWrites(cardIds: readonly string[], outcome: TreeOutcome): CardWrite[] {
  return outcome.results.flatMap((result): CardWrite[] => {
    const cardId = cardIds[result.index];
    if (!cardId) return [];
    const chunk = outcome.chunks.find((candidate) => result.index >= candidate.start && result.index < candidate.start + candidate.payload.records.length);
    const payload = chunk?.payload.records[result.index - (chunk?.start ?? 0)] ?? null;
    return [
      result.ok
        ? { cardId, payload, answer: { id: result.id }, recordId: result.id }
        : { cardId, payload, answer: { errors: result.errors }, error: result.errors.map((error) => error.message || error.code).join(' ') },
    ];
  });
}

/** Existing people with the same email are offered instead: their card starts unticked ("create anyway" ticks it). */
function withDuplicateDefaults(review: Review): Review {
  return review.cards.reduce(
    (current, card) => (card.duplicates.some((match) => match.matchedBy === 'email') ? setCardIncluded(current, card.id, false) : current),
    review,
  );
}

function mergeResults(review: Review, previous: readonly LeadResult[], sent: readonly string[], results: readonly CreateResult[]): { review: Review; results: LeadResult[] } {
  const byCard = new Map(previous.map((result) => [result.cardId, result]));
  const errors = new Map<string, string>();
  results.forEach((result) => {
    const cardId = sent[result.index];
    if (!cardId) return;
    if (result.ok) byCard.set(cardId, { cardId, id: result.id, error: null, action: 'created', objectName: 'Lead' });
    else {
      const message = result.errors.map((error) => error.message || error.code).join(' ');
      byCard.set(cardId, { cardId, id: null, error: message, action: 'created', objectName: 'Lead' });
      errors.set(cardId, message);
    }
  });
  const cards = review.cards.map((card) => {
    const error = errors.get(card.id);
    return error ? { ...card, error: { code: 'REFUSED', message: error } } : card;
  });
  return { review: { ...review, cards }, results: [...byCard.values()] };
}

const NO_ANSWER = 'Salesforce gave no answer. Check for the leads before confirming again.';
const SOME_REFUSED = 'Some rows were refused; the others were written. Fix the marked rows and confirm again.';

/** One key per set of chosen updates as the rep saw them: a double click or lost answer never updates twice. */
function updateKey(auditIds: readonly string[], updates: readonly ReviewCard[]): string {
  return `lead-update:${auditIds[0] ?? 'none'}:${updates.map((card) => `${card.id}@${card.target?.lastModifiedDate ?? ''}`).join(',')}`;
}

/** The state after a commit attempt: created and updated rows with their links, refusals on their cards. */
function settled(current: LeadState, review: Review, creates: readonly ReviewCard[], tree: TreeOutcome | null, updated: UpdatesOutcome | null): LeadState {
  let merged = { review, results: current.results };
  if (tree) merged = mergeResults(merged.review, merged.results, creates.map((card) => card.id), tree.results);
  if (updated) {
    const byId = new Map(updated.cards.map((card) => [card.id, card]));
    const results = new Map(merged.results.map((result) => [result.cardId, result]));
    for (const result of updated.results) results.set(result.cardId, result);
    merged = { review: { ...merged.review, cards: merged.review.cards.map((card) => byId.get(card.id) ?? card) }, results: [...results.values()] };
  }
  const problems = [
    creates.length > 0 && !tree ? NO_ANSWER : null,
    tree?.results.some((result) => !result.ok) ? SOME_REFUSED : null,
    updated?.problem ?? null,
  ].filter((problem): problem is string => problem !== null);
  return problems.length > 0
    ? { ...current, ...merged, phase: 'review', problem: problems.join(' ') }
    : { ...current, ...merged, phase: 'done', problem: null };
}

/** Model calls of one selection running together: a long list reads faster, within the API's rate limits. */
const PARTS_AT_ONCE = 2;

/** Runs `work` over the items, `limit` at a time; the outcomes come back in the items' order. */
async function settledInOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      outcomes[index] = await work(items[index] as T).then(
        (value): PromiseFulfilledResult<R> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}

function partsMissing(failed: number, total: number, error: unknown): string {
  return `${failed} of ${total} parts of the selection could not be read (${problemText(error)}). The people below come from the other parts: select the rest and extract again.`;
}

export class LeadService {
  private readonly queue = new KeyedQueue();
  private readonly running = new Set<string>();
  private readonly panels = new WindowPanels();

  constructor(
    private readonly deps: FeatureDeps,
    private readonly clients: WriteClients,
  ) {}

  disconnected(panel: PanelConnection): void {
    this.panels.forget(panel);
  }

  async onContextMenu(click: ContextMenuClick): Promise<void> {
    if (click.menuItemId !== EXTRACT_LEAD_MENU) return;
    // First, while the click still counts as the rep's gesture.
    const opened = this.deps.browser.openSidePanel(click.tab.id).catch(() => undefined);
    const { windowId } = click.tab;
    const key = leadKey(windowId);
    const text = await readSelection(this.deps.browser, click, MAX_SELECTION_CHARS);
    const source = await this.sourceOf(click);
    const extracting: LeadState = { phase: 'extracting', source, review: null, results: [], lightningHost: null, problem: null, auditIds: [], progress: null };
    await this.queue.run(key, () => this.save(key, extracting, windowId));
    await opened;
    if (!text.trim()) {
      await this.queue.run(key, () => this.save(key, { ...extracting, phase: 'done', problem: 'No text was selected.' }, windowId));
      return;
    }
    this.running.add(key);
    const stopKeepAlive = this.deps.keepAlive();
    try {
      const progress = (done: number, total: number): Promise<void> =>
        this.queue.run(key, () => this.save(key, { ...extracting, progress: { done, total } }, windowId));
      const next = await this.extract(text, source, progress).then(
        ({ review, lightningHost, auditIds, problem }): LeadState => ({ ...extracting, phase: 'review', review, lightningHost, auditIds, problem }),
        (error: unknown): LeadState => ({ ...extracting, phase: 'done', problem: problemText(error) }),
      );
      await this.queue.run(key, () => this.save(key, next, windowId));
    } finally {
      stopKeepAlive();
      this.running.delete(key);
    }
  }

  async handle(payload: unknown, panel: PanelConnection): Promise<void> {
    this.panels.remember(panel);
    const request = LeadRequest.safeParse(payload);
    if (!request.success) return;
    const key = leadKey(panel.windowId);
    const data = request.data;
    await this.queue.run(key, async () => {
      const state = await loadLead(this.deps.session, key);
      if (data.type === 'open') {
        this.publish(panel.windowId, state ? await this.recovered(key, state) : null);
        return;
      }
      if (!state) return;
      if (data.type === 'discard') {
        // Cancel: the proposal is dropped and nothing more is written (rows already created stay, with their links shown before).
        if (state.phase === 'review' && state.results.every((result) => !result.id)) {
          await recordProposalOutcomes(this.deps.auditLog, state.auditIds, 'rejected');
        }
        await this.deps.session.remove(key);
        this.publish(panel.windowId, null);
        return;
      }
      if (data.type === 'confirm') {
        if (state.phase !== 'review' || !state.review) return;
        void this.commit(key, state.review, panel.windowId);
        await this.save(key, { ...state, phase: 'committing', problem: null }, panel.windowId);
        return;
      }
      if (data.type === 'update-existing' || data.type === 'create-instead') {
        await this.save(key, await this.choose(state, data), panel.windowId);
        return;
      }
      await this.save(key, await this.change(state, data), panel.windowId);
    });
  }

  /** The rep's choice for a card with duplicates: update one of them (read now, for the diff) or create anyway. */
  private async choose(state: LeadState, choice: Extract<LeadRequest, { type: 'update-existing' | 'create-instead' }>): Promise<LeadState> {
    if (state.phase !== 'review' || !state.review) return state;
    if (choice.type === 'create-instead') return { ...state, review: createInstead(state.review, choice.cardId) };
    const card = state.review.cards.find((candidate) => candidate.id === choice.cardId);
    // Only a record the look-up found for this card: the id never comes from the panel's say-so or the model.
    const match = card?.duplicates.find((candidate) => candidate.id === choice.duplicateId);
    if (!card || !match) return state;
    const access = await this.clients.forLastOrg();
    if (!access) return { ...state, problem: NO_ORG };
    const describes = await access.describes([...objectsOf(state.review), match.objectName]);
    const existing = await readExisting(access.client, describes, match, card).catch(() => null);
    if (!existing) return { ...state, problem: `${match.name} could not be read: it may have been deleted, or you cannot see it.` };
    return { ...state, problem: null, review: updateExisting(state.review, describes, card.id, existing) };
  }

  private async recovered(key: string, state: LeadState): Promise<LeadState> {
    if (this.running.has(key)) return state;
    if (state.phase === 'extracting') return { ...state, phase: 'done', problem: 'Reading the selection was interrupted. Extract it again.' };
    if (state.phase === 'committing') {
      return { ...state, phase: 'review', problem: 'Creating the leads was interrupted. Check Salesforce for the rows without a link before confirming again.' };
    }
    return state;
  }

  private async change(state: LeadState, change: ReviewChange): Promise<LeadState> {
    if (state.phase !== 'review' || !state.review) return state;
    const access = await this.clients.forLastOrg();
    if (!access) return { ...state, problem: NO_ORG };
    const describes = await access.describes(objectsOf(state.review));
    return { ...state, review: applyReviewChange(state.review, describes, change) };
  }

  private async sourceOf(click: ContextMenuClick): Promise<LeadSource> {
    const url = click.tab.url ?? null;
    const view = await this.deps.records.viewFor(click.tab.windowId).catch(() => null);
    const sender = view?.kind === 'gmail' && view.sender ? { name: view.sender.name, email: view.sender.email } : null;
    return { pageTitle: click.tab.title?.trim() || null, pageUrl: url, sender, messageId: gmailMessageId(url) };
  }

  /**
   * The selection read in parts (splitSelection), two at a time, each its own audited model call; the people of all
   * parts make one review against the whole text. A part that fails leaves the others' people, with a problem that
   * says how much is missing; when every part fails, the first failure is the answer.
   */
  private async extract(
    text: string,
    source: LeadSource,
    progress: (done: number, total: number) => Promise<void>,
  ): Promise<{ review: Review; lightningHost: string; auditIds: string[]; problem: string | null }> {
    const access = await this.clients.forLastOrg();
    if (!access) throw new SalesforceProblem('no-session', NO_ORG);
    const describes = await access.describes(['Lead']);
    const lead = describes.get('Lead');
    if (!lead) throw new SalesforceProblem('no-api-access', 'You cannot see Leads in this org.');
    const now = this.deps.now();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The page's words are untrusted data too, and leave the browser redacted like the selection.
    const { patterns } = await this.deps.redaction();
    const page = redactSource(pageLine(source), patterns).text;
    const extra = { fields: writableFieldLines(lead, 'create'), today: todayOf(now, zone), ...(page ? { page } : {}) };
    const parts = splitSelection(text);
    let done = 0;
    if (parts.length > 1) await progress(done, parts.length);
    const readPart = async (part: string): Promise<AuditedProposal<LeadProposal>> => {
      const redacted = redactSource(part, patterns);
      const prompt = renderPrompt('extract-lead', { context: redacted.text, extra });
      const answer = await proposeAudited(this.deps, LeadProposal, prompt, { feature: 'extract-lead', orgId: access.client.session.orgId, objectName: 'Lead' });
      done += 1;
      if (parts.length > 1) await progress(done, parts.length);
      return { ...answer, value: restoreProposal(LeadProposal, answer.value, redacted.redactions) };
    };
    const answers = await settledInOrder(parts, PARTS_AT_ONCE, readPart);
    const read = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
    const failures = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason] : []));
    if (read.length === 0) throw failures[0];
    const proposal: LeadProposal = { leads: read.flatMap((answer) => answer.value.leads) };
    const review = buildLeadReview(proposal, describes, text, now, { timeZone: zone });
    const found = await findDuplicates(access.client, duplicateCandidates(review)).catch(() => []);
    return {
      review: withDuplicateDefaults(attachDuplicates(review, found)),
      lightningHost: access.lightningHost,
      auditIds: read.flatMap((answer) => answer.auditId ?? []),
      problem: failures.length > 0 ? partsMissing(failures.length, parts.length, failures[0]) : null,
    };
  }

  private async commit(key: string, review: Review, windowId: number): Promise<void> {
    this.running.add(key);
    try {
      const state = await loadLead(this.deps.session, key);
      const done = new Set((state?.results ?? []).filter((result) => result.id).map((result) => result.cardId));
      const cards = cardsToCommit(review).filter((card) => !done.has(card.id));
      const creates = cards.filter((card) => card.operation === 'create');
      const updates = cards.filter((card) => card.operation === 'update');
      const access = await this.clients.forLastOrg();
      const tree = access && creates.length > 0 ? await createTree(access.client, 'Lead', creates.map(recordValues)).catch(() => null) : null;
      const updated =
        access && updates.length > 0
          ? await commitUpdates(access.client, review, updates, {
              idempotencyKey: updateKey(state?.auditIds ?? [], updates),
              ledger: storageLedger(this.deps.session),
              describes: await access.describes(objectsOf(review)),
            })
          : null;
      const finished = await this.queue.run(key, async (): Promise<LeadState | null> => {
        const current = await loadLead(this.deps.session, key);
        if (!current) return null;
        if (!access) return this.saveState(key, { ...current, phase: 'review', problem: NO_ORG }, windowId);
        if (cards.length === 0) return this.saveState(key, { ...current, phase: 'review', problem: 'Nothing is selected to write.' }, windowId);
        return this.saveState(key, settled(current, review, creates, tree, updated), windowId);
      });
      const writes = [...(tree ? treeWrites(creates.map((card) => card.id), tree) : []), ...(updated?.writes ?? [])];
      if (access && writes.length > 0) {
        await this.audit(review, cards, writes, finished, { first: (state?.results ?? []).length === 0, orgId: access.client.session.orgId });
      }
    } finally {
      this.running.delete(key);
    }
  }

  /**
   * The attempt in the audit trail: each sent row's fields with the rep's decisions; on the first attempt also the rows
   * left out (rejected). The proposal's outcome once every chosen row is written.
   */
  private async audit(review: Review, sent: readonly { id: string }[], writes: CardWrite[], after: LeadState | null, attempt: { first: boolean; orgId: string }): Promise<void> {
    const recorded = attempt.first ? undefined : new Set(sent.map((card) => card.id));
    await recordCommit(this.deps.auditLog, review, writes, { orgId: attempt.orgId }, recorded);
    if (after?.phase === 'done') await recordProposalOutcomes(this.deps.auditLog, after.auditIds, reviewDecision(review));
  }

  private async save(key: string, state: LeadState, windowId: number): Promise<void> {
    await this.deps.session.set(key, state);
    this.publish(windowId, state);
  }

  private async saveState(key: string, state: LeadState, windowId: number): Promise<LeadState> {
    await this.save(key, state, windowId);
    return state;
  }

  private publish(windowId: number, state: LeadState | null): void {
    this.panels.send(windowId, { type: 'state', state } satisfies LeadEvent);
  }
}
