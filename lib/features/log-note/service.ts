/**
 * "Log this note" in the background: the note and its proposal per record, in the proposal workflow
 * (lib/proposals/workflow.ts): the model's proposal (structured output), the review, the guarded commit and its undo.
 * The panel only shows the state and sends the rep's intents; nothing is written to Salesforce but by `confirm`
 * (commitReview) and `undo` (undoCommit).
 */
import { NOTE_MAX_CHARS, IncomingNote, NotesState, emptyNotes, type NotesEvent, type NotesRequest } from './messages';
import type { ContextMenuClick, FeatureDeps, PanelConnection } from '../../messaging/feature-handler';
import { WindowPanels } from '../../messaging/window-panels';
import { commitReview, exchangeWrites, problemText, ProposalWorkflow, writeAccess, type CommitOutcome } from '../../proposals';
import { objectsOf } from '../../proposals/review-changes';
import { readSelection } from '../../proposals/selection';
import { fieldTypesOf } from '../../salesforce/commit';
import { storageLedger } from '../../salesforce/ledger';
import { SalesforceProblem } from '../../salesforce/problems';
import { undoCommit, type UndoOutcome, type UndoTarget } from '../../salesforce/undo';
import type { RecordViewService } from '../record-view';
import { proposeNote, type InView, type NoteInput, type NoteProposalResult } from './propose';
import { t } from '../../i18n';

export const ADD_TO_NOTE_MENU = 'groundwork-add-to-note';

export type LogNoteDeps = FeatureDeps & { records: Pick<RecordViewService, 'recordInView'> };

const notesKey = (slotKey: string): string => `notes:${slotKey}`;
const incomingNoteKey = (windowId: number): string => `notes-incoming:${windowId}`;
const noSession = (): string => t('note_noSession');

/** The note with the sent text after what the rep already wrote, within the note's length. */
function withAdded(draft: string, text: string): string {
  const joined = draft.trim() ? `${draft.trimEnd()}\n\n${text.trim()}` : text.trim();
  return joined.slice(0, NOTE_MAX_CHARS);
}

type StepRequest = Exclude<NotesRequest, { type: 'open' | 'incoming' | 'drop-incoming' }>;

export class NotesService {
  private readonly panels = new WindowPanels<NotesEvent>();
  private readonly workflow: ProposalWorkflow<NotesState>;
  private readonly access: ReturnType<typeof writeAccess>;

  constructor(private readonly deps: LogNoteDeps) {
    this.access = writeAccess(deps);
    this.workflow = new ProposalWorkflow({
      store: deps.session,
      schema: NotesState,
      publish: (windowId, state) => state && this.panels.send(windowId, { type: 'state', state }),
      keepAlive: deps.keepAlive,
      auditLog: deps.auditLog,
      interrupted: {
        proposing: t('note_interruptedProposing'),
        committing: t('note_interruptedCommitting'),
        undoing: t('note_interruptedUndoing'),
      },
    });
  }

  disconnected(panel: PanelConnection<NotesEvent>): void {
    this.panels.forget(panel);
  }

