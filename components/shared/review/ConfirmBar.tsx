import { confirmationText, reviewBlockers, cardsToCommit, type Review } from '../../../lib/proposals/review';

/**
 * The one button that writes, saying exactly what it will do; waits until every included card can be written. Cancel
 * drops the proposal and writes nothing.
 */
export function ConfirmBar({ review, busy, onConfirm, onDiscard }: { review: Review; busy: boolean; onConfirm(): void; onDiscard(): void }) {
  const blocked = reviewBlockers(review).length > 0;
  const nothing = cardsToCommit(review).length === 0;
  const text = confirmationText(review);
  return (
    <div className="slds-m-top_medium slds-grid slds-grid_align-spread gw-confirm-bar">
      <button
        type="button"
        className="slds-button slds-button_neutral"
        onClick={onDiscard}
        disabled={busy}
        aria-label="Cancel: discard these proposed changes, write nothing"
        data-testid="review-cancel"
      >
        Cancel
      </button>
      <button
        type="button"
        className="slds-button slds-button_brand"
        onClick={onConfirm}
        disabled={busy || blocked || nothing}
        aria-disabled={busy || blocked || nothing}
        data-testid="review-confirm"
      >
        {busy ? 'Writing…' : text}
      </button>
    </div>
  );
}
