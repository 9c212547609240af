import { useId, useState, type KeyboardEvent } from 'react';
import { EVIDENCE_MESSAGES } from '../../../lib/proposals/evidence';
import type { ReviewChange } from '../../../lib/proposals/messages';
import { cardBlockers, type DuplicateMatch, type NamedLookup, type NamedMatch, type Review, type ReviewCard, type ReviewRow } from '../../../lib/proposals/review';
import type { WriteValue } from '../../../lib/proposals/validate';

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

export type DuplicateChoice = { type: 'update-existing'; cardId: string; duplicateId: string } | { type: 'create-instead'; cardId: string };

const UNDERLINED = { textDecoration: 'underline' } as const;

const shown = (value: WriteValue | undefined): string => (value === null || value === undefined || value === '' ? '(empty)' : String(value));

export const recordUrl = (host: string, objectName: string, id: string): string => `https://${host}/lightning/r/${objectName}/${id}/view`;

/**
 * The field-by-field review: one card per proposed record or change, a checkbox per field, current → proposed value,
 * the value editable in place, the quote it rests on and whether it holds, and what validation or Salesforce says.
 */
export function ReviewCards({ review, disabled, onChange, lightningHost, onDuplicateChoice }: ReviewProps) {
  return (
    <div className="gw-review" data-testid="review">
      {review.cards.map((card) => (
        <Card key={card.id} card={card} disabled={disabled} onChange={onChange} lightningHost={lightningHost} onDuplicateChoice={onDuplicateChoice} />
      ))}
    </div>
  );
}

function cardHeading(card: ReviewCard): string {
  if (card.kind === 'named-update' && !card.target) return `Update ${card.objectLabel}: “${card.title}”`;
  if (card.operation === 'update') return `Update ${card.objectLabel}: ${card.target?.name ?? card.title}`;
  return `New ${card.objectLabel.toLowerCase()}: ${card.title || '(untitled)'}`;
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
  return (
    <article className="slds-card slds-m-top_small gw-review-card" data-testid="review-card" data-card-id={card.id} data-kind={card.kind} aria-labelledby={headingId}>
      <div className="slds-card__header">
        <h3 id={headingId} className="slds-card__header-title slds-text-heading_small">
          {cardHeading(card)}
        </h3>
        {card.operation === 'create' && (
          <div className="slds-form-element slds-m-top_x-small">
            <label className="gw-checkbox">
              <input
                type="checkbox"
                checked={card.included}
                disabled={disabled}
                onChange={(event) => onChange({ type: 'include', cardId: card.id, included: event.target.checked })}
                data-testid="card-include"
              />
              <span className="slds-form-element__label">
                {card.duplicates.length > 0 ? 'Create anyway' : `Create this ${card.objectLabel.toLowerCase()}`}
              </span>
            </label>
          </div>
        )}
      </div>
      <div className="slds-card__body slds-card__body_inner">
        {card.error && (
          <p className="slds-text-color_error" role="alert" data-testid="card-error" data-code={card.error.code}>
            {card.error.message}
          </p>
        )}
        {card.lookup && card.lookup.matches.length > 0 && (
          <NamedLookupChoice card={card} lookup={card.lookup} disabled={disabled} onChange={onChange} lightningHost={lightningHost} />
        )}
        {card.createForm ? (
          <UpdatingExisting card={card} disabled={disabled} lightningHost={lightningHost} onDuplicateChoice={onDuplicateChoice} />
        ) : (
          card.duplicates.length > 0 && (
            <Duplicates card={card} disabled={disabled} lightningHost={lightningHost} onDuplicateChoice={onDuplicateChoice} />
          )
        )}
        <ul className="gw-review-rows">
          {card.rows.map((row) => (
            <Row key={row.field} card={card} row={row} disabled={disabled} onChange={onChange} />
          ))}
        </ul>
        {blockers.length > 0 && (
          <p className="slds-text-color_error" data-testid="card-blockers">
            {blockers.join(' ')}
          </p>
        )}
      </div>
    </article>
  );
}

/**
 * A card for an opportunity the note names: which record the look-up found for those words, and when several match,
 * the choice among them (nothing of the card is written until the rep picks).
 */
