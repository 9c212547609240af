/**
 * IBANs, in the matching view: two country letters, two check digits and the account part, bare, grouped by any
 * separator ("DE89 3704 0044…", "DE89-3704-…", "DE89.3704.…", double spaces), or glued to the word before
 * ("IBAN:DE89…", "IBANDE89…"), in either letter case. Taken when the country issues IBANs, the length is that
 * country's, the number ends where a group ends, at least a third of its account part is digits (so words of a
 * sentence are never read as one), and the mod-97 check holds. Check digits 00, 01 and 99 are never issued: an
 * all-zero placeholder stays as it is.
 */
import { GROUP_GAP, type Found } from './view';

/** IBAN lengths by country: the SWIFT IBAN registry, and the countries whose banks issue IBANs outside it. */
const LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AO: 25, AT: 20, AZ: 28, BA: 20, BE: 16, BF: 28, BG: 22, BH: 22, BI: 27, BJ: 28, BR: 29,
  BY: 28, CF: 27, CG: 27, CH: 21, CI: 28, CM: 27, CR: 22, CV: 25, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  DZ: 26, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GA: 27, GB: 22, GE: 22, GI: 23, GL: 18, GQ: 27,
  GR: 27, GT: 28, GW: 25, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IR: 26, IS: 26, IT: 27, JO: 30, KM: 27,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MA: 28, MC: 27, MD: 24, ME: 22, MG: 27,
  MK: 19, ML: 28, MN: 20, MR: 27, MT: 31, MU: 30, MZ: 25, NE: 28, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28,
  PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SN: 28,
  SO: 23, ST: 25, SV: 28, TD: 27, TG: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};
const MAX_LENGTH = 34;

const START = /(?<!\d)(?=[A-Za-z]{2}\d{2})/g;
const CHAR = /[A-Za-z0-9]/y;
const GAP = new RegExp(GROUP_GAP, 'y');

export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const checkDigits = Number(compact.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

interface Candidate {
  end: number;
  length: number;
  /** Whether a group ends here (no letter or digit follows). */
  groupEnds: boolean;
}

/** Every place an IBAN starting at `start` could end: after each letter or digit, groups joined by one separator. */
function candidatesFrom(text: string, start: number): Candidate[] {
  const candidates: Candidate[] = [];
  let position = start;
  while (candidates.length < MAX_LENGTH) {
    CHAR.lastIndex = position;
    if (CHAR.exec(text)) {
      position += 1;
      CHAR.lastIndex = position;
      candidates.push({ end: position, length: candidates.length + 1, groupEnds: !CHAR.test(text) });
      continue;
    }
    GAP.lastIndex = position;
    if (!GAP.exec(text)) break;
    position = GAP.lastIndex;
  }
  return candidates;
}

/** Account parts are mostly digits; words of a sentence read as one hold none. */
function mostlyDigits(compact: string): boolean {
  const digits = compact.slice(4).replace(/\D/g, '').length;
  return digits * 3 >= compact.length - 4;
}

function ibanEnd(text: string, start: number): number | null {
  const expected = LENGTHS[text.slice(start, start + 2).toUpperCase()];
  if (expected === undefined) return null;
  const candidate = candidatesFrom(text, start).find((each) => each.length === expected);
  if (!candidate?.groupEnds) return null;
  const compact = text.slice(start, candidate.end).replace(/[^A-Za-z0-9]/g, '');
  return mostlyDigits(compact) && passesIbanCheck(compact) ? candidate.end : null;
}

export function findIbans(text: string): Found[] {
  const found: Found[] = [];
  let searchFrom = 0;
  for (const start of text.matchAll(START)) {
    if (start.index < searchFrom) continue;
    const end = ibanEnd(text, start.index);
    if (end !== null) {
      found.push({ start: start.index, end });
      searchFrom = end;
    }
  }
  return found;
}
