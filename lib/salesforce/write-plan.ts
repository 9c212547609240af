/**
 * What a guarded write is given and what it gives back, in Salesforce's own terms: a plan of records to create and
 * update (whoever made it: a reviewed proposal, a logged email), and what was committed, so undo can put it back.
 */
import { z } from 'zod/mini';

export type WriteValue = string | number | boolean | null;

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A field of a planned write: the value to write and, for an update, the value it replaces (undo puts it back). */
export interface PlannedField {
  field: string;
  value: WriteValue;
  before?: WriteValue;
}

/** A lookup of a created record: an existing record, or one another item of the same plan creates. */
export type PlannedLink = { kind: 'record'; id: string } | { kind: 'item'; itemId: string };

export interface PlannedWrite {
  /** Unique within the plan: the composite reference id, and how results name the item. */
  id: string;
  operation: 'create' | 'update';
  objectName: string;
  /** What the rep calls it: a created record's title, an updated record's name. */
  title: string;
  fields: PlannedField[];
  /** A create's lookups. */
  links: Record<string, PlannedLink>;
  /** The record an update changes, with its LastModifiedDate when its values were read (the write's guard). */
  target?: { id: string; objectName: string; lastModifiedDate: string };
  /** An update's fields to read again when the record changed meanwhile (the rep sees their new values). */
  watched: string[];
  /** An update of the record the rep has in view: at commit it must still be the record in view. */
  ofRecordInView?: boolean;
}

/** Records to write together, in write order (a record others link to comes before them), all or nothing. */
export interface WritePlan {
  items: PlannedWrite[];
  /** The record the plan was made on (the record in view when it was read), if any. */
  recordId: string | null;
}

export const Committed = z.object({
  idempotencyKey: z.string(),
  committedAt: z.string(),
  created: z.array(
    z.object({
      itemId: z.string(),
      objectName: z.string(),
      id: z.string(),
      title: z.string(),
      /** LastModifiedDate right after the commit: undo deletes only if nobody changed the record since (null: unknown). */
      lastModifiedDate: z._default(z.nullable(z.string()), null),
    }),
  ),
  updated: z.array(
    z.object({
      itemId: z.string(),
      objectName: z.string(),
      id: z.string(),
      name: z.string(),
      fields: z.array(z.object({ field: z.string(), before: Value, after: Value })),
      /** LastModifiedDate right after the commit: undo writes only if nobody changed the record since. */
      lastModifiedDate: z.nullable(z.string()),
    }),
  ),
});
export type Committed = z.infer<typeof Committed>;

/** A refusal of Salesforce's, with the fields it names. */
export interface SalesforceError {
  code: string;
  message: string;
  fields: string[];
}
