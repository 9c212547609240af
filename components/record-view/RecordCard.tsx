import type { RecordCard as Card } from '../../lib/features/record-view/messages';
import { ChangesSinceLastVisit } from './ChangesSinceLastVisit';

export function RecordCard({ card }: { card: Card }) {
  return (
    <article className="slds-card gw-record-card" data-testid="record-card" data-record-id={card.recordId} aria-labelledby="gw-record-name">
      <div className="slds-card__header slds-grid">
        <header className="slds-media slds-media_center slds-has-flexi-truncate">
          <div className="slds-media__body">
            <p className="slds-text-title_caps" data-testid="record-object">
              {card.objectLabel}
            </p>
            <h2 id="gw-record-name" className="slds-card__header-title slds-text-heading_medium" data-testid="record-name">
              {card.name}
            </h2>
          </div>
        </header>
      </div>
      <div className="slds-card__body slds-card__body_inner">
        {card.keyFields.length > 0 && (
          <dl className="slds-list_horizontal slds-wrap gw-key-fields" data-testid="key-fields">
            {card.keyFields.map((field) => (
              <div key={field.label} className="gw-key-field">
                <dt className="slds-item_label slds-text-color_weak">{field.label}</dt>
                <dd className="slds-item_detail">{field.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {card.counts.length > 0 && (
          <ul className="gw-counts slds-m-top_small" aria-label="Related records" data-testid="related-counts">
            {card.counts.map((count) => (
              <li key={count.label} className="slds-badge" data-testid="related-count" data-label={count.label}>
                {count.label}: {count.count}
              </li>
            ))}
          </ul>
        )}
        <ChangesSinceLastVisit changes={card.changes} lastVisit={card.lastVisit} />
      </div>
    </article>
  );
}
