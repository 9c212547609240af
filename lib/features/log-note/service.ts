/**
 * "Log this note" in the background: the note and its review per record (in session storage), the model's proposal
 * (structured output), the guarded commit and its undo. The panel only shows the state and sends the rep's intents;
 * nothing is written to Salesforce but by `confirm` (commitReview) and `undo` (undoCommit).
 */
import { todayOf } from '../../proposals/dates';
import type { ContextMenuClick, FeatureDeps, PanelConnection } from '../handler';
import { WindowPanels } from '../panels';
import { ModelProblem } from '../../model';
import { renderPrompt } from '../../prompts';
import { SalesforceProblem } from '../../salesforce/problems';
import { commitReview, fieldTypesOf, undoCommit, type CommitOutcome } from '../../salesforce/writes';
import { recordCommit, recordProposalOutcome, recordUndo, reviewDecision, type CardWrite } from '../../proposals/audit';
import type { WriteObjectDescribe } from '../../proposals/describe';
import { attachDuplicates, duplicateCandidates, findDuplicates } from '../../proposals/duplicates';
import { IncomingNote, NOTE_MAX_CHARS, NotesRequest, type NotesEvent, type NotesState, type ReviewChange } from '../../proposals/messages';
import { proposeAudited } from '../../proposals/model-call';
import type { WriteAccess, WriteClients } from '../../proposals/org-access';
import { redactSource, restoreProposal, writableFieldLines } from '../../proposals/prompt-input';
import { findNamedOpportunities } from './named-opportunities';
import { buildReview, type NamedLookup, type RecordInView, type Review } from '../../proposals/review';
import { applyReviewChange, objectsOf } from '../../proposals/review-changes';
import { NoteProposal } from '../../proposals/schemas';
import { readSelection } from '../../proposals/selection';
import { emptyNotes, incomingNoteKey, KeyedQueue, loadNotes, notesKey, storageLedger } from '../../proposals/state-store';
import type { WriteValue } from '../../proposals/validate';

interface InView {
  slotKey: string;
  recordId: string;
  objectName: string;
  name: string;
  pageUrl: string;
}

/** Words for a failure the rep can act on. */
export function problemText(error: unknown): string {
  if (error instanceof ModelProblem || error instanceof SalesforceProblem) return error.message;
  return 'Something went wrong. Nothing was written to Salesforce.';
}

const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/** The record as Salesforce has it now: the values the update would replace, and the stamp that guards the update. */
async function readRecord(access: WriteAccess, describe: WriteObjectDescribe, inView: InView): Promise<RecordInView> {
  const names = describe.fields
    .filter((field) => (field.updateable && field.type !== 'reference') || field.name === 'AccountId' || field.name === 'LastModifiedDate')
    .map((field) => field.name);
  const fields = [...new Set(['LastModifiedDate', ...names])].join(',');
  const path = `/services/data/v${access.client.apiVersion}/sobjects/${encodeURIComponent(describe.name)}/${inView.recordId}?fields=${fields}`;
  // Through composite (a POST): a plain GET may be answered from the browser's HTTP cache, and the guard of the update
  // must be the stamp Salesforce has now.
  const answer = (await access.client.composite([{ referenceId: 'record', url: path }])).get('record');
  if (!answer || answer.httpStatusCode >= 300) throw new SalesforceProblem('not-found', 'This record no longer exists, or you no longer have access to it.');
  const body = answer.body;
  const raw = typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {};
  const lastModifiedDate = typeof raw.LastModifiedDate === 'string' ? raw.LastModifiedDate : '';
  if (!lastModifiedDate) throw new SalesforceProblem('server', 'Salesforce did not say when this record last changed.');
  return {
    id: inView.recordId,
    objectName: describe.name,
    name: inView.name,
    lastModifiedDate,
    fields: Object.fromEntries(names.map((name) => [name, asValue(raw[name])])),
  };
}

export const ADD_TO_NOTE_MENU = 'groundwork-add-to-note';

/** The note with the sent text after what the rep already wrote, within the note's length. */
function withAdded(draft: string, text: string): string {
  const joined = draft.trim() ? `${draft.trimEnd()}\n\n${text.trim()}` : text.trim();
  return joined.slice(0, NOTE_MAX_CHARS);
}

