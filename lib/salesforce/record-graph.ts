import { z } from 'zod';

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
  objectLabel: z.string(),
  related: z.array(RelatedList),
  /** Object API name → field path → label and type, from describe (only fields the rep can read appear). */
  fieldMeta: z.record(z.string(), z.record(z.string(), FieldMeta)),
  /** ISO time the graph was read. */
  fetchedAt: z.string(),
});
export type RecordGraph = z.infer<typeof RecordGraph>;
