import { useId } from 'react';
import type { ReviewChange } from '../../../lib/proposals/messages';
import { cardBlockers, cardsInOrder, cardWrites, isFlagged, rowsOf, type Review, type ReviewCard } from '../../../lib/proposals/review';
import { Icon, type IconName } from '../Icon';
import { Duplicates, NamedLookupChoice, UpdatingExisting, type DuplicateChoice } from './RecordChoices';
import { ReviewRowItem } from './ReviewRowItem';
import { nounInSentence, plural, t } from '../../../lib/i18n';

export { recordUrl } from './record-url';

export interface ReviewProps {
  review: Review;
  /** While a commit runs: nothing can change. */
  disabled: boolean;
  onChange(change: ReviewChange): void;
  /** For links to duplicates: the org's Lightning host. */
  lightningHost: string | null;
  /** Offered when given: update a duplicate instead of creating (shown as a diff), or go back to creating. */
  onDuplicateChoice?(choice: DuplicateChoice): void;
}

export type { DuplicateChoice } from './RecordChoices';

const KIND_ICONS: Record<ReviewCard['kind'], IconName> = {
  activity: 'event',
  'follow-up': 'event',
  update: 'edit',
  'named-update': 'edit',
  contact: 'contact',
  lead: 'lead',
};

/**
 * The field-by-field review, to take in at a glance: one card per record written (created or updated), the cards that
 * write something first; in each card the values to be written first, and the values left out folded away with the
 * reason (a quote that does not hold, a value Salesforce would refuse, already so). Every value opens to be edited.
 */
export function ReviewCards({ review, disabled, onChange, lightningHost, onDuplicateChoice }: ReviewProps) {
  return (
    <div className="gw-review" data-testid="review">
      {cardsInOrder(review).map((card) => (
        <Card key={card.id} card={card} disabled={disabled} onChange={onChange} lightningHost={lightningHost} onDuplicateChoice={onDuplicateChoice} />
      ))}
    </div>
  );
}

function cardHeading(card: ReviewCard): string {
  if (card.kind === 'named-update' && !card.target) return t('reviewCard_updateNamed', { object: card.objectLabel, name: card.title });
  if (card.operation === 'update') return t('reviewCard_update', { object: card.objectLabel, name: card.target?.name ?? card.title });
  return t('reviewCard_new', { object: nounInSentence(card.objectLabel), name: card.title || t('reviewCard_untitled') });
}

/** The card's count line: what it writes, and what it leaves out. */
function cardSummary(card: ReviewCard, written: number, leftOut: number, flagged: number): string {
  if (!cardWrites(card)) return card.operation === 'create' ? t('reviewCard_notCreated') : t('reviewCard_nothingToUpdate');
  const parts = [plural('reviewCard_toWrite', written)];
  if (flagged > 0) parts.push(plural('reviewCard_toCheck', flagged));
  else if (leftOut > 0) parts.push(plural('reviewCard_leftOut', leftOut));
  return parts.join(' · ');
}

interface CardProps {
  card: ReviewCard;
  disabled: boolean;
  onChange: ReviewProps['onChange'];
  lightningHost: string | null;
  onDuplicateChoice: ReviewProps['onDuplicateChoice'];
}

function Card({ card, disabled, onChange, lightningHost, onDuplicateChoice }: CardProps) {
  const headingId = useId();
  const blockers = card.included ? cardBlockers(card) : [];
  const { shown, leftOut } = rowsOf(card);
  const flagged = leftOut.filter(isFlagged).length;
  const writes = cardWrites(card);
  return (
    <article
      className={writes ? 'slds-card gw-review-card' : 'slds-card gw-review-card gw-review-card_off'}
      data-testid="review-card"
      data-card-id={card.id}
      data-kind={card.kind}
      data-writes={String(writes)}
      aria-labelledby={headingId}
    >
      <header className="gw-review-card__header">
        <Icon name={KIND_ICONS[card.kind]} size="small" />
        <div className="gw-review-card__titles">
          <h3 id={headingId} className="gw-review-card__title">
            {cardHeading(card)}
          </h3>
          <p className="gw-review-card__summary" data-testid="card-summary">
            {cardSummary(card, shown.length, leftOut.length, flagged)}
          </p>
        </div>
        {card.operation === 'create' && (
          <label className="gw-review-card__include">
            <input
              type="checkbox"
              checked={card.included}
              disabled={disabled}
              onChange={(event) => onChange({ type: 'include', cardId: card.id, included: event.target.checked })}
              data-testid="card-include"
            />
            <span>{card.duplicates.length > 0 ? t('reviewCard_createAnyway') : t('reviewCard_create')}</span>
          </label>
        )}
      </header>
      {card.error && (
        <p className="slds-text-color_error gw-review-card__error" role="alert" data-testid="card-error" data-code={card.error.code}>
          {card.error.message}
        </p>
      )}
      {card.lookup && card.lookup.matches.length > 0 && (
        <NamedLookupChoice card={card} lookup={card.lookup} disabled={disabled} onChange={onChange} lightningHost={lightningHost} />
      )}
      {card.createForm ? (
        <UpdatingExisting card={card} disabled={disabled} lightningHost={lightningHost} onDuplicateChoice={onDuplicateChoice} />
      ) : (
        card.duplicates.length > 0 && <Duplicates card={card} disabled={disabled} lightningHost={lightningHost} onDuplicateChoice={onDuplicateChoice} />
      )}
      {writes || card.operation === 'update' ? (
        <ul className="gw-review-rows">
          {[...shown, ...leftOut].map((row) => (
            <ReviewRowItem key={row.field} card={card} row={row} disabled={disabled} onChange={onChange} />
          ))}
        </ul>
      ) : (
        <details className="gw-review-card__folded">
          <summary>{plural('reviewCard_showValues', card.rows.length)}</summary>
          <ul className="gw-review-rows">
            {[...shown, ...leftOut].map((row) => (
              <ReviewRowItem key={row.field} card={card} row={row} disabled={disabled} onChange={onChange} />
            ))}
          </ul>
        </details>
      )}
      {blockers.length > 0 && (
        <p className="slds-text-color_error gw-review-card__error" data-testid="card-blockers">
          {blockers.join(' ')}
        </p>
      )}
    </article>
  );
}
