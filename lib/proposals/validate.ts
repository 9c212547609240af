/**
 * Deterministic checks of a proposed value against the rep's describe, before the rep sees it: can this field be
 * written by this rep at all, and does the text make a value of the field's type (coerced: "$480k" → 480000,
 * "yes" → true, a real calendar day, a restricted picklist's own value). Problems carry Salesforce's error codes, so a
 * problem found here and the same problem reported by Salesforce read alike in the review.
 */
import { calendarDate } from './dates';
import { fieldOf, type PicklistEntry, type WriteField, type WriteObjectDescribe } from './describe';
import { MULTIPLIERS } from './evidence';
import type { WriteValue } from '../salesforce/write-plan';
import { plural, t } from '../i18n';

export type { WriteValue };
export type Operation = 'create' | 'update';

export interface FieldProblem {
  code: string;
  message: string;
}

export type Validation =
  | { ok: true; value: WriteValue; warning?: string }
  | { ok: false; problem: FieldProblem };

/** Fields Groundwork requires on create beyond describe (a task without a subject is no use to the rep). */
const ALSO_REQUIRED: Record<string, readonly string[]> = { task: ['Subject'], event: ['Subject'] };

const ID_TYPES = new Set(['id', 'reference']);

/** Whether the field must have a value when a record is created. */
export function requiredOnCreate(objectName: string, field: WriteField): boolean {
  if ((ALSO_REQUIRED[objectName.toLowerCase()] ?? []).includes(field.name)) return true;
  return field.createable && !field.nillable && !field.defaultedOnCreate && field.type !== 'boolean';
}

/** Fields describe says must have a value on create, in describe order. */
export function requiredFields(describe: WriteObjectDescribe): WriteField[] {
  return describe.fields.filter((field) => requiredOnCreate(describe.name, field));
}

/**
 * The field, when this rep may write it this way from a proposal. Ids and lookups are refused whatever the field:
 * the model never chooses a record; Groundwork sets links itself.
 */
export function writableField(
  describe: WriteObjectDescribe,
  name: string,
  operation: Operation,
): { ok: true; field: WriteField } | { ok: false; problem: FieldProblem } {
  const field = fieldOf(describe, name);
  if (!field) {
    return { ok: false, problem: { code: 'INVALID_FIELD', message: `${describe.label} has no field ${name} that you can see.` } };
  }
  if (ID_TYPES.has(field.type)) {
    return {
      ok: false,
      problem: { code: 'ID_NOT_ALLOWED', message: `${field.label} links records; Groundwork never takes a record id from the text.` },
    };
  }
  const allowed = operation === 'create' ? field.createable : field.updateable;
  if (!allowed || field.calculated) {
    return {
      ok: false,
      problem: {
        code: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: t(operation === 'create' ? 'fieldCheck_cannotSet' : 'fieldCheck_cannotChange', { field: field.label }),
      },
    };
  }
  return { ok: true, field };
}

const problem = (code: string, message: string): Validation => ({ ok: false, problem: { code, message } });

function validText(field: WriteField, text: string): Validation {
  if (field.length > 0 && text.length > field.length) {
    return problem('STRING_TOO_LONG', `${field.label}: ${text.length} characters, at most ${field.length}.`);
  }
  return { ok: true, value: text };
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function validEmail(field: WriteField, text: string): Validation {
  if (!EMAIL.test(text) || !/\.[A-Za-z]{2,}$/.test(text)) {
    return problem('INVALID_EMAIL_ADDRESS', t('fieldCheck_notEmail', { field: field.label, value: text }));
  }
  return validText(field, text);
}

function validPhone(field: WriteField, text: string): Validation {
  const digitCount = text.replace(/\D/g, '').length;
  if (!/^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?|extension)\s*\d+)?$/i.test(text) || digitCount < 7 || digitCount > 20) {
    return problem('INVALID_PHONE', `${field.label}: ${text} is not a phone number.`);
  }
  return validText(field, text);
}

/** `480,000`, `$480k`, `1.2M`, `30%`, `-5` → a number; anything with other words is refused. */
export function parseNumber(text: string): number | null {
  const compact = text.trim().replace(/^[$€£¥]\s*|\s*(?:usd|eur|gbp|%)$/gi, '');
  const match = /^(-)?\s*[$€£¥]?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([a-z]+)?$/i.exec(compact);
  if (!match?.[2]) return null;
  const multiplier = match[3] === undefined ? 1 : MULTIPLIERS[match[3].toLowerCase()];
  if (multiplier === undefined) return null;
  const number = Number(match[2].replace(/,/g, '')) * multiplier;
  return match[1] ? -number : number;
}

