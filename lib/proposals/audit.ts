/**
 * What the write path records in the audit trail (lib/audit):
 *
 * - each proposal, as feature 'log-note' or 'extract-lead': the source text as it left the browser (redacted), the
 *   model's JSON, model, tokens, cost, prompt id and version, outcome 'pending' until the rep commits (accepted or
 *   edited) or cancels (rejected);
 * - each commit, as feature 'write', one entry per proposed field: the API payload of its record, Salesforce's answer,
 *   the value before and after, and the rep's decision on that field as the outcome (accepted: written as proposed;
 *   edited: written as the rep changed it; rejected: not written);
 * - each undo, as feature 'write', one entry per record it restored or deleted, with outcome rejected (the rep took the
 *   write back), and the proposal's outcome amended to rejected once the undo went through.
 *
 * Recording never stops the rep's work: a failed append is left out (Verify on the chain still holds), so these
 * functions do not throw.
 */
import { recordModelCall, scopeOf, type AuditLog, type AuditScope, type ModelCallRecord, type NewAuditEntry, type Outcome, type WriteRecord } from '../audit';
import type { Committed } from '../salesforce/write-plan';
import type { UndoExchange } from '../salesforce/undo';
import { cardsToCommit, rowsToWrite, type Review, type ReviewCard, type ReviewRow } from './review';
import type { WriteValue } from './validate';

export type WriteAuditLog = Pick<AuditLog, 'record' | 'updateOutcome'>;
export type FieldDecision = Extract<Outcome, 'accepted' | 'edited' | 'rejected'>;

export type { AuditScope };

export interface ProposalCall extends ModelCallRecord {
  feature: 'log-note' | 'extract-lead';
}

type Json = WriteRecord['answer'];

/** Any value as plain JSON (what the entry schema takes): undefined dropped, non-JSON values as null. */
export function asJson(value: unknown): Json {
  if (value === undefined) return null;
  try {
    const parsed: Json = JSON.parse(JSON.stringify(value) ?? 'null');
    return parsed;
  } catch {
    return null;
  }
}

async function safely<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch {
    return null;
  }
}

/** Records a proposal (pending) and returns its entry id, or null when it could not be recorded. */
export function recordProposal(log: WriteAuditLog, call: ProposalCall): Promise<string | null> {
  return recordModelCall(log, call);
}

/** The rep's answer to a whole proposal, as an amendment of its entry. */
export async function recordProposalOutcome(log: WriteAuditLog, entryId: string | null, outcome: FieldDecision): Promise<void> {
  if (entryId) await safely(() => log.updateOutcome(entryId, outcome));
}

/** The rep's answer to a proposal read in several model calls: each call's entry amended alike. */
export async function recordProposalOutcomes(log: WriteAuditLog, entryIds: readonly string[], outcome: FieldDecision): Promise<void> {
  for (const entryId of entryIds) await recordProposalOutcome(log, entryId, outcome);
}

/** The rep's decision on one field of a review about to be (or just) committed. */
export function fieldDecision(review: Review, card: ReviewCard, row: ReviewRow): FieldDecision {
  const written = cardsToCommit(review).some((candidate) => candidate.id === card.id) && rowsToWrite(card).includes(row);
  if (!written) return 'rejected';
  return row.origin === 'rep' ? 'edited' : 'accepted';
}

/**
 * The proposal's overall outcome: rejected when nothing is written, edited when any written value is the rep's, else
 * accepted. Values left out are not counted against it (many start unticked by design); their own entries say so.
 */
export function reviewDecision(review: Review): FieldDecision {
  const decisions = review.cards.flatMap((card) => card.rows.map((row) => fieldDecision(review, card, row)));
  if (decisions.includes('edited')) return 'edited';
  return decisions.includes('accepted') ? 'accepted' : 'rejected';
}

/** What one card sent and got back: a composite subrequest and its answer, or a tree row and its result. */
export interface CardWrite {
  cardId: string;
  payload: unknown;
  answer: unknown;
  /** The record written (created or updated); absent when Salesforce refused. */
  recordId?: string;
  /** Salesforce's refusal, in words. */
  error?: string;
}

function fieldEntry(review: Review, card: ReviewCard, row: ReviewRow, write: CardWrite | undefined, scope: AuditScope): NewAuditEntry {
  const decision = fieldDecision(review, card, row);
  const after: Record<string, WriteValue> = decision === 'rejected' || !write || write.error ? {} : { [row.field]: row.value };
  const before: Record<string, WriteValue> = card.operation === 'update' ? { [row.field]: row.current ?? null } : {};
  const recordId = write?.recordId ?? card.target?.id;
  const refused = row.locked ? row.error?.message : undefined;
  return {
    ...scopeOf(scope),
    ...(recordId ? { recordId } : {}),
    objectName: card.objectName,
    feature: 'write',
    sent: write ? JSON.stringify(write.payload) : '',
    received: write ? JSON.stringify(write.answer) : '',
    outcome: decision,
    write: {
      operation: card.operation,
      objectName: card.objectName,
      ...(recordId ? { recordId } : {}),
      before,
      after,
      answer: write ? asJson(write.answer) : null,
    },
    ...(write?.error ? { error: write.error } : refused ? { error: `Refused before review: ${refused}` } : {}),
  };
}

/**
 * Records a commit: one 'write' entry per field the proposal had, with its card's payload and answer. `writes` holds
 * the cards that were sent; the other cards' fields are recorded as rejected.
 */
export async function recordCommit(
  log: WriteAuditLog,
  review: Review,
  writes: readonly CardWrite[],
  scope: AuditScope = {},
  /** Only these cards (a retry of some rows): the others were recorded by the first attempt. */
  only?: ReadonlySet<string>,
): Promise<number> {
  const byCard = new Map(writes.map((write) => [write.cardId, write]));
  let recorded = 0;
  for (const card of review.cards.filter((candidate) => !only || only.has(candidate.id))) {
    for (const row of card.rows) {
      const entry = await safely(() => log.record(fieldEntry(review, card, row, byCard.get(card.id), scope)));
      if (entry) recorded += 1;
    }
  }
  return recorded;
}

/** Records an undo: what each restored or deleted record was sent and answered, the values going back as its "after". */
export async function recordUndo(log: WriteAuditLog, committed: Committed, exchanges: readonly UndoExchange[], scope: AuditScope = {}): Promise<number> {
  let recorded = 0;
  for (const exchange of exchanges) {
    const updated = committed.updated.find((record) => record.id === exchange.recordId);
    const refused = exchange.httpStatusCode === 0 || exchange.httpStatusCode >= 300;
    const restoring = exchange.action === 'restore' && updated;
    const entry: NewAuditEntry = {
      ...scopeOf(scope),
      recordId: exchange.recordId,
      objectName: exchange.objectName,
      feature: 'write',
      sent: JSON.stringify(exchange.payload),
      received: JSON.stringify(exchange.answer),
      outcome: 'rejected',
      write: {
        operation: exchange.action,
        objectName: exchange.objectName,
        recordId: exchange.recordId,
        before: restoring ? Object.fromEntries(updated.fields.map((field) => [field.field, field.after])) : {},
        after: restoring && !refused ? Object.fromEntries(updated.fields.map((field) => [field.field, field.before])) : {},
        answer: asJson(exchange.answer),
      },
      ...(refused ? { error: `Salesforce did not undo it (HTTP ${exchange.httpStatusCode || 'no answer'}).` } : {}),
    };
    if (await safely(() => log.record(entry))) recorded += 1;
  }
  return recorded;
}
