import { z } from 'zod/mini';

export const PicklistEntry = z.object({
  value: z.string(),
  label: z.nullish(z.string()),
  active: z.boolean(),
  defaultValue: z.optional(z.boolean()),
});

/**
 * What Groundwork reads of a field's describe: names, labels, types and lookups for context; picklists, grouping and
 * write rules (lengths, createable, updateable, required) for Ask and for proposals the rep confirms.
 */
export const DescribeField = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  nameField: z.optional(z.boolean()),
  referenceTo: z.nullish(z.array(z.string())),
  relationshipName: z.nullish(z.string()),
  filterable: z.optional(z.boolean()),
  sortable: z.optional(z.boolean()),
  groupable: z.optional(z.boolean()),
  aggregatable: z.optional(z.boolean()),
  picklistValues: z.nullish(z.array(PicklistEntry)),
  restrictedPicklist: z.optional(z.boolean()),
  length: z.optional(z.number()),
  precision: z.optional(z.number()),
  scale: z.optional(z.number()),
  createable: z.optional(z.boolean()),
  updateable: z.optional(z.boolean()),
  nillable: z.optional(z.boolean()),
  defaultedOnCreate: z.optional(z.boolean()),
  calculated: z.optional(z.boolean()),
});
export type DescribeField = z.infer<typeof DescribeField>;

export const ChildRelationship = z.object({
  childSObject: z.string(),
  field: z.string(),
  relationshipName: z.nullish(z.string()),
});
export type ChildRelationship = z.infer<typeof ChildRelationship>;

/** `/sobjects/X/describe` as the rep sees it: only the fields field-level security lets them read. */
export const ObjectDescribe = z.object({
  name: z.string(),
  label: z.string(),
  labelPlural: z.string(),
  keyPrefix: z.nullish(z.string()),
  queryable: z.optional(z.boolean()),
  createable: z.optional(z.boolean()),
  updateable: z.optional(z.boolean()),
  fields: z.array(DescribeField),
  childRelationships: z._default(z.array(ChildRelationship), []),
});
export type ObjectDescribe = z.infer<typeof ObjectDescribe>;

/** Describes by object name (any case); null for an object the rep cannot see. */
export interface Describes {
  get(objectName: string): ObjectDescribe | null | undefined;
}

export interface Subrequest {
  referenceId: string;
  /** Absolute from the host: `/services/data/vXX.X/…`. Always a GET here. */
  url: string;
}

export interface Subresponse {
  referenceId: string;
  httpStatusCode: number;
  body: unknown;
}

/** Salesforce's limit on subrequests in one `/composite` request. */
export const MAX_SUBREQUESTS = 25;

/** What the context fetch needs of an org: cached describes and one composite request. */
export interface OrgApi {
  readonly apiVersion: string;
  /** The object a key prefix belongs to (global describe, cached). */
  objectForKeyPrefix(prefix: string): Promise<string>;
  /** Describes of these objects: from the cache, the missing ones fetched together in one composite request. */
  describeAll(objectNames: readonly string[]): Promise<Describes>;
  /** Forgets cached describes that proved stale (a query named a field the org no longer lets the rep read). */
  forgetDescribes(objectNames: readonly string[]): void;
  /** One `/composite` request (allOrNone false) of GET subrequests; answers by referenceId. */
  composite(subrequests: readonly Subrequest[]): Promise<Map<string, Subresponse>>;
}
