import { useId } from 'react';
import type { ReviewChange } from '../../../lib/proposals/messages';
import type { DuplicateMatch, NamedLookup, NamedMatch, ReviewCard } from '../../../lib/proposals/review';
import { recordUrl } from './record-url';
import { nounInSentence, t } from '../../../lib/i18n';
import { RichMessage } from '../RichMessage';

export type DuplicateChoice = { type: 'update-existing'; cardId: string; duplicateId: string } | { type: 'create-instead'; cardId: string };

const UNDERLINED = { textDecoration: 'underline' } as const;

interface ChoiceProps {
  card: ReviewCard;
  disabled: boolean;
  onChange(change: ReviewChange): void;
  lightningHost: string | null;
  onDuplicateChoice?(choice: DuplicateChoice): void;
}

/**
 * A card for an opportunity the note names: which record the look-up found for those words, and when several match,
 * the choice among them (nothing of the card is written until the rep picks).
 */
export function NamedLookupChoice({ card, lookup, disabled, onChange, lightningHost }: Omit<ChoiceProps, 'onDuplicateChoice'> & { lookup: NamedLookup }) {
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
        <RichMessage
          text={t('choices_foundOne', { asWritten: lookup.asWritten, details: details(only) ? ` (${details(only)})` : '' })}
          parts={{ record: link(only) }}
        />
      </p>
    );
  }
  return (
    <fieldset className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="named-choice" aria-describedby={legendId}>
      <legend id={legendId} className="slds-text-title">
        {t(lookup.more ? 'choices_matchesOrMore' : 'choices_matches', {
          count: lookup.matches.length,
          objects: nounInSentence(card.objectLabelPlural),
          asWritten: lookup.asWritten,
        })}
      </legend>
      {lookup.more && <p className="slds-text-body_small">{t('choices_onlyFirst', { count: lookup.matches.length })}</p>}
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
      {!card.target && <p className="slds-text-body_small">{t('choices_pickOne')}</p>}
    </fieldset>
  );
}

/** The card stands for an update of an existing record: the rows below are its diff (now → proposed). */
export function UpdatingExisting({ card, disabled, lightningHost, onDuplicateChoice }: Omit<ChoiceProps, 'onChange'>) {
  const target = card.target;
  if (!target) return null;
  return (
    <div className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="updating-existing" data-id={target.id} role="note">
      <p>
        <RichMessage
          text={t('choices_updatingExisting', { object: nounInSentence(card.objectLabel) })}
          parts={{
            record: lightningHost ? (
              <a href={recordUrl(lightningHost, target.objectName, target.id)} target="_blank" rel="noopener noreferrer" style={UNDERLINED}>
                {target.name}
              </a>
            ) : (
              target.name
            ),
          }}
        />
      </p>
      {onDuplicateChoice && (
        <button
          type="button"
          className="slds-button slds-button_neutral slds-m-top_x-small"
          disabled={disabled}
          onClick={() => onDuplicateChoice({ type: 'create-instead', cardId: card.id })}
          data-testid="create-instead"
        >
          {t('choices_createInstead', { object: card.createForm ? nounInSentence(card.createForm.objectLabel) : t('choices_record') })}
        </button>
      )}
    </div>
  );
}

export function Duplicates({ card, disabled, lightningHost, onDuplicateChoice }: Omit<ChoiceProps, 'onChange'>) {
  const matches: DuplicateMatch[] = card.duplicates;
  return (
    <div className="slds-box slds-box_x-small slds-m-bottom_small" data-testid="duplicates" role="note">
      <p className="slds-text-title">{t('choices_alreadyInSalesforce')}</p>
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
            ({[match.objectName, match.email, match.company].filter(Boolean).join(', ')};{' '}
            {match.matchedBy === 'email' ? t('choices_sameEmail') : t('choices_sameNameAndCompany')})
            {onDuplicateChoice && card.operation === 'create' && (
              <button
                type="button"
                className="slds-button slds-button_outline-brand slds-m-left_x-small"
                disabled={disabled}
                onClick={() => onDuplicateChoice({ type: 'update-existing', cardId: card.id, duplicateId: match.id })}
                data-testid="duplicate-update"
              >
                {t('choices_updateInstead', { name: match.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
