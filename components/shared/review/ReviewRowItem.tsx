import { useId, useState, type KeyboardEvent } from 'react';
import { evidenceMessage } from '../../../lib/proposals/evidence';
import type { ReviewChange } from '../../../lib/proposals/messages';
import { leftOutReason, type ReviewCard, type ReviewRow } from '../../../lib/proposals/review';
import type { WriteValue } from '../../../lib/proposals/validate';
import { t } from '../../../lib/i18n';

const EVIDENCE_OK = new Set(['ok', 'groundwork', 'edited']);

const shown = (value: WriteValue | undefined): string => (value === null || value === undefined || value === '' ? t('review_empty') : String(value));

interface Props {
  card: ReviewCard;
  row: ReviewRow;
  disabled: boolean;
  onChange(change: ReviewChange): void;
}

/**
 * One field: a checkbox to write it, its label, the value now (updates) and the value proposed, editable in place, and
 * the quote it rests on. A row left out says why in its summary line and opens to be looked at and ticked.
 */
export function ReviewRowItem({ card, row, disabled, onChange }: Props) {
  const attributes = {
    'data-testid': 'review-row',
    'data-field': row.field,
    'data-checked': String(row.checked),
    'data-evidence': row.evidenceStatus,
    'data-error': row.error?.code ?? '',
  };
  if (row.checked) {
    return (
      <li className="gw-review-row" {...attributes}>
        <RowBody card={card} row={row} disabled={disabled} onChange={onChange} />
      </li>
    );
  }
  return (
    <li className="gw-review-row gw-review-row_left-out" {...attributes}>
      <details>
        <summary className="gw-review-row__summary">
          <span className="gw-review-row__label">{row.label}</span>
          <span className={row.error || !EVIDENCE_OK.has(row.evidenceStatus) ? 'gw-review-row__reason gw-review-row__reason_flag' : 'gw-review-row__reason'}>
            {leftOutReason(row)}
          </span>
        </summary>
        <RowBody card={card} row={row} disabled={disabled} onChange={onChange} />
      </details>
    </li>
  );
}

function RowBody({ card, row, disabled, onChange }: Props) {
  const [text, setText] = useState(row.proposed);
  const inputId = useId();
  const messageId = useId();
  // A new value from the background (a re-validated edit, a re-read record) replaces what the field shows.
  const [shownValue, setShownValue] = useState(row.proposed);
  if (shownValue !== row.proposed) {
    setShownValue(row.proposed);
    setText(row.proposed);
  }
  const commit = (): void => {
    if (text !== row.proposed) onChange({ type: 'edit', cardId: card.id, field: row.field, text });
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !(event.currentTarget instanceof HTMLTextAreaElement)) commit();
  };
  const long = row.proposed.length > 80 || row.proposed.includes('\n') || row.field === 'Description';
  const evidenceOk = EVIDENCE_OK.has(row.evidenceStatus);
  const inputProps = {
    id: inputId,
    value: text,
    disabled: disabled || row.locked,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
    onBlur: commit,
    onKeyDown: onKey,
    'aria-describedby': messageId,
    'aria-invalid': row.error ? true : undefined,
    'data-testid': 'row-input',
  };
  return (
    <div className="gw-review-row__body">
      <div className="gw-review-row__head">
        <input
          type="checkbox"
          checked={row.checked}
          disabled={disabled || row.locked || (card.operation === 'update' && !card.target) || (!row.checked && (!!row.error || (row.value === null && row.current === undefined)))}
          onChange={(event) => onChange({ type: 'check', cardId: card.id, field: row.field, checked: event.target.checked })}
          data-testid="row-check"
          aria-label={t('reviewRow_write', { field: row.label })}
        />
        <label htmlFor={inputId} className="slds-form-element__label gw-review-row__label">
          {row.label}
          {row.required && <abbr title={t('reviewRow_required')}> *</abbr>}
        </label>
      </div>
      <div className="gw-review-row__value">
        {long ? <textarea {...inputProps} className="slds-textarea" rows={3} /> : <input type="text" {...inputProps} className="slds-input" />}
        <div id={messageId} className="gw-review-row__notes">
          {row.current !== undefined && (
            <p className="gw-review-row__now" data-testid="row-current">
              {t('reviewRow_now', { value: shown(row.current) })}
            </p>
          )}
          {row.error && (
            <p className="slds-text-color_error" data-testid="row-error" data-code={row.error.code}>
              {row.error.message}
            </p>
          )}
          {row.warning && <p data-testid="row-warning">{row.warning}</p>}
          <p className={evidenceOk ? 'slds-text-color_weak' : 'slds-text-color_error'} data-testid="row-evidence" data-status={row.evidenceStatus}>
            {evidenceOk && row.evidence && row.origin !== 'rep' ? (
              <>
                {row.evidenceSpeaker && (
                  <span className="gw-evidence-speaker" data-testid="row-evidence-speaker">
                    {row.evidenceSpeaker}:{' '}
                  </span>
                )}
                <q className="gw-evidence-quote" title={evidenceMessage(row.evidenceStatus)}>
                  {row.evidence}
                </q>
              </>
            ) : (
              <>
                {evidenceMessage(row.evidenceStatus)}
                {row.evidence && row.origin !== 'rep' && <q className="gw-evidence-quote"> {row.evidence}</q>}
              </>
            )}
          </p>
        </div>
      </div>
    </div>
  );
}
