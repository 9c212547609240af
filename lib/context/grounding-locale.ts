/**
 * How a language writes the numbers, dates and scale words the grounding check reads: "1.234,56 €" and "1,2 Mio. €" in
 * German, "1 234,56 €" and "24 déc. 2026" in French, "24 de diciembre de 2026" in Spanish. Separators and month names
 * come from Intl for the text's locale, so they are the ones Intl writes; scale words and a language's ordinary words
 * (for telling names from capitalised nouns) are listed here.
 *
 * Numbers are read by rewriting them in place into the English form the recognisers know, character for character
 * ("1.234,56" → "1,234.56"), so every span still points at the text as written. In a German text "1.234" is one
 * thousand two hundred and thirty-four, never a decimal.
 */

export interface LocaleConventions {
  /** The language subtag: 'en', 'de', 'fr', 'es', … */
  language: string;
  /** ',' where the language writes decimals with a comma. */
  decimal: string;
  /** The characters that group thousands in this language (besides the decimal sign). */
  groups: string;
  /** Month names and abbreviations (lower case, without a final dot) → month number, English ones included. */
  months: Record<string, number>;
  /** The regex alternation of those names, longest first. */
  monthPattern: string;
  /** Scale words ("Mio.", "millions") as a regex source that may follow a number after a space. */
  scalePattern: string;
  /** Ordinary words of the language that are capitalised at times: never a person's name. */
  commonWords: ReadonlySet<string>;
  /** German capitalises every noun: two capitalised words in a row are not a name for that reason alone. */
  capitalisesNouns: boolean;
}

const ENGLISH_MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7,
  july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12,
  december: 12,
};

/** Each language's scale words after a number ("1,2 Mio.", "3 millions"): word (lower case, a final dot optional) → factor. */
const SCALES_OF: Record<string, Record<string, number>> = {
  de: { tausend: 1e3, 'tsd.': 1e3, millionen: 1e6, million: 1e6, 'mio.': 1e6, milliarden: 1e9, milliarde: 1e9, 'mrd.': 1e9 },
  fr: { mille: 1e3, millions: 1e6, million: 1e6, milliards: 1e9, milliard: 1e9, md: 1e9, m: 1e6 },
  es: { 'mil millones': 1e9, millones: 1e6, millón: 1e6, mil: 1e3, m: 1e6 },
};

/** Scale words → factor, keyed lower case without dots; the English ones are the recognisers' own. */
export const LOCALE_SCALES: Record<string, number> = Object.fromEntries(
  Object.values(SCALES_OF).flatMap((scales) => Object.entries(scales).map(([word, factor]) => [word.replace('.', ''), factor])),
);

/**
 * German nouns are capitalised: the words of an output that are, and are no person (the CRM's and a meeting's
 * vocabulary, greetings, function words at a sentence start). French and Spanish capitalise as English does.
 */
const GERMAN_COMMON_WORDS = `der die das den dem des ein eine einer einem einen und oder aber mit für von vom zum zur bei im in am an auf aus
  bis nach seit über unter vor ist sind war wird werden hat haben kein keine nicht noch nur auch als wie was bitte danke
  vielen dank hallo liebe lieber sehr geehrte geehrter guten tag grüße gruß beste besten freundlichen viele ihr ihre
  ihnen sie wir uns unser unsere ich mein meine es er diese dieser dieses nächste nächster nächsten schritt schritte
  offen offene offenen offener aufgabe aufgaben termin termine besprechung treffen kontakt kontakte ansprechpartner
  kunde kunden konto firma vertrag angebot preis betrag summe umsatz stand phase abschlussdatum datum frist woche monat
  jahr quartal heute zusammenfassung überblick hinweis risiko risiken frage fragen gesprächspunkte hintergrund
  teilnehmer aktivität aktivitäten notiz notizen fall fälle anfrage antwort nachricht zeitplan vergleich empfehlung
  maßnahme maßnahmen geschäft chance chancen verkaufschance verkaufschancen vergleichbare gewonnen gewonnene verloren
  verlorene prüfen klären bestätigen vereinbaren details punkt punkte ziel ziele gerne kurz zeit passt`;

/**
 * French and Spanish function words and the CRM's vocabulary: capitalised at a sentence start, they would otherwise
 * join the name before them ("… Globex Industries. La prochaine étape" is no person "Industries La").
 */
