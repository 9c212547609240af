import type { FieldValue, RecordGraph } from '../../salesforce/record-graph';
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

/**
 * Deterministic checks of an open opportunity, run before any model call: what is missing or late is stated as fact,
 * and the model's recommendations can rest on it.
 */
export function dealFindings(graph: RecordGraph, now: Date): Finding[] {
  if (graph.root.objectName !== 'Opportunity') return [];
  const fields = graph.root.fields;
  if (fields.IsClosed === true) return [{ severity: 'info', text: `This opportunity is closed (${String(fields.StageName)}).` }];
  const today = Math.floor(now.getTime() / DAY_MS);
  const findings: Finding[] = [];
  const warn = (text: string): void => void findings.push({ severity: 'warning', text });

  if (!fields.NextStep) warn('No next step is recorded.');
  if (fields.Amount === null || fields.Amount === undefined) warn('No amount is recorded.');
  const closeDay = dayOf(fields.CloseDate);
  if (closeDay === null) warn('No close date is recorded.');
  else if (closeDay < today) warn(`The close date ${String(fields.CloseDate)} is ${today - closeDay} days in the past.`);
  if (listSize(graph, 'contactRoles') === 0) warn('No contact roles: nobody on the buying side is linked to this deal.');
  const lastActivity = lastActivityDay(graph, today);
  if (lastActivity === null) warn('No activity is logged on this deal.');
  else if (today - lastActivity > QUIET_DAYS) warn(`No activity in the last ${today - lastActivity} days.`);
  const stageSince = stageSinceDay(graph);
  if (stageSince !== null && today - stageSince > STALLED_STAGE_DAYS) {
    warn(`In stage ${String(fields.StageName)} for ${today - stageSince} days.`);
  }
  return findings;
}
