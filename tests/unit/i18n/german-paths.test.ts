/**
 * The panel's words on paths that also feed prompts or come from the background, read with the German catalogue as
 * a German browser serves it: what the rep sees is German, what the model is sent stays English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatSettings } from '../../../lib/context/format';
import { setMessageSource } from '../../../lib/i18n';
import { checkForPrompt, checkShown, dealChecks } from '../../../lib/features/generate/deal-checks';
import { settingsFromDraft, draftFrom } from '../../../lib/features/governance/options-draft';
import { priceRowProblems } from '../../../lib/features/governance/price-draft';
import { draftText, replySubject } from '../../../lib/i18n/draft-words';
import { buildRecordCard, changeLines } from '../../../lib/features/record-view/card';
import { changeShown } from '../../../lib/features/record-view/list-titles';
import type { Change } from '../../../lib/features/record-view/snapshots';
import { loadManagedPolicy, Settings } from '../../../lib/settings';
import { errorsOf } from '../../../lib/salesforce/write-request';
import { globexGraph, openOpportunities, NOW, FIELD_META } from '../context/graph-fixture';
import { localeSource } from './catalogue';

beforeAll(() => setMessageSource(localeSource('de')));
afterAll(() => setMessageSource(localeSource('en')));

const FORMAT: FormatSettings = { locale: 'de-DE', timeZone: 'UTC', currency: 'USD', today: '2026-05-15' };

describe('in a German browser', () => {
  it('titles the record card’s related lists in German, keeping an org-named list’s own label', () => {
    const card = buildRecordCard(globexGraph(), null, null, FORMAT);
    const labels = card.counts.map((count) => count.label);
    expect(labels).toEqual(expect.arrayContaining(['Kontakte', 'Offene Opportunities', 'Offene Kundenvorgänge', 'Notizen', 'Invoices']));
    expect(labels).not.toContain('Contacts');
  });

  it('shows a date field on the record card in German form, where the prompt context keeps it ISO', () => {
    const [opportunity] = openOpportunities();
    if (!opportunity) throw new Error('the fixture has no open opportunity');
    const graph = { ...globexGraph(), root: opportunity, rootName: 'Renewal', objectLabel: 'Opportunity' };
    const card = buildRecordCard(graph, null, null, FORMAT);
    expect(card.keyFields).toContainEqual({ label: 'Close Date', value: '15.12.2026' });
  });

  it('shows a change since the last visit in German while the summary prompt gets it in English', () => {
    const changes: Change[] = [
      { kind: 'added', listKey: 'contactRoles', list: 'Contact roles', name: 'Rosa Diaz', count: 1 },
      { kind: 'added', listKey: 'history', list: 'Field history', name: '', count: 3 },
    ];
    expect(changes.map(changeShown)).toEqual(['Neu in Kontaktrollen: Rosa Diaz', 'Neu in Feldverlauf: 3 Datensätze']);
    expect(changeLines(changes)).toEqual(['New in Contact roles: Rosa Diaz', 'New in Field history: 3 records']);
  });

  it('shows the deal checks in German with German dates and plurals, and states them to the model in English', () => {
    const [opportunity] = openOpportunities().slice(1);
    if (!opportunity) throw new Error('the fixture has a second opportunity');
    const graph = { root: opportunity, rootName: 'Globex - Plant 3 Sensors', objectLabel: 'Opportunity', related: [], fieldMeta: FIELD_META, fetchedAt: NOW.toISOString() };
    const checks = dealChecks(graph, NOW);
    expect(checks.map(checkForPrompt)).toEqual(['No next step is recorded.', 'The close date 2026-04-30 is 15 days in the past.', 'No activity is logged on this deal.']);
    expect(checks.map((check) => checkShown(check).text)).toEqual([
      'Es ist kein nächster Schritt erfasst.',
      'Das Abschlussdatum 30.04.2026 liegt 15 Tage zurück.',
      'Zu diesem Deal ist keine Aktivität erfasst.',
    ]);
    expect(checkShown({ severity: 'warning', kind: 'quiet', days: 1 }).text).toBe('Keine Aktivität am letzten Tag.');
  });

  it('says what is wrong in the settings form in German, naming the field', () => {
    const draft = draftFrom(Settings.parse({}));
    expect(settingsFromDraft({ ...draft, baseUrl: 'http://gateway.example' }, Settings.parse({}))).toEqual({
      problem: 'Basis-URL des Gateways: Verwenden Sie eine https://-Adresse (http:// nur für localhost).',
    });
    expect(settingsFromDraft({ ...draft, auditRetentionDays: '5000' }, Settings.parse({}))).toEqual({ problem: 'Aufbewahrung der Audit-Einträge: Geben Sie höchstens 3.650 ein.' });
    expect(settingsFromDraft({ ...draft, dailyUsd: '-3' }, Settings.parse({}))).toEqual({ problem: 'Tagesbudget: Geben Sie mehr als 0 ein.' });
    expect(settingsFromDraft({ ...draft, extraPatterns: 'ok\n(open' }, Settings.parse({}))).toEqual({ problem: expect.stringMatching(/^Zusätzliche Schwärzungsmuster \(Zeile 2\): Kein gültiger regulärer Ausdruck: /) });
  });

  it('lists an ignored policy value in German', async () => {
    const values: Record<string, unknown> = { allowedOrgIds: ['acme'], auditRetentionDays: 30 };
    const { problems, policy } = await loadManagedPolicy({ get: async (key: string) => values[key] });
    expect(problems).toEqual(['Die Richtlinie „allowedOrgIds“ wurde ignoriert: Keine Salesforce-Org-ID.']);
    expect(policy.auditRetentionDays).toBe(30);
  });

  it('names a price-table problem in German', () => {
    const row = { model: 'claude-x', prices: { input: '-1', output: '', cacheRead: 'abc', cacheWrite: '' } };
    expect(priceRowProblems(row, ['claude-x']).map((problem) => problem.text)).toEqual([
      'claude-x steht bereits in der Tabelle: Ändern Sie die Preise in seiner Zeile.',
      'Der Preis „Eingabe“ für claude-x darf nicht unter null liegen.',
      'Geben Sie den Preis „Ausgabe“ für claude-x als Zahl ein, 0 oder mehr.',
      'Der Preis „Cache-Lesen“ für claude-x ist keine Zahl.',
    ]);
  });

  it('words an unreadable Salesforce refusal in German', () => {
    expect(errorsOf('not a list')).toEqual([{ code: 'UNKNOWN_EXCEPTION', message: 'Salesforce hat diese Änderung abgelehnt.', fields: [] }]);
  });
});

describe('a draft’s own words follow the draft’s language, whatever the panel’s', () => {
  it('copies a German draft with "Betreff:", a French one with "Objet :", an English one with "Subject:"', () => {
    expect(draftText('Angebot', 'Hallo Lena,', 'de')).toBe('Betreff: Angebot\n\nHallo Lena,');
    expect(draftText('Offre', 'Bonjour Lena,', 'fr')).toBe('Objet : Offre\n\nBonjour Lena,');
    expect(draftText('Offer', 'Hi Lena,', 'en')).toBe('Subject: Offer\n\nHi Lena,');
  });

  it('prefixes a reply as its mail client does in that language: Outlook "AW:" in German, Gmail "Re:" in every language, never twice', () => {
    expect(replySubject('Angebot', 'de', 'Outlook')).toBe('AW: Angebot');
    expect(replySubject('Angebot', 'de', 'Gmail')).toBe('Re: Angebot');
    expect(replySubject('Offre', 'fr', 'Outlook')).toBe('RE : Offre');
    expect(replySubject('AW: Angebot', 'de', 'Gmail')).toBe('AW: Angebot');
    expect(replySubject('Re: Offer', 'en', 'Outlook')).toBe('Re: Offer');
    expect(replySubject('', 'de', 'Outlook')).toBe('');
  });
});
