/** Salesforce record ids: 15 case-sensitive characters, plus a 3-character suffix that makes them case-insensitive. */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return id15 + suffix;
}

/** Canonical 18-character form of a 15- or 18-character id; null when it is neither. */
export function normalizeId(id: string): string | null {
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return to18(id);
  if (/^[a-zA-Z0-9]{18}$/.test(id)) {
    const canonical = to18(id.slice(0, 15));
    return canonical.toLowerCase() === id.toLowerCase() ? canonical : null;
  }
  return null;
}

/**
 * Makes ids the way an org does: key prefix, then the org's pod characters, then a base-62 counter.
 * Deterministic for a given seed so that tests can name records.
 */
export class IdFactory {
  private counters = new Map<string, number>();

  constructor(private readonly pod = '5g0000') {}

  next(keyPrefix: string): string {
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    let digits = '';
    let rest = n;
    for (let i = 0; i < 6; i++) {
      digits = BASE62.charAt(rest % 62) + digits;
      rest = Math.floor(rest / 62);
    }
    return to18(`${keyPrefix}${this.pod}${digits}`);
  }
}
