/** What a context supports: every claim read from it, labelled percentages, numbers in words, and its names. */
import { readClaims } from './grounding-claims';
import { lineIdsOf } from './lines';
import { amountOf, capitalisedRuns, lowerCaseWords, stripPossessive, tokensOf, type Facts } from './grounding-text';

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, single: 1, double: 2, twice: 2, once: 1, half: 0.5,
};

const LABELLED_PERCENT = /^[^:|\n]*(?:%|percent|probability)[^:|\n]*:\s*(\d[\d,]*(?:\.\d+)?)/gim;

export function contextFacts(context: string): Facts {
  const lineIds = lineIdsOf(context);
  const claims = readClaims(context, lineIds);
  const facts: Facts = {
    lineIds,
    emails: new Set(),
    phones: [],
    amounts: [],
    dates: [],
    quarters: new Set(),
    minutes: new Set(),
    lowerWords: lowerCaseWords(context),
    capitalisedWords: new Set(tokensOf(context).filter((token) => token.capitalised).map((token) => token.key)),
    raw: context,
    supportsName: () => false,
  };
  for (const claim of claims) {
    switch (claim.kind) {
      case 'email':
        facts.emails.add(claim.address);
        break;
      case 'phone':
        facts.phones.push(claim.digits);
        break;
      case 'money':
      case 'percent':
        facts.amounts.push(claim);
        break;
      case 'number':
        facts.amounts.push({ ...claim, kind: 'number' });
        // A long bare number may be a phone written without punctuation.
        if (!claim.ordinal && claim.value >= 1_000_000 && Number.isInteger(claim.value)) facts.phones.push(String(claim.value));
        break;
      case 'date':
        facts.dates.push(...claim.readings);
        break;
      case 'quarter':
        facts.quarters.add(`${claim.literal}${claim.year ?? ''}`);
        facts.quarters.add(claim.literal);
        break;
      case 'time':
        for (const minute of claim.minutes) facts.minutes.add(minute);
        break;
      default:
        break;
    }
  }
  for (const match of context.matchAll(LABELLED_PERCENT)) facts.amounts.push({ kind: 'percent', ...amountOf(match[1] ?? '') });
  for (const match of context.toLowerCase().matchAll(/\b[a-z]+\b/g)) {
    const value = NUMBER_WORDS[match[0]];
    if (value !== undefined) facts.amounts.push({ kind: 'number', value, tolerance: 1e-9 });
  }
  facts.supportsName = nameSupport(context);
  return facts;
}

/** A name is in the context when its words appear there in order, or all within one run of capitalised words. */
function nameSupport(context: string): (keys: string[]) => boolean {
  const words = (context.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).map(stripPossessive);
  const runs = capitalisedRuns(context).map((run) => run.map((token) => token.key));
  const matches = (key: string, word: string) => (key.length === 1 ? word.startsWith(key) : word === key);
  return (keys) => {
    if (keys.length === 0) return true;
    if (keys.length === 1) return words.some((word) => matches(keys[0] ?? '', word));
    for (let i = 0; i + keys.length <= words.length; i++) {
      if (keys.every((key, offset) => matches(key, words[i + offset] ?? ''))) return true;
    }
    return runs.some((run) => keys.every((key) => run.some((word) => matches(key, word))));
  };
}
