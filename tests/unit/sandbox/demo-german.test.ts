/**
 * The demo model asked for German (the request's <output_language>, as the product sends it): summaries, briefs,
 * insights, emails and replies in German, with German number and date formats, judged by the product's own checks read
 * the German way.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../lib/context';
import { findUnsupportedClaims } from '../../../lib/context/grounding';
import { splitEmail, validateOutput } from '../../../lib/features/generate/validate';
import { renderPrompt, type PromptId } from '../../../lib/prompts';
import { languageInstruction } from '../../../lib/settings/languages';
import { ask, dealContext } from './demo-fixtures';
import { germanFormats } from '../../sandbox/anthropic/demo/words';
import { globexGraph, NOW } from '../context/graph-fixture';

const GERMAN = languageInstruction({ language: 'de', reason: "the rep chose it in Groundwork's settings" });

const account = buildContext(globexGraph(), { maxTokens: 4_000, now: NOW }).text;
const deal = dealContext();
const EXTRA: Partial<Record<PromptId, Record<string, string>>> = {
  insights: { checks: '- The close date 2026-04-30 is 15 days in the past.\n- No contact roles: nobody on the buying side is linked to this deal.' },
  email: { recipient: 'Lena Park', purpose: 'follow-up', tone: 'friendly', length: 'short', sender: 'Alex Rivera' },
};

function written(id: 'summary' | 'brief' | 'insights' | 'email', language?: string): { text: string; given: string } {
  const extra = EXTRA[id] ?? {};
  const context = id === 'insights' ? deal : account;
  return { text: ask(renderPrompt(id, { context, extra, ...(language ? { language } : {}) })), given: [context, ...Object.values(extra)].join('\n') };
}

const headings = (text: string) => [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

describe('the demo model asked for German', () => {
  it.each(['summary', 'brief', 'insights', 'email'] as const)('writes a %s in German that the German-reading checks pass', (id) => {
    const { text, given } = written(id, GERMAN);
    expect(text).not.toBe(written(id).text);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(findUnsupportedClaims(text, given, { locale: 'de-DE' })).toEqual([]);
    expect(validateOutput(id, text)).toEqual([]);
  });

  it('uses German section names and German number and date formats for the same facts', () => {
    const summary = written('summary', GERMAN).text;
    expect(headings(summary)).toEqual(expect.arrayContaining(['Offene Opportunities']));
    expect(summary).toMatch(/\d{1,3}(?:\.\d{3})+\u00a0\$/);
    expect(summary).toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/);
    const insights = written('insights', GERMAN).text;
    expect(headings(insights)).toEqual(expect.arrayContaining(['Zustand der Opportunity', 'Empfohlene nächste Schritte']));
    expect(insights).toContain('Das Abschlussdatum 30.04.2026 liegt 15 Tage zurück');
    expect(headings(written('brief', GERMAN).text)).toEqual(expect.arrayContaining(['Gesprächspunkte', 'Fragen']));
  });

  it('drafts an email and a reply in German with a German greeting and sign-off', () => {
    const { subject, body } = splitEmail(written('email', GERMAN).text);
    expect(subject).toMatch(/^Nächste Schritte zu /);
    expect(body).toMatch(/^Hallo Lena,/);
    expect(body).toMatch(/Viele Grüße,\nAlex Rivera$/);
    const extra = { thread: 'From: Lena Park\n\nKönnen Sie uns das neue Angebot schicken?', recipient: 'Lena Park <lena.park@globex.example>', sender: 'Alex Rivera' };
    const reply = ask(renderPrompt('reply', { context: account, extra, language: GERMAN }));
    expect(reply).toMatch(/^Hallo Lena,\n\nvielen Dank für Ihre Nachricht\./);
    expect(findUnsupportedClaims(reply, [account, ...Object.values(extra)].join('\n'), { locale: 'de-DE' })).toEqual([]);
  });

  it('answers in English when the request asks for a language Groundwork does not offer', () => {
    expect(written('summary', 'Write in Italian (Italiano, it-IT): test.').text).toBe(written('summary').text);
  });
});

describe('German number and date formats', () => {
  it.each([
    ['$1,200,000', '1.200.000\u00a0$'],
    ['€12,400.50', '12.400,50\u00a0€'],
    ['USD 75,000', '75.000\u00a0$'],
    ['12.5%', '12,5\u00a0%'],
    ['4,200 employees', '4.200 employees'],
    ['closes 2026-12-15', 'closes 15.12.2026'],
    ['[r1a2] at 17:00 UTC, INV-2026-0042, (415) 555-0181', '[r1a2] at 17:00 UTC, INV-2026-0042, (415) 555-0181'],
  ])('writes %s as %s', (english, german) => {
    expect(germanFormats(english)).toBe(german);
  });
});
