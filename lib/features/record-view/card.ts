import { formatValue, todayIn, type FormatSettings } from '../../context';
import type { RecordCard } from './messages';
import { NAME_FIELDS, type FieldMeta, type FieldValue, type RecordGraph } from '../../salesforce/record-graph';
import type { Change, Snapshot } from './snapshots';
import { listTitle } from './list-titles';
import { formatDate, t, uiLocale } from '../../i18n';

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

/** The card is for the rep's eyes: money and numbers in the browser's UI language (the prompt context keeps its own). */
export function formatSettings(now = new Date()): FormatSettings {
  return { locale: uiLocale(), currency: 'USD', timeZone: 'UTC', today: todayIn(now, 'UTC') };
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A field's value as the rep reads it: a date field in their language's form ("Dec 24, 2026", "24.12.2026"). The
 * prompt context keeps ISO dates (lib/context), which the model reads and cites best.
 */
function cardValue(value: FieldValue, field: string, meta: FieldMeta | undefined, settings: FormatSettings): string | null {
  const isDate = meta ? meta.type === 'date' : typeof value === 'string' && CALENDAR_DATE.test(value);
  if (isDate && typeof value === 'string' && CALENDAR_DATE.test(value)) return formatDate(`${value}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  return formatValue(value, field, meta, settings);
}

export function displayValue(value: FieldValue, field: string, meta: FieldMeta | undefined, settings: FormatSettings): string {
  if (typeof value === 'boolean') return value ? t('common_yes') : t('common_no');
  return cardValue(value, field, meta, settings) ?? t('review_empty');
}

function keyFieldNames(graph: RecordGraph): string[] {
  const preferred = KEY_FIELDS[graph.root.objectName];
  if (preferred) return preferred;
  return Object.keys(graph.root.fields)
    .filter((field) => !NAME_FIELDS.includes(field) && !NOT_KEY.test(field) && graph.root.fields[field] !== null)
    .slice(0, GENERIC_KEY_FIELD_COUNT);
}

const text = (value: FieldValue | undefined): string | null => (typeof value === 'string' && value ? value : null);

/** Who an email about this record can go to. */
function peopleOf(graph: RecordGraph): RecordCard['people'] {
  const { root } = graph;
  if (root.objectName === 'Contact' || root.objectName === 'Lead') {
    return [{ id: root.id, name: graph.rootName, email: text(root.fields.Email), title: text(root.fields.Title) }];
  }
  const people: RecordCard['people'] = [];
  for (const list of graph.related) {
    for (const record of list.records) {
      if (list.key === 'contacts') {
        const name = text(record.fields.Name);
        if (name) people.push({ id: record.id, name, email: text(record.fields.Email), title: text(record.fields.Title) });
      } else if (list.key === 'contactRoles') {
        const name = text(record.fields['Contact.Name']);
        const id = text(record.fields.ContactId);
        if (name && id) people.push({ id, name, email: null, title: text(record.fields.Role) });
      }
    }
  }
  return people.filter((person, index) => people.findIndex((other) => other.id === person.id) === index);
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
    const text = cardValue(value, field, meta[field], settings);
    return text ? [{ label: meta[field]?.label ?? field, value: text }] : [];
  });
  return {
    recordId: graph.root.id,
    objectName: graph.root.objectName,
    objectLabel: graph.objectLabel,
    name: graph.rootName,
    keyFields,
    counts: graph.related.map((list) => ({ label: listTitle(list), count: list.totalSize })),
    people: peopleOf(graph),
    changes,
    lastVisit: previous?.takenAt ?? null,
    fetchedAt: graph.fetchedAt,
  };
}

/** Changes since the last visit in words, as the summary prompt receives them (English, like the prompt; the panel's are changeShown). */
export function changeLines(changes: RecordCard['changes']): string[] {
  return (changes ?? []).map((change) => {
    if (change.kind === 'field') return `${change.label}: ${change.before} → ${change.after}`;
    const name = change.name || (change.count === 1 ? '1 record' : `${change.count} records`);
    return `New in ${change.list}: ${name}`;
  });
}
