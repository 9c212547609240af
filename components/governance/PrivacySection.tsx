import type { SettingsForm } from './use-settings-draft';
import { describedBy, Field, LinesField, Section } from './fields';
import { t } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';

/** What never leaves the browser (patterns, denied fields, the organization's own), and how long the audit is kept. */
export function PrivacySection({ form }: { form: SettingsForm }) {
  const { draft, change, locked } = form;
  const { effective } = form.loaded;
  return (
    <>
      <Section title={t('privacy_redaction')} id="gw-section-redaction">
        <LinesField
          id="gw-patterns"
          label={t('privacy_patterns')}
          help={t('privacy_patternsHelp')}
          value={draft.extraPatterns}
          onChange={(extraPatterns) => change({ extraPatterns })}
          testId="redaction-patterns"
        />
        <LinesField
          id="gw-denied"
          label={t('privacy_denied')}
          help={t('privacy_deniedHelp')}
          value={draft.deniedFields}
          onChange={(deniedFields) => change({ deniedFields })}
          testId="denied-fields"
        />
        <OrgRedaction patterns={effective.orgRedaction.extraPatterns} fields={effective.orgRedaction.deniedFields} />
      </Section>

      <Section title={t('privacy_retention')} id="gw-section-retention">
        <Field id="gw-retention" label={t('privacy_retentionDays')} locked={locked('auditRetentionDays')}>
          <input
            id="gw-retention"
            className="slds-input gw-input_number"
            type="number"
            inputMode="decimal"
            min="0"
            step="any"
            value={locked('auditRetentionDays') ? String(effective.settings.auditRetentionDays) : draft.auditRetentionDays}
            disabled={locked('auditRetentionDays')}
            onChange={(event) => change({ auditRetentionDays: event.target.value })}
            aria-describedby={describedBy('gw-retention', false, locked('auditRetentionDays'))}
            data-testid="retention-days"
          />
        </Field>
      </Section>
    </>
  );
}

function OrgRedaction({ patterns, fields }: { patterns: readonly string[]; fields: readonly string[] }) {
  if (patterns.length === 0 && fields.length === 0) return null;
  return (
    <div className="slds-box slds-box_x-small" data-testid="org-redaction">
      <p className="slds-text-title_caps">{t('privacy_orgSet')}</p>
      <ul className="slds-list_dotted">
        {patterns.map((pattern) => (
          <li key={`p:${pattern}`}>
            <RichMessage text={t('privacy_pattern')} parts={{ pattern: <code>{pattern}</code> }} />
          </li>
        ))}
        {fields.map((field) => (
          <li key={`f:${field}`}>
            <RichMessage text={t('privacy_field')} parts={{ field: <code>{field}</code> }} />
          </li>
        ))}
      </ul>
    </div>
  );
}
