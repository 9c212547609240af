/**
 * What the validator reads of describe. Beyond the context fetch's view (lib/salesforce/context/api.ts) it needs
 * picklist values and whether a field can be grouped or aggregated; those must survive the OrgClient's parse of
 * describe for Ask to see them (see the report: DescribeField gains them as optional keys).
 */
import { z } from 'zod/mini';
import { DescribeField, ObjectDescribe } from '../../salesforce/context/api';

export const PicklistEntry = z.object({
  value: z.string(),
  label: z.nullish(z.string()),
  active: z._default(z.boolean(), true),
});
export type PicklistEntry = z.infer<typeof PicklistEntry>;

export const AskField = z.extend(DescribeField, {
  picklistValues: z.nullish(z.array(PicklistEntry)),
  groupable: z.optional(z.boolean()),
  aggregatable: z.optional(z.boolean()),
});
export type AskField = z.infer<typeof AskField>;

export const AskObjectDescribe = z.extend(ObjectDescribe, { fields: z.array(AskField) });
export type AskObjectDescribe = z.infer<typeof AskObjectDescribe>;

/** Describes by object name (any case); null for an object the rep cannot see, undefined when never asked. */
export interface AskDescribes {
  get(objectName: string): AskObjectDescribe | null | undefined;
}

/** Whatever hands out describes: OrgClient.describeAll, or a test's fake. */
export interface DescribeSource {
  describeAll(objectNames: readonly string[]): Promise<{ get(objectName: string): unknown }>;
}