export class NotesService {
  private readonly queue = new KeyedQueue();
  /** Proposals and commits running in this worker: a stored 'proposing' or 'committing' without one was interrupted. */
  private readonly running = new Set<string>();
  private readonly panels = new WindowPanels();

  constructor(
    private readonly deps: FeatureDeps,
    private readonly clients: WriteClients,
  ) {}

  disconnected(panel: PanelConnection): void {
    this.panels.forget(panel);
  }

  async handle(payload: unknown, panel: PanelConnection): Promise<void> {
    this.panels.remember(panel);
    const request = NotesRequest.safeParse(payload);
    if (!request.success) return;
    if (request.data.type === 'incoming' || request.data.type === 'drop-incoming') {
      if (request.data.type === 'drop-incoming') await this.deps.session.remove(incomingNoteKey(panel.windowId));
      this.publishIncoming(panel.windowId, await this.incoming(panel.windowId));
      return;
    }
    const inView = await this.inView(panel.windowId);
    if (!inView) return;
    const key = notesKey(inView.slotKey);
    if (request.data.type === 'open') {
      this.publish(panel.windowId, await this.queue.run(key, async () => this.withIncoming(panel.windowId, key, await this.recovered(key, inView))));
      return;
    }
    const data = request.data;
    await this.queue.run(key, async () => {
      const state = (await loadNotes(this.deps.session, key)) ?? emptyNotes(inView.recordId);
      const next = await this.step(state, data, inView, key, panel.windowId);
      if (next) await this.save(key, next, panel.windowId);
    });
  }

  /**
   * "Add to a Salesforce note" on selected text: the panel opens (the click is the gesture) and the text joins the note
   * of the record in view, or waits until the rep opens the record it belongs to.
   */
  async onContextMenu(click: ContextMenuClick): Promise<void> {
    if (click.menuItemId !== ADD_TO_NOTE_MENU) return;
    const opened = this.deps.browser.openSidePanel(click.tab.id).catch(() => undefined);
    const text = await readSelection(this.deps.browser, click, NOTE_MAX_CHARS);
    if (!text.trim()) return;
    const from = click.tab.title?.trim() || click.tab.url || 'a page';
    await this.deps.session.set(incomingNoteKey(click.tab.windowId), { text, from } satisfies IncomingNote);
    await opened;
    this.publishIncoming(click.tab.windowId, { text, from });
    const inView = await this.inView(click.tab.windowId);
    if (!inView) return;
    const key = notesKey(inView.slotKey);
    await this.queue.run(key, async () => {
      const state = (await loadNotes(this.deps.session, key)) ?? emptyNotes(inView.recordId);
      const next = await this.withIncoming(click.tab.windowId, key, state);
      if (next !== state) this.publish(click.tab.windowId, next);
    });
  }

  /** The note with the window's waiting text added, once: only to a note still being written (never to a review). */
  private async withIncoming(windowId: number, key: string, state: NotesState): Promise<NotesState> {
    if (state.phase !== 'draft') return state;
    const incoming = await this.incoming(windowId);
    if (!incoming) return state;
    await this.deps.session.remove(incomingNoteKey(windowId));
    this.publishIncoming(windowId, null);
    const added = { from: incoming.from, at: this.deps.now().toISOString() };
    return this.saved(key, { ...state, draft: withAdded(state.draft, incoming.text), added, problem: null });
  }

  private async incoming(windowId: number): Promise<IncomingNote | null> {
    const stored = IncomingNote.safeParse(await this.deps.session.get(incomingNoteKey(windowId)));
    return stored.success ? stored.data : null;
  }

  private async inView(windowId: number): Promise<InView | null> {
    const [found, tab] = await Promise.all([this.deps.records.recordInView(windowId), this.deps.browser.activeTab(windowId)]);
    if (!found || !tab?.url) return null;
    return { slotKey: found.slotKey, recordId: found.card.recordId, objectName: found.card.objectName, name: found.card.name, pageUrl: tab.url };
  }

