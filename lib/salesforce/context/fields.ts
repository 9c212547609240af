/** Which fields a context query selects (only what describe shows the rep), and how rows become flat records. */
import { FieldValue, type FieldMeta } from '../record-graph';
import type { DescribeField, Describes, ObjectDescribe } from './api';

export interface SelectedField {
  /** `Name`, or `Owner.Name` for a parent's name. */
  path: string;
  meta: FieldMeta;
}

export type Selection = 'root' | 'list';

/** Compound and binary fields come back as objects or blobs, not as one value a prompt can cite. */
const UNSELECTABLE_TYPES = new Set(['address', 'location', 'base64', 'complexvalue']);
/** Bookkeeping that adds nothing to a related list's rows (the root keeps it: "last changed by" can matter). */
const LIST_SYSTEM_FIELDS = new Set(['IsDeleted', 'SystemModstamp', 'CreatedById', 'LastModifiedById']);
const LIST_SYSTEM_PARENTS = new Set(['CreatedBy', 'LastModifiedBy']);
/**
 * Orgs with hundreds of custom fields would make a query too long for a subrequest URL; past these bounds the
 * fields later in describe order are left out (Id and the name field always stay).
 */
const MAX_FIELDS: Record<Selection, number> = { root: 200, list: 60 };

/**
 * The name field of a lookup's target. A polymorphic lookup (Task.What) goes through the Name entity, which always
 * has Name; otherwise the target's describe says, and without one (an object the rep cannot read, or one not
 * described) the parent's name is left out rather than risk failing the whole query.
 */
function parentNameField(field: DescribeField, describes: Describes): string | null {
  const targets = field.referenceTo ?? [];
  const [target] = targets;
  if (!field.relationshipName || target === undefined) return null;
  if (targets.length > 1 || target === 'User') return 'Name';
  return describes.get(target)?.fields.find((candidate) => candidate.nameField)?.name ?? null;
}

/** `Owner ID` → `Owner`, `Related To ID` → `Related To`; a custom lookup's label has no suffix to drop. */
function parentLabel(field: DescribeField): string {
  return field.label.replace(/\s+ID$/i, '') || field.label;
}

function ownFields(describe: ObjectDescribe, selection: Selection): DescribeField[] {
  const selectable = describe.fields.filter(
    (field) => !UNSELECTABLE_TYPES.has(field.type) && (selection === 'root' || !LIST_SYSTEM_FIELDS.has(field.name)),
  );
  const first = (field: DescribeField): number => (field.name === 'Id' ? 0 : field.nameField ? 1 : 2);
  return selectable.map((field, index) => ({ field, index })).sort((a, b) => first(a.field) - first(b.field) || a.index - b.index).map(({ field }) => field);
}

function parentNames(describe: ObjectDescribe, describes: Describes, selection: Selection): SelectedField[] {
  return describe.fields.flatMap((field): SelectedField[] => {
    const nameField = parentNameField(field, describes);
    if (!nameField || !field.relationshipName) return [];
    if (selection === 'list' && LIST_SYSTEM_PARENTS.has(field.relationshipName)) return [];
    return [{ path: `${field.relationshipName}.${nameField}`, meta: { label: parentLabel(field), type: 'string' } }];
  });
}

/** What to select from an object: its readable fields, then its parents' names. */
export function selectFields(describe: ObjectDescribe, describes: Describes, selection: Selection): SelectedField[] {
  const parents = parentNames(describe, describes, selection).slice(0, MAX_FIELDS[selection] / 4);
  const own = ownFields(describe, selection)
    .slice(0, MAX_FIELDS[selection] - parents.length)
    .map((field): SelectedField => ({ path: field.name, meta: { label: field.label, type: field.type } }));
  return [...own, ...parents];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A row's value at a dotted path; null when a parent on the way is empty. Nested `attributes` are never reached. */
function valueAt(row: Record<string, unknown>, path: string): unknown {
  let current: unknown = row;
  for (const segment of path.split('.')) {
    if (!isObject(current)) return null;
    current = current[segment];
  }
  return current ?? null;
}

/** The selected paths of a query row, flat (`Owner.Name`); a value that is not a plain scalar is left out. */
export function flattenRow(row: Record<string, unknown>, paths: readonly string[]): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const path of paths) {
    const value = FieldValue.safeParse(valueAt(row, path));
    if (value.success) fields[path] = value.data;
  }
  return fields;
}
