/**
 * The languages Groundwork writes its summaries, briefs, insights and drafts in. Each is listed by its own name (a rep
 * looks for "Deutsch", not "German") and carries the locale whose conventions its numbers and dates are written and
 * read in (lib/context/grounding-locale.ts).
 */
export const OUTPUT_LANGUAGES = {
  en: { ownName: 'English', englishName: 'English', locale: 'en-US' },
  de: { ownName: 'Deutsch', englishName: 'German', locale: 'de-DE' },
  fr: { ownName: 'Français', englishName: 'French', locale: 'fr-FR' },
  es: { ownName: 'Español', englishName: 'Spanish', locale: 'es-ES' },
} as const;

export type OutputLanguage = keyof typeof OUTPUT_LANGUAGES;
export const OUTPUT_LANGUAGE_CODES = Object.keys(OUTPUT_LANGUAGES) as OutputLanguage[];

/** The rep's choice: a language, or 'browser' for the browser's own language (English when it is not supported). */
export const OUTPUT_LANGUAGE_CHOICES = ['browser', ...OUTPUT_LANGUAGE_CODES] as const;
export type OutputLanguageChoice = (typeof OUTPUT_LANGUAGE_CHOICES)[number];

/** How a reply draft picks its language: the thread's own (the rep's language when it cannot be told), or the rep's. */
export const REPLY_LANGUAGE_CHOICES = ['thread', 'setting'] as const;
export type ReplyLanguageChoice = (typeof REPLY_LANGUAGE_CHOICES)[number];

/** The supported language of a BCP 47 tag ("de-AT" → de), or null. */
export function supportedLanguage(tag: string): OutputLanguage | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(OUTPUT_LANGUAGES, primary) ? (primary as OutputLanguage) : null;
}

/** The language a choice means in a browser whose interface speaks `browserLanguage`. */
export function resolveOutputLanguage(choice: OutputLanguageChoice, browserLanguage: string): OutputLanguage {
  return choice === 'browser' ? (supportedLanguage(browserLanguage) ?? 'en') : choice;
}

/** Why an output is in its language, said to the model in the request's user turn. */
export interface LanguageRequest {
  language: OutputLanguage;
  reason: string;
}

/** The instruction the request carries (see prompts/preamble.md, "<output_language>"). */
export function languageInstruction({ language, reason }: LanguageRequest): string {
  const { englishName, ownName, locale } = OUTPUT_LANGUAGES[language];
  return `Write in ${englishName} (${ownName}, ${locale}): ${reason}.`;
}

/** The language the rep's setting asks for, and why, in words the model (and the audit reader) understands. */
export function outputLanguageRequest(choice: OutputLanguageChoice, forced: boolean, browserLanguage: string): LanguageRequest {
  const language = resolveOutputLanguage(choice, browserLanguage);
  const reason = forced
    ? "the organization's policy sets the language of Groundwork's output"
    : choice === 'browser'
      ? `it is the language of the rep's browser (${browserLanguage})`
      : "the rep chose it in Groundwork's settings";
  return { language, reason };
}

/**
 * A reply answers in the thread's language (when it can be told and the rep lets replies follow the thread), else in
 * the rep's output language; in both cases a language the rep's own instruction names wins.
 */
export function replyLanguageRequest(threadLanguage: OutputLanguage | null, output: LanguageRequest, replyChoice: ReplyLanguageChoice): LanguageRequest {
  const unless = "; if the rep's <instruction> asks for another language, write in that one";
  if (replyChoice === 'thread' && threadLanguage) {
    return { language: threadLanguage, reason: `the email thread is written in ${OUTPUT_LANGUAGES[threadLanguage].englishName} (told from its words) and a reply answers in the thread's language${unless}` };
  }
  const why = replyChoice === 'thread' ? `the thread's language could not be told, so the rep's language: ${output.reason}` : output.reason;
  return { language: output.language, reason: `${why}${unless}` };
}
