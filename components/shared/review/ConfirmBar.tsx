import { confirmationText, reviewBlockers, cardsToCommit, type Review } from '../../../lib/proposals/review';
import { t } from '../../../lib/i18n';

/**
 * The one button that writes, saying exactly what it will do, kept in view at the bottom of the panel however long
 * the review; it waits until every included card can be written. Cancel drops the proposal and writes nothing.
 */
export function ConfirmBar({ review, busy, onConfirm, onDiscard }: { review: Review; busy: boolean; onConfirm(): void; onDiscard(): void }) {
  const blocked = reviewBlockers(review).length > 0;
  const nothing = cardsToCommit(review).length === 0;
  const text = confirmationText(review);
  const hint = blocked ? t('confirm_blocked') : nothing ? t('confirm_tickValue') : t('confirm_onlyWhatButtonSays');
  return (
    <div className="gw-confirm-bar" role="region" aria-label={t('confirm_region')} data-testid="confirm-bar">
      <p className="gw-confirm-bar__hint" data-testid="confirm-hint">
        {hint}
      </p>
      <div className="gw-confirm-bar__buttons">
        <button
          type="button"
          className="slds-button slds-button_neutral"
          onClick={onDiscard}
          disabled={busy}
          aria-label={t('confirm_cancelLabel')}
          data-testid="review-cancel"
        >
          {t('common_cancel')}
        </button>
        <button
          type="button"
          className="slds-button slds-button_brand gw-confirm-bar__confirm"
          onClick={onConfirm}
          disabled={busy || blocked || nothing}
          aria-disabled={busy || blocked || nothing}
          data-testid="review-confirm"
        >
          {busy ? t('confirm_writing') : text}
        </button>
      </div>
    </div>
  );
}
