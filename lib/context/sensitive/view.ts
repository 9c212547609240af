/**
 * The text as the detectors read it: Unicode compatibility forms folded (NFKC: full-width digits and letters, thin and
 * no-break spaces, ligatures), every space a plain space, every dash a hyphen, digits of other scripts as ASCII
 * digits, and invisible format characters (zero-width spaces and joiners, soft hyphens, BOM) left out. Each character
 * of the view remembers the span of the original text it came from, so that what is found is cut from the original.
 */

export interface MatchingView {
  text: string;
  /** The original span [start, end) of the view's characters from `start` to `end - 1`. */
  originalSpan(start: number, end: number): { start: number; end: number };
}

const PLAIN = /^[\x20-\x7e\n\r]*$/;
const FORMAT = /^\p{Cf}$/u;
const SPACE = /^[\p{Zs}\t]$/u;
const DASH = /^[\p{Pd}\u2212\u2043]$/u;
const SLASH = /^[\u2044\u2215]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** A decimal digit of any script: Unicode keeps each script's 0-9 together and in order. */
function asciiDigit(char: string): string {
  let value = 0;
  let codePoint = char.codePointAt(0) ?? 0;
  while (value < 9 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - 1))) {
    value += 1;
    codePoint -= 1;
  }
  return String(value);
}

function fold(char: string): string {
  if (SPACE.test(char)) return ' ';
  if (DASH.test(char)) return '-';
  if (SLASH.test(char)) return '/';
  if (char > '\x7f' && DECIMAL_DIGIT.test(char)) return asciiDigit(char);
  return char;
}

export function matchingView(text: string): MatchingView {
  // Most text is plain ASCII: the view is the text itself.
  if (PLAIN.test(text)) return { text, originalSpan: (start, end) => ({ start, end }) };
  let view = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const codePoint of text) {
    const start = offset;
    offset += codePoint.length;
    if (FORMAT.test(codePoint)) continue;
    for (const char of codePoint.normalize('NFKC')) {
      const folded = fold(char);
      view += folded;
      for (let i = 0; i < folded.length; i++) {
        from.push(start);
        to.push(offset);
      }
    }
  }
  return {
    text: view,
    originalSpan: (start, end) => ({ start: from[start] ?? text.length, end: to[end - 1] ?? text.length }),
  };
}

/**
 * One separator between the groups of a number: one or two spaces, or a hyphen, dot, slash or underscore with a space
 * on either side or none ("4111 - 1111", "123.45.6789", "DE89_3704").
 */
export const GROUP_GAP = '(?: ?[-./_] ?| {1,2})';

/** Whether `words` occur on the same line within `reach` characters before `index`: the context that names a value. */
export function namedJustBefore(text: string, index: number, words: RegExp, reach = 40): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return words.test(text.slice(Math.max(lineStart, index - reach), index));
}

/** A span of the view found to hold a sensitive value. */
export interface Found {
  start: number;
  end: number;
}
