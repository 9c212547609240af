import type { RecordHeadline } from '../lib/messaging/protocol';

export function RecordCard({ record }: { record: RecordHeadline }) {
  return (
    <article className="slds-card gw-record-card" data-testid="record-card" data-record-id={record.recordId} aria-labelledby="gw-record-name">
      <div className="slds-card__header slds-grid">
        <header className="slds-media slds-media_center slds-has-flexi-truncate">
          <div className="slds-media__body">
            <p className="slds-text-title_caps" data-testid="record-object">
              {record.objectLabel}
            </p>
            <h2 id="gw-record-name" className="slds-card__header-title slds-text-heading_medium" data-testid="record-name">
              {record.name}
            </h2>
          </div>
        </header>
      </div>
    </article>
  );
}
