/**
 * The panel's own words in the browser's UI language (the extension's `_locales` catalogues; English is the default
 * locale). Messages name their placeholders, `{count}`; plurals are one message per CLDR category, `key_one` and
 * `key_other`, chosen with Intl.PluralRules. Numbers and dates shown to the rep are formatted in the same locale.
 */
import { browserMessages } from '../browser/i18n';
import type { MessageSource } from './source';
import type english from '../../public/_locales/en/messages.json';

export type { MessageSource } from './source';

type Catalogue = typeof english;
type PluralKey<K> = K extends `${infer Base}_other` ? Base : never;
/** A message with one text: every key that is not one form of a plural. */
export type MessageKey = Exclude<keyof Catalogue, `${string}_${Intl.LDMLPluralRule}`>;
/** A plural message's name without its category suffix: `fieldCount` for `fieldCount_one` and `fieldCount_other`. */
export type PluralMessageKey = PluralKey<keyof Catalogue>;
export type MessageValues = Record<string, string | number>;

let source: MessageSource = browserMessages;

/** Unit tests read a locale file instead of the browser's catalogue. */
export function setMessageSource(next: MessageSource): void {
  source = next;
  pluralRules = null;
}

export const uiLocale = (): string => source.uiLanguage() || 'en';

function fill(text: string, values: MessageValues = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The message in the UI language with its placeholders filled; the key itself if the catalogue lacks it. */
export function t(key: MessageKey, values?: MessageValues): string {
  const text = source.message(key);
  return fill(text || key, values);
}

let pluralRules: { locale: string; rules: Intl.PluralRules } | null = null;

function pluralCategory(count: number): Intl.LDMLPluralRule {
  const locale = uiLocale();
  if (pluralRules?.locale !== locale) pluralRules = { locale, rules: new Intl.PluralRules(locale) };
  return pluralRules.rules.select(count);
}

/** The plural form the UI language uses for `count` ("1 Feld", "3 Felder"); `{count}` is the number, formatted. */
export function plural(key: PluralMessageKey, count: number, values?: MessageValues): string {
  const text = source.message(`${key}_${pluralCategory(count)}`) || source.message(`${key}_other`);
  return fill(text || key, { count, ...values });
}

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(uiLocale(), options).format(value);

export const formatDate = (date: Date | string | number, options?: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(uiLocale(), options).format(new Date(date));

/** Languages that write every noun with a capital letter, even mid-sentence. */
const CAPITALIZED_NOUNS = new Set(['de', 'lb']);

/** A record type's label ("Task", Salesforce's own word) as a noun inside a sentence: "2 tasks", but "2 Aufgaben". */
export function nounInSentence(label: string): string {
  const language = uiLocale().split('-')[0] ?? '';
  return CAPITALIZED_NOUNS.has(language) ? label : label.toLowerCase();
}
