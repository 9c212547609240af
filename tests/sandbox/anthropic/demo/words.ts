/**
 * The demo model's own words in the languages Groundwork offers for its output: English, and German, French or Spanish
 * when the request's <output_language> asks for one (any other language it answers in English, as a model that does
 * not know it would). Values quoted from the context keep their words; their numbers and dates are written the way
 * the language writes them (localFormats).
 */
import type { ReadPrompt } from './prompt';
import { GERMAN } from './words-de';
import { SPANISH } from './words-es';
import { FRENCH } from './words-fr';
import { contextWordsIn, wordsOf, type LanguagePack, type Words } from './words-kit';

export type { Words } from './words-kit';
export type DemoLanguage = 'en' | 'de' | 'fr' | 'es';

const PACKS: Record<Exclude<DemoLanguage, 'en'>, { asked: RegExp; pack: LanguagePack }> = {
  de: { asked: /\b(German|Deutsch|de-[A-Z]{2})\b/, pack: GERMAN },
  fr: { asked: /\b(French|Français|fr-[A-Z]{2})(?![\w-])/, pack: FRENCH },
  es: { asked: /\b(Spanish|Español|es-[A-Z]{2})(?![\w-])/, pack: SPANISH },
};

export function languageOf(prompt: Pick<ReadPrompt, 'tags'>): DemoLanguage {
  const asked = prompt.tags.get('output_language') ?? '';
  const found = (Object.keys(PACKS) as (keyof typeof PACKS)[]).find((language) => PACKS[language].asked.test(asked));
  return found ?? 'en';
}

const ENGLISH: Words = {
  nothingGrounded: 'The context has no cited lines to write from, so there is nothing grounded to say.',
  thisDeal: 'this deal',
  stage: (value) => `stage ${value}`,
  amount: (value) => `amount ${value}`,
  closeDate: (value) => `close date ${value}`,
  nextStep: (value) => `Next step: ${value}`,
  overdueTask: 'complete it or agree a new due date',
  overdueDeal: 'update the close date or the stage',
  checkSupport: 'check where support stands before the next call',
  noNextStep: 'no next step is recorded, so agree one',
  confirmNextStep: (value) => `confirm the next step, ${value}`,
  closeOut: (task) => `agree how to close out ${task}`,
  pickUp: (value) => `pick up from the latest interaction, ${value}`,
  addressCase: (value) => `address the open case, ${value}`,
  checkTimeline: (value) => `check the timeline against the close date ${value}`,
  questions: {
    whatNext: 'What needs to happen next, and who owns it?',
    whoDecides: 'Who else takes part in the decision, and what do they need to see?',
    overdue: 'What is holding up the overdue items, and what new dates work?',
    success: 'What would make this a success for them this year?',
    blockers: 'Is anything in the way of signing on the current timeline?',
  },
  noIssues: 'The checks found no issues.',
  won: 'won',
  lost: 'lost',
  forComparison: 'this deal, for comparison',
  moveCloseDate: (value) => `move the close date ${value} to a date the buyer confirms`,
  recordNextStep: (deal) => `record a next step on ${deal}`,
  addContactRoles: (deal) => `add the buying contacts as contact roles on ${deal}`,
  finishTask: (task) => `finish the open task ${task}`,
  followThrough: (value) => `follow through on the next step, ${value}`,
  useReference: (value) => `use the won deal as a reference, ${value}`,
  heading: (name) => name,
  check: (text) => text,
  ask: {
    nothingMatched: 'Nothing matched the question; try a longer period or fewer conditions.',
    matching: (named) => `The matching records: ${named}.`,
    partial: ' This covers only the rows that were sent.',
  },
  email: {
    subjects: [
      [/recap/i, (name) => `Recap: ${name}`],
      [/intro/i, (name) => `Introduction: ${name}`],
      [/check/i, (name) => `Checking in on ${name}`],
      [/follow/i, (name) => `Next steps on ${name}`],
    ],
    ourConversation: 'our conversation',
    thanks: 'Thank you for your message.',
    recap: (record, stage) => `Here is where ${record} stands: we are at the ${stage} stage.`,
    intro: (record) => `I am reaching out about ${record}, and would value a short conversation.`,
    followUp: (record) => `I wanted to follow up on ${record}.`,
    nextStep: (value) => `The next step on our side: ${value}.`,
    openItem: (value) => `The open item on our list is ${value}.`,
    comeBack: 'I will come back to you on the details shortly.',
    works: 'Could you let me know whether that works for you?',
    greeting: (firstName) => `Hi ${firstName || 'there'},`,
    signOff: 'Best regards',
  },
};

const TRANSLATED = {
  de: wordsOf(GERMAN),
  fr: wordsOf(FRENCH),
  es: wordsOf(SPANISH),
};

export function wordsFor(prompt: Pick<ReadPrompt, 'tags'>): Words {
  const language = languageOf(prompt);
  return language === 'en' ? ENGLISH : TRANSLATED[language];
}

const CURRENCY_SIGNS: Record<string, string> = { $: '$', '€': '€', '£': '£', USD: '$', EUR: '€', GBP: '£' };

/**
 * A text's numbers and dates written the way `locale` writes them, their values unchanged: in German "$1,200,000" →
 * "1.200.000 $", "12.5%" → "12,5 %", "4,200" → "4.200", "2026-12-15" → "15.12.2026"; in French "1 200 000 $" and
 * "15/12/2026". Citation ids, times and codes are left alone.
 */
export function localFormats(text: string, locale: string): string {
  const money = /(US\$|\$|€|£|(?:USD|EUR|GBP)\s?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d)/;
  const isoDate = /(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])/;
  const number = /(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?!\w|[,.]\d)/;
  const percent = /(?<=\d)%/;
  const any = new RegExp([money, isoDate, number, percent].map((pattern) => `(?:${pattern.source})`).join('|'), 'g');
  // As many decimals as the value was written with: "$48,500.50" → "48.500,50 $".
  const plain = (digits: string) => {
    const decimals = digits.split('.')[1]?.length ?? 0;
    return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(digits.replace(/,/g, '')));
  };
  return text.replace(any, (found, sign?: string, amount?: string, year?: string, month?: string, day?: string, figure?: string) => {
    if (amount !== undefined) return `${plain(amount)}\u00a0${CURRENCY_SIGNS[(sign ?? '').trim().replace('US$', '$')] ?? (sign ?? '').trim()}`;
    if (year !== undefined) return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (figure !== undefined) return plain(figure);
    return found === '%' ? '\u00a0%' : found;
  });
}

export const germanFormats = (text: string): string => localFormats(text, GERMAN.locale);

/** A written answer in the language the request asks for: Groundwork's own words of the context, then its formats. */
export function inLanguageOf(prompt: Pick<ReadPrompt, 'tags'>, text: string): string {
  const language = languageOf(prompt);
  if (language === 'en') return text;
  const { pack } = PACKS[language];
  return localFormats(contextWordsIn(pack, text), pack.locale);
}
