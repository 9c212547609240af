import { z } from 'zod/mini';

/**
 * A record and its related context as read from the org in one request: the shape shared by the context builder,
 * the "since your last visit" snapshots and the record card. Values are the REST API's (dates `YYYY-MM-DD`, datetimes
 * ISO 8601, money as numbers); parent fields are flattened to dotted paths (`Owner.Name`, `Account.Name`).
 */

export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const FieldMeta = z.object({
  label: z.string(),
  /** The describe type: string, textarea, picklist, currency, date, datetime, email, phone, reference, encryptedstring… */
  type: z.string(),
});
export type FieldMeta = z.infer<typeof FieldMeta>;

export const GraphRecord = z.object({
  objectName: z.string(),
  id: z.string(),
  fields: z.record(z.string(), FieldValue),
});
export type GraphRecord = z.infer<typeof GraphRecord>;

export const RelatedList = z.object({
  /** Stable key of the list: contacts, openOpportunities, closedOpportunities, openCases, activities, notes, … */
  key: z.string(),
  /** What the rep calls it: "Contacts", "Open opportunities". */
  label: z.string(),
  objectName: z.string(),
  records: z.array(GraphRecord),
  /** How many exist, when more were left out by the list's bound. */
  totalSize: z.number(),
});
export type RelatedList = z.infer<typeof RelatedList>;

export const RecordGraph = z.object({
  root: GraphRecord,
  /** The root record's name, from its object's name field (Name, CaseNumber, Subject…). */
  rootName: z.string(),
  objectLabel: z.string(),
  related: z.array(RelatedList),
  /** Object API name → field path → label and type, from describe (only fields the rep can read appear). */
  fieldMeta: z.record(z.string(), z.record(z.string(), FieldMeta)),
  /** ISO time the graph was read. */
  fetchedAt: z.string(),
});
export type RecordGraph = z.infer<typeof RecordGraph>;

/** Fields that name a record, by object: Name for most, Subject for activities, CaseNumber for cases, Title for notes. */
export const NAME_FIELDS: readonly string[] = ['Name', 'Subject', 'CaseNumber', 'Title'];

/** The record's name as Salesforce shows it, or '' when the graph did not read one. */
export function nameOf(fields: Record<string, FieldValue>): string {
  for (const field of NAME_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value) return value;
  }
  return '';
}