const FRENCH_COMMON_WORDS = `le la les l un une des du de d au aux et ou mais avec pour par sur dans en à ce cet cette ces il elle ils elles
  on nous vous je leur leurs son sa ses notre nos votre vos qui que ne pas plus est sont était sera a ont bonjour merci
  cordialement bien madame monsieur prochaine prochain prochaines étape étapes ouvert ouverte ouverts ouvertes tâche
  tâches requête requêtes compte comptes opportunité opportunités rendez-vous santé vue ensemble contexte participants
  point points date clôture montant aucun aucune cela voici`;
const SPANISH_COMMON_WORDS = `el la los las lo un una unos unas del de al y e o u pero con para por sobre en a este esta estos estas ese esa él
  ella ellos ellas nosotros usted ustedes yo su sus nuestro nuestra nuestros que no más es son era será ha han hola
  gracias saludos cordiales buenos días señor señora siguiente siguientes paso pasos próximo próximos próxima abierto
  abierta abiertos abiertas tarea tareas caso casos cuenta cuentas oportunidad oportunidades reunión estado visión
  general antecedentes asistentes punto puntos fecha cierre importe etapa ningún ninguna esto así`;
const COMMON_WORDS_OF: Record<string, string> = { de: GERMAN_COMMON_WORDS, fr: FRENCH_COMMON_WORDS, es: SPANISH_COMMON_WORDS };

const conventionsCache = new Map<string, LocaleConventions>();

/** A regex source matching a word in any letter case (the recognisers' flags differ). */
function anyCase(word: string): string {
  return [...word]
    .map((char) => {
      if (char === '.') return '\\.?';
      if (char === ' ') return '\\s';
      const upper = char.toUpperCase();
      return upper === char ? char : `[${char}${upper}]`;
    })
    .join('');
}

const byLengthDesc = (words: Iterable<string>): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);

function localMonths(locale: string): Record<string, number> {
  const months: Record<string, number> = { ...ENGLISH_MONTHS };
  for (let month = 1; month <= 12; month++) {
    for (const width of ['long', 'short'] as const) {
      const name = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' }).format(Date.UTC(2026, month - 1, 15));
      const key = name.toLowerCase().replace(/\.$/, '');
      months[key] = month;
      // "Dezember" is also written "Dez" and "Dez."; "septiembre" "sept" and "sep".
      if (key.length > 3) months[key.slice(0, 3)] ??= month;
    }
  }
  return months;
}

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return { decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.', group: parts.find((part) => part.type === 'group')?.value ?? ',' };
}

export function localeConventions(locale = 'en-US'): LocaleConventions {
  const cached = conventionsCache.get(locale);
  if (cached) return cached;
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const { decimal, group } = separators(locale);
  const months = language === 'en' ? ENGLISH_MONTHS : localMonths(locale);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const conventions: LocaleConventions = {
    language,
    decimal,
    // Spaces group thousands in French (Intl writes a narrow no-break space; people type a no-break one too).
    groups: group === ',' ? ',' : group === '.' ? '.' : `${group}\u00a0\u202f`,
    months,
    monthPattern: `(${byLengthDesc(Object.keys(months)).map(escape).join('|')})`,
    scalePattern: byLengthDesc(Object.keys(SCALES_OF[language] ?? {})).map(anyCase).join('|'),
    commonWords: new Set(COMMON_WORDS_OF[language]?.split(/\s+/) ?? []),
    capitalisesNouns: language === 'de',
  };
  conventionsCache.set(locale, conventions);
  return conventions;
}

/**
 * The text with every number the language writes its own way rewritten, in place and at the same length, in English
 * form: "1.234,56" → "1,234.56", "1 234,5" → "1,234.5", "1,2" → "1.2". Dates ("24.12.2026") are left alone: their
 * dot-separated parts are not groups of three. Texts in languages that write numbers as English does come back as they are.
 */
export function canonicalNumbers(text: string, conventions: LocaleConventions): string {
  if (conventions.decimal !== ',') return text;
  const group = `[${conventions.groups}]`;
  const number = new RegExp(`(?<![\\d.,])(?:\\d{1,3}(?:${group}\\d{3})+(?:,\\d+)?|\\d+,\\d+)(?![\\d.,]?\\d)`, 'g');
  return text.replace(number, (found) => found.replace(/[^\d]/g, (separator) => (separator === ',' ? '.' : ',')));
}