function validNumber(field: WriteField, text: string): Validation {
  const number = parseNumber(text);
  if (number === null) return problem('INVALID_NUMBER', `${field.label}: ${text} is not a number.`);
  if (field.type === 'int' && !Number.isInteger(number)) {
    return problem('INVALID_NUMBER', `${field.label}: ${text} is not a whole number.`);
  }
  const scale = field.type === 'int' ? 0 : field.scale;
  const rounded = field.type === 'int' ? number : Number(number.toFixed(scale));
  const integerDigits = Math.trunc(Math.abs(rounded)).toString().length;
  const maxIntegerDigits = field.type === 'int' ? 9 : field.precision > 0 ? field.precision - scale : 18;
  if (integerDigits > maxIntegerDigits) {
    return problem('NUMBER_OUTSIDE_VALID_RANGE', t('fieldCheck_tooLarge', { field: field.label, value: text }));
  }
  return rounded === number
    ? { ok: true, value: rounded }
    : { ok: true, value: rounded, warning: plural('fieldCheck_rounded', scale) };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'checked', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'unchecked', '0', 'off']);

function validBoolean(field: WriteField, text: string): Validation {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return problem('INVALID_BOOLEAN', `${field.label}: ${text} is neither yes nor no.`);
}

function validDate(field: WriteField, text: string): Validation {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!day) return problem('INVALID_DATE', `${field.label}: ${text} is not a real day (YYYY-MM-DD).`);
  return { ok: true, value: day };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDateTime(field: WriteField, text: string): Validation {
  const match = DATE_TIME.exec(text.trim());
  const day = match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  const [hours, minutes, seconds] = [Number(match?.[4]), Number(match?.[5]), Number(match?.[6] ?? 0)];
  if (!match || !day || hours > 23 || minutes > 59 || seconds > 59) {
    return problem('INVALID_DATETIME', t('fieldCheck_notDateTime', { field: field.label, value: text }));
  }
  const zone = match[7];
  const offset = zone === undefined || zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = `${day}T${match[4]}:${match[5]}:${String(seconds).padStart(2, '0')}${offset}`;
  const instant = new Date(time);
  const value = instant.toISOString().replace(/\.\d{3}Z$/, '.000+0000');
  return zone === undefined ? { ok: true, value, warning: t('fieldCheck_noTimeZone') } : { ok: true, value };
}

function picklistMatch(entries: readonly PicklistEntry[], text: string): PicklistEntry | undefined {
  const wanted = text.trim().toLowerCase();
  const active = entries.filter((entry) => entry.active);
  return (
    active.find((entry) => entry.value === text.trim()) ??
    active.find((entry) => entry.value.toLowerCase() === wanted) ??
    active.find((entry) => (entry.label ?? '').toLowerCase() === wanted)
  );
}

function validPicklist(field: WriteField, text: string): Validation {
  const entries = field.picklistValues ?? [];
  const parts = field.type === 'multipicklist' ? text.split(';').map((part) => part.trim()).filter(Boolean) : [text.trim()];
  const values: string[] = [];
  for (const part of parts) {
    const entry = picklistMatch(entries, part);
    if (entry) {
      values.push(entry.value);
    } else if (field.restrictedPicklist) {
      return problem('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', t('fieldCheck_notPicklistValue', { field: field.label, value: part }));
    } else {
      values.push(part);
    }
  }
  const value = values.join(';');
  const unknown = parts.filter((part) => !picklistMatch(entries, part));
  const checked = validText(field, value);
  if (!checked.ok || unknown.length === 0) return checked;
  return { ok: true, value, warning: `${unknown.join(', ')} is not one of ${field.label}'s usual values.` };
}

function validUrl(field: WriteField, text: string): Validation {
  if (/\s/.test(text) || !/^(?:https?:\/\/)?[^\s/.]+\.[^\s]+$/i.test(text)) {
    return problem('INVALID_URL', `${field.label}: ${text} is not a web address.`);
  }
  return validText(field, text);
}

/**
 * The typed value of `text` for this field; empty text means no value, which a required field refuses. `required`
 * comes from the caller: on create, requiredOnCreate; on update, a field that may not be empty.
 */
export function validateValue(field: WriteField, text: string, required: boolean): Validation {
  const trimmed = text.trim();
  if (trimmed === '') {
    return required ? problem('REQUIRED_FIELD_MISSING', t('review_fieldRequired', { field: field.label })) : { ok: true, value: null };
  }
  switch (field.type) {
    case 'email':
      return validEmail(field, trimmed);
    case 'phone':
      return validPhone(field, trimmed);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return validNumber(field, trimmed);
    case 'boolean':
      return validBoolean(field, trimmed);
    case 'date':
      return validDate(field, trimmed);
    case 'datetime':
      return validDateTime(field, trimmed);
    case 'picklist':
    case 'multipicklist':
      return validPicklist(field, trimmed);
    case 'url':
      return validUrl(field, trimmed);
    case 'textarea':
      // Long text keeps its line breaks and inner spacing.
      return validText(field, text.replace(/^\s+|\s+$/g, ''));
    default:
      return validText(field, trimmed);
  }
}

/** Whether a field of this describe may be emptied on update. */
export function requiredOnUpdate(field: WriteField): boolean {
  return !field.nillable && field.type !== 'boolean';
}

/** Two values are the same for the rep (so an "update" to the current value is no change). */
export function sameValue(a: WriteValue | undefined, b: WriteValue | undefined): boolean {
  const empty = (value: WriteValue | undefined): boolean => value === null || value === undefined || value === '';
  if (empty(a) && empty(b)) return true;
  return a === b;
}
