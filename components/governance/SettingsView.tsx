import { useState, type FormEvent } from 'react';
import { draftFrom, settingsFromDraft, type SettingsDraft } from '../../lib/features/governance/options-draft';
import { priceRowsFrom, priceTableFromRows } from '../../lib/features/governance/price-draft';
import { FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { apiKeyProblem, FEATURES, isLocked, MODEL_USE_CASES, saveSettings, type ModelUseCase, type SettingPath } from '../../lib/settings';
import { describedBy, Field, Section } from './fields';
import { KeyTest } from './KeyTest';
import { OrgsSection } from './OrgsSection';
import { PriceTableSection } from './PriceTableSection';
import { SalesforceSignInSection } from './SalesforceSignInSection';
import { useLiveModels } from './use-live-models';
import type { LoadedSettings, OptionsStores } from './use-settings';

const USE_CASE_LABELS: Record<ModelUseCase, string> = {
  summary: 'Record summary',
  brief: 'Meeting brief',
  insights: 'Deal insights',
  email: 'Email drafts',
  logNote: 'Log a note',
  extractLead: 'Extract to Lead',
  ask: 'Ask',
};

export type SaveStatus = { tone: 'info' | 'error'; text: string } | null;

/**
 * Every setting the rep may change; what the policy forces is shown, disabled, as set by the organization. The page
 * remounts it (a new key) whenever the stored settings change, so the draft starts from what is stored.
 */
interface Props {
  stores: OptionsStores;
  loaded: LoadedSettings;
  /** Kept by the page, so "Saved." outlives the remount that the save itself causes. */
  status: SaveStatus;
  setStatus(status: SaveStatus): void;
}

export function SettingsView({ stores, loaded, status, setStatus }: Props) {
  const { rep, effective } = loaded;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(rep));
  // Kept beside the draft (one phrase per line), merged into the settings on Save.
  const [phrases, setPhrases] = useState(() => rep.prohibitedPhrases.join('\n'));
  // Likewise the price table, as typed; a forced table is shown but the rep's own is kept as stored.
  const [priceRows, setPriceRows] = useState(() => priceRowsFrom(rep.prices));
  const locked = (path: SettingPath): boolean => isLocked(effective, path);
  const keyLocked = locked('anthropicApiKey');
  const pricesLocked = locked('prices');
  const models = useLiveModels(effective.settings.anthropicApiKey, effective.settings.baseUrl, effective.allowedModels);

  const change = (changes: Partial<SettingsDraft>): void => setDraft((current) => ({ ...current, ...changes }));

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const keyProblem = keyLocked ? null : apiKeyProblem(draft.apiKey);
    if (keyProblem) return setStatus({ tone: 'error', text: keyProblem });
    const priced = pricesLocked ? { prices: rep.prices } : priceTableFromRows(priceRows);
    if ('problems' in priced) return setStatus({ tone: 'error', text: `Model prices: ${priced.problems[0]?.text ?? 'some price is not valid.'}` });
    const result = settingsFromDraft(draft, { ...rep, prohibitedPhrases: phraseLines(phrases), prices: priced.prices });
    if ('problem' in result) return setStatus({ tone: 'error', text: result.problem });
    await saveSettings(stores.local, result.settings);
    setStatus({ tone: 'info', text: 'Saved. Groundwork uses the new settings from its next request.' });
  };

  return (
    <form className="slds-form" onSubmit={(event) => void save(event)} aria-label="Groundwork settings">
      {effective.policyProblems.length > 0 && (
        <div className="slds-box slds-theme_warning slds-m-bottom_medium" role="status" data-testid="policy-problems">
          {effective.policyProblems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}

      <Section title="Anthropic" id="gw-section-anthropic">
        <Field id="gw-api-key" label="Anthropic API key" help="Kept in this browser's extension storage and sent only to the Anthropic API (or your gateway)." locked={keyLocked}>
          <input
            id="gw-api-key"
            className="slds-input"
            type="password"
            autoComplete="off"
            value={keyLocked ? '' : draft.apiKey}
            placeholder={keyLocked ? (effective.settings.anthropicApiKey ? 'A key set by your organization' : 'Not used: your organization provides access') : ''}
            disabled={keyLocked}
            onChange={(event) => change({ apiKey: event.target.value })}
            aria-describedby={describedBy('gw-api-key', true, keyLocked)}
            data-testid="api-key-input"
          />
        </Field>
        <KeyTest
          local={stores.local}
          apiKey={keyLocked ? effective.settings.anthropicApiKey : draft.apiKey.trim()}
          baseUrl={locked('baseUrl') ? effective.settings.baseUrl : draft.baseUrl.trim()}
          model={effective.settings.models.summary}
        />
        <Field id="gw-base-url" label="Gateway base URL" help="A company gateway that speaks the Anthropic API. Leave empty for Anthropic's own API." locked={locked('baseUrl')}>
          <input
            id="gw-base-url"
            className="slds-input"
            type="url"
            value={locked('baseUrl') ? effective.settings.baseUrl : draft.baseUrl}
            disabled={locked('baseUrl')}
            onChange={(event) => change({ baseUrl: event.target.value })}
            aria-describedby={describedBy('gw-base-url', true, locked('baseUrl'))}
            data-testid="base-url-input"
          />
        </Field>
      </Section>

      <Section title="Model per use case" id="gw-section-models">
        <p className="slds-m-bottom_small slds-text-body_small" data-testid="models-source">
          {models.live ? 'Models your key can use, as Anthropic lists them now.' : 'The usual models (the live list could not be fetched).'}
        </p>
        {MODEL_USE_CASES.map((useCase) => {
          const id = `gw-model-${useCase}`;
          const isForced = locked(`models.${useCase}`);
          const value = isForced ? effective.settings.models[useCase] : draft.models[useCase];
          const options = models.models.some((model) => model.id === value) ? models.models : [{ id: value, displayName: value }, ...models.models];
          return (
            <Field key={useCase} id={id} label={USE_CASE_LABELS[useCase]} locked={isForced}>
              <select
                id={id}
                className="slds-select"
                value={value}
                disabled={isForced}
                onChange={(event) => change({ models: { ...draft.models, [useCase]: event.target.value } })}
                aria-describedby={describedBy(id, false, isForced)}
                data-testid={`model-${useCase}`}
              >
                {options.map((model) => (
                  <option key={model.id} value={model.id}>
                    {model.displayName === model.id ? model.id : `${model.displayName} — ${model.id}`}
                  </option>
                ))}
              </select>
            </Field>
          );
        })}
      </Section>

      <Section title="Features" id="gw-section-features">
        <fieldset className="slds-form-element">
          <legend className="slds-assistive-text">Features on or off</legend>
          {FEATURES.map((feature) => {
            const id = `gw-feature-${feature}`;
            const hidden = effective.hiddenFeatures.has(feature);
            const isForced = locked(`features.${feature}`);
            const checked = isForced ? effective.settings.features[feature] : draft.features[feature];
            return (
              <div key={feature} className="slds-form-element__control slds-m-bottom_x-small">
                <div className="slds-checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    checked={checked}
                    disabled={isForced}
                    onChange={(event) => change({ features: { ...draft.features, [feature]: event.target.checked } })}
                    aria-describedby={isForced ? `${id}-locked` : undefined}
                    data-testid={`feature-toggle-${feature}`}
                  />
                  <label className="slds-checkbox__label" htmlFor={id}>
                    <span className="slds-checkbox_faux" />
                    <span className="slds-form-element__label">{FEATURE_LABELS[feature]}</span>
                  </label>
                  {isForced && (
                    <span id={`${id}-locked`} className="slds-text-body_small slds-m-left_small" data-testid="locked-note">
                      {hidden ? 'Removed by your organization' : 'Set by your organization'}
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </fieldset>
      </Section>

      <Section title="Redaction" id="gw-section-redaction">
        <Field id="gw-patterns" label="Extra redaction patterns (one regular expression per line)" help="Matches are replaced by placeholders before anything is sent to the model.">
          <textarea
            id="gw-patterns"
            className="slds-textarea"
            rows={3}
            value={draft.extraPatterns}
            onChange={(event) => change({ extraPatterns: event.target.value })}
            aria-describedby="gw-patterns-help"
            data-testid="redaction-patterns"
          />
        </Field>
        <Field id="gw-denied" label="Field denylist (one field API name per line)" help="Like SSN__c or Contact.Birthdate: these fields are never sent to the model.">
          <textarea
            id="gw-denied"
            className="slds-textarea"
            rows={3}
            value={draft.deniedFields}
            onChange={(event) => change({ deniedFields: event.target.value })}
            aria-describedby="gw-denied-help"
            data-testid="denied-fields"
          />
        </Field>
        <OrgRedaction patterns={effective.orgRedaction.extraPatterns} fields={effective.orgRedaction.deniedFields} />
      </Section>

      <Section title="Checks on generated text" id="gw-section-checks">
        <Field id="gw-prohibited" label="Prohibited phrases (one per line)" help="A summary, brief or draft that uses one of these (in any letter case) is marked as failing its checks, with Regenerate.">
          <textarea
            id="gw-prohibited"
            className="slds-textarea"
            rows={3}
            value={phrases}
            onChange={(event) => setPhrases(event.target.value)}
            aria-describedby="gw-prohibited-help"
            data-testid="prohibited-phrases"
          />
        </Field>
      </Section>

      <Section title="Budgets and audit" id="gw-section-budgets">
        <NumberField id="gw-budget-daily" label="Daily budget (USD, empty for none)" value={draft.dailyUsd} forced={effective.settings.budgets.dailyUsd} locked={locked('budgets.dailyUsd')} onChange={(dailyUsd) => change({ dailyUsd })} testId="budget-daily" />
        <NumberField id="gw-budget-monthly" label="Monthly budget (USD, empty for none)" value={draft.monthlyUsd} forced={effective.settings.budgets.monthlyUsd} locked={locked('budgets.monthlyUsd')} onChange={(monthlyUsd) => change({ monthlyUsd })} testId="budget-monthly" />
        <NumberField id="gw-budget-rpm" label="Model requests per minute (empty for no limit)" value={draft.requestsPerMinute} forced={effective.settings.budgets.requestsPerMinute} locked={locked('budgets.requestsPerMinute')} onChange={(requestsPerMinute) => change({ requestsPerMinute })} testId="budget-rpm" />
        <NumberField id="gw-retention" label="Keep audit entries for (days)" value={draft.auditRetentionDays} forced={effective.settings.auditRetentionDays} locked={locked('auditRetentionDays')} onChange={(auditRetentionDays) => change({ auditRetentionDays })} testId="retention-days" />
        <div className="slds-form-element slds-m-bottom_small">
          <div className="slds-checkbox">
            <input
              id="gw-morning-prep"
              type="checkbox"
              checked={locked('morningPrep') ? effective.settings.morningPrep : draft.morningPrep}
              disabled={locked('morningPrep')}
              onChange={(event) => change({ morningPrep: event.target.checked })}
              aria-describedby="gw-morning-prep-help"
              data-testid="morning-prep"
            />
            <label className="slds-checkbox__label" htmlFor="gw-morning-prep">
              <span className="slds-checkbox_faux" />
              <span className="slds-form-element__label">Morning prep</span>
            </label>
          </div>
          <div id="gw-morning-prep-help" className="slds-form-element__help">
            {locked('morningPrep') ? 'Set by your organization. ' : ''}Prepares briefs for the day's meetings in the background. Off by default: it
            spends without a click, and it stops first when spending nears a budget.
          </div>
        </div>
      </Section>

      <PriceTableSection rows={pricesLocked ? priceRowsFrom(effective.settings.prices) : priceRows} onChange={setPriceRows} locked={pricesLocked} />

      <SalesforceSignInSection
        local={stores.local}
        clientId={locked('salesforceClientId') ? effective.settings.salesforceClientId : draft.salesforceClientId}
        locked={locked('salesforceClientId')}
        onClientIdChange={(salesforceClientId) => change({ salesforceClientId })}
      />

      <div className="slds-m-bottom_medium">
        <button className="slds-button slds-button_brand" type="submit" data-testid="save-settings">
          Save
        </button>
        {status && (
          <p role={status.tone === 'error' ? 'alert' : 'status'} className="slds-m-top_small" data-testid="settings-status" data-tone={status.tone}>
            {status.text}
          </p>
        )}
      </div>

      <OrgsSection local={stores.local} allowedOrgIds={effective.allowedOrgIds} />
    </form>
  );
}

const phraseLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function NumberField(props: { id: string; label: string; value: string; forced: number | null; locked: boolean; onChange(value: string): void; testId: string }) {
  const { id, label, value, forced, locked, onChange, testId } = props;
  return (
    <Field id={id} label={label} locked={locked}>
      <input
        id={id}
        className="slds-input"
        type="number"
        inputMode="decimal"
        min="0"
        step="any"
        value={locked ? (forced === null ? '' : String(forced)) : value}
        disabled={locked}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, false, locked)}
        data-testid={testId}
      />
    </Field>
  );
}

function OrgRedaction({ patterns, fields }: { patterns: readonly string[]; fields: readonly string[] }) {
  if (patterns.length === 0 && fields.length === 0) return null;
  return (
    <div className="slds-box slds-box_x-small" data-testid="org-redaction">
      <p className="slds-text-title_caps">Set by your organization (always applied)</p>
      <ul className="slds-list_dotted">
        {patterns.map((pattern) => (
          <li key={`p:${pattern}`}>
            Pattern <code>{pattern}</code>
          </li>
        ))}
        {fields.map((field) => (
          <li key={`f:${field}`}>
            Field <code>{field}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
