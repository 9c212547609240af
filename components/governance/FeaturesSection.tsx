import { FEATURE_LABELS } from '../../lib/features/governance/use-cases';
import { FEATURES } from '../../lib/settings';
import type { SettingsForm } from './use-settings-draft';
import { LinesField, Section } from './fields';

/** Which features the panel offers, morning prep, and the phrases generated text must not use. */
export function FeaturesSection({ form }: { form: SettingsForm }) {
  const { draft, change, locked } = form;
  const { effective } = form.loaded;
  return (
    <>
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

      <Section title="Morning prep" id="gw-section-morning-prep">
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
              <span className="slds-form-element__label">Prepare the day's meeting briefs</span>
            </label>
          </div>
          <div id="gw-morning-prep-help" className="slds-form-element__help">
            {locked('morningPrep') ? 'Set by your organization. ' : ''}Prepares briefs for the day's meetings in the background. Off by default: it spends
            without a click, and it stops first when spending nears a budget.
          </div>
        </div>
      </Section>

      <Section title="Checks on generated text" id="gw-section-checks">
        <LinesField
          id="gw-prohibited"
          label="Prohibited phrases (one per line)"
          help="A summary, brief or draft that uses one of these (in any letter case) is marked as failing its checks, with Regenerate."
          value={form.phrases}
          onChange={form.setPhrases}
          testId="prohibited-phrases"
        />
      </Section>
    </>
  );
}
