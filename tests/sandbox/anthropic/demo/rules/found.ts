/** A value a rule found in a text, with the exact span that states it. */
export interface Found<T> {
  value: T;
  /** The span of the text, verbatim. */
  quote: string;
  start: number;
  end: number;
}

/**
 * Runs patterns in order over a text, each match reading into a value (or null: not one), so that a span read by an
 * earlier, more precise pattern is not read again by a looser one.
 */
export function scanAll<T>(text: string, rules: readonly [RegExp, (match: RegExpExecArray) => T | null][]): Found<T>[] {
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const found: Found<T>[] = [];
  for (const [pattern, read] of rules) {
    const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0] === '') {
        regex.lastIndex++;
        continue;
      }
      const start = match.index;
      const end = start + match[0].length;
      const value = taken.slice(start, end).some(Boolean) ? null : read(match);
      if (value === null) {
        // Not one here: look again from the next character, where a shorter match may start.
        regex.lastIndex = start + 1;
        continue;
      }
      taken.fill(true, start, end);
      found.push({ value, quote: match[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
