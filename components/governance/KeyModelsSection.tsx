import { MODEL_USE_CASE_LABELS } from '../../lib/features/governance/use-cases';
import { MODEL_USE_CASES } from '../../lib/settings';
import type { OptionsStores } from './use-settings';
import type { SettingsForm } from './use-settings-draft';
import { describedBy, Field, Section } from './fields';
import { KeyTest } from './KeyTest';
import { useLiveModels } from './use-live-models';
import { t } from '../../lib/i18n';

/** The Anthropic key (tested as typed), the company gateway, and the model each use case runs on. */
export function KeyModelsSection({ form, stores }: { form: SettingsForm; stores: OptionsStores }) {
  const { draft, change, locked } = form;
  const { effective } = form.loaded;
  const keyLocked = locked('anthropicApiKey');
  const models = useLiveModels(effective.settings.anthropicApiKey, effective.settings.baseUrl, effective.allowedModels);
  return (
    <>
      <Section title={t('key_anthropic')} id="gw-section-anthropic">
        <Field id="gw-api-key" label={t('key_label')} help={t('key_help')} locked={keyLocked}>
          <input
            id="gw-api-key"
            className="slds-input"
            type="password"
            autoComplete="off"
            value={keyLocked ? '' : draft.apiKey}
            placeholder={keyLocked ? (effective.settings.anthropicApiKey ? t('key_orgKey') : t('key_orgAccess')) : ''}
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
        <Field id="gw-base-url" label={t('key_gateway')} help={t('key_gatewayHelp')} locked={locked('baseUrl')}>
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

      <Section title={t('key_models')} id="gw-section-models">
        <p className="slds-m-bottom_small slds-text-body_small" data-testid="models-source">
          {models.live ? t('key_modelsLive') : t('key_modelsUsual')}
        </p>
        <div className="gw-field-grid">
          {MODEL_USE_CASES.map((useCase) => {
            const id = `gw-model-${useCase}`;
            const isForced = locked(`models.${useCase}`);
            const value = isForced ? effective.settings.models[useCase] : draft.models[useCase];
            const options = models.models.some((model) => model.id === value) ? models.models : [{ id: value, displayName: value }, ...models.models];
            return (
              <Field key={useCase} id={id} label={t(MODEL_USE_CASE_LABELS[useCase])} locked={isForced}>
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
        </div>
      </Section>
    </>
  );
}
