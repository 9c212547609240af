/** What a field's definition makes the org enforce or fill in on save: unique values and auto-numbers. */
import { SalesforceError, type ObjectDef, type StoredRecord } from './model';
import type { Actor } from './writes';

/**
 * Unique fields (an external ID marked unique): across every record of the object, shared with the user or not, as
 * the database enforces it.
 */
export function checkUnique(actor: Actor, object: ObjectDef, record: StoredRecord): void {
  for (const field of object.fields.filter((candidate) => candidate.unique)) {
    const value = record[field.name];
    if (typeof value !== 'string' || value === '') continue;
    const key = field.caseSensitive ? value : value.toLowerCase();
    const clash = [...(actor.org.db.records.get(object.name)?.values() ?? [])].find((other) => {
      const otherValue = other[field.name];
      if (other.Id === record.Id || typeof otherValue !== 'string') return false;
      return (field.caseSensitive ? otherValue : otherValue.toLowerCase()) === key;
    });
    if (clash) {
      throw new SalesforceError(400, 'DUPLICATE_VALUE', `duplicate value found: ${field.name} duplicates value on record with id: ${clash.Id}`);
    }
  }
}

/** `AIE-{0000000000}` and the number 42 → `AIE-0000000042`. */
function formatAutoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
}

/** Auto-number fields take the next number of the object (deleted records keep theirs). */
export function assignAutoNumbers(actor: Actor, object: ObjectDef, record: StoredRecord): void {
  for (const field of object.fields) {
    if (!field.autoNumberFormat) continue;
    const taken = (actor.org.db.records.get(object.name)?.size ?? 0) + actor.org.recycleBinCount(object.name);
    record[field.name] = formatAutoNumber(field.autoNumberFormat, taken + 1);
  }
}
