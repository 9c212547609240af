/** Builders for field definitions as describe reports them, shared by the standard objects and the setup objects. */
import type { FieldDef, FieldType, PicklistValue } from './model';

// Field builders

export type FieldOptions = Partial<Omit<FieldDef, 'name' | 'label' | 'type'>>;

export const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  picklist: 255,
  multipicklist: 4099,
  email: 80,
  phone: 40,
  url: 255,
};

export function field(name: string, label: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const length = options.length ?? DEFAULT_LENGTH[type] ?? 0;
  // Long text areas and encrypted text can be selected but not filtered or sorted on.
  const searchable = !(type === 'textarea' && length > 255) && type !== 'encryptedstring';
  return {
    name,
    label,
    type,
    length,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    filterable: searchable,
    sortable: searchable,
    ...options,
  };
}

const UNGROUPABLE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['currency', 'double', 'percent', 'int', 'textarea', 'datetime', 'multipicklist', 'encryptedstring']);

/**
 * Whether GROUP BY may name the field (describe's `groupable`): not numbers, long or plain text areas, date/times
 * (group by a date function of them instead), multi-select picklists, encrypted text, nor a field that cannot be filtered.
 */
export function isGroupable(field: FieldDef): boolean {
  return !UNGROUPABLE_TYPES.has(field.type) && field.filterable !== false;
}

export const text = (name: string, label: string, length: number, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'string', { length, ...options });

export const longText = (name: string, label: string, length = 32000): FieldDef => field(name, label, 'textarea', { length });

export const checkbox = (name: string, label: string, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'boolean', { nillable: false, defaultedOnCreate: true, ...options });

export const readOnly: FieldOptions = { createable: false, updateable: false };

export const createOnly: FieldOptions = { createable: true, updateable: false };

export function picklistValues(values: readonly (string | [value: string, label: string])[], defaultValue?: string) {
  return values.map((entry): PicklistValue => {
    const [value, label] = typeof entry === 'string' ? [entry, entry] : entry;
    return { active: true, defaultValue: value === defaultValue, label, value };
  });
}

export interface PicklistOptions extends FieldOptions {
  defaultValue?: string;
  restricted?: boolean;
}

export function picklist(
  name: string,
  label: string,
  values: readonly (string | [string, string])[],
  { defaultValue, restricted = false, ...options }: PicklistOptions = {},
): FieldDef {
  return field(name, label, 'picklist', {
    picklistValues: picklistValues(values, defaultValue),
    restrictedPicklist: restricted,
    defaultedOnCreate: defaultValue !== undefined,
    ...options,
  });
}

export const lookup = (
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string,
  options: FieldOptions = {},
): FieldDef => field(name, label, 'reference', { referenceTo, relationshipName, ...options });

export const currency = (name: string, label: string, scale: number, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'currency', { precision: 18, scale, ...options });

export const integer = (name: string, label: string, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'int', { precision: 0, scale: 0, ...options });

export const dateField = (name: string, label: string, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'date', options);

export const dateTime = (name: string, label: string, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'datetime', options);

// ---------------------------------------------------------------------------------------------------------------
// Standard system fields

export const idField = (label: string): FieldDef =>
  field('Id', label, 'id', { nillable: false, defaultedOnCreate: true, ...readOnly });

export const isDeleted = (): FieldDef => checkbox('IsDeleted', 'Deleted', readOnly);

export const ownerId = (label = 'Owner ID'): FieldDef =>
  lookup('OwnerId', label, ['User'], 'Owner', { nillable: false, defaultedOnCreate: true });

export const lastActivityDate = (): FieldDef => dateField('LastActivityDate', 'Last Activity', readOnly);

export const systemReference = (name: string, label: string, relationshipName: string): FieldDef =>
  lookup(name, label, ['User'], relationshipName, { nillable: false, defaultedOnCreate: true, ...readOnly });

export const systemDateTime = (name: string, label: string): FieldDef =>
  dateTime(name, label, { nillable: false, defaultedOnCreate: true, ...readOnly });

export const created = (): FieldDef[] => [
  systemDateTime('CreatedDate', 'Created Date'),
  systemReference('CreatedById', 'Created By ID', 'CreatedBy'),
];

export const audit = (): FieldDef[] => [
  ...created(),
  systemDateTime('LastModifiedDate', 'Last Modified Date'),
  systemReference('LastModifiedById', 'Last Modified By ID', 'LastModifiedBy'),
  systemDateTime('SystemModstamp', 'System Modstamp'),
];
