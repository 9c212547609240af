/**
 * A confirmed review written to Salesforce: the review turned into a neutral write plan (lib/salesforce/commit.ts
 * writes it, guarded and once), and Salesforce's answer turned back into the review: refusals onto the rows their
 * `fields` name (the rep's edits kept), or the values read again when a record changed meanwhile.
 */
import type { OrgApi } from '../salesforce/context/api';
import { commitPlan, type CommitOptions, type WriteExchange } from '../salesforce/commit';
import type { SalesforceProblem } from '../salesforce/problems';
import type { Committed, PlannedWrite, SalesforceError, WritePlan } from '../salesforce/write-plan';
import type { WriteApi } from '../salesforce/write-request';
import type { ChangedField } from './messages';
import { cardsToCommit, rowsToWrite, type Review, type ReviewCard, type ReviewRow } from './review';
import type { WriteValue } from './validate';
import { t } from '../i18n';

export type CommitOutcome =
  | { kind: 'committed'; committed: Committed; replayed: boolean; exchanges?: WriteExchange[] }
  /** The record changed after the proposal: nothing written; the review shows the new values for the rep to confirm again. */
  | { kind: 'record-changed'; review: Review; changes: ChangedField[] }
  /** Salesforce refused: nothing written; the errors are on the review's rows and cards. */
  | { kind: 'rejected'; review: Review; exchanges: WriteExchange[] }
  | { kind: 'nothing-to-write' }
  /** The review is for another record than the one in view. */
  | { kind: 'wrong-record' }
  /** No answer even after looking and one retry: whether it was written is unknown; retrying with the same key is safe. */
  | { kind: 'unknown'; problem: SalesforceProblem };

/** Cards in write order: updates, then creates that others may point to (contacts), then the rest. */
function ordered(cards: ReviewCard[]): ReviewCard[] {
  const rank = (card: ReviewCard): number => (card.operation === 'update' ? 0 : card.kind === 'contact' ? 1 : 2);
  return [...cards].sort((a, b) => rank(a) - rank(b));
}

function plannedWrite(card: ReviewCard): PlannedWrite {
  return {
    id: card.id,
    operation: card.operation,
    objectName: card.objectName,
    title: card.operation === 'update' ? (card.target?.name ?? card.title) : card.title,
    fields: rowsToWrite(card).map((row) => ({ field: row.field, value: row.value, ...(card.operation === 'update' ? { before: row.current ?? null } : {}) })),
    links: Object.fromEntries(
      Object.entries(card.links).map(([field, link]) => [field, link.kind === 'record' ? link : { kind: 'item' as const, itemId: link.cardId }]),
    ),
    ...(card.target ? { target: { id: card.target.id, objectName: card.target.objectName, lastModifiedDate: card.target.lastModifiedDate } } : {}),
    watched: card.rows.filter((row) => !row.locked).map((row) => row.field),
    ...(card.kind === 'update' ? { ofRecordInView: true } : {}),
  };
}

/** What the review says is confirmed, as a plan: the cards to commit, in write order. */
export function planOf(review: Review): WritePlan {
  return { items: ordered(cardsToCommit(review)).map(plannedWrite), recordId: review.record?.id ?? null };
}

/** Salesforce's errors onto the review: on the rows their `fields` name, else on the card. Edits stay as they were. */
function withSalesforceErrors(review: Review, failures: Map<string, SalesforceError[]>): Review {
  const cards = review.cards.map((card) => {
    const errors = failures.get(card.id);
    if (!errors) return card;
    let cardError: SalesforceError | undefined;
    const rows = card.rows.map((row): ReviewRow => {
      const error = errors.find((candidate) => candidate.fields.some((field) => field.toLowerCase() === row.field.toLowerCase()));
      return error ? { ...row, error: { code: error.code, message: error.message } } : row;
    });
    for (const error of errors) {
      const onRow = error.fields.some((field) => rows.some((row) => row.field.toLowerCase() === field.toLowerCase()));
      if (!onRow) cardError ??= error;
    }
    return { ...card, rows, ...(cardError ? { error: { code: cardError.code, message: cardError.message } } : {}) };
  });
  return { ...review, cards };
}

async function readRecord(api: Pick<OrgApi, 'apiVersion' | 'composite'>, objectName: string, id: string, fields: string[]): Promise<Record<string, unknown> | null> {
  const wanted = [...new Set(['LastModifiedDate', ...fields])].join(',');
  const url = `/services/data/v${api.apiVersion}/sobjects/${encodeURIComponent(objectName)}/${encodeURIComponent(id)}?fields=${wanted}`;
  const answer = (await api.composite([{ referenceId: 'record', url }])).get('record');
  return answer && answer.httpStatusCode < 300 ? (answer.body as Record<string, unknown>) : null;
}

const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/** The review with its update cards' current values and stamps read again; rows whose value changed say so. */
async function refreshedReview(api: Pick<OrgApi, 'apiVersion' | 'composite'>, review: Review): Promise<{ review: Review; changes: ChangedField[] }> {
  const changes: ChangedField[] = [];
  const cards: ReviewCard[] = [];
  for (const card of review.cards) {
    const target = card.target;
    if (card.operation !== 'update' || !target) {
      cards.push(card);
      continue;
    }
    const fresh = await readRecord(api, target.objectName, target.id, card.rows.filter((row) => !row.locked).map((row) => row.field));
    if (!fresh) {
      cards.push({ ...card, error: { code: 'NOT_FOUND', message: t('commitCheck_gone') } });
      continue;
    }
    const rows = card.rows.map((row): ReviewRow => {
      if (row.locked || !(row.field in fresh)) return row;
      const now = asValue(fresh[row.field]);
      if (now === (row.current ?? null)) return row;
      changes.push({ field: row.field, label: row.label, before: row.current ?? null, now });
      return { ...row, current: now, warning: t('commitCheck_changed', { was: String(row.current ?? t('commitCheck_empty')) }) };
    });
    const stamp = typeof fresh.LastModifiedDate === 'string' ? fresh.LastModifiedDate : target.lastModifiedDate;
    cards.push({ ...card, rows, target: { ...target, lastModifiedDate: stamp } });
  }
  const record = review.record;
  const update = cards.find((card) => card.operation === 'update' && card.target?.id === record?.id);
  const refreshedRecord =
    record && update?.target
      ? {
          ...record,
          lastModifiedDate: update.target.lastModifiedDate,
          fields: { ...record.fields, ...Object.fromEntries(update.rows.map((row) => [row.field, row.current])) },
        }
      : record;
  return { review: { ...review, cards, record: refreshedRecord }, changes };
}

/** Writes what the review says is confirmed, once (see lib/salesforce/commit.ts). */
export async function commitReview(api: WriteApi, review: Review, options: CommitOptions): Promise<CommitOutcome> {
  const outcome = await commitPlan(api, planOf(review), options);
  switch (outcome.kind) {
    case 'record-changed':
      return { kind: 'record-changed', ...(await refreshedReview(api, review)) };
    case 'rejected':
      return { kind: 'rejected', review: withSalesforceErrors(review, outcome.errors), exchanges: outcome.exchanges };
    default:
      return outcome;
  }
}
