import type { RecordCard as Card } from '../../lib/features/record-view/messages';
import { Icon } from '../shared/Icon';
import { TruncatedText } from '../shared/TruncatedText';
import { ChangesSinceLastVisit } from './ChangesSinceLastVisit';
import { t } from '../../lib/i18n';

/** The record as read (no AI involved); Refresh reads it again, and a failed read leaves this card on screen. */
export function RecordCard({ card, onRefresh, refreshing }: { card: Card; onRefresh(): void; refreshing: boolean }) {
  return (
    <article className="slds-card gw-section gw-record-card" data-testid="record-card" data-record-id={card.recordId} aria-labelledby="gw-record-name">
      <header className="gw-record-card__header">
        <div className="gw-record-card__titles">
          <p className="slds-text-title_caps" data-testid="record-object">
            {card.objectLabel}
          </p>
          <h2 id="gw-record-name" className="slds-text-heading_small gw-record-card__name" data-testid="record-name">
            {card.name}
          </h2>
        </div>
        <button
          type="button"
          className="slds-button slds-button_icon slds-button_icon-border-filled"
          title={t('record_readAgain')}
          onClick={onRefresh}
          disabled={refreshing}
          data-testid="refresh-record"
        >
          <Icon name="refresh" size="button" />
          <span className="slds-assistive-text">{refreshing ? t('record_readingAgain') : t('record_readAgain')}</span>
        </button>
      </header>
      {card.keyFields.length > 0 && (
        <dl className="gw-key-fields" data-testid="key-fields">
          {card.keyFields.map((field) => (
            <div key={field.label} className="gw-key-field">
              <dt className="slds-text-color_weak">
                <TruncatedText text={field.label} />
              </dt>
              <dd>
                <TruncatedText text={field.value} testId="key-field-value" />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {card.counts.length > 0 && (
        <ul className="gw-counts" aria-label={t('record_related')} data-testid="related-counts">
          {card.counts.map((count) => (
            <li key={count.label} className="slds-badge gw-count" data-testid="related-count" data-label={count.label}>
              {t('record_relatedCount', { label: count.label, count: count.count })}
            </li>
          ))}
        </ul>
      )}
      <ChangesSinceLastVisit changes={card.changes} lastVisit={card.lastVisit} />
    </article>
  );
}
