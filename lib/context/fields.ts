import type { FieldMeta, GraphRecord, RecordGraph } from '../salesforce/record-graph';

/** Field knowledge shared by the context builder: labels, system noise, and the denylist. */

/** System fields that tell the model nothing about the customer. Meaningful dates (created, modified) are kept. */
const NOISE_FIELDS = new Set(
  [
    'Id', 'IsDeleted', 'SystemModstamp', 'CreatedById', 'LastModifiedById', 'PhotoUrl', 'attributes', 'MasterRecordId',
    'LastViewedDate', 'LastReferencedDate', 'Jigsaw', 'JigsawCompanyId', 'JigsawContactId', 'CleanStatus',
    'ForecastCategory', 'HasOpportunityLineItem', 'IsArchived', 'IsReminderSet', 'IsUnreadByOwner', 'IsHighPriority',
    'FiscalQuarter', 'FiscalYear', 'Fiscal', 'UserType', 'CurrencyIsoCode', 'CreatedBy.Name', 'LastModifiedBy.Name',
    'EmailBouncedReason', 'EmailBouncedDate', 'SicDesc',
  ].map((name) => name.toLowerCase()),
);

/** The parts Salesforce keeps of a person's name, shown through the computed `Name` when it is there. */
const NAME_PARTS = new Set(['firstname', 'lastname', 'middlename', 'suffix', 'salutation']);

const NOISE_TYPES = new Set(['id', 'reference', 'base64', 'address', 'location']);

export function isNoise(record: GraphRecord, field: string, meta: FieldMeta | undefined): boolean {
  const lower = field.toLowerCase();
  if (NOISE_FIELDS.has(lower) || (meta && NOISE_TYPES.has(meta.type))) return true;
  if (NAME_PARTS.has(lower) && typeof record.fields['Name'] === 'string') return true;
  // A reference id that came without describe metadata: still an id.
  if (!meta && !field.includes('.') && /Id$/.test(field) && typeof record.fields[field] === 'string') return true;
  return false;
}

export function metaOf(graph: RecordGraph, objectName: string, field: string): FieldMeta | undefined {
  const fields = graph.fieldMeta[objectName];
  if (!fields) return undefined;
  const exact = fields[field];
  if (exact) return exact;
  const lower = field.toLowerCase();
  return Object.entries(fields).find(([name]) => name.toLowerCase() === lower)?.[1];
}

/** "AnnualRevenue" → "Annual Revenue", "Threat_Level__c" → "Threat Level". */
export function humanize(apiName: string): string {
  return apiName
    .replace(/__(c|r)$/i, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
}

/**
 * The describe label; for a parent's field (`Owner.Name`) the label of the lookup that reaches it without its " ID"
 * ("Owner ID" → "Owner"), since that is how the record page shows it.
 */
export function labelOf(graph: RecordGraph, objectName: string, field: string): string {
  const own = metaOf(graph, objectName, field)?.label;
  if (own && !field.includes('.')) return own;
  if (!field.includes('.')) return humanize(field);
  const relationship = field.split('.')[0] ?? field;
  const lookupName = /__r$/i.test(relationship) ? relationship.replace(/__r$/i, '__c') : `${relationship}Id`;
  const lookupLabel = metaOf(graph, objectName, lookupName)?.label;
  if (lookupLabel) return lookupLabel.replace(/ ID$/i, '');
  return own ?? humanize(relationship);
}

// ---------------------------------------------------------------------------------------------------------------
// Denylist

/** Names and labels of fields that hold government ids: matched on words, after splitting API names into words. */
const SENSITIVE_WORDS =
  /\b(ssn|social security|social insurance|national (id|identity|identification|insurance)|tax ?(id|identification|number|payer)|taxpayer|passport|driver'?s? licen[cs]e)\b/i;

export interface Denylist {
  /** Field names the rep listed: `Field` (any object) or `Object.Field`, lower-cased. */
  readonly extra: ReadonlySet<string>;
}

export function toDenylist(deniedFields: readonly string[] = []): Denylist {
  return { extra: new Set(deniedFields.map((name) => name.trim().toLowerCase()).filter(Boolean)) };
}

export function isDenied(
  denylist: Denylist,
  objectName: string,
  field: string,
  meta: FieldMeta | undefined,
  label: string,
): boolean {
  if (meta?.type === 'encryptedstring') return true;
  const lowerField = field.toLowerCase();
  if (denylist.extra.has(lowerField) || denylist.extra.has(`${objectName.toLowerCase()}.${lowerField}`)) return true;
  const ownName = field.split('.').pop() ?? field;
  return SENSITIVE_WORDS.test(humanize(ownName)) || SENSITIVE_WORDS.test(label);
}
