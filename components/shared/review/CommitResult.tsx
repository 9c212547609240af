import { useState } from 'react';
import type { Committed } from '../../../lib/salesforce/write-plan';
import { recordUrl } from './record-url';

const shown = (value: unknown): string => (value === null || value === undefined || value === '' ? '(empty)' : String(value));

/** What was written, with links, and Undo behind its own confirmation. */
export function CommitResult({
  committed,
  lightningHost,
  undoing,
  undone,
  onUndo,
  onDone,
}: {
  committed: Committed;
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
  const fieldCount = committed.updated.reduce((sum, record) => sum + record.fields.length, 0);
  return (
    <section className="slds-box slds-m-top_small" data-testid="commit-result" data-state={undone ? 'undone' : 'committed'} aria-label="What was written">
      <p role="status" className="slds-text-heading_small">
        {undone ? 'Undone: the created records were deleted and the fields restored.' : 'Written to Salesforce.'}
      </p>
      {!undone && (
        <ul className="slds-m-top_x-small">
          {committed.created.map((record) => (
            <li key={record.id} data-testid="result-created">
              Created {record.objectName}: {link(record.objectName, record.id, record.title || record.id)}
            </li>
          ))}
          {committed.updated.map((record) => (
            <li key={record.id} data-testid="result-updated">
              Updated {link(record.objectName, record.id, record.name)}:{' '}
              {record.fields.map((field) => `${field.field} ${shown(field.before)} → ${shown(field.after)}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
      <div className="slds-m-top_small">
        {!undone && !asking && (
          <button type="button" className="slds-button slds-button_neutral" onClick={() => setAsking(true)} disabled={undoing} data-testid="undo">
            {undoing ? 'Undoing…' : 'Undo'}
          </button>
        )}
        {!undone && asking && (
          <div role="group" aria-label="Confirm undo">
            <p>
              Delete {committed.created.length} created record{committed.created.length === 1 ? '' : 's'} and restore {fieldCount} field
              {fieldCount === 1 ? '' : 's'}?
            </p>
            <button
              type="button"
              className="slds-button slds-button_destructive"
              onClick={() => {
                setAsking(false);
                onUndo();
              }}
              data-testid="undo-confirm"
            >
              Yes, undo
            </button>
            <button type="button" className="slds-button slds-button_neutral" onClick={() => setAsking(false)} data-testid="undo-cancel">
              Keep
            </button>
          </div>
        )}
        <button type="button" className="slds-button slds-button_neutral" onClick={onDone} disabled={undoing} data-testid="result-done">
          Done
        </button>
      </div>
    </section>
  );
}
