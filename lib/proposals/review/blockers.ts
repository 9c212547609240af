/** What the commit of a review will do, and what keeps it from being written as it stands. */
import type { WriteValue } from '../validate';
import type { Review, ReviewCard, ReviewRow } from './types';
import { formatNumber, nounInSentence, plural, t } from '../../i18n';

/** Why a card cannot be committed as it stands (a required value unchecked, empty or invalid). */
export function cardBlockers(card: ReviewCard): string[] {
  if (card.error && card.error.code === 'NOT_CREATEABLE') return [card.error.message];
  if (card.operation === 'update') return [];
  return card.rows
    .filter((row) => row.required && (!row.checked || row.value === null || row.error))
    .map((row) => t('review_fieldRequired', { field: row.label }));
}

/** The rows an update card will write. */
export const rowsToWrite = (card: ReviewCard): ReviewRow[] =>
  card.rows.filter((row) => row.checked && !row.locked && !row.error);

/** A create card's record as `/composite/sobjects` takes it (for createRecords): ticked values and record links. */
export function recordValues(card: ReviewCard): Record<string, WriteValue> {
  const values: Record<string, WriteValue> = Object.fromEntries(rowsToWrite(card).map((row) => [row.field, row.value]));
  for (const [field, link] of Object.entries(card.links)) if (link.kind === 'record') values[field] = link.id;
  return values;
}

/** Cards the commit will write: included creates without blockers, updates with at least one ticked row. */
export function cardsToCommit(review: Review): ReviewCard[] {
  return review.cards.filter((card) =>
    card.operation === 'update'
      ? card.target !== undefined && rowsToWrite(card).length > 0
      : card.included && !card.error && cardBlockers(card).length === 0,
  );
}

/** Included cards that cannot be written as they stand; the confirm button waits until this is empty. */
export function reviewBlockers(review: Review): { cardId: string; problems: string[] }[] {
  return review.cards
    .filter((card) => card.operation === 'create' && card.included)
    .map((card) => ({ cardId: card.id, problems: cardBlockers(card) }))
    .filter((entry) => entry.problems.length > 0);
}


/** Exactly what the commit will do, for the confirm button: "Create 1 task, update 2 fields on Acme — Renewal". */
export function confirmationText(review: Review): string {
  const parts: { key: string; count: number; card: ReviewCard }[] = [];
  for (const card of cardsToCommit(review)) {
    const key = card.operation === 'update' ? `update:${card.id}` : `create:${card.objectName.toLowerCase()}`;
    const existing = parts.find((part) => part.key === key);
    if (existing) existing.count += 1;
    else parts.push({ key, count: 1, card });
  }
  const text = parts
    .map(({ count, card }) =>
      card.operation === 'update'
        ? plural('confirm_updateFields', rowsToWrite(card).length, { record: card.target?.name ?? card.title })
        : t('confirm_create', { records: `${formatNumber(count)} ${nounInSentence(count === 1 ? card.objectLabel : card.objectLabelPlural)}` }),
    )
    .join(t('common_listSeparator'));
  if (text === '') return t('confirm_nothing');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
