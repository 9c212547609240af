import { AUDIT_FEATURES, OUTCOMES, type AuditFilters } from '../../audit';

/** The audit viewer's filter form: dates as the date inputs give them (YYYY-MM-DD, the rep's own days). */
export interface FilterForm {
  from: string;
  to: string;
  feature: string;
  orgId: string;
  recordId: string;
  outcome: string;
}

export const EMPTY_FILTERS: FilterForm = { from: '', to: '', feature: '', orgId: '', recordId: '', outcome: '' };

/** Local midnight of a YYYY-MM-DD day, plus `days`. */
function localMidnight(day: string, days = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return undefined;
  return new Date(year, month - 1, date + days).toISOString();
}

/** The query for a filter form: "to" includes its whole day; empty fields filter nothing. */
export function filtersFromForm(form: FilterForm): AuditFilters {
  const feature = AUDIT_FEATURES.find((known) => known === form.feature);
  const outcome = OUTCOMES.find((known) => known === form.outcome);
  const from = form.from ? localMidnight(form.from) : undefined;
  const to = form.to ? localMidnight(form.to, 1) : undefined;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(feature ? { features: [feature] } : {}),
    ...(form.orgId.trim() ? { orgId: form.orgId.trim() } : {}),
    ...(form.recordId.trim() ? { recordId: form.recordId.trim() } : {}),
    ...(outcome ? { outcomes: [outcome] } : {}),
  };
}