  async handle(request: NotesRequest, panel: PanelConnection<NotesEvent>): Promise<void> {
    this.panels.remember(panel);
    const { windowId } = panel;
    if (request.type === 'incoming' || request.type === 'drop-incoming') {
      if (request.type === 'drop-incoming') await this.deps.session.remove(incomingNoteKey(windowId));
      this.publishIncoming(windowId, await this.incoming(windowId));
      return;
    }
    const inView = await this.inView(windowId);
    if (!inView) return;
    const key = notesKey(inView.slotKey);
    if (request.type === 'open') {
      const state = await this.workflow.queued(key, async () => this.withIncoming(windowId, key, (await this.workflow.recovered(key)) ?? emptyNotes(inView.recordId)));
      this.panels.send(windowId, { type: 'state', state });
      return;
    }
    await this.workflow.update(key, windowId, (state) => this.step(state ?? emptyNotes(inView.recordId), request, inView, key, windowId));
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
    const { windowId } = click.tab;
    const from = click.tab.title?.trim() || click.tab.url || 'a page';
    await this.deps.session.set(incomingNoteKey(windowId), { text, from } satisfies IncomingNote);
    await opened;
    this.publishIncoming(windowId, { text, from });
    const inView = await this.inView(windowId);
    if (!inView) return;
    const key = notesKey(inView.slotKey);
    await this.workflow.queued(key, async () => {
      const state = (await this.workflow.load(key)) ?? emptyNotes(inView.recordId);
      const next = await this.withIncoming(windowId, key, state);
      if (next !== state) this.panels.send(windowId, { type: 'state', state: next });
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
    const next = { ...state, draft: withAdded(state.draft, incoming.text), added, problem: null };
    await this.deps.session.set(key, next);
    return next;
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

  private async step(state: NotesState, request: StepRequest, inView: InView, key: string, windowId: number): Promise<NotesState | null> {
    switch (request.type) {
      case 'draft':
        return state.phase === 'draft' ? { ...state, draft: request.text } : null;
      case 'attach-transcript':
        return state.phase === 'draft' ? { ...state, transcript: request.transcript, problem: null } : null;
      case 'drop-transcript':
        return state.phase === 'draft' ? { ...state, transcript: null } : null;
      case 'propose':
        if (state.phase !== 'draft' || (!request.text.trim() && !state.transcript)) return null;
        void this.propose(key, inView, { text: request.text, transcript: state.transcript }, windowId);
        return { ...state, phase: 'proposing', draft: request.text, added: null, problem: null };
      case 'discard':
        // Cancel: the proposal is dropped, nothing is written; the note and its transcript stay for another try.
        if (state.phase !== 'review') return null;
        await this.workflow.rejected(state.auditIds);
        return { ...emptyNotes(inView.recordId), draft: state.draft, transcript: state.transcript };
      case 'done':
        return state.phase === 'committed' || state.phase === 'undone' ? emptyNotes(inView.recordId) : null;
      case 'confirm':
        if (state.phase !== 'review' || !state.review) return null;
        void this.commit(key, inView, state, state.idempotencyKey ?? crypto.randomUUID(), windowId);
        return { ...state, phase: 'committing', problem: null };
      case 'undo':
        if (state.phase !== 'committed' || !state.committed) return null;
        void this.undo(key, inView, state, windowId);
        return { ...state, phase: 'undoing', problem: null };
      default: {
        const access = await this.access.forPage(inView.pageUrl);
        return this.workflow.changeReview(state, request, async (objects) => (access ? access.describes(objects) : null), noSession());
      }
    }
  }

  /** Runs after the state says 'proposing'; the result lands in storage and reaches the panel of the window. */
  private async propose(key: string, inView: InView, note: NoteInput, windowId: number): Promise<void> {
    const work = async (): Promise<NoteProposalResult | { problem: string }> => {
      try {
        const access = await this.access.forPage(inView.pageUrl);
        return access ? await proposeNote(this.deps, access, inView, note) : { problem: noSession() };
      } catch (error) {
        return { problem: problemText(error) };
      }
    };
    await this.workflow.run(key, windowId, 'proposing', work, (state, result) =>
      'review' in result
        ? { ...state, ...result, phase: 'review', idempotencyKey: crypto.randomUUID(), changes: [] }
        : { ...state, phase: 'draft', problem: result.problem },
    );
  }

  private async commit(key: string, inView: InView, confirmed: NotesState, idempotencyKey: string, windowId: number): Promise<void> {
    const review = confirmed.review;
    if (!review) return;
    const access = await this.access.forPage(inView.pageUrl).catch(() => null);
    const work = async (): Promise<CommitOutcome | { kind: 'failed'; error: unknown }> => {
      if (!access) return { kind: 'failed', error: new SalesforceProblem('no-session', noSession()) };
      const fieldType = fieldTypesOf(await access.describes(objectsOf(review)));
      return commitReview(access.client, review, { recordInView: { id: inView.recordId }, idempotencyKey, ledger: storageLedger(this.deps.session), fieldType }).catch(
        (error: unknown) => ({ kind: 'failed' as const, error }),
      );
    };
    const { result: outcome } = await this.workflow.run(key, windowId, 'committing', work, (state, result) => afterCommit({ ...state, idempotencyKey }, result));
    // The commit in the audit trail: each field with the rep's decision, and the proposal's outcome once written.
    if ((outcome.kind !== 'committed' && outcome.kind !== 'rejected') || !outcome.exchanges) return; // replayed: recorded when sent
    const written = outcome.kind === 'committed' ? [...outcome.committed.created, ...outcome.committed.updated] : [];
    const writes = exchangeWrites(outcome.exchanges, new Map(written.map((record) => [record.itemId, record.id])));
    await this.workflow.committed(review, writes, access ? { orgId: access.client.session.orgId } : {}, { auditIds: confirmed.auditIds, settled: outcome.kind === 'committed' });
  }

  private async undo(key: string, inView: InView, state: NotesState, windowId: number): Promise<void> {
    const committed = state.committed;
    if (!committed) return;
    const access = await this.access.forPage(inView.pageUrl).catch(() => null);
    const work = (): Promise<UndoOutcome | { kind: 'error'; message: string }> =>
      access
        ? undoCommit(access.client, committed).catch((error: unknown) => ({ kind: 'error' as const, message: problemText(error) }))
        : Promise.resolve({ kind: 'error' as const, message: noSession() });
    const { result: outcome } = await this.workflow.run(key, windowId, 'undoing', work, (current, result) =>
      result.kind === 'undone' ? { ...current, phase: 'undone', problem: null } : { ...current, phase: 'committed', problem: undoProblem(result) },
    );
    if (outcome.kind === 'error') return;
    const scope = access ? { orgId: access.client.session.orgId } : {};
    await this.workflow.undone(committed, outcome.exchanges, scope, { auditIds: state.auditIds, undone: outcome.kind === 'undone' });
  }

  private publishIncoming(windowId: number, incoming: IncomingNote | null): void {
    this.panels.send(windowId, { type: 'incoming', incoming });
  }
}

/** "the Task “Call with Rosa”", "the Task “Call with Rosa” and the Opportunity “Globex Expansion”". */
function recordsNamed(records: readonly UndoTarget[]): string {
  const names = records.map((record) => t('undo_recordNamed', { object: record.objectName, name: record.name }));
  return names.length <= 1 ? (names[0] ?? t('undo_aRecord')) : t('undo_andList', { first: names.slice(0, -1).join(', '), last: names.at(-1) ?? '' });
}

function undoProblem(outcome: Exclude<UndoOutcome, { kind: 'undone' }> | { kind: 'error'; message: string }): string {
  switch (outcome.kind) {
    case 'record-changed':
      return outcome.records.length === 1
        ? t('undo_recordChangedOne', { records: recordsNamed(outcome.records) })
        : t('undo_recordChangedMany', { records: recordsNamed(outcome.records) });
    case 'unguarded':
      return t('undo_unguarded', { records: recordsNamed(outcome.records) });
    case 'error':
      return outcome.message;
    case 'failed':
      return t('undo_refused', { errors: outcome.errors.map((error) => error.message).join(' ') });
  }
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
        problem: t('note_recordChanged'),
      };
    case 'rejected':
      return { ...state, phase: 'review', review: outcome.review, idempotencyKey: crypto.randomUUID(), problem: t('note_rejected') };
    case 'nothing-to-write':
      return { ...state, phase: 'review', problem: t('note_nothingSelected') };
    case 'wrong-record':
      return { ...state, phase: 'review', problem: t('note_wrongRecord') };
    case 'unknown':
      // The same key is kept: confirming again checks Salesforce first and never writes twice.
      return { ...state, phase: 'review', problem: outcome.problem.message };
    case 'failed':
      return { ...state, phase: 'review', problem: problemText(outcome.error) };
  }
}
