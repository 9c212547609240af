import { priceRowsFrom } from '../../lib/features/governance/price-draft';
import type { SettingsForm } from './use-settings-draft';
import { describedBy, Field, Section } from './fields';
import { PriceTableSection } from './PriceTableSection';
import { t } from '../../lib/i18n';

/** Spending caps and the price table the usage view and budgets count with. */
export function BudgetsSection({ form }: { form: SettingsForm }) {
  const { draft, change, locked } = form;
  const { settings } = form.loaded.effective;
  const pricesLocked = locked('prices');
  return (
    <>
      <Section title={t('budgets_title')} id="gw-section-budgets">
        <div className="gw-field-grid">
          <NumberField id="gw-budget-daily" label={t('budgets_daily')} value={draft.dailyUsd} forced={settings.budgets.dailyUsd} locked={locked('budgets.dailyUsd')} onChange={(dailyUsd) => change({ dailyUsd })} testId="budget-daily" />
          <NumberField id="gw-budget-monthly" label={t('budgets_monthly')} value={draft.monthlyUsd} forced={settings.budgets.monthlyUsd} locked={locked('budgets.monthlyUsd')} onChange={(monthlyUsd) => change({ monthlyUsd })} testId="budget-monthly" />
          <NumberField id="gw-budget-rpm" label={t('budgets_rpm')} value={draft.requestsPerMinute} forced={settings.budgets.requestsPerMinute} locked={locked('budgets.requestsPerMinute')} onChange={(requestsPerMinute) => change({ requestsPerMinute })} testId="budget-rpm" />
        </div>
      </Section>
      <PriceTableSection rows={pricesLocked ? priceRowsFrom(settings.prices) : form.priceRows} onChange={form.setPriceRows} locked={pricesLocked} />
    </>
  );
}

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
