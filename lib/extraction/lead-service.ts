/**
 * "Extract to Lead" in the background: a context-menu click on selected text opens the side panel (the click is the
 * user gesture), reads the selection with its line breaks, asks the model for one lead per person, checks each value
 * (evidence, describe) and looks for existing Leads and Contacts. The review waits in session storage, per window, until
 * the rep confirms or discards it; confirmed rows are created 200 to a request, and a retry sends only the rows that
 * have no id yet.
 */
import { todayOf } from './dates';
import type { ContextMenuClick, FeatureDeps, PanelConnection } from '../features/handler';
import { generateJson } from '../model';
import { renderPrompt } from '../prompts';
import { SalesforceProblem } from '../salesforce/problems';
import { createRecords, type CreateResult } from '../salesforce/writes';
import { attachDuplicates, duplicateCandidates, findDuplicates } from './duplicates';
import { LeadRequest, type LeadResult, type LeadSource, type LeadState, type ReviewChange } from './messages';
import { problemText } from './notes-service';
import type { WriteClients } from './org-access';
import { redactSource, restoreProposal, writableFieldLines } from './prompt-input';
import { buildLeadReview, cardsToCommit, recordValues, setCardIncluded, type Review } from './review';
import { applyReviewChange, objectsOf } from './review-changes';
import { LeadProposal } from './schemas';
import { KeyedQueue, leadKey, loadLead } from './state-store';

export const EXTRACT_LEAD_MENU = 'groundwork-extract-lead';
const MODEL_TIMEOUT_MS = 120_000;
const MAX_SELECTION_CHARS = 60_000;

const NO_ORG = 'Open a Salesforce record in this browser first, so Groundwork knows which org to create the lead in.';

/** Where the text was selected: in Gmail the open message's sender, elsewhere the page address. */
function pageLine(source: LeadSource): string {
  const parts = [source.pageTitle ? `Page title: ${source.pageTitle}` : '', source.pageUrl ? `Page address: ${source.pageUrl}` : ''];
  if (source.sender) parts.push(`Open email from: ${source.sender.name} <${source.sender.email}>`);
  return parts.filter(Boolean).join('\n');
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
    if (result.ok) byCard.set(cardId, { cardId, id: result.id, error: null });
    else {
      const message = result.errors.map((error) => error.message || error.code).join(' ');
      byCard.set(cardId, { cardId, id: null, error: message });
      errors.set(cardId, message);
    }
  });
  const cards = review.cards.map((card) => {
    const error = errors.get(card.id);
    return error ? { ...card, error: { code: 'REFUSED', message: error } } : card;
  });
  return { review: { ...review, cards }, results: [...byCard.values()] };
}

export class LeadService {
  private readonly queue = new KeyedQueue();
  private readonly running = new Set<string>();
  private readonly panels = new Map<number, PanelConnection>();

  constructor(
    private readonly deps: FeatureDeps,
    private readonly clients: WriteClients,
  ) {}

  disconnected(panel: PanelConnection): void {
    if (this.panels.get(panel.windowId) === panel) this.panels.delete(panel.windowId);
  }

  async onContextMenu(click: ContextMenuClick): Promise<void> {
    if (click.menuItemId !== EXTRACT_LEAD_MENU) return;
    // First, while the click still counts as the rep's gesture.
    const opened = this.deps.browser.openSidePanel(click.tab.id).catch(() => undefined);
    const { windowId } = click.tab;
    const key = leadKey(windowId);
    const full = await this.deps.browser.selectedText(click.tab.id, click.frameId).catch(() => '');
    const text = (full.trim() ? full : (click.selectionText ?? '')).slice(0, MAX_SELECTION_CHARS);
    const source = await this.sourceOf(click);
    const extracting: LeadState = { phase: 'extracting', source, review: null, results: [], lightningHost: null, problem: null };
    await this.queue.run(key, () => this.save(key, extracting, windowId));
    await opened;
    if (!text.trim()) {
      await this.queue.run(key, () => this.save(key, { ...extracting, phase: 'done', problem: 'No text was selected.' }, windowId));
      return;
    }
    this.running.add(key);
    const stopKeepAlive = this.deps.keepAlive();
    try {
      const next = await this.extract(text, source).then(
        ({ review, lightningHost }): LeadState => ({ ...extracting, phase: 'review', review, lightningHost }),
        (error: unknown): LeadState => ({ ...extracting, phase: 'done', problem: problemText(error) }),
      );
      await this.queue.run(key, () => this.save(key, next, windowId));
    } finally {
      stopKeepAlive();
      this.running.delete(key);
    }
  }

