import { useState } from 'react';
import type { Review } from '../../../lib/proposals/review';
import type { Committed, WriteValue } from '../../../lib/salesforce/write-plan';
import { recordUrl } from './record-url';
import { formatNumber, plural, t } from '../../../lib/i18n';
import { RichMessage } from '../RichMessage';

const shown = (value: WriteValue): string => {
  if (value === null || value === '') return t('review_empty');
  return typeof value === 'number' ? formatNumber(value) : String(value);
};

/** The names the rep reviewed: each written record's object label and field labels, by the card it came from. */
function labelsOf(review: Review | null): { object(itemId: string, objectName: string): string; field(itemId: string, field: string): string } {
  const cards = new Map((review?.cards ?? []).map((card) => [card.id, card]));
  return {
    object: (itemId, objectName) => cards.get(itemId)?.objectLabel ?? objectName,
    field: (itemId, field) => cards.get(itemId)?.rows.find((row) => row.field === field)?.label ?? field,
  };
}

/** What was written, with links, and Undo behind its own confirmation. */
export function CommitResult({
  committed,
  review,
  lightningHost,
  undoing,
  undone,
  onUndo,
  onDone,
}: {
  committed: Committed;
  /** The review that was confirmed: what the rep saw each record and field called. */
  review: Review | null;
  lightningHost: string | null;
  undoing: boolean;
  undone: boolean;
  onUndo(): void;
  onDone(): void;
}) {
  const [asking, setAsking] = useState(false);
  const link = (objectName: string, id: string, text: string) =>
    lightningHost ? (
      <a href={recordUrl(lightningHost, objectName, id)} target="_blank" rel="noopener noreferrer" data-testid="result-link" style={{ textDecoration: 'underline' }}>
        {text}
      </a>
    ) : (
      text
    );
  const labels = labelsOf(review);
  const fieldCount = committed.updated.reduce((sum, record) => sum + record.fields.length, 0);
  return (
    <section className="slds-box slds-m-top_small" data-testid="commit-result" data-state={undone ? 'undone' : 'committed'} aria-label={t('commit_whatWasWritten')}>
      <p role="status" className="slds-text-heading_small">
        {undone ? t('commit_undone') : t('commit_written')}
      </p>
      {!undone && (
        <ul className="slds-m-top_x-small">
          {committed.created.map((record) => (
            <li key={record.id} data-testid="result-created">
              <RichMessage text={t('commit_created', { object: labels.object(record.itemId, record.objectName) })} parts={{ record: link(record.objectName, record.id, record.title || record.id) }} />
            </li>
          ))}
          {committed.updated.map((record) => (
            <li key={record.id} data-testid="result-updated">
              <RichMessage
                text={t('commit_updated', {
                  changes: record.fields.map((field) => `${labels.field(record.itemId, field.field)}: ${shown(field.before)} → ${shown(field.after)}`).join('; '),
                })}
                parts={{ record: link(record.objectName, record.id, record.name) }}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="slds-m-top_small">
        {!undone && !asking && (
          <button type="button" className="slds-button slds-button_neutral" onClick={() => setAsking(true)} disabled={undoing} data-testid="undo">
            {undoing ? t('commit_undoing') : t('commit_undo')}
          </button>
        )}
        {!undone && asking && (
          <div role="group" aria-label={t('commit_confirmUndo')}>
            <p>{t('commit_undoQuestion', { records: plural('commit_createdRecords', committed.created.length), fields: plural('commit_fields', fieldCount) })}</p>
            <button
              type="button"
              className="slds-button slds-button_destructive"
              onClick={() => {
                setAsking(false);
                onUndo();
              }}
              data-testid="undo-confirm"
            >
              {t('commit_yesUndo')}
            </button>
            <button type="button" className="slds-button slds-button_neutral" onClick={() => setAsking(false)} data-testid="undo-cancel">
              {t('commit_keep')}
            </button>
          </div>
        )}
        <button type="button" className="slds-button slds-button_neutral" onClick={onDone} disabled={undoing} data-testid="result-done">
          {t('common_done')}
        </button>
      </div>
    </section>
  );
}
