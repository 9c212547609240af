import { FEATURE_LABELS, GENERATE_LABELS, EmailOptions, type Feature, type Generation, type OutcomeReport } from '../../lib/features/generate/messages';
import type { RecordCard } from '../../lib/features/record-view/messages';
import { rememberForm, selectPlace, usePlaceStore } from '../../lib/panel/place';
import { BlockerAlert, type Blocker } from '../shared/FeatureBlocker';
import { GenerationOutput, type OutputActions } from './GenerationOutput';
import { GenerationProblemAlert } from './GenerationProblemAlert';
import { t, type MessageKey } from '../../lib/i18n';
import { draftText } from '../../lib/i18n/draft-words';

export interface GenerateActions {
  generate(feature: Feature, email: EmailOptions | null): void;
  stop(feature: Feature): void;
  /** Resolves whether the browser took the text. */
  copy(text: string): Promise<boolean>;
  openInGmail(to: string | null, subject: string, body: string): void;
  /** What the rep did with an output (used it, thumbs with a reason, edited a draft), recorded on its audit entry. */
  report(feature: Feature, generationId: string, report: OutcomeReport): void;
  /** Opens Groundwork's settings at a section ("key", "budgets"…). */
  openSettings(section: string): void;
}

/** The output's actions for one feature: each use of the output is also reported, to record what the rep did. */
function outputActionsFor(feature: Feature, generation: Generation | undefined, actions: GenerateActions, email: EmailOptions): OutputActions {
  const report = (outcome: OutcomeReport): void => {
    if (generation) actions.report(feature, generation.id, outcome);
  };
  return {
    regenerate: () => actions.generate(feature, feature === 'email' ? email : null),
    stop: () => actions.stop(feature),
    feedback: (value, reason) => report({ kind: 'feedback', value, ...(reason ? { reason } : {}) }),
    copy: (text) => {
      report({ kind: 'used', via: 'copy', finalText: text });
      return actions.copy(text);
    },
    used: (via, finalText) => report({ kind: 'used', via, finalText }),
    edit: (subject, body) => report({ kind: 'edit', subject, body }),
    ...(feature === 'email'
      ? {
          openInGmail: (subject: string, body: string) => {
            actions.openInGmail(email.recipient?.email ?? null, subject, body);
            report({ kind: 'used', via: 'gmail-open', finalText: draftText(subject, body, generation?.language ?? 'en') });
          },
        }
      : {}),
  };
}

interface Props {
  card: RecordCard;
  feature: Feature;
  generation: Generation | undefined;
  actions: GenerateActions;
  blocker: Blocker | null;
  recordUrl(objectName: string, recordId: string): string;
  isOrgRecordUrl(href: string): boolean;
}

/** How each email option reads in the form (the values are what the prompt gets). */
const EMAIL_CHOICE_LABELS: Partial<Record<string, MessageKey>> = {
  'follow-up': 'email_purposeFollowUp',
  recap: 'email_purposeRecap',
  introduction: 'email_purposeIntroduction',
  'check-in': 'email_purposeCheckIn',
  custom: 'email_purposeCustom',
  friendly: 'email_toneFriendly',
  formal: 'email_toneFormal',
  direct: 'email_toneDirect',
  short: 'email_lengthShort',
  medium: 'email_lengthMedium',
  long: 'email_lengthLong',
};

const DEFAULT_EMAIL: EmailOptions = { recipient: null, purpose: 'follow-up', instruction: '', tone: 'friendly', length: 'short' };

/** The email options the rep set for this record (kept with their place in the panel), or the defaults. */
function useEmailOptions(card: RecordCard): [EmailOptions, (options: EmailOptions) => void] {
  const kept = usePlaceStore((slice) => selectPlace(card.recordId)(slice).forms['email-options']);
  const parsed = EmailOptions.safeParse(kept);
  const options = parsed.success ? parsed.data : DEFAULT_EMAIL;
  const first = card.people[0];
  const recipient = options.recipient ?? (first ? { id: first.id, name: first.name, email: first.email } : null);
  return [{ ...options, recipient }, (next) => rememberForm(card.recordId, 'email-options', next)];
}

