/**
 * What writes read of describe (`/sobjects/X/describe`, as the rep sees it): per field whether it can be created or
 * updated, whether it may be empty, its length, precision, picklist values. lib/salesforce/context/api.ts reads only
 * what the context fetch needs; this schema is a superset of it for the same JSON.
 */
import { z } from 'zod/mini';

export const PicklistEntry = z.object({
  value: z.string(),
  label: z.nullish(z.string()),
  active: z._default(z.boolean(), true),
  defaultValue: z._default(z.boolean(), false),
});
export type PicklistEntry = z.infer<typeof PicklistEntry>;

export const WriteField = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  length: z._default(z.number(), 0),
  precision: z._default(z.number(), 0),
  scale: z._default(z.number(), 0),
  createable: z._default(z.boolean(), false),
  updateable: z._default(z.boolean(), false),
  nillable: z._default(z.boolean(), true),
  defaultedOnCreate: z._default(z.boolean(), false),
  calculated: z._default(z.boolean(), false),
  filterable: z._default(z.boolean(), true),
  picklistValues: z.nullish(z.array(PicklistEntry)),
  restrictedPicklist: z._default(z.boolean(), false),
  referenceTo: z.nullish(z.array(z.string())),
});
export type WriteField = z.infer<typeof WriteField>;

export const WriteObjectDescribe = z.object({
  name: z.string(),
  label: z.string(),
  labelPlural: z._default(z.string(), ''),
  keyPrefix: z.nullish(z.string()),
  createable: z._default(z.boolean(), false),
  updateable: z._default(z.boolean(), false),
  fields: z.array(WriteField),
});
export type WriteObjectDescribe = z.infer<typeof WriteObjectDescribe>;

/** Describes by object name (any case); undefined for an object the rep cannot see. */
export interface WriteDescribes {
  get(objectName: string): WriteObjectDescribe | undefined;
}

/** Describes from raw describe JSON (as `/sobjects/X/describe` returns it), keyed case-insensitively. */
export function writeDescribes(raw: readonly unknown[]): WriteDescribes {
  const byName = new Map<string, WriteObjectDescribe>();
  for (const entry of raw) {
    const parsed = WriteObjectDescribe.parse(entry);
    byName.set(parsed.name.toLowerCase(), parsed);
  }
  return { get: (name) => byName.get(name.toLowerCase()) };
}

/**
 * The write view of these objects' describes, from the org client's describe cache (shared by every feature: an
 * object's describe is fetched once); objects the rep cannot see are left out.
 */
export async function loadWriteDescribes(
  source: { describeAll(objectNames: readonly string[]): Promise<{ get(objectName: string): unknown }> },
  objectNames: readonly string[],
): Promise<WriteDescribes> {
  const found = await source.describeAll(objectNames);
  return writeDescribes(objectNames.flatMap((name) => found.get(name) ?? []));
}

export function fieldOf(describe: WriteObjectDescribe, name: string): WriteField | undefined {
  const key = name.toLowerCase();
  return describe.fields.find((field) => field.name.toLowerCase() === key);
}
