import { formatValue, todayIn, type FormatSettings } from '../context';
import type { RecordCard } from '../messaging/protocol';
import { NAME_FIELDS, type FieldMeta, type FieldValue, type RecordGraph } from '../salesforce/record-graph';
import type { Change, Snapshot } from '../snapshots';

/** The fields a rep looks at first, per object; other objects show their first few filled fields. */
const KEY_FIELDS: Record<string, string[]> = {
  Account: ['Industry', 'Type', 'AnnualRevenue', 'Phone', 'Owner.Name'],
  Opportunity: ['Account.Name', 'StageName', 'Amount', 'CloseDate', 'Owner.Name'],
  Contact: ['Title', 'Account.Name', 'Email', 'Phone', 'Owner.Name'],
  Lead: ['Company', 'Status', 'Email', 'Phone', 'Owner.Name'],
  Case: ['Subject', 'Status', 'Priority', 'Account.Name', 'Owner.Name'],
};
const GENERIC_KEY_FIELD_COUNT = 4;
const NOT_KEY = /^(Id|IsDeleted|SystemModstamp|CreatedDate|LastModifiedDate|LastViewedDate|LastReferencedDate|.*Id)$/;

export function formatSettings(now = new Date()): FormatSettings {
  return { locale: 'en-US', currency: 'USD', timeZone: 'UTC', today: todayIn(now, 'UTC') };
}

export function displayValue(value: FieldValue, field: string, meta: FieldMeta | undefined, settings: FormatSettings): string {
  if (value === false) return 'No';
  return formatValue(value, field, meta, settings) ?? '(empty)';
}

function keyFieldNames(graph: RecordGraph): string[] {
  const preferred = KEY_FIELDS[graph.root.objectName];
  if (preferred) return preferred;
  return Object.keys(graph.root.fields)
    .filter((field) => !NAME_FIELDS.includes(field) && !NOT_KEY.test(field) && graph.root.fields[field] !== null)
    .slice(0, GENERIC_KEY_FIELD_COUNT);
}

export function buildRecordCard(
  graph: RecordGraph,
  previous: Snapshot | null,
  changes: Change[] | null,
  settings: FormatSettings,
): RecordCard {
  const meta = graph.fieldMeta[graph.root.objectName] ?? {};
  const keyFields = keyFieldNames(graph).flatMap((field) => {
    const value = graph.root.fields[field];
    if (value === undefined || value === null || value === '') return [];
    const text = formatValue(value, field, meta[field], settings);
    return text ? [{ label: meta[field]?.label ?? field, value: text }] : [];
  });
  return {
    recordId: graph.root.id,
    objectName: graph.root.objectName,
    objectLabel: graph.objectLabel,
    name: graph.rootName,
    keyFields,
    counts: graph.related.map((list) => ({ label: list.label, count: list.totalSize })),
    changes,
    lastVisit: previous?.takenAt ?? null,
    fetchedAt: graph.fetchedAt,
  };
}