/** One generation feature for the record in view: what blocks it, its problem, its options, Generate, and the output. */
export function GenerateSection({ card, feature, generation, actions, blocker, recordUrl, isOrgRecordUrl }: Props) {
  const [email, setEmail] = useEmailOptions(card);
  const outputActions = outputActionsFor(feature, generation, actions, email);
  const streaming = generation?.status === 'streaming';
  const label = t(FEATURE_LABELS[feature]);
  return (
    <section aria-label={label} data-testid={`feature-panel-${feature}`}>
      {blocker && <BlockerAlert blocker={blocker} />}
      {generation?.problem && <GenerationProblemAlert problem={generation.problem} partial={generation.text !== ''} onRetry={outputActions.regenerate} onSettings={actions.openSettings} />}
      {feature === 'email' && !streaming && <EmailOptionsForm options={email} people={card.people} onChange={setEmail} />}
      {!streaming && !generation?.text && (
        <button type="button" className="slds-button slds-button_brand gw-generate" onClick={outputActions.regenerate} disabled={blocker !== null} data-testid="generate">
          {t(GENERATE_LABELS[feature])}
        </button>
      )}
      {generation && (generation.text || streaming) && (
        <GenerationOutput generation={generation} actions={outputActions} recordUrl={recordUrl} isOrgRecordUrl={isOrgRecordUrl} />
      )}
    </section>
  );
}

function EmailOptionsForm({ options, people, onChange }: { options: EmailOptions; people: RecordCard['people']; onChange(options: EmailOptions): void }) {
  return (
    <fieldset className="slds-form gw-email-options" data-testid="email-options">
      <legend className="slds-assistive-text">{t('email_options')}</legend>
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-recipient">
          {t('email_to')}
        </label>
        <select
          id="gw-recipient"
          className="slds-select"
          value={options.recipient?.id ?? ''}
          onChange={(event) => {
            const person = people.find((candidate) => candidate.id === event.target.value);
            onChange({ ...options, recipient: person ? { id: person.id, name: person.name, email: person.email } : null });
          }}
          data-testid="email-recipient"
        >
          {people.length === 0 && <option value="">{t('email_noContacts')}</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.title ? `${person.name} (${person.title})` : person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="gw-email-options__choices">
        <Choice id="gw-purpose" label={t('email_purpose')} value={options.purpose} values={['follow-up', 'recap', 'introduction', 'check-in', 'custom']} onChange={(purpose) => onChange({ ...options, purpose })} />
        <Choice id="gw-tone" label={t('email_tone')} value={options.tone} values={['friendly', 'formal', 'direct']} onChange={(tone) => onChange({ ...options, tone })} />
        <Choice id="gw-length" label={t('email_length')} value={options.length} values={['short', 'medium', 'long']} onChange={(length) => onChange({ ...options, length })} />
      </div>
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-instruction">
          {options.purpose === 'custom' ? t('email_whatFor') : t('email_anythingToAdd')}
        </label>
        <input id="gw-instruction" className="slds-input" maxLength={500} value={options.instruction} onChange={(event) => onChange({ ...options, instruction: event.target.value })} data-testid="email-instruction" />
      </div>
    </fieldset>
  );
}

function Choice<T extends string>({ id, label, value, values, onChange }: { id: string; label: string; value: T; values: readonly T[]; onChange(value: T): void }) {
  return (
    <div className="slds-form-element">
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="slds-select"
        value={value}
        onChange={(event) => {
          const chosen = values.find((option) => option === event.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {values.map((option) => (
          <option key={option} value={option}>
            {t(EMAIL_CHOICE_LABELS[option] ?? 'email_purposeCustom')}
          </option>
        ))}
      </select>
    </div>
  );
}
