import type { Feature } from './messages';
import { t } from '../../i18n';

/** Length bounds per use case, in characters: outside them the output is shown with why, and Regenerate. */
const LENGTH_BOUNDS: Record<Feature, { min: number; max: number }> = {
  summary: { min: 80, max: 6000 },
  brief: { min: 80, max: 8000 },
  insights: { min: 60, max: 6000 },
  email: { min: 40, max: 4000 },
};

/** Greetings in the languages Groundwork writes (lib/settings/languages.ts). */
const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|hallo|liebe|lieber|guten (tag|morgen)|sehr geehrte|bonjour|cher|chère|hola|estimad[oa]|buenos días)(?![\p{L}])/imu;

/** What is wrong with a finished output for its use case, in words the rep reads; empty when it passes. */
export function validateOutput(feature: Feature, text: string, prohibitedPhrases: readonly string[] = []): string[] {
  const problems: string[] = [];
  const body = text.trim();
  const { min, max } = LENGTH_BOUNDS[feature];
  if (body.length < min) problems.push(t('validate_tooShort', { count: body.length }));
  if (body.length > max) problems.push(t('validate_tooLong', { count: body.length }));
  if (feature === 'email') {
    if (!/^subject:\s*\S/im.test(body)) problems.push(t('validate_noSubject'));
    if (!GREETING.test(body.replace(/^subject:.*$/im, '').trim())) problems.push(t('validate_noGreeting'));
  }
  const lower = body.toLowerCase();
  for (const phrase of prohibitedPhrases) {
    if (phrase.trim() && lower.includes(phrase.trim().toLowerCase())) problems.push(t('validate_prohibited', { phrase: phrase.trim() }));
  }
  return problems;
}

/** The draft's closing "Sources: [id] [id]" line: it cites, it is not part of the email. */
const SOURCES_LINE = /^\s*sources:\s*(\[[^\]]+\]\s*)+$/im;

/** An email draft split into its subject line and body (the model writes "Subject: …" first, "Sources: …" last). */
export function splitEmail(text: string): { subject: string; body: string } {
  const withoutSources = text.replace(SOURCES_LINE, '').trim();
  const match = /^\s*subject:\s*(.*)$/im.exec(withoutSources);
  if (!match) return { subject: '', body: withoutSources };
  return { subject: (match[1] ?? '').trim(), body: withoutSources.slice((match.index ?? 0) + match[0].length).trim() };
}
