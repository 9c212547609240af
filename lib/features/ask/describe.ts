/**
 * What the validator reads of describe. Beyond the context fetch's view (lib/salesforce/context/api.ts) it needs
 * picklist values and whether a field can be grouped or aggregated; those must survive the OrgClient's parse of
 * describe for Ask to see them (see the report: DescribeField gains them as optional keys).
 */
import { z } from 'zod';
import { DescribeField, ObjectDescribe } from '../../salesforce/context/api';

export const PicklistEntry = z.object({
  value: z.string(),
  label: z.string().nullish(),
  active: z.boolean().default(true),
});
export type PicklistEntry = z.infer<typeof PicklistEntry>;

export const AskField = DescribeField.extend({
  picklistValues: z.array(PicklistEntry).nullish(),
  groupable: z.boolean().optional(),
  aggregatable: z.boolean().optional(),
});
export type AskField = z.infer<typeof AskField>;

export const AskObjectDescribe = ObjectDescribe.extend({ fields: z.array(AskField) });
export type AskObjectDescribe = z.infer<typeof AskObjectDescribe>;

/** Describes by object name (any case); null for an object the rep cannot see, undefined when never asked. */
export interface AskDescribes {
  get(objectName: string): AskObjectDescribe | null | undefined;
}

/** Whatever hands out describes: OrgClient.describeAll, or a test's fake. */
export interface DescribeSource {
  describeAll(objectNames: readonly string[]): Promise<{ get(objectName: string): unknown }>;
}
