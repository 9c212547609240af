import type { FieldValue, RecordGraph } from '../../salesforce/record-graph';
import { formatDate, plural, t } from '../../i18n';
import type { Finding } from './messages';

/** Days without an activity, or in one stage, after which a deal needs attention. */
export const QUIET_DAYS = 21;
export const STALLED_STAGE_DAYS = 30;

const DAY_MS = 86_400_000;

function dayOf(value: FieldValue | undefined): number | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? null : Math.floor(time / DAY_MS);
}

function listSize(graph: RecordGraph, key: string): number | null {
  const list = graph.related.find((candidate) => candidate.key === key);
  return list ? list.totalSize : null;
}

/** The newest activity date among the related tasks and events (and LastActivityDate). */
function lastActivityDay(graph: RecordGraph, today: number): number | null {
  const days = [dayOf(graph.root.fields.LastActivityDate)];
  for (const list of graph.related.filter((candidate) => candidate.key === 'tasks' || candidate.key === 'events')) {
    for (const record of list.records) days.push(dayOf(record.fields.ActivityDate ?? record.fields.ActivityDateTime));
  }
  const past = days.filter((day): day is number => day !== null && day <= today);
  return past.length ? Math.max(...past) : null;
}

/** When the opportunity entered its current stage: the newest StageName change in its field history. */
function stageSinceDay(graph: RecordGraph): number | null {
  const history = graph.related.find((list) => list.key === 'history');
  const changes = (history?.records ?? [])
    .filter((row) => row.fields.Field === 'StageName')
    .map((row) => dayOf(row.fields.CreatedDate))
    .filter((day): day is number => day !== null);
  return changes.length ? Math.max(...changes) : null;
}

/** What a check found: its kind and the facts it states (the stage, the close date, a number of days). */
export interface DealCheck {
  severity: Finding['severity'];
  kind: 'closed' | 'noNextStep' | 'noAmount' | 'noCloseDate' | 'closeDatePast' | 'noContactRoles' | 'noActivity' | 'quiet' | 'stalledStage';
  stage?: string;
  date?: string;
  days?: number;
}

/**
 * Deterministic checks of an open opportunity, run before any model call: what is missing or late is stated as fact,
 * and the model's recommendations can rest on it.
 */
export function dealChecks(graph: RecordGraph, now: Date): DealCheck[] {
  if (graph.root.objectName !== 'Opportunity') return [];
  const fields = graph.root.fields;
  const stage = String(fields.StageName);
  if (fields.IsClosed === true) return [{ severity: 'info', kind: 'closed', stage }];
  const today = Math.floor(now.getTime() / DAY_MS);
  const checks: DealCheck[] = [];
  const warn = (check: Omit<DealCheck, 'severity'>): void => void checks.push({ severity: 'warning', ...check });

  if (!fields.NextStep) warn({ kind: 'noNextStep' });
  if (fields.Amount === null || fields.Amount === undefined) warn({ kind: 'noAmount' });
  const closeDay = dayOf(fields.CloseDate);
  if (closeDay === null) warn({ kind: 'noCloseDate' });
  else if (closeDay < today) warn({ kind: 'closeDatePast', date: String(fields.CloseDate), days: today - closeDay });
  if (listSize(graph, 'contactRoles') === 0) warn({ kind: 'noContactRoles' });
  const lastActivity = lastActivityDay(graph, today);
  if (lastActivity === null) warn({ kind: 'noActivity' });
  else if (today - lastActivity > QUIET_DAYS) warn({ kind: 'quiet', days: today - lastActivity });
  const stageSince = stageSinceDay(graph);
  if (stageSince !== null && today - stageSince > STALLED_STAGE_DAYS) warn({ kind: 'stalledStage', stage, days: today - stageSince });
  return checks;
}

/** A check as the insights prompt states it: in English, like the rest of the prompt, whatever the panel's language. */
export function checkForPrompt({ kind, stage, date, days }: DealCheck): string {
  switch (kind) {
    case 'closed':
      return `This opportunity is closed (${stage}).`;
    case 'noNextStep':
      return 'No next step is recorded.';
    case 'noAmount':
      return 'No amount is recorded.';
    case 'noCloseDate':
      return 'No close date is recorded.';
    case 'closeDatePast':
      return `The close date ${date} is ${days} days in the past.`;
    case 'noContactRoles':
      return 'No contact roles: nobody on the buying side is linked to this deal.';
    case 'noActivity':
      return 'No activity is logged on this deal.';
    case 'quiet':
      return `No activity in the last ${days} days.`;
    case 'stalledStage':
      return `In stage ${stage} for ${days} days.`;
  }
}

/** A check as the panel shows it beside the insights, in the rep's language. */
export function checkShown({ severity, kind, stage = '', date = '', days = 0 }: DealCheck): Finding {
  const shownDate = date ? formatDate(`${date.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '';
  const text = (() => {
    switch (kind) {
      case 'closed':
        return t('dealCheck_closed', { stage });
      case 'noNextStep':
        return t('dealCheck_noNextStep');
      case 'noAmount':
        return t('dealCheck_noAmount');
      case 'noCloseDate':
        return t('dealCheck_noCloseDate');
      case 'closeDatePast':
        return plural('dealCheck_closeDatePast', days, { date: shownDate });
      case 'noContactRoles':
        return t('dealCheck_noContactRoles');
      case 'noActivity':
        return t('dealCheck_noActivity');
      case 'quiet':
        return plural('dealCheck_quiet', days);
      case 'stalledStage':
        return plural('dealCheck_stalledStage', days, { stage });
    }
  })();
  return { severity, text };
}
