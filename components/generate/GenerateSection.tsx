import { useRef, useState, type KeyboardEvent } from 'react';
import { FEATURE_LABELS, type EmailOptions, type Feature, type Generation, type OutcomeReport } from '../../lib/features/generate/messages';
import type { RecordCard } from '../../lib/features/record-view/messages';
import { selectFeatureSwitches, useGovernanceStore } from '../../lib/features/governance/store';
import { GenerationOutput, type OutputActions } from './GenerationOutput';

export interface GenerateActions {
  generate(feature: Feature, email: EmailOptions | null): void;
  stop(feature: Feature): void;
  /** Resolves whether the browser took the text. */
  copy(text: string): Promise<boolean>;
  openInGmail(to: string | null, subject: string, body: string): void;
  chooseFeature(feature: Feature): void;
  /** What the rep did with an output (used it, thumbs with a reason, edited a draft), recorded on its audit entry. */
  report(feature: Feature, generationId: string, report: OutcomeReport): void;
}

/** The output's actions for one feature: each use of the output is also reported, to record what the rep did. */
function outputActionsFor(current: Feature, generation: Generation | undefined, actions: GenerateActions, email: EmailOptions): OutputActions {
  const report = (outcome: OutcomeReport): void => {
    if (generation) actions.report(current, generation.id, outcome);
  };
  return {
    regenerate: () => actions.generate(current, current === 'email' ? email : null),
    stop: () => actions.stop(current),
    feedback: (value, reason) => report({ kind: 'feedback', value, ...(reason ? { reason } : {}) }),
    copy: (text) => {
      report({ kind: 'used', via: 'copy', finalText: text });
      return actions.copy(text);
    },
    used: (via, finalText) => report({ kind: 'used', via, finalText }),
    edit: (subject, body) => report({ kind: 'edit', subject, body }),
    ...(current === 'email'
      ? {
          openInGmail: (subject: string, body: string) => {
            actions.openInGmail(email.recipient?.email ?? null, subject, body);
            report({ kind: 'used', via: 'gmail-open', finalText: `Subject: ${subject}\n\n${body}` });
          },
        }
      : {}),
  };
}

interface Props {
  card: RecordCard;
  feature: Feature;
  generations: Partial<Record<Feature, Generation>>;
  actions: GenerateActions;
  recordUrl(objectName: string, recordId: string): string;
  isOrgRecordUrl(href: string): boolean;
}

/** Deal insights are about an opportunity; the other features work on any record. */
function featuresFor(card: RecordCard): Feature[] {
  return card.objectName === 'Opportunity' ? ['summary', 'brief', 'insights', 'email'] : ['summary', 'brief', 'email'];
}

export function GenerateSection({ card, feature, generations, actions, recordUrl, isOrgRecordUrl }: Props) {
  const switches = useGovernanceStore(selectFeatureSwitches);
  const features = featuresFor(card).filter((candidate) => switches?.[candidate] ?? true);
  const current = features.includes(feature) ? feature : 'summary';
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const [email, setEmail] = useState<EmailOptions>({ recipient: null, purpose: 'follow-up', instruction: '', tone: 'friendly', length: 'short' });
  const generation = generations[current];
  const recipient = email.recipient ?? (card.people[0] ? { id: card.people[0].id, name: card.people[0].name, email: card.people[0].email } : null);

  const onKey = (event: KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = (index + step + features.length) % features.length;
    const target = features[next];
    if (target) actions.chooseFeature(target);
    tabs.current[next]?.focus();
  };

  const outputActions = outputActionsFor(current, generation, actions, { ...email, recipient });

  if (features.length === 0) return null;
  return (
    <section className="slds-m-top_medium" aria-label="Generate with AI">
      <div className="slds-tabs_default">
        <div role="tablist" className="slds-tabs_default__nav" aria-label="What to write">
          {features.map((candidate, index) => (
            <button
              key={candidate}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`gw-tab-${candidate}`}
              aria-selected={candidate === current}
              aria-controls="gw-tabpanel"
              tabIndex={candidate === current ? 0 : -1}
              className={`slds-tabs_default__item gw-tab${candidate === current ? ' slds-is-active' : ''}`}
              onClick={() => actions.chooseFeature(candidate)}
              onKeyDown={(event) => onKey(event, index)}
              data-testid={`feature-${candidate}`}
            >
              {FEATURE_LABELS[candidate]}
            </button>
          ))}
        </div>
        <div id="gw-tabpanel" role="tabpanel" aria-labelledby={`gw-tab-${current}`} className="slds-p-top_small">
          {current === 'email' && (!generation || generation.status !== 'streaming') && (
            <EmailOptionsForm options={{ ...email, recipient }} people={card.people} onChange={setEmail} />
          )}
          {(!generation || generation.status !== 'streaming') && !generation?.text && (
            <button type="button" className="slds-button slds-button_brand" onClick={outputActions.regenerate} data-testid="generate">
              Write {FEATURE_LABELS[current].toLowerCase()}
            </button>
          )}
          {generation && (generation.text || generation.status !== 'done') && (
            <GenerationOutput generation={generation} actions={outputActions} recordUrl={recordUrl} isOrgRecordUrl={isOrgRecordUrl} />
          )}
        </div>
      </div>
    </section>
  );
}

function EmailOptionsForm({ options, people, onChange }: { options: EmailOptions; people: RecordCard['people']; onChange(options: EmailOptions): void }) {
  return (
    <fieldset className="slds-form slds-m-bottom_small" data-testid="email-options">
      <legend className="slds-assistive-text">Email draft options</legend>
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="gw-recipient">
          To
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
          {people.length === 0 && <option value="">No contacts on this record</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
              {person.title ? ` (${person.title})` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="slds-grid slds-gutters_x-small slds-m-top_x-small">
        <Choice id="gw-purpose" label="Purpose" value={options.purpose} values={['follow-up', 'recap', 'introduction', 'check-in', 'custom']} onChange={(purpose) => onChange({ ...options, purpose })} />
        <Choice id="gw-tone" label="Tone" value={options.tone} values={['friendly', 'formal', 'direct']} onChange={(tone) => onChange({ ...options, tone })} />
        <Choice id="gw-length" label="Length" value={options.length} values={['short', 'medium', 'long']} onChange={(length) => onChange({ ...options, length })} />
      </div>
      <div className="slds-form-element slds-m-top_x-small">
        <label className="slds-form-element__label" htmlFor="gw-instruction">
          Anything to add {options.purpose === 'custom' ? '(what the email is for)' : '(optional)'}
        </label>
        <input id="gw-instruction" className="slds-input" maxLength={500} value={options.instruction} onChange={(event) => onChange({ ...options, instruction: event.target.value })} data-testid="email-instruction" />
      </div>
    </fieldset>
  );
}

function Choice<T extends string>({ id, label, value, values, onChange }: { id: string; label: string; value: T; values: readonly T[]; onChange(value: T): void }) {
  return (
    <div className="slds-form-element slds-col">
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
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