  /** The stored state, with work the stopped worker left unfinished turned back into something the rep can redo. */
  private async recovered(key: string, inView: InView): Promise<NotesState> {
    const state = (await loadNotes(this.deps.session, key)) ?? emptyNotes(inView.recordId);
    if (this.running.has(key)) return state;
    if (state.phase === 'proposing') {
      return this.saved(key, { ...state, phase: 'draft', problem: 'The proposal was interrupted. Propose again.' });
    }
    if (state.phase === 'committing') {
      const problem = 'Groundwork was interrupted while writing. Confirm again: it checks first and never writes twice.';
      return this.saved(key, { ...state, phase: 'review', problem });
    }
    if (state.phase === 'undoing') return this.saved(key, { ...state, phase: 'committed', problem: 'Undo was interrupted. Try again.' });
    return state;
  }

  private async step(state: NotesState, request: Exclude<NotesRequest, { type: 'open' | 'incoming' | 'drop-incoming' }>, inView: InView, key: string, windowId: number): Promise<NotesState | null> {
    switch (request.type) {
      case 'draft':
        return state.phase === 'draft' ? { ...state, draft: request.text } : null;
      case 'propose':
        if (state.phase !== 'draft') return null;
        void this.propose(key, inView, request.text, windowId);
        return { ...state, phase: 'proposing', draft: request.text, added: null, problem: null };
      case 'discard':
        // Cancel: the proposal is dropped, nothing is written; the note stays for another try.
        if (state.phase !== 'review') return null;
        await recordProposalOutcome(this.deps.auditLog, state.auditId, 'rejected');
        return { ...emptyNotes(inView.recordId), draft: state.draft };
      case 'done':
        return state.phase === 'committed' || state.phase === 'undone' ? emptyNotes(inView.recordId) : null;
      case 'confirm':
        if (state.phase !== 'review' || !state.review) return null;
        void this.commit(key, inView, state.review, state.idempotencyKey ?? crypto.randomUUID(), windowId);
        return { ...state, phase: 'committing', problem: null };
      case 'undo':
        if (state.phase !== 'committed' || !state.committed) return null;
        void this.undo(key, inView, windowId);
        return { ...state, phase: 'undoing', problem: null };
      default:
        return this.change(state, request, inView);
    }
  }

  private async change(state: NotesState, change: ReviewChange, inView: InView): Promise<NotesState | null> {
    if (state.phase !== 'review' || !state.review) return null;
    const access = await this.clients.forPage(inView.pageUrl);
    if (!access) return { ...state, problem: 'Your Salesforce session has ended. Log in again.' };
    const describes = await access.describes(objectsOf(state.review));
    return { ...state, review: applyReviewChange(state.review, describes, change) };
  }

  /** Runs after the state says 'proposing'; the result lands in storage and reaches the panel of the window. */
  private async propose(key: string, inView: InView, note: string, windowId: number): Promise<void> {
    this.running.add(key);
    const stopKeepAlive = this.deps.keepAlive();
    try {
      const result = await this.proposal(inView, note).then(
        (built) => ({ ...built, problem: null }),
        (error: unknown) => ({ review: null, lightningHost: null, auditId: null, problem: problemText(error) }),
      );
      await this.queue.run(key, async () => {
        const state = (await loadNotes(this.deps.session, key)) ?? emptyNotes(inView.recordId);
        if (state.phase !== 'proposing') return;
        const next: NotesState = result.review
          ? {
              ...state,
              phase: 'review',
              review: result.review,
              lightningHost: result.lightningHost,
              auditId: result.auditId,
              idempotencyKey: crypto.randomUUID(),
              changes: [],
              problem: null,
            }
          : { ...state, phase: 'draft', problem: result.problem };
        await this.save(key, next, windowId);
      });
    } finally {
      stopKeepAlive();
      this.running.delete(key);
    }
  }