  async handle(payload: unknown, panel: PanelConnection): Promise<void> {
    this.panels.set(panel.windowId, panel);
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
      await this.save(key, await this.change(state, data), panel.windowId);
    });
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
    return { pageTitle: null, pageUrl: url, sender };
  }

  private async extract(text: string, source: LeadSource): Promise<{ review: Review; lightningHost: string }> {
    const access = await this.clients.forLastOrg();
    if (!access) throw new SalesforceProblem('no-session', NO_ORG);
    const describes = await access.describes(['Lead']);
    const lead = describes.get('Lead');
    if (!lead) throw new SalesforceProblem('no-api-access', 'You cannot see Leads in this org.');
    const now = this.deps.now();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const redacted = redactSource(text);
    const page = pageLine(source);
    const prompt = renderPrompt('extract-lead', {
      context: redacted.text,
      extra: { fields: writableFieldLines(lead, 'create'), today: todayOf(now, zone), ...(page ? { page } : {}) },
    });
    const settings = await this.deps.modelSettings('extract');
    const { value } = await generateJson(
      settings,
      { useCase: 'extract', system: prompt.system, userText: prompt.userText, maxTokens: prompt.maxTokens },
      LeadProposal,
      AbortSignal.timeout(MODEL_TIMEOUT_MS),
    );
    const proposal = restoreProposal(LeadProposal, value, redacted.redactions);
    const review = buildLeadReview(proposal, describes, text, now, { timeZone: zone });
    const found = await findDuplicates(access.client, duplicateCandidates(review)).catch(() => []);
    return { review: withDuplicateDefaults(attachDuplicates(review, found)), lightningHost: access.lightningHost };
  }

  private async commit(key: string, review: Review, windowId: number): Promise<void> {
    this.running.add(key);
    try {
      const state = await loadLead(this.deps.session, key);
      const done = new Set((state?.results ?? []).filter((result) => result.id).map((result) => result.cardId));
      const cards = cardsToCommit(review).filter((card) => !done.has(card.id));
      const access = await this.clients.forLastOrg();
      const results = access && cards.length > 0 ? await createRecords(access.client, 'Lead', cards.map(recordValues)).catch(() => null) : null;
      await this.queue.run(key, async () => {
        const current = await loadLead(this.deps.session, key);
        if (!current) return;
        if (!access) return this.save(key, { ...current, phase: 'review', problem: NO_ORG }, windowId);
        if (cards.length === 0) return this.save(key, { ...current, phase: 'review', problem: 'Nothing is selected to create.' }, windowId);
        if (!results) return this.save(key, { ...current, phase: 'review', problem: 'Salesforce gave no answer. Check for the leads before confirming again.' }, windowId);
        const merged = mergeResults(review, current.results, cards.map((card) => card.id), results);
        const failed = merged.results.some((result) => !result.id);
        const next: LeadState = failed
          ? { ...current, ...merged, phase: 'review', problem: 'Some rows were refused; the others were created. Fix the marked rows and confirm again.' }
          : { ...current, ...merged, phase: 'done', problem: null };
        await this.save(key, next, windowId);
      });
    } finally {
      this.running.delete(key);
    }
  }

  private async save(key: string, state: LeadState, windowId: number): Promise<void> {
    await this.deps.session.set(key, state);
    this.publish(windowId, state);
  }

  private publish(windowId: number, state: LeadState | null): void {
    try {
      this.panels.get(windowId)?.send({ type: 'state', state });
    } catch {
      // The panel closed meanwhile: it asks for the state when it opens again.
    }
  }
}
