/**
 * How the review is laid out for the rep to take in at a glance: what will be written first, what was left out
 * (flagged, invalid, unchanged) folded away with its reason, and cards that write nothing after those that do.
 */
import { evidenceMessage } from '../evidence';
import { rowsToWrite } from './blockers';
import type { Review, ReviewCard, ReviewRow } from './types';
import { t } from '../../i18n';

/** Whether a card writes anything as it stands. */
export function cardWrites(card: ReviewCard): boolean {
  if (card.error) return false;
  return card.operation === 'update' ? card.target !== undefined && rowsToWrite(card).length > 0 : card.included;
}

/** The cards in the order built, those that write nothing last (their order among themselves kept). */
export function cardsInOrder(review: Review): ReviewCard[] {
  return [...review.cards.filter(cardWrites), ...review.cards.filter((card) => !cardWrites(card))];
}

/** A card's rows: those that will be written (ticked), then those left out. */
export function rowsOf(card: ReviewCard): { shown: ReviewRow[]; leftOut: ReviewRow[] } {
  return { shown: card.rows.filter((row) => row.checked), leftOut: card.rows.filter((row) => !row.checked) };
}

/** Why a row is not ticked, in a few words: the first of validation, evidence, "already so", or the rep's choice. */
export function leftOutReason(row: ReviewRow): string {
  if (row.error) return row.error.message;
  if (row.evidenceStatus !== 'ok' && row.evidenceStatus !== 'groundwork' && row.evidenceStatus !== 'edited') return evidenceMessage(row.evidenceStatus);
  if (row.warning) return row.warning;
  if (row.value === null) return t('review_noValue');
  return t('review_leftOutByYou');
}

/** Whether the rep should look at a row: a value the model proposed that failed its checks. */
export const isFlagged = (row: ReviewRow): boolean => !row.checked && (Boolean(row.error) || !['ok', 'groundwork', 'edited'].includes(row.evidenceStatus));
