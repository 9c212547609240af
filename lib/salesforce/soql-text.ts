/**
 * Values in SOQL: the one way the code base writes text into a query (the composer, lib/salesforce/soql-compose,
 * writes every string value through here). Salesforce's escapes are `\n` `\r`
 * `\t` `\b` `\f` `\"` `\'` `\\` (and `\%` `\_` in LIKE); a character a string literal cannot hold and that has no
 * escape (other control characters, the Unicode line and paragraph separators) is refused, never dropped.
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
const ESCAPED = /[\\'\n\r\t\b\f]/g;
const UNWRITABLE = /[\u0000-\u0007\u000b\u000e-\u001f\u007f\u2028\u2029]/;

/** Whether a value can be written into a SOQL string literal at all. */
export function isSoqlWritable(value: string): boolean {
  return !UNWRITABLE.test(value);
}

function refuseUnwritable(value: string): void {
  if (!isSoqlWritable(value)) throw new Error('This text holds characters that Salesforce cannot search for.');
}

/** A string literal's content: every character that needs it escaped. Throws on text no literal can hold. */
export function escapeSoqlText(value: string): string {
  refuseUnwritable(value);
  return value.replace(ESCAPED, (char) => ESCAPES[char] ?? char);
}

/**
 * A LIKE pattern's content: `%` and `_` stay wildcards, and `\%` `\_` stay a literal percent and underscore; every
 * other character is escaped as in any string.
 */
export function escapeSoqlLike(pattern: string): string {
  refuseUnwritable(pattern);
  return pattern.replace(/\\[%_]|[\\'\n\r\t\b\f]/g, (match) => (match.length === 2 ? match : (ESCAPES[match] ?? match)));
}

/** Text to find anywhere in a field with LIKE: its own `%` and `_` are literal. */
export function containsPattern(text: string): string {
  return `%${escapeSoqlText(text).replace(/[%_]/g, (char) => `\\${char}`)}%`;
}

/** A quoted string literal, for the few queries written as text rather than composed. */
export function soqlString(value: string): string {
  return `'${escapeSoqlText(value)}'`;
}
