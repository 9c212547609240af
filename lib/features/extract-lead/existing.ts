/**
 * "Update the existing record" for a duplicate the look-up found: its current values read for the diff, and the
 * chosen updates written as one guarded commit (each PATCH with `If-Unmodified-Since`, all or nothing, once).
 */
import { commitReview, exchangeWrites, type CommitOutcome } from '../../proposals';
import type { CardWrite } from '../../proposals/audit';
import type { WriteDescribes } from '../../proposals/describe';
import type { DuplicateMatch, ExistingRecord, Review, ReviewCard } from '../../proposals/review';
import type { WriteValue } from '../../proposals/validate';
import { fieldTypesOf } from '../../salesforce/commit';
import type { OrgApi } from '../../salesforce/context/api';
import type { CommitLedger } from '../../salesforce/ledger';
import type { WriteApi } from '../../salesforce/write-request';
import type { LeadResult } from './messages';
import { t } from '../../i18n';

const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/** The duplicate's current values of the card's fields (those its object has), its name and stamp; null when gone. */
export async function readExisting(
  api: Pick<OrgApi, 'apiVersion' | 'composite'>,
  describes: WriteDescribes,
  match: DuplicateMatch,
  card: ReviewCard,
): Promise<ExistingRecord | null> {
  const describe = describes.get(match.objectName);
  if (!describe) return null;
  const known = new Map(describe.fields.map((field) => [field.name.toLowerCase(), field.name]));
  const fields = card.rows.flatMap((row) => known.get(row.field.toLowerCase()) ?? []);
  const wanted = [...new Set(['Name', 'LastModifiedDate', ...fields])].join(',');
  const url = `/services/data/v${api.apiVersion}/sobjects/${match.objectName}/${encodeURIComponent(match.id)}?fields=${wanted}`;
  const answer = (await api.composite([{ referenceId: 'existing', url }])).get('existing');
  if (!answer || answer.httpStatusCode >= 300 || typeof answer.body !== 'object' || answer.body === null) return null;
  const body = Object.fromEntries(Object.entries(answer.body));
  if (typeof body.LastModifiedDate !== 'string') return null;
  return {
    id: match.id,
    objectName: match.objectName,
    name: typeof body.Name === 'string' ? body.Name : match.name,
    lastModifiedDate: body.LastModifiedDate,
    fields: Object.fromEntries(fields.map((name) => [name, asValue(body[name])])),
  };
}

export interface UpdatesOutcome {
  results: LeadResult[];
  /** Cards as they should now show (Salesforce's errors on rows, values re-read after a change). */
  cards: ReviewCard[];
  problem: string | null;
  writes: CardWrite[];
}


/** The chosen updates, written once (the key makes a double click or a retry after a lost answer safe). */
export async function commitUpdates(
  api: WriteApi,
  review: Review,
  updates: ReviewCard[],
  options: { idempotencyKey: string; ledger: CommitLedger; describes: WriteDescribes },
): Promise<UpdatesOutcome> {
  const outcome = await commitReview(api, { ...review, cards: updates, record: null }, {
    recordInView: null,
    idempotencyKey: options.idempotencyKey,
    ledger: options.ledger,
    fieldType: fieldTypesOf(options.describes),
  }).catch((error: unknown): CommitOutcome | { kind: 'failed'; message: string } => ({
    kind: 'failed',
    message: error instanceof Error ? error.message : t('leadExisting_noAnswer'),
  }));
  return updatesOutcome(updates, outcome);
}

function updatesOutcome(updates: ReviewCard[], outcome: CommitOutcome | { kind: 'failed'; message: string }): UpdatesOutcome {
  const none = { results: [], cards: updates, writes: [] };
  switch (outcome.kind) {
    case 'committed':
      return {
        cards: updates,
        problem: null,
        results: updates.map((card) => ({ cardId: card.id, id: card.target?.id ?? null, error: null, action: 'updated', objectName: card.objectName })),
        writes: exchangeWrites(outcome.exchanges ?? [], new Map(updates.map((card) => [card.id, card.target?.id ?? '']))),
      };
    case 'record-changed':
      return { ...none, cards: outcome.review.cards, problem: t('leadExisting_changed') };
    case 'rejected':
      return {
        ...none,
        cards: outcome.review.cards,
        problem: t('leadExisting_refused'),
        writes: exchangeWrites(outcome.exchanges, new Map()),
      };
    case 'unknown':
      return { ...none, problem: outcome.problem.message };
    case 'failed':
      return { ...none, problem: outcome.message };
    default:
      return { ...none, problem: t('leadExisting_nothing') };
  }
}
