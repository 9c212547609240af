/**
 * US social security numbers (and the taxpayer numbers written like them), in the matching view:
 * - three, two and four digits split by any separator ("123-45-6789", "123.45.6789", "123 / 45 / 6789", "123_45_6789"),
 *   not glued to a longer run of digit groups (a phone number, an order number, a card);
 * - nine digits in any grouping right after a word that names one ("SSN 123 456 789", "ssn=123456789",
 *   "tax id: 123-456-789", "ITIN 912 70 1234").
 * Numbers that are never issued stay: area 000 or 666, group 00, serial 0000, and area 9xx unless named as a
 * taxpayer number (ITINs start with 9).
 */
import { GROUP_GAP, type Found } from './view';

const FORMATTED = new RegExp(`(?<!\\d|\\d${GROUP_GAP})(\\d{3})${GROUP_GAP}(\\d{2})${GROUP_GAP}(\\d{4})(?!\\d|${GROUP_GAP}\\d)`, 'g');

const NUMBER_WORD = '(?:[ -]?(?:number|num|nr|no\\.?|#))?';
/** Words that name the number that follows; `taxpayer` is true where a 9xx area (an ITIN) is expected too. */
const NAMING_WORDS: { pattern: RegExp; taxpayer: boolean }[] = [
  { pattern: new RegExp(`\\b(?:ssn|ss#|ss no\\.?|soc(?:ial)?\\.?[ -]?sec(?:urity)?\\.?${NUMBER_WORD})`, 'gi'), taxpayer: false },
  { pattern: new RegExp(`\\b(?:tax(?:payer)?[ -]?id(?:entification)?${NUMBER_WORD})`, 'gi'), taxpayer: true },
  { pattern: /\b(?:I?TIN)\b/g, taxpayer: true },
];
/** What may stand between the naming word and the number: "is", "number", ":", "=", "#", a dash, quotes. */
const FILLER = /(?:[ :=#.'"-]|\b(?:is|was|number|num|nr|no\.?|of|reads|on file)\b)*/iy;
const GROUP = /(?<!\d)\d+/y;
const GAP = new RegExp(GROUP_GAP, 'y');

/** Digit groups from `start` up to nine digits in all, ending where a group ends: the number a naming word names. */
function nineDigitsAt(text: string, start: number): (Found & { digits: string }) | null {
  let digits = '';
  let position = start;
  for (;;) {
    GROUP.lastIndex = position;
    const group = GROUP.exec(text);
    if (!group) return null;
    digits += group[0];
    position = GROUP.lastIndex;
    if (digits.length === 9) return { start, end: position, digits };
    if (digits.length > 9) return null;
    GAP.lastIndex = position;
    if (!GAP.exec(text)) return null;
    position = GAP.lastIndex;
  }
}

function isIssued(digits: string, taxpayer: boolean): boolean {
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  return area !== '000' && area !== '666' && (taxpayer || !area.startsWith('9')) && group !== '00' && serial !== '0000';
}

export function findSsns(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(FORMATTED)) {
    const digits = `${match[1]}${match[2]}${match[3]}`;
    if (isIssued(digits, false)) found.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const { pattern, taxpayer } of NAMING_WORDS) {
    for (const word of text.matchAll(pattern)) {
      FILLER.lastIndex = word.index + word[0].length;
      FILLER.exec(text);
      const number = nineDigitsAt(text, FILLER.lastIndex);
      if (number && isIssued(number.digits, taxpayer)) found.push(number);
    }
  }
  return found;
}
