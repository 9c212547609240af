import { describe, expect, it } from 'vitest';
import { textOf } from '../../../lib/model/types';
import { renderPrompt, promptPreamble } from '../../../lib/prompts';
import {
  effectiveSettings,
  isLocked,
  languageInstruction,
  outputLanguageRequest,
  replyLanguageRequest,
  resolveOutputLanguage,
  Settings,
} from '../../../lib/settings';
import { detectTextLanguage } from '../../../lib/settings/text-language';
import { prepareReply } from '../../../lib/features/mail/reply';
import { globexGraph, NOW } from '../context/graph-fixture';

describe('the output language setting', () => {
  it("defaults to the browser's language, and to English when the browser speaks one Groundwork does not write", () => {
    expect(Settings.parse({}).outputLanguage).toBe('browser');
    expect(resolveOutputLanguage('browser', 'de')).toBe('de');
    expect(resolveOutputLanguage('browser', 'de-AT')).toBe('de');
    expect(resolveOutputLanguage('browser', 'ja')).toBe('en');
    expect(resolveOutputLanguage('fr', 'de')).toBe('fr');
  });

  it("is locked to the policy's language, which wins over the rep's, and the request says the organization set it", () => {
    const rep = Settings.parse({ outputLanguage: 'fr' });
    const effective = effectiveSettings(rep, { outputLanguage: 'de' });
    expect(effective.settings.outputLanguage).toBe('de');
    expect(isLocked(effective, 'outputLanguage')).toBe(true);
    const request = outputLanguageRequest(effective.settings.outputLanguage, true, 'en-US');
    expect(request.language).toBe('de');
    expect(languageInstruction(request)).toBe("Write in German (Deutsch, de-DE): the organization's policy sets the language of Groundwork's output.");
  });

  it("says the browser's language is why, when the rep left the default", () => {
    expect(languageInstruction(outputLanguageRequest('browser', false, 'de'))).toContain("it is the language of the rep's browser (de)");
  });
});

describe("a reply's language", () => {
  const german = 'Hallo Sam,\nwir brauchen bis Freitag ein neues Angebot für die 240 Lizenzen. Können Sie uns das schicken?\nViele Grüße\nDana';
  const english = 'Hi Sam,\nwe need a revised quote for the 240 seats by Friday. Could you send it over?\nThanks,\nDana';

  it("tells the thread's language from its words, and says so only when it can", () => {
    expect(detectTextLanguage(german)).toBe('de');
    expect(detectTextLanguage(english)).toBe('en');
    expect(detectTextLanguage('Bonjour Sam, nous avons besoin de la nouvelle offre pour les 240 licences avant vendredi. Merci')).toBe('fr');
    expect(detectTextLanguage('Hola Sam, necesitamos la nueva oferta para las 240 licencias antes del viernes. Gracias')).toBe('es');
    expect(detectTextLanguage('OK 240')).toBeNull();
  });

  it("answers in the thread's language over the rep's, unless the rep set replies to follow the setting", () => {
    const output = { language: 'en' as const, reason: "the rep chose it in Groundwork's settings" };
    expect(replyLanguageRequest('de', output, 'thread')).toMatchObject({ language: 'de', reason: expect.stringContaining('the email thread is written in German') });
    expect(replyLanguageRequest('de', output, 'setting')).toMatchObject({ language: 'en', reason: expect.stringContaining("the rep chose it in Groundwork's settings") });
    expect(replyLanguageRequest(null, output, 'thread')).toMatchObject({ language: 'en', reason: expect.stringContaining("the thread's language could not be told") });
  });

  it('asks for the German thread to be answered in German, says why, and reads the reply\'s figures the German way', () => {
    const prepared = prepareReply({
      graph: globexGraph(),
      thread: { subject: 'Angebot', messages: [{ from: 'Dana Ruiz', email: 'dana@globex.example', date: '2026-05-14', body: `${german}\nDer Rahmen liegt bei 12.500 €.` }] },
      person: { objectName: 'Contact', recordId: '003000000000001AAA', name: 'Dana Ruiz', email: 'dana@globex.example' },
      instruction: '',
      now: NOW,
      rules: { deniedFields: [], patterns: [] },
      languages: { output: { language: 'en', reason: "the rep chose it in Groundwork's settings" }, reply: 'thread' },
    });
    expect(prepared.userText).toMatch(/<output_language>\nWrite in German \(Deutsch, de-DE\): the email thread is written in German/);
    expect(prepared.language.language).toBe('de');
  });
});

describe('the language instruction in a prompt', () => {
  it('sits in the uncached part of the user turn: the system blocks and the cached context are the same in every language', () => {
    const context = '# Account (the record in view)\nr1a2 Name: Globex';
    const english = renderPrompt('summary', { context });
    const german = renderPrompt('summary', { context, language: 'Write in German (Deutsch, de-DE): the rep chose it.' });
    expect(german.system).toEqual(english.system);
    expect(german.user[0]).toEqual(english.user[0]);
    expect(german.user[0]?.cacheable).toBe(true);
    expect(german.user[1]?.cacheable).toBe(false);
    expect(textOf(german.user.slice(1))).toContain('<output_language>\nWrite in German (Deutsch, de-DE): the rep chose it.\n</output_language>');
    expect(english.userText).not.toContain('output_language');
  });

  it('is explained once, in the shared preamble, with the number and date formats to use', () => {
    expect(promptPreamble().body).toMatch(/<output_language>/);
    expect(promptPreamble().body).toMatch(/1\.234,56 €/);
  });
});