  private async proposal(inView: InView, note: string): Promise<{ review: Review; lightningHost: string; auditId: string | null }> {
    const access = await this.clients.forPage(inView.pageUrl);
    if (!access) throw new SalesforceProblem('no-session', 'Your Salesforce session has ended. Log in again.');
    const describes = await access.describes(['Task', 'Contact', 'Opportunity', inView.objectName]);
    const describe = describes.get(inView.objectName);
    if (!describe) throw new SalesforceProblem('no-api-access', `You cannot see ${inView.objectName} records through the API.`);
    const record = await readRecord(access, describe, inView);
    const now = this.deps.now();
    const zone = timeZone();
    const redacted = redactSource(note, (await this.deps.redaction()).patterns);
    const prompt = renderPrompt('extract-note', {
      context: redacted.text,
      extra: {
        record: `${describe.label}: ${inView.name}`,
        fields: writableFieldLines(describe, 'update') || '(none: propose no field updates)',
        opportunity_fields: opportunityFieldLines(describes.get('Opportunity')),
        today: todayOf(now, zone),
      },
    });
    const { value, auditId } = await proposeAudited(this.deps, NoteProposal, prompt, {
      feature: 'log-note',
      orgId: access.client.session.orgId,
      recordId: inView.recordId,
      objectName: inView.objectName,
    });
    const proposal = restoreProposal(NoteProposal, value, redacted.redactions);
    const namedLookups = await lookUpNamed(access, describes.get('Opportunity'), proposal, note);
    const review = buildReview(proposal, describes, record, note, now, { timeZone: zone, namedLookups });
    return { review: await withDuplicates(access, review), lightningHost: access.lightningHost, auditId };
  }

  private async commit(key: string, inView: InView, review: Review, idempotencyKey: string, windowId: number): Promise<void> {
    this.running.add(key);
    try {
      const outcome = await this.commitOutcome(inView, review, idempotencyKey).catch((error: unknown) => ({ kind: 'failed' as const, error }));
      const auditId = await this.queue.run(key, async () => {
        const state = (await loadNotes(this.deps.session, key)) ?? emptyNotes(inView.recordId);
        await this.save(key, afterCommit({ ...state, idempotencyKey }, outcome), windowId);
        return state.auditId;
      });
      await this.audit(inView, review, outcome, auditId);
    } finally {
      this.running.delete(key);
    }
  }

  /** The commit in the audit trail: each field with the rep's decision, and the proposal's outcome once written. */
  private async audit(inView: InView, review: Review, outcome: CommitOutcome | { kind: 'failed' }, auditId: string | null): Promise<void> {
    if (outcome.kind !== 'committed' && outcome.kind !== 'rejected') return;
    if (!outcome.exchanges) return; // replayed: recorded when it was sent
    const access = await this.clients.forPage(inView.pageUrl).catch(() => null);
    const ids = outcome.kind === 'committed' ? idsOf(outcome.committed) : new Map<string, string>();
    const writes = outcome.exchanges.map((exchange): CardWrite => {
      const id = ids.get(exchange.cardId);
      const refused = exchange.httpStatusCode >= 300;
      return {
        cardId: exchange.cardId,
        payload: exchange.payload,
        answer: exchange.answer,
        ...(id && !refused ? { recordId: id } : {}),
        ...(refused ? { error: `Salesforce refused it (HTTP ${exchange.httpStatusCode}); nothing was written.` } : {}),
      };
    });
    await recordCommit(this.deps.auditLog, review, writes, access ? { orgId: access.client.session.orgId } : {});
    if (outcome.kind === 'committed') await recordProposalOutcome(this.deps.auditLog, auditId, reviewDecision(review));
  }

  private async commitOutcome(inView: InView, review: Review, idempotencyKey: string): Promise<CommitOutcome> {
    const access = await this.clients.forPage(inView.pageUrl);
    if (!access) throw new SalesforceProblem('no-session', 'Your Salesforce session has ended. Log in again.');
    const describes = await access.describes(objectsOf(review));
    return commitReview(access.client, review, {
      recordInView: { id: inView.recordId, objectName: inView.objectName, lastModifiedDate: review.record?.lastModifiedDate ?? '' },
      idempotencyKey,
      ledger: storageLedger(this.deps.session),
      fieldType: fieldTypesOf(describes),
    });
  }

  private async undo(key: string, inView: InView, windowId: number): Promise<void> {
    this.running.add(key);
    try {
      const state = await loadNotes(this.deps.session, key);
      const committed = state?.committed;
      if (!committed) return;
      const access = await this.clients.forPage(inView.pageUrl);
      const outcome = access
        ? await undoCommit(access.client, committed).catch((error: unknown) => ({ kind: 'error' as const, message: problemText(error) }))
        : { kind: 'error' as const, message: 'Your Salesforce session has ended. Log in again.' };
      if (outcome.kind !== 'error') {
        await recordUndo(this.deps.auditLog, committed, outcome.exchanges, access ? { orgId: access.client.session.orgId } : {});
        if (outcome.kind === 'undone') await recordProposalOutcome(this.deps.auditLog, state.auditId, 'rejected');
      }
      await this.queue.run(key, async () => {
        const current = (await loadNotes(this.deps.session, key)) ?? emptyNotes(inView.recordId);
        const next: NotesState =
          outcome.kind === 'undone'
            ? { ...current, phase: 'undone', problem: null }
            : { ...current, phase: 'committed', problem: undoProblem(outcome) };
        await this.save(key, next, windowId);
      });
    } finally {
      this.running.delete(key);
    }
  }

