import { confirmationText, reviewBlockers, cardsToCommit, type Review } from '../../../lib/proposals/review';

/**
 * The one button that writes, saying exactly what it will do, kept in view at the bottom of the panel however long
 * the review; it waits until every included card can be written. Cancel drops the proposal and writes nothing.
 */
export function ConfirmBar({ review, busy, onConfirm, onDiscard }: { review: Review; busy: boolean; onConfirm(): void; onDiscard(): void }) {
  const blocked = reviewBlockers(review).length > 0;
  const nothing = cardsToCommit(review).length === 0;
  const text = confirmationText(review);
  const hint = blocked ? 'A card above needs a value before anything can be written.' : nothing ? 'Tick a value above to write it.' : 'Only what the button says is written to Salesforce.';
  return (
    <div className="gw-confirm-bar" role="region" aria-label="Write to Salesforce" data-testid="confirm-bar">
      <p className="gw-confirm-bar__hint" data-testid="confirm-hint">
        {hint}
      </p>
      <div className="gw-confirm-bar__buttons">
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
          className="slds-button slds-button_brand gw-confirm-bar__confirm"
          onClick={onConfirm}
          disabled={busy || blocked || nothing}
          aria-disabled={busy || blocked || nothing}
          data-testid="review-confirm"
        >
          {busy ? 'Writing…' : text}
        </button>
      </div>
    </div>
  );
}
