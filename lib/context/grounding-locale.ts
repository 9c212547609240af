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

/** Scale words → factor, keyed lower case without dots; the English ones are the recognisers' own. */
export const LOCALE_SCALES: Record<string, number> = {
  tausend: 1e3, tsd: 1e3, mio: 1e6, million: 1e6, millionen: 1e6, mrd: 1e9, milliarde: 1e9, milliarden: 1e9,
  mille: 1e3, millions: 1e6, md: 1e9, milliard: 1e9, milliards: 1e9,
  mil: 1e3, millón: 1e6, millones: 1e6, 'mil millones': 1e9,
};

const SCALE_WORDS_OF: Record<string, string[]> = {
  de: ['tausend', 'tsd.', 'millionen', 'million', 'mio.', 'milliarden', 'milliarde', 'mrd.'],
  fr: ['mille', 'millions', 'million', 'milliards', 'milliard', 'md', 'm'],
  es: ['mil millones', 'millones', 'millón', 'mil', 'm'],
};

/**
 * Words of German, French and Spanish outputs that are written with a capital (German nouns, sentence starts,
 * headings) and are not people: the CRM's and a meeting's vocabulary, greetings and function words.
 */
const COMMON_WORDS_OF: Record<string, string> = {
  de: `der die das den dem des ein eine einer einem einen und oder aber mit für von vom zum zur bei im in am an auf aus
  bis nach seit über unter vor ist sind war wird werden wurde hat haben kein keine nicht noch nur auch als wie wo was
  wer bitte danke vielen dank hallo liebe lieber sehr geehrte geehrter guten tag morgen grüße grüßen gruß beste besten
  freundlichen viele herzliche ihr ihre ihren ihnen sie wir uns unser unsere ich mir mein meine es er sich diese dieser
  dieses nächste nächster nächsten schritt schritte offen offene offenen offener aufgabe aufgaben termin termine
  besprechung treffen kontakt kontakte ansprechpartner kunde kunden konto firma unternehmen vertrag verträge angebot
  preis preise betrag summe umsatz stand stufe phase abschlussdatum datum frist woche monat jahr quartal heute
  zusammenfassung überblick hinweis hinweise risiko risiken frage fragen gesprächspunkte hintergrund teilnehmer
  aktivität aktivitäten notiz notizen fall fälle anfrage antwort nachricht rückmeldung zeitplan vergleich
  empfehlung empfehlungen maßnahme maßnahmen geschäft geschäfte chance chancen verkaufschance verkaufschancen deal
  deals vergleichbare ähnliche gewonnen gewonnene verloren verlorene prüfen klären bestätigen vereinbaren sprechen
  details punkt punkte ziel ziele erfolg lage stelle seite beim schon gerne gern kurz kurzem zeit`,
  fr: `le la les un une des du de et ou mais avec pour par sur dans en au aux bonjour merci cordialement bien madame
  monsieur chère cher prochaine prochain étape étapes tâche tâches réunion contact contacts client clients compte
  contrat offre montant date semaine mois année trimestre aujourd résumé points questions risques recommandations`,
  es: `el la los las un una unos unas y o pero con para por sobre en del al hola gracias saludos atentamente estimado
  estimada próximo próxima paso pasos tarea tareas reunión contacto contactos cliente clientes cuenta contrato oferta
  importe fecha semana mes año trimestre hoy resumen puntos preguntas riesgos recomendaciones`,
};

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
    scalePattern: (SCALE_WORDS_OF[language] ?? []).map(anyCase).join('|'),
    commonWords: new Set((COMMON_WORDS_OF[language] ?? '').split(/\s+/).filter(Boolean)),
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
