import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { DEMO_QUESTION } from '../../scripts/demo-walk';
import { chooseDemoModel, openOptions, showFeature, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';

/** Chromium in German, as a rep in Germany runs it: the panel and the options page follow the browser's UI language. */
const harness = harnessForFile({}, { uiLanguage: 'de' });
const OPPORTUNITY = ACME.opportunities.globexExpansion;

const NOTE = `Telefonat mit Rosa heute.
Rosa bestätigt: Das Budget liegt jetzt bei $520,000.
Bis 2026-12-04 das unterschriebene Bestellformular an Rosa schicken.`;

/** The model's proposal for NOTE: the call, one field update and one follow-up, each quoting the note. */
const PROPOSAL = {
  activity: {
    subject: { value: 'Telefonat mit Rosa', evidence: 'Telefonat mit Rosa heute.' },
    description: { value: 'Rosa bestätigt das Budget von $520,000.', evidence: 'Rosa bestätigt: Das Budget liegt jetzt bei $520,000.' },
  },
  fieldUpdates: [{ field: 'Amount', value: '520000', evidence: 'Das Budget liegt jetzt bei $520,000' }],
  newContacts: [],
  followUps: [{ subject: 'Bestellformular an Rosa schicken', dueDate: '2026-12-04', evidence: 'Bis 2026-12-04 das unterschriebene Bestellformular an Rosa schicken.' }],
  namedOpportunities: [],
};

const text = (page: Page, selector: string): Promise<string> => page.$eval(selector, (node) => node.textContent?.trim() ?? '');

/** The Messages API requests the sandbox model received, newest last. */
const modelRequests = (): string[] =>
  harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages').map((entry) => entry.body);

/** Types as the rep does (React's controlled fields ignore a value set from outside). */
async function typeInto(panel: Page, selector: string, value: string): Promise<void> {
  await panel.focus(selector);
  await panel.keyboard.type(value);
}

describe('the extension in a German browser', () => {
  it('shows the panel on a record in German: tabs, buttons, a first-run checklist counting "2 Schritte" then "1 Schritt", numbers in German format', async () => {
    const { salesforceTab, openPanel, openRecordPanel } = harness();
    const tab = await salesforceTab(`/lightning/r/Opportunity/${OPPORTUNITY.id}/view`);
    const first = await openPanel(tab);
    // The browser really runs in German (Chromium on Linux reads LANGUAGE; Debian needs chromium-l10n for it).
    const uiLanguage = await first.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    expect(uiLanguage, 'Chromium did not run in German: on Debian, install chromium-l10n').toMatch(/^de/);
    expect(await first.evaluate(() => document.documentElement.lang)).toMatch(/^de/);

    // Before the org is enabled: no key yet and no org enabled, two steps left (plural "other").
    await first.waitForSelector('[data-testid=panel-state][data-state=org-not-enabled]');
    expect(await text(first, '#gw-enable-title')).toBe('Groundwork in dieser Org verwenden?');
    expect(await text(first, '[data-testid=enable-org]')).toMatch(/^Groundwork für \S+ aktivieren$/);
    // The first-run checklist comes once the panel has read the key and the orgs: waited for, then read.
    await first.waitForSelector('#gw-onboarding-title');
    expect(await text(first, '#gw-onboarding-title')).toBe('Erste Schritte mit Groundwork');
    await first.waitForFunction(() => document.querySelector('#gw-onboarding-title + p')?.textContent === 'Noch 2 Schritte.');

    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${OPPORTUNITY.id}"]`);
    // One step left (plural "one").
    await panel.waitForFunction(() => document.querySelector('#gw-onboarding-title + p')?.textContent === 'Noch 1 Schritt.');
    expect(await panel.$eval('[data-testid=refresh-record]', (node) => node.getAttribute('title'))).toBe('Datensatz neu lesen');
    expect(await text(panel, '[data-testid=panel-settings] .slds-assistive-text')).toBe('Groundwork-Einstellungen');
    expect(await text(panel, '[data-testid=show-context]')).toBe('Was gesendet wird');

    // The record's tabs, and the first one's Generate button held back with the German reason.
    const tabs = await panel.$$eval('.gw-tabs__ruler [data-measure=tab]', (nodes) => nodes.map((node) => node.textContent?.trim()));
    expect(tabs).toEqual(['Zusammenfassung', 'Briefing', 'Einblicke', 'E-Mail', 'Notiz', 'Fragen']);
    await showFeature(panel, 'summary');
    expect(await text(panel, '[data-testid=generate]')).toBe('Zusammenfassung schreiben');
    expect(await text(panel, '[data-testid=feature-blocked]')).toContain('Hinterlegen Sie Ihren Anthropic-API-Schlüssel in den Groundwork-Einstellungen');

    // What would be sent: the token count in German digits and the plural of "geschwärzt".
    await panel.locator('[data-testid=show-context]').click();
    await panel.waitForSelector('[data-testid=context-preview]');
    const summary = await text(panel, '[data-testid=context-preview] p');
    expect(summary).toMatch(/^Etwa \d{1,3}(\.\d{3})* Token · \d+ geschwärzt/);
    expect(summary).not.toMatch(/\d,\d{3}/);
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('reviews a note in German: "1 Feld … aktualisieren" on the confirm button, German evidence notes, and "In Salesforce geschrieben."', async () => {
    const { salesforceTab, openRecordPanel, setApiKey, sandbox } = harness();
    await setApiKey('sk-ant-e2e-ui-language-0001');
    const tab = await salesforceTab(`/lightning/r/Opportunity/${OPPORTUNITY.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${OPPORTUNITY.id}"]`);

    sandbox.model.script({ json: PROPOSAL });
    await showFeature(panel, 'note');
    expect(await text(panel, '[data-testid=propose-updates]')).toBe('Änderungen vorschlagen');
    await typeInto(panel, '[data-testid=note-input]', NOTE);
    await panel.locator('[data-testid=propose-updates]').click();
    await panel.waitForSelector('[data-testid=notes-review], [data-testid=notes-problem]', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=notes-problem]', (node) => node.textContent).catch(() => null)).toBeNull();

    const confirm = await text(panel, '[data-testid=review-confirm]');
    // Salesforce's own object label (this org is in English) inside the German sentence, nouns capitalized.
    expect(confirm).toBe(`2 Tasks anlegen, 1 Feld in ${OPPORTUNITY.name} aktualisieren`);
    expect(await panel.$eval('[data-testid=review-row][data-field="Amount"] .gw-evidence-quote', (node) => node.getAttribute('title'))).toBe('Aus dem Text zitiert.');
    expect(await text(panel, '[data-testid=review-cancel]')).toBe('Abbrechen');
    expect(await text(panel, '[data-testid=confirm-hint]')).toBe('Nur was auf der Schaltfläche steht, wird in Salesforce geschrieben.');
    expect(await panel.$eval('[data-testid=review-row][data-field="Amount"] [data-testid=row-current]', (node) => node.textContent)).toMatch(/^Aktuell: /);

    await panel.locator('[data-testid=review-confirm]').click();
    await panel.waitForSelector('[data-testid=commit-result]', { timeout: 15_000 });
    expect(await text(panel, '[data-testid=commit-result] [role=status]')).toBe('In Salesforce geschrieben.');
    expect(await text(panel, '[data-testid=undo]')).toBe('Rückgängig');
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('shows the options page in German: sections, the save bar, and the usage period in German plurals', async () => {
    const page = await openOptions(harness(), 'key');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await text(page, 'h1')).toBe('Groundwork-Einstellungen');
    expect(await page.$$eval('[data-testid^=options-tab-]', (nodes) => nodes.map((node) => node.textContent?.trim()))).toEqual([
      'Schlüssel & Modelle',
      'Funktionen',
      'Sprache',
      'Datenschutz',
      'Budgets & Preise',
      'Orgs & Anmeldung',
      'Audit',
      'Nutzung',
    ]);
    expect(await text(page, '#gw-options-section-title')).toBe('Schlüssel & Modelle');
    expect(await text(page, '[data-testid=save-settings]')).toBe('Speichern');
    expect(await text(page, '[data-testid=test-key]')).toBe('Schlüssel testen');

    await showOptionsSection(page, 'usage');
    expect(await page.$$eval('[data-testid=usage-range] option', (nodes) => nodes.map((node) => node.textContent))).toEqual(['Letzte 7 Tage', 'Letzte 30 Tage']);
    await page.waitForSelector('[data-testid=usage-cost]');
    // Money in the German way: the amount first, a decimal comma, the dollar sign after it.
    expect(await text(page, '[data-testid=usage-cost]')).toMatch(/^\d+,\d{2,4}\s\$$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the record card’s lists and the deal checks in German (the prompt keeps them English), copies a German draft with "Betreff:", and asks for Ask’s answer in German', async () => {
    const { salesforceTab, openRecordPanel, browser, extensionId } = harness();
    await chooseDemoModel(harness(), 'sk-ant-demo-offline-sandbox-key');
    const deal = ACME.opportunities.globexAnalytics;
    const tab = await salesforceTab(`/lightning/r/Opportunity/${deal.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${deal.id}"]`);
    const counts = await panel.$$eval('[data-testid=related-count]', (nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(counts).toEqual(expect.arrayContaining([expect.stringMatching(/^Kontaktrollen: \d+$/), expect.stringMatching(/^Aufgaben: \d+$/), expect.stringMatching(/^Feldverlauf: \d+$/)]));
    expect(counts.join(' ')).not.toMatch(/Contact roles|Tasks|Field history/);

    // Deal insights: the checks the panel shows are German, with a German date; the model is told them in English.
    await showFeature(panel, 'insights');
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-feature=insights][data-status=done]', { timeout: 20_000 });
    const findings = await panel.$$eval('[data-testid=deal-finding]', (nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(findings).toEqual(expect.arrayContaining([expect.stringMatching(/^Das Abschlussdatum \d{2}\.\d{2}\.\d{4} liegt \d+ Tage? zurück\.$/)]));
    expect(modelRequests().at(-1)).toMatch(/The close date \d{4}-\d{2}-\d{2} is \d+ days in the past\./);

    // An email draft written in German is copied with its German subject line.
    await browser.defaultBrowserContext().overridePermissions(`chrome-extension://${extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await showFeature(panel, 'email');
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-feature=email][data-status=done]', { timeout: 20_000 });
    await panel.locator('[data-testid=copy]').click();
    await panel.waitForSelector('[data-testid=copy-status][data-result=copied]');
    const subject = await panel.$eval('[data-testid=email-subject]', (node) => (node as HTMLInputElement).value);
    const copied = await panel.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n\n')[0]).toBe(`Betreff: ${subject}`);

    // Ask: the answer's request asks for German (the browser's language), and the demo model answers in German.
    await showFeature(panel, 'ask');
    await panel.locator('[data-testid=ask-input]').fill(DEMO_QUESTION);
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid=ask-outcome][data-phase=done]', { timeout: 20_000 });
    await panel.locator('[data-testid=ask-summarize]').click();
    await panel.waitForSelector('[data-testid=ask-summary][data-status=done]', { timeout: 20_000 });
    expect(modelRequests().at(-1)).toContain("Write in German (Deutsch, de-DE): it is the language of the rep's browser");
    expect(await text(panel, '[data-testid=ask-summary] [data-testid=generation-text]')).toMatch(/^Die passenden Datensätze: /);
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });
});