  private async saved(key: string, state: NotesState): Promise<NotesState> {
    await this.deps.session.set(key, state);
    return state;
  }

  private async save(key: string, state: NotesState, windowId: number): Promise<void> {
    await this.saved(key, state);
    this.publish(windowId, state);
  }

  private publish(windowId: number, state: NotesState): void {
    this.panels.send(windowId, { type: 'state', state } satisfies NotesEvent);
  }

  private publishIncoming(windowId: number, incoming: IncomingNote | null): void {
    this.panels.send(windowId, { type: 'incoming', incoming } satisfies NotesEvent);
  }
}

function undoProblem(outcome: { kind: 'record-changed'; recordId: string } | { kind: 'failed'; errors: { message: string }[] } | { kind: 'error'; message: string }): string {
  if (outcome.kind === 'record-changed') return 'Someone changed the record after your update, so nothing was undone (their change stays).';
  if (outcome.kind === 'error') return outcome.message;
  return `Salesforce refused the undo: ${outcome.errors.map((error) => error.message).join(' ')}`;
}

/** The record each committed card wrote. */
function idsOf(committed: NonNullable<NotesState['committed']>): Map<string, string> {
  return new Map([...committed.created.map((record) => [record.cardId, record.id] as const), ...committed.updated.map((record) => [record.cardId, record.id] as const)]);
}

/** The opportunity fields a named update may change; none when the rep cannot see opportunities. */
function opportunityFieldLines(describe: WriteObjectDescribe | undefined): string {
  const lines = describe ? writableFieldLines(describe, 'update') : '';
  return lines || '(none: propose no named opportunities)';
}

/** The opportunities the note names, looked up by name (never by an id from the model). */
async function lookUpNamed(access: WriteAccess, describe: WriteObjectDescribe | undefined, proposal: NoteProposal, note: string): Promise<NamedLookup[]> {
  if (!describe || proposal.namedOpportunities.length === 0) return [];
  return findNamedOpportunities(access.client, describe, proposal.namedOpportunities, note);
}

/** New contacts with their possible duplicates (a failed look-up leaves them without: the review still shows). */
async function withDuplicates(access: WriteAccess, review: Review): Promise<Review> {
  const candidates = duplicateCandidates(review);
  if (candidates.length === 0) return review;
  const found = await findDuplicates(access.client, candidates).catch(() => []);
  return attachDuplicates(review, found);
}

/** The state after a commit attempt: what the rep sees next. */
export function afterCommit(state: NotesState, outcome: CommitOutcome | { kind: 'failed'; error: unknown }): NotesState {
  switch (outcome.kind) {
    case 'committed':
      return { ...state, phase: 'committed', committed: outcome.committed, changes: [], problem: null };
    case 'record-changed':
      return {
        ...state,
        phase: 'review',
        review: outcome.review,
        changes: outcome.changes,
        idempotencyKey: crypto.randomUUID(),
        problem: 'The record changed in Salesforce since the proposal. Check the new values and confirm again.',
      };
    case 'rejected':
      return { ...state, phase: 'review', review: outcome.review, idempotencyKey: crypto.randomUUID(), problem: 'Salesforce refused these changes; nothing was written. See the fields marked below.' };
    case 'nothing-to-write':
      return { ...state, phase: 'review', problem: 'Nothing is selected to write.' };
    case 'wrong-record':
      return { ...state, phase: 'review', problem: 'This review is for another record than the one in view. Open that record to confirm.' };
    case 'unknown':
      // The same key is kept: confirming again checks Salesforce first and never writes twice.
      return { ...state, phase: 'review', problem: outcome.problem.message };
    case 'failed':
      return { ...state, phase: 'review', problem: problemText(outcome.error) };
  }
}

