import { FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { FEATURES } from '../../lib/settings';
import type { SettingsForm } from './use-settings-draft';
import { LinesField, Section } from './fields';
import { t } from '../../lib/i18n';

/** Which features the panel offers, morning prep, and the phrases generated text must not use. */
export function FeaturesSection({ form }: { form: SettingsForm }) {
  const { draft, change, locked } = form;
  const { effective } = form.loaded;
  return (
    <>
      <Section title={t('options_sectionFeatures')} id="gw-section-features">
        <fieldset className="slds-form-element">
          <legend className="slds-assistive-text">{t('features_onOff')}</legend>
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
                    <span className="slds-form-element__label">{t(FEATURE_LABELS[feature])}</span>
                  </label>
                  {isForced && (
                    <span id={`${id}-locked`} className="slds-text-body_small slds-m-left_small" data-testid="locked-note">
                      {hidden ? t('features_removed') : t('options_locked')}
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </fieldset>
      </Section>

      <Section title={t('features_morningPrep')} id="gw-section-morning-prep">
        <div className="slds-form-element">
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
              <span className="slds-form-element__label">{t('features_morningPrepLabel')}</span>
            </label>
          </div>
          <div id="gw-morning-prep-help" className="slds-form-element__help">
            {locked('morningPrep') ? `${t('options_locked')}. ` : ''}
            {t('features_morningPrepHelp')}
          </div>
        </div>
      </Section>

      <Section title={t('features_checks')} id="gw-section-checks">
        <LinesField
          id="gw-prohibited"
          label={t('features_prohibited')}
          help={t('features_prohibitedHelp')}
          value={form.phrases}
          onChange={form.setPhrases}
          testId="prohibited-phrases"
        />
      </Section>
    </>
  );
}
