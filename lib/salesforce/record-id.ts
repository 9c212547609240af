/** Salesforce record ids: 15 case-sensitive characters, or 18 with a suffix that encodes the case of the first 15. */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_15 = /^[a-zA-Z0-9]{15}$/;
const ID_18 = /^[a-zA-Z0-9]{18}$/;

function caseSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * The canonical 18-character id, or null when the text is not a well-formed id. An 18-character id whose suffix does
 * not match its first 15 characters is refused, and so is the all-zero key prefix, which no object uses.
 */
export function toId18(id: string): string | null {
  if (id.startsWith('000')) return null;
  if (ID_15.test(id)) return id + caseSuffix(id);
  if (ID_18.test(id)) {
    const expected = caseSuffix(id.slice(0, 15));
    return id.slice(15).toUpperCase() === expected ? id.slice(0, 15) + expected : null;
  }
  return null;
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}
