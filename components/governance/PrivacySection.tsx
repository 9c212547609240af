import type { SettingsForm } from './use-settings-draft';
import { describedBy, Field, LinesField, Section } from './fields';

/** What never leaves the browser (patterns, denied fields, the organization's own), and how long the audit is kept. */
export function PrivacySection({ form }: { form: SettingsForm }) {
  const { draft, change, locked } = form;
  const { effective } = form.loaded;
  return (
    <>
      <Section title="Redaction" id="gw-section-redaction">
        <LinesField
          id="gw-patterns"
          label="Extra redaction patterns (one regular expression per line)"
          help="Matches are replaced by placeholders before anything is sent to the model."
          value={draft.extraPatterns}
          onChange={(extraPatterns) => change({ extraPatterns })}
          testId="redaction-patterns"
        />
        <LinesField
          id="gw-denied"
          label="Field denylist (one field API name per line)"
          help="Like SSN__c or Contact.Birthdate: these fields are never sent to the model."
          value={draft.deniedFields}
          onChange={(deniedFields) => change({ deniedFields })}
          testId="denied-fields"
        />
        <OrgRedaction patterns={effective.orgRedaction.extraPatterns} fields={effective.orgRedaction.deniedFields} />
      </Section>

      <Section title="Audit retention" id="gw-section-retention">
        <Field id="gw-retention" label="Keep audit entries for (days)" locked={locked('auditRetentionDays')}>
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
