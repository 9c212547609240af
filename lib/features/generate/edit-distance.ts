/** Above this many cells the exact distance costs too much in the worker; the bound below is reported instead. */
const MAX_CELLS = 25_000_000;

/**
 * Levenshtein distance (insertions, deletions, substitutions of one UTF-16 unit each) between a generated text and the
 * text the rep used. The common start and end are skipped first: a rep's edits are usually local. For very long,
 * wholly rewritten texts the longer remaining length is returned, an upper bound that still reads as "heavily edited".
 */
export function editDistance(from: string, to: string): number {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start += 1;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) {
    endFrom -= 1;
    endTo -= 1;
  }
  const a = from.slice(start, endFrom);
  const b = to.slice(start, endTo);
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  if (a.length * b.length > MAX_CELLS) return Math.max(a.length, b.length);
  return levenshtein(a, b);
}

/** The classic dynamic programme, keeping two rows. */
function levenshtein(a: string, b: string): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (charA === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
