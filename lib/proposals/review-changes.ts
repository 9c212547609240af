import type { WriteDescribes } from './describe';
import type { ReviewChange } from './messages';
import { editRow, pickNamedMatch, setCardIncluded, setRowChecked, type Review } from './review';

/** The rep's change applied to the review (edits re-validated against the same describes). Unknown cards or rows: unchanged. */
export function applyReviewChange(review: Review, describes: WriteDescribes, change: ReviewChange): Review {
  try {
    switch (change.type) {
      case 'edit':
        return editRow(review, describes, change.cardId, change.field, change.text);
      case 'check':
        return setRowChecked(review, change.cardId, change.field, change.checked);
      case 'include':
        return setCardIncluded(review, change.cardId, change.included);
      case 'pick':
        return pickNamedMatch(review, describes, change.cardId, change.matchId);
    }
  } catch {
    // A stale panel naming a card or row this review no longer has: nothing to change.
    return review;
  }
}

/** The object names a review's cards write, for the describes its edits are validated against. */
export const objectsOf = (review: Review): string[] => [...new Set(review.cards.map((card) => card.objectName))];
