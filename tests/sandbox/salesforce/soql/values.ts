/**
 * How SOQL compares values: text case-insensitively, ids in their 18-character form, multi-select picklists as sets,
 * datetimes as instants; and how a literal in the query text becomes a value of the field's kind.
 */
import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldValue } from '../model';
import { normalizeId } from '../ids';
import { dateLiteralRange, instantOf, toDateString } from './dates';
import { invalidField, invalidIdFilter, malformed } from './errors';

export type Kind = 'text' | 'id' | 'multi' | 'number' | 'boolean' | 'date' | 'datetime';

/** A value ready for comparison: lower-cased text, 18-character id, epoch milliseconds, sorted picklist set… */
export type Comparable = string | number | boolean;

export function kindOf(field: FieldDef): Kind {
  switch (field.type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'multipicklist':
      return 'multi';
    case 'currency':
    case 'double':
    case 'percent':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return 'text';
  }
}

export function multiValues(value: string): string[] {
  return value
    .split(';')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
}

export function comparable(kind: Kind, value: FieldValue): Comparable | null {
  if (value === null) return null;
  switch (kind) {
    case 'text':
      return String(value).toLowerCase();
    case 'id':
      return (normalizeId(String(value)) ?? String(value)).toLowerCase();
    case 'multi':
      return multiValues(String(value)).sort().join(';');
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true;
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
      return instantOf(String(value));
  }
}

export function compare(a: Comparable, b: Comparable): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A literal of the WHERE clause, already in the field's comparable form; date literals are ranges. */
export type Literal =
  | { kind: 'null' }
  | { kind: 'value'; value: Comparable; text: string }
  | { kind: 'range'; start: Comparable; end: Comparable };

const ACCEPTED: Record<Kind, LiteralType[]> = {
  text: ['STRING'],
  id: ['STRING'],
  multi: ['STRING'],
  number: ['INTEGER', 'DECIMAL', 'INTEGER_WITH_CURRENCY_PREFIX', 'DECIMAL_WITH_CURRENCY_PREFIX'],
  boolean: ['BOOLEAN'],
  date: ['DATE', 'DATE_LITERAL', 'DATE_N_LITERAL'],
  datetime: ['DATETIME', 'DATE_LITERAL', 'DATE_N_LITERAL'],
};

function typeName(field: FieldDef, kind: Kind): string {
  if (kind === 'text' || kind === 'multi') return 'string';
  if (kind === 'datetime') return 'dateTime';
  if (kind === 'id') return 'id';
  return field.type;
}

function wrongType(name: string, field: FieldDef, kind: Kind) {
  const quoted = ACCEPTED[kind].includes('STRING');
  return invalidField(
    `value of filter criterion for field '${name}' must be of type ${typeName(field, kind)} and should ` +
      `${quoted ? '' : 'not '}be enclosed in quotes`,
  );
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/**
 * The characters of a quoted SOQL string, each flagged when it was escaped; `\%` and `\_` stay distinct from `%` and
 * `_` so that LIKE can tell a literal percent sign from a wildcard.
 */
function stringChars(quoted: string): { char: string; escaped: boolean }[] {
  const body = quoted.slice(1, -1);
  const chars: { char: string; escaped: boolean }[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    if (char !== '\\') {
      chars.push({ char, escaped: false });
      continue;
    }
    const next = body.charAt(++i);
    const plain = ESCAPES[next.toLowerCase()] ?? (next === '%' || next === '_' ? next : undefined);
    if (plain === undefined) {
      throw malformed(`Invalid string literal '${body}'. Illegal character sequence '\\${next}' in string literal.`);
    }
    chars.push({ char: plain, escaped: true });
  }
  return chars;
}

export function unquote(quoted: string): string {
  return stringChars(quoted)
    .map(({ char, escaped }) => (escaped && (char === '%' || char === '_') ? `\\${char}` : char))
    .join('');
}

/** A case-insensitive matcher for a LIKE pattern: `%` any run, `_` one character, backslash escapes either. */
export function likeMatcher(quoted: string): (value: string) => boolean {
  const source = stringChars(quoted)
    .map(({ char, escaped }) => {
      if (!escaped && char === '%') return '.*';
      if (!escaped && char === '_') return '.';
      return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const pattern = new RegExp(`^${source}$`, 'is');
  return (value) => pattern.test(value);
}

function numberOf(text: string): number {
  return Number(text.replace(/^[A-Za-z]{3}/, ''));
}

export interface LiteralInput {
  /** The field's name as written, for messages. */
  name: string;
  field: FieldDef;
  literalType: LiteralType | undefined;
  value: string;
  /** The `n` of `LAST_N_DAYS:n`. */
  n: number | undefined;
  now: Date;
}

/** Turns one literal of a condition into the field's comparable form, refusing what Salesforce refuses. */
export function parseLiteral(input: LiteralInput): Literal {
  const { field, literalType, value } = input;
  const kind = kindOf(field);
  if (literalType === 'NULL') return { kind: 'null' };
  if (!literalType || !ACCEPTED[kind].includes(literalType)) throw wrongType(input.name, field, kind);
  switch (literalType) {
    case 'STRING':
      return stringLiteral(kind, unquote(value));
    case 'BOOLEAN':
      return { kind: 'value', value: value.toUpperCase() === 'TRUE', text: value };
    case 'DATE':
      return { kind: 'value', value, text: value };
    case 'DATETIME':
      return { kind: 'value', value: instantOf(value), text: value };
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      const range = dateLiteralRange(value, input.n, input.now);
      if (!range) throw malformed(`unexpected token: ${value}`);
      return kind === 'date'
        ? { kind: 'range', start: toDateString(range.start), end: toDateString(range.end) }
        : { kind: 'range', start: range.start.getTime(), end: range.end.getTime() };
    }
    default:
      return { kind: 'value', value: numberOf(value), text: value };
  }
}

function stringLiteral(kind: Kind, text: string): Literal {
  if (kind !== 'id') return { kind: 'value', value: comparable(kind, text) ?? '', text };
  // An empty id matches empty lookups, as `= null` does.
  if (text === '') return { kind: 'null' };
  const id = normalizeId(text);
  if (!id) throw invalidIdFilter(text);
  return { kind: 'value', value: id.toLowerCase(), text };
}
