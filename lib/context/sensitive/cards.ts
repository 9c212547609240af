/**
 * Payment card numbers, in the matching view: 13 to 19 digits, bare or in groups split by any separator, that pass the
 * Luhn check and do not start with 0 (no card network issues those; an all-zero number is never a card). Only whole
 * groups are taken. A number grouped as cards are printed (every group but the last of at least four digits) or not
 * grouped at all is taken on its checksum alone; one grouped oddly ("41 1111 11 1111 1111") must also fit a card
 * network's prefix and length, or follow a word that names a card. So phone numbers next to other numbers, amounts
 * and version strings stay.
 * Cost of never leaking: a 13-19 digit number that happens to pass Luhn (about 1 in 10) is redacted as a card.
 */
import { GROUP_GAP, namedJustBefore, type Found } from './view';

const DIGIT_RUN = new RegExp(`\\d+(?:${GROUP_GAP}\\d+)*`, 'g');
const CARD_WORDS = /\b(?:card|cc|ccn|credit|debit|visa|master ?card|amex|american express|discover|jcb|diners|maestro|unionpay|cvv|cvc)\b/i;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Card networks: the prefixes (ranges of leading digits) they issue under, and the lengths of their numbers. */
const NETWORKS: { prefixes: [number, number][]; lengths: number[] }[] = [
  { prefixes: [[4, 4]], lengths: [16, 19] }, // Visa (13 digits no longer issued; still taken when grouped or bare)
  { prefixes: [[51, 55], [2221, 2720]], lengths: [16] }, // Mastercard
  { prefixes: [[34, 34], [37, 37]], lengths: [15] }, // American Express
  { prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] }, // Discover
  { prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] }, // JCB
  { prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefixes: [[62, 62]], lengths: [16, 17, 18, 19] }, // UnionPay
  { prefixes: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]], lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { prefixes: [[2200, 2204]], lengths: [16, 17, 18, 19] }, // Mir
  { prefixes: [[60, 60], [81, 82], [508, 508]], lengths: [16] }, // RuPay
  { prefixes: [[1, 1]], lengths: [15] }, // UATP
];

function fitsANetwork(digits: string): boolean {
  return NETWORKS.some(
    (network) =>
      network.lengths.includes(digits.length) &&
      network.prefixes.some(([low, high]) => {
        const prefix = Number(digits.slice(0, String(low).length));
        return prefix >= low && prefix <= high;
      }),
  );
}

interface Group {
  start: number;
  digits: string;
}

/** Every group but the last of at least four digits: how cards are printed (4-4-4-4, Amex 4-6-5, 4-4-4-4-3). */
function groupedLikeACard(groups: readonly Group[]): boolean {
  return groups.slice(0, -1).every((group) => group.digits.length >= 4);
}

function isCard(groups: readonly Group[], digits: string, named: boolean): boolean {
  if (digits.length < 13 || digits.length > 19 || digits.startsWith('0') || !passesLuhn(digits)) return false;
  return groupedLikeACard(groups) || named || fitsANetwork(digits);
}

/** The last group of the longest card number starting at group `first`, or null. */
function longestCardFrom(text: string, groups: readonly Group[], first: number): number | null {
  const named = namedJustBefore(text, groups[first]?.start ?? 0, CARD_WORDS);
  let digits = '';
  let found: number | null = null;
  for (let last = first; last < groups.length && digits.length <= 19; last++) {
    digits += groups[last]?.digits ?? '';
    if (isCard(groups.slice(first, last + 1), digits, named)) found = last;
  }
  return found;
}

export function findCards(text: string): Found[] {
  const found: Found[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((group): Group => ({ start: run.index + group.index, digits: group[0] }));
    let first = 0;
    while (first < groups.length) {
      const last = longestCardFrom(text, groups, first);
      if (last === null) {
        first++;
        continue;
      }
      const end = groups[last] as Group;
      found.push({ start: (groups[first] as Group).start, end: end.start + end.digits.length });
      first = last + 1;
    }
  }
  return found;
}