function NamedLookupChoice({ card, lookup, disabled, onChange, lightningHost }: Omit<CardProps, 'onDuplicateChoice'> & { lookup: NamedLookup }) {
  const legendId = useId();
  const link = (match: NamedMatch) =>
    lightningHost ? (
      <a href={recordUrl(lightningHost, card.objectName, match.id)} target="_blank" rel="noopener noreferrer" style={UNDERLINED}>
        {match.name}
      </a>
    ) : (
      match.name
    );
  const details = (match: NamedMatch): string => [match.accountName, match.stageName].filter(Boolean).join(', ');
  const only = lookup.matches.length === 1 ? lookup.matches[0] : undefined;
  if (only) {
    return (
      <p className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="named-found" data-id={only.id} role="note">
        The note names “{lookup.asWritten}”: found {link(only)}
        {details(only) && ` (${details(only)})`}. Each field shows its value now and the value proposed.
      </p>
    );
  }
  return (
    <fieldset className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="named-choice" aria-describedby={legendId}>
      <legend id={legendId} className="slds-text-title">
        {lookup.matches.length}
        {lookup.more ? ' or more' : ''} {card.objectLabelPlural.toLowerCase()} match “{lookup.asWritten}”. Which one does the note mean?
      </legend>
      {lookup.more && <p className="slds-text-body_small">Only the first {lookup.matches.length} are shown: name it more fully in the note to narrow them.</p>}
      <ul>
        {lookup.matches.map((match) => (
          <li key={match.id} data-testid="named-match" data-id={match.id}>
            <label className="gw-checkbox">
              <input
                type="radio"
                name={`named-${card.id}`}
                checked={card.target?.id === match.id}
                disabled={disabled}
                onChange={() => onChange({ type: 'pick', cardId: card.id, matchId: match.id })}
                data-testid="named-pick"
              />
              <span>
                {link(match)}
                {details(match) && ` (${details(match)})`}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {!card.target && <p className="slds-text-body_small">Nothing on this card is written until you pick one.</p>}
    </fieldset>
  );
}

/** The card stands for an update of an existing record: the rows below are its diff (now → proposed). */
function UpdatingExisting({ card, disabled, lightningHost, onDuplicateChoice }: Omit<CardProps, 'onChange'>) {
  const target = card.target;
  if (!target) return null;
  return (
    <div className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="updating-existing" data-id={target.id} role="note">
      <p>
        Updating the existing {card.objectLabel.toLowerCase()}{' '}
        {lightningHost ? (
          <a href={recordUrl(lightningHost, target.objectName, target.id)} target="_blank" rel="noopener noreferrer" style={UNDERLINED}>
            {target.name}
          </a>
        ) : (
          target.name
        )}
        : each field shows its value now and the value proposed. Only ticked fields change.
      </p>
      {onDuplicateChoice && (
        <button
          type="button"
          className="slds-button slds-button_neutral slds-m-top_x-small"
          disabled={disabled}
          onClick={() => onDuplicateChoice({ type: 'create-instead', cardId: card.id })}
          data-testid="create-instead"
        >
          Create a new {card.createForm?.objectLabel.toLowerCase() ?? 'record'} instead
        </button>
      )}
    </div>
  );
}

function Duplicates({ card, disabled, lightningHost, onDuplicateChoice }: Omit<CardProps, 'onChange'>) {
  const matches: DuplicateMatch[] = card.duplicates;
  return (
    <div className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="duplicates" role="note">
      <p className="slds-text-title">Already in Salesforce:</p>
      <ul>
        {matches.map((match) => (
          <li key={match.id} data-testid="duplicate" data-id={match.id} data-object={match.objectName}>
            {lightningHost ? (
              <a href={recordUrl(lightningHost, match.objectName, match.id)} target="_blank" rel="noopener noreferrer" style={UNDERLINED}>
                {match.name}
              </a>
            ) : (
              match.name
            )}{' '}
            ({match.objectName}
            {match.email ? `, ${match.email}` : ''}
            {match.company ? `, ${match.company}` : ''}; same {match.matchedBy === 'email' ? 'email' : 'name and company'})
            {onDuplicateChoice && card.operation === 'create' && (
              <button
                type="button"
                className="slds-button slds-button_outline-brand slds-m-left_x-small"
                disabled={disabled}
                onClick={() => onDuplicateChoice({ type: 'update-existing', cardId: card.id, duplicateId: match.id })}
                data-testid="duplicate-update"
              >
                Update {match.name} instead
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const EVIDENCE_OK = new Set(['ok', 'groundwork', 'edited']);

function Row({ card, row, disabled, onChange }: { card: ReviewCard; row: ReviewRow; disabled: boolean; onChange: ReviewProps['onChange'] }) {
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
    className: 'slds-input',
    'aria-describedby': messageId,
    'aria-invalid': row.error ? true : undefined,
    'data-testid': 'row-input',
  };
  return (
    <li
      className="slds-m-bottom_small gw-review-row"
      data-testid="review-row"
      data-field={row.field}
      data-checked={String(row.checked)}
      data-evidence={row.evidenceStatus}
      data-error={row.error?.code ?? ''}
    >
      <div className="slds-grid slds-grid_vertical-align-center">
        <input
          type="checkbox"
          className="slds-m-right_x-small"
          checked={row.checked}
          disabled={disabled || row.locked || (card.operation === 'update' && !card.target) || (!row.checked && (!!row.error || (row.value === null && row.current === undefined)))}
          onChange={(event) => onChange({ type: 'check', cardId: card.id, field: row.field, checked: event.target.checked })}
          data-testid="row-check"
          aria-label={`Write ${row.label}`}
        />
        <label htmlFor={inputId} className="slds-form-element__label">
          {row.label}
          {row.required && <abbr title="required"> *</abbr>}
        </label>
      </div>
      {row.current !== undefined && (
        <p className="slds-text-body_small" data-testid="row-current">
          Now: {shown(row.current)} →
        </p>
      )}
      {long ? <textarea {...inputProps} className="slds-textarea" rows={3} /> : <input type="text" {...inputProps} />}
      <div id={messageId} className="slds-text-body_small">
        {row.error && (
          <p className="slds-text-color_error" data-testid="row-error" data-code={row.error.code}>
            {row.error.message}
          </p>
        )}
        {row.warning && <p data-testid="row-warning">{row.warning}</p>}
        <p className={evidenceOk ? 'slds-text-color_weak' : 'slds-text-color_error'} data-testid="row-evidence" data-status={row.evidenceStatus}>
          {!evidenceOk && <strong>Check this: </strong>}
          {EVIDENCE_MESSAGES[row.evidenceStatus]}
          {row.evidence && row.origin !== 'rep' && <q className="gw-evidence-quote"> {row.evidence}</q>}
        </p>
      </div>
    </li>
  );
}
