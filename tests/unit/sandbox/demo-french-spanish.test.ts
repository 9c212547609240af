/**
 * The demo model asked for French or Spanish (the request's <output_language>, as the product sends it): section names,
 * phrases and deal-check findings in that language, numbers and dates in its formats, and the product's checks, read
 * in that locale, find nothing unsupported. So the offline demo works in every language the setting offers.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../lib/context';
import { findUnsupportedClaims } from '../../../lib/context/grounding';
import { splitEmail, validateOutput } from '../../../lib/features/generate/validate';
import { renderPrompt, type PromptId } from '../../../lib/prompts';
import { languageInstruction, OUTPUT_LANGUAGES } from '../../../lib/settings/languages';
import { localFormats } from '../../sandbox/anthropic/demo/words';
import { ask, dealContext } from './demo-fixtures';
import { globexGraph, NOW } from '../context/graph-fixture';

const account = buildContext(globexGraph(), { maxTokens: 4_000, now: NOW }).text;
const deal = dealContext();
const EXTRA: Partial<Record<PromptId, Record<string, string>>> = {
  insights: { checks: '- The close date 2026-04-30 is 15 days in the past.\n- No contact roles: nobody on the buying side is linked to this deal.' },
  email: { recipient: 'Lena Park', purpose: 'follow-up', tone: 'friendly', length: 'short', sender: 'Alex Rivera' },
};

function written(id: 'summary' | 'brief' | 'insights' | 'email', language: 'fr' | 'es'): { text: string; given: string } {
  const extra = EXTRA[id] ?? {};
  const context = id === 'insights' ? deal : account;
  const instruction = languageInstruction({ language, reason: "the rep chose it in Groundwork's settings" });
  return { text: ask(renderPrompt(id, { context, extra, language: instruction })), given: [context, ...Object.values(extra)].join('\n') };
}

const headings = (text: string) => [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

const EXPECTED = {
  fr: {
    summary: ['Opportunités ouvertes', 'Requêtes ouvertes'],
    insights: ['Santé de l’opportunité', 'Prochaines actions recommandées'],
    brief: ['Points à aborder', 'Questions'],
    check: 'La date de clôture 30/04/2026 est dépassée de 15 jours',
    subject: /^Prochaines étapes pour /,
    greeting: /^Bonjour Lena,\n\nJe reviens vers vous/,
    signOff: /Cordialement,\nAlex Rivera$/,
    amount: /\d{1,3}(?:\u202f\d{3})+\u00a0\$/,
  },
  es: {
    summary: ['Oportunidades abiertas', 'Casos abiertos'],
    insights: ['Estado de la oportunidad', 'Próximas acciones recomendadas'],
    brief: ['Temas de conversación', 'Preguntas'],
    check: 'La fecha de cierre 30/04/2026 pasó hace 15 días',
    subject: /^Próximos pasos de /,
    greeting: /^Hola, Lena:\n\nQuería hacer un seguimiento/,
    signOff: /Saludos cordiales,\nAlex Rivera$/,
    amount: /\d{1,3}(?:\.\d{3})+\u00a0\$/,
  },
} as const;

describe.each(['fr', 'es'] as const)('the demo model asked for %s', (language) => {
  const locale = OUTPUT_LANGUAGES[language].locale;
  const expected = EXPECTED[language];

  it.each(['summary', 'brief', 'insights', 'email'] as const)('writes a %s that the checks, reading this locale, pass', (id) => {
    const { text, given } = written(id, language);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(findUnsupportedClaims(text, given, { locale })).toEqual([]);
    expect(validateOutput(id, text)).toEqual([]);
  });

  it('names its sections, states the deal checks and writes amounts and dates in this language', () => {
    const summary = written('summary', language).text;
    expect(headings(summary)).toEqual(expect.arrayContaining([...expected.summary]));
    expect(summary).toMatch(expected.amount);
    expect(summary).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
    const insights = written('insights', language).text;
    expect(headings(insights)).toEqual(expect.arrayContaining([...expected.insights]));
    expect(insights).toContain(expected.check);
    expect(headings(written('brief', language).text)).toEqual(expect.arrayContaining([...expected.brief]));
  });

  it('drafts an email with the subject, greeting and sign-off of this language', () => {
    const { subject, body } = splitEmail(written('email', language).text);
    expect(subject).toMatch(expected.subject);
    expect(body).toMatch(expected.greeting);
    expect(body).toMatch(expected.signOff);
  });
});

describe('number and date formats by locale', () => {
  it.each([
    ['fr-FR', '$1,200,000 closes 2026-12-15 at 12.5%', '1\u202f200\u202f000\u00a0$ closes 15/12/2026 at 12,5\u00a0%'],
    ['es-ES', '$1,200,000 closes 2026-12-15 at 12.5%', '1.200.000\u00a0$ closes 15/12/2026 at 12,5\u00a0%'],
    ['es-ES', '4,200 employees', '4200 employees'],
  ])('in %s writes %s as %s', (locale, english, local) => {
    expect(localFormats(english, locale)).toBe(local);
  });
});
