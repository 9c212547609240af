/**
 * Which supported language a text (an email thread) is written in, cheaply and deterministically: the words of each
 * language that are frequent in any text and rare in the others (articles, pronouns, prepositions, greetings) are
 * counted, and the language with the most wins when it has at least MIN_HITS of them and twice the runner-up's.
 * Otherwise the text is too short or too mixed to tell, and the answer is null. No library: a trigram model (franc)
 * covers many more languages but would cost the background bundle tens of kilobytes for four.
 */
import type { OutputLanguage } from './languages';

const MARKERS: Record<OutputLanguage, ReadonlySet<string>> = {
  en: new Set('the and is are was were you your we our this that with for have has will would could please thanks thank regards hi hello of to it be not can'.split(' ')),
  de: new Set('der die das und ist sind wir ihr ihre ich nicht mit für auf ein eine einen dem den des sie uns bitte danke vielen grüße hallo auch noch wie können wäre gerne'.split(' ')),
  fr: new Set('le la les et est sont nous vous votre je ne pas avec pour sur un une des du au merci bonjour cordialement cette mais que qui'.split(' ')),
  es: new Set('el la los las y es son nosotros usted su sus yo no con para por un una del al gracias hola saludos esta pero que muy podemos'.split(' ')),
};

const MIN_HITS = 3;

export function detectTextLanguage(text: string): OutputLanguage | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = (Object.keys(MARKERS) as OutputLanguage[])
    .map((language) => ({ language, count: words.filter((word) => MARKERS[language].has(word)).length }))
    .sort((a, b) => b.count - a.count);
  const [best, second] = hits;
  if (!best || best.count < MIN_HITS || best.count < 2 * (second?.count ?? 0)) return null;
  return best.language;
}
