/**
 * The one proposal workflow that the features proposing writes configure (log-note, extract-lead): each proposal's
 * state kept in session storage (it survives the panel closing and the worker stopping), changed one request at a
 * time and shown to the window's panel at every change; the background work of a phase (proposing, committing,
 * undoing) run with the worker kept alive, landing only while the proposal is still in that phase; a phase the worker
 * stopped in the middle of turned back into one the rep can redo; and the proposal's outcome in the audit trail.
 */
import type { ZodMiniType } from 'zod/mini';
import type { KeyValueStore } from '../browser/store';
import type { WriteExchange } from '../salesforce/commit';
import type { Committed } from '../salesforce/write-plan';
import type { UndoExchange } from '../salesforce/undo';
import { recordCommit, recordProposalOutcomes, recordUndo, reviewDecision, type AuditScope, type CardWrite, type WriteAuditLog } from './audit';
import type { WriteDescribes } from './describe';
import type { ProposalPhase, ReviewChange } from './messages';
import type { Review } from './review';
import { applyReviewChange, objectsOf } from './review-changes';

export interface ProposalState {
  phase: ProposalPhase;
  review: Review | null;
  problem: string | null;
}

/** The phases that run in the background, and the one each goes back to when the worker stopped in the middle. */
type WorkPhase = 'proposing' | 'committing' | 'undoing';
const RESUME_FROM: Record<WorkPhase, ProposalPhase> = { proposing: 'draft', committing: 'review', undoing: 'committed' };

export interface WorkflowConfig<S extends ProposalState> {
  store: KeyValueStore;
  /** The state as read back from storage. */
  schema: ZodMiniType<S>;
  /** Shows a state (null: none) to the panel of a window. */
  publish(windowId: number, state: S | null): void;
  keepAlive(): () => void;
  auditLog: WriteAuditLog;
  /** What the rep reads when the worker stopped in the middle of a phase. */
  interrupted: Partial<Record<WorkPhase, string>>;
}

export class ProposalWorkflow<S extends ProposalState> {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Work running in this worker: a stored working phase without it was interrupted. */
  private readonly running = new Set<string>();

  constructor(private readonly config: WorkflowConfig<S>) {}

  /** Runs one change of a key at a time, so two quick requests never overwrite each other's state. */
  queued<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(key, next);
    const forget = (): void => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  async load(key: string): Promise<S | null> {
    const parsed = this.config.schema.safeParse(await this.config.store.get(key));
    return parsed.success ? parsed.data : null;
  }

  /** Keeps the state and shows it to the window's panel. */
  async save(key: string, windowId: number, state: S): Promise<S> {
    await this.config.store.set(key, state);
    this.config.publish(windowId, state);
    return state;
  }

  async remove(key: string, windowId: number): Promise<void> {
    await this.config.store.remove(key);
    this.config.publish(windowId, null);
  }

  /** One change, in turn: `change` gives the next state (kept and shown) or null when nothing changes. */
  update(key: string, windowId: number, change: (state: S | null) => S | null | Promise<S | null>): Promise<S | null> {
    return this.queued(key, async () => {
      const current = await this.load(key);
      const next = await change(current);
      return next ? this.save(key, windowId, next) : current;
    });
  }

  /** The kept state, a phase the stopped worker left unfinished turned back into one the rep can redo (kept, not shown). */
  async recovered(key: string): Promise<S | null> {
    const state = await this.load(key);
    if (!state || this.running.has(key) || !(state.phase in RESUME_FROM)) return state;
    const phase = state.phase as WorkPhase;
    const back = { ...state, phase: RESUME_FROM[phase], problem: this.config.interrupted[phase] ?? null };
    await this.config.store.set(key, back);
    return back;
  }

  /**
   * The background work of a phase, started once the state says so: the worker is kept alive while it runs, and the
   * result lands (kept and shown) only while the proposal is still in that phase.
   */
  async run<R>(key: string, windowId: number, phase: WorkPhase, work: () => Promise<R>, land: (state: S, result: R) => S | Promise<S>): Promise<{ result: R; landed: S | null }> {
    this.running.add(key);
    const stopKeepAlive = this.config.keepAlive();
    try {
      const result = await work();
      const landed = await this.queued(key, async () => {
        const state = await this.load(key);
        return state?.phase === phase ? this.save(key, windowId, await land(state, result)) : null;
      });
      return { result, landed };
    } finally {
      stopKeepAlive();
      this.running.delete(key);
    }
  }

  /** The rep's change to the review, re-validated against the org's describes; null when the review is not open. */
  async changeReview(state: S, change: ReviewChange, describesFor: (objectNames: string[]) => Promise<WriteDescribes | null>, noAccess: string): Promise<S | null> {
    if (state.phase !== 'review' || !state.review) return null;
    const describes = await describesFor(objectsOf(state.review));
    if (!describes) return { ...state, problem: noAccess };
    return { ...state, review: applyReviewChange(state.review, describes, change) };
  }

  /** Cancel: the proposal's audit entries say the rep rejected it. */
  rejected(auditIds: readonly string[]): Promise<void> {
    return recordProposalOutcomes(this.config.auditLog, auditIds, 'rejected');
  }

  /**
   * A commit attempt in the audit trail: each field with the rep's decision (`only`: the cards of a retry, the others
   * recorded by the first attempt), and, once everything chosen is written, the proposal's outcome.
   */
  async committed(review: Review, writes: readonly CardWrite[], scope: AuditScope, outcome: { auditIds: readonly string[]; settled: boolean; only?: ReadonlySet<string> }): Promise<void> {
    await recordCommit(this.config.auditLog, review, writes, scope, outcome.only);
    if (outcome.settled) await recordProposalOutcomes(this.config.auditLog, outcome.auditIds, reviewDecision(review));
  }

  /** An undo attempt in the audit trail; once undone, the proposal's outcome becomes rejected. */
  async undone(committed: Committed, exchanges: readonly UndoExchange[], scope: AuditScope, outcome: { auditIds: readonly string[]; undone: boolean }): Promise<void> {
    await recordUndo(this.config.auditLog, committed, exchanges, scope);
    if (outcome.undone) await recordProposalOutcomes(this.config.auditLog, outcome.auditIds, 'rejected');
  }
}

/** A commit's exchanges as audit writes: each item's request and answer, with the record it wrote unless refused. */
export function exchangeWrites(exchanges: readonly WriteExchange[], recordIds: ReadonlyMap<string, string>): CardWrite[] {
  return exchanges.map((exchange): CardWrite => {
    const id = recordIds.get(exchange.itemId);
    const refused = exchange.httpStatusCode >= 300;
    return {
      cardId: exchange.itemId,
      payload: exchange.payload,
      answer: exchange.answer,
      ...(id && !refused ? { recordId: id } : {}),
      ...(refused ? { error: `Salesforce refused it (HTTP ${exchange.httpStatusCode}); nothing was written.` } : {}),
    };
  });
}
