/**
 * The language of AI output, set by the rep in the options page: the model request asks for it, the demo model answers
 * in it, the grounding check reads its numbers the German way (a planted wrong amount in German format is flagged, the
 * right one is not), and a Gmail reply answers in the thread's language whatever the setting.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, DANA } from '../sandbox/gmail/mailbox';
import { ACME } from '../sandbox/salesforce/seed';
import { openOptions } from './chromium';
import { lastingItem } from './extension-store';
import { harnessForFile } from './harness';
import { checkView, failing } from './layout';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-test-key-0019';
const GERMAN_INSTRUCTION = 'Write in German (Deutsch, de-DE)';

const messageRequests = () => harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');

/** Chooses the output language on the options page, as a rep would, and waits until it is stored. */
async function chooseOutputLanguage(code: string): Promise<Page> {
  const page = await openOptions(harness(), 'language');
  await page.select('[data-testid=output-language]', code);
  await page.locator('[data-testid=save-settings]').click();
  for (let attempt = 0; ((await lastingItem(page, 'settings')) as { outputLanguage?: string } | undefined)?.outputLanguage !== code; attempt++) {
    if (attempt === 50) throw new Error(`The output language was not saved as ${code}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return page;
}

async function openRecord(object: string, id: string): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel, recordUrl } = harness();
  const tab = await salesforceTab(new URL(recordUrl(object, id)).pathname);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return { tab, panel };
}

async function finishedText(panel: Page): Promise<string> {
  const output = await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 20_000 });
  return (await output?.evaluate((node) => node.textContent ?? '')) ?? '';
}

describe('the language of AI output', () => {
  it('offers each language by its own name, defaulting to the browser’s, and lays out at 1,280 and 400 px in light and dark', async () => {
    await harness().setApiKey(API_KEY);
    const page = await openOptions(harness(), 'language');
    const options = await page.$$eval('[data-testid=output-language] option', (nodes) => nodes.map((node) => node.textContent));
    expect(options).toEqual([expect.stringMatching(/^Browser language \(/), 'English', 'Deutsch', 'Français', 'Español']);
    expect(await page.$eval('[data-testid=output-language]', (node) => (node as HTMLSelectElement).value)).toBe('browser');
    expect(failing(await checkView(page, 'options-language', [1280, 400]))).toEqual([]);
    await page.close();
  });

  it('with the language set to German, a summary’s request asks for German and the grounding check flags a planted wrong amount written in German format', async () => {
    const settings = await chooseOutputLanguage('de');
    await settings.close();
    const { sandbox } = harness();
    sandbox.model.clearLog();
    const { tab, panel } = await openRecord('Opportunity', ACME.opportunities.globexExpansion.id);
    // The record's amount is $480,000: written the German way it is supported; 458.000 $ is planted and is not.
    sandbox.model.script({
      text: '## Offene Verkaufschancen\n- Globex Industries - Plant Automation Expansion: Phase Negotiation/Review, Betrag 480.000 $.\n- Dazu kommen laut Einkauf weitere 458.000 $.',
    });
    await panel.locator('[data-testid=generate]').click();
    await finishedText(panel);
    const flagged = await panel.$$eval('[data-testid=unverified-claim]', (nodes) => nodes.map((node) => node.textContent));
    expect(flagged).toEqual(['458.000 $']);
    expect(await panel.$eval('[data-testid=grounding-summary]', (node) => node.textContent)).toMatch(/unverified/);

    const body = JSON.parse(messageRequests().at(-1)?.body ?? '{}') as { system?: { text: string }[]; messages?: { content: { text: string }[] }[] };
    const user = (body.messages ?? []).flatMap((message) => message.content.map((block) => block.text)).join('\n');
    expect(user).toContain(`<output_language>\n${GERMAN_INSTRUCTION}: the rep chose it in Groundwork's settings.\n</output_language>`);
    // The instruction sits after the cached context, so the cached system prompt is the same in every language.
    expect((body.system ?? []).map((block) => block.text).join('\n')).not.toContain(GERMAN_INSTRUCTION);
    await tab.close();
  });

  it('the demo model answers in German, with German number and date formats, and nothing in it is flagged', async () => {
    const { sandbox } = harness();
    sandbox.model.clearLog();
    const { tab, panel } = await openRecord('Opportunity', ACME.opportunities.globexExpansion.id);
    await panel.locator('[data-testid=generate]').click();
    const text = await finishedText(panel);
    expect(text).toMatch(/Offene Opportunities|Handlungsbedarf/);
    expect(text).toMatch(/480\.000\s\$/);
    expect(text).not.toMatch(/\$480,000|\b\d{4}-\d{2}-\d{2}\b/);
    expect(await panel.$$('[data-testid=unverified-claim]')).toHaveLength(0);
    expect(messageRequests().at(-1)?.body).toContain(GERMAN_INSTRUCTION);
    expect(failing(await checkView(panel, 'panel-summary-german', [400]))).toEqual([]);
    await tab.close();
  });

  it('a reply draft answers a German thread in German, though the rep’s language is English, and the request says why', async () => {
    const settings = await chooseOutputLanguage('en');
    await settings.close();
    const { sandbox } = harness();
    const { tab, panel } = await openRecord('Contact', ACME.contacts.dana.id);
    const germanThread = ACCOUNTS[1]?.threads.find((thread) => thread.subject.startsWith('Verlängerung'));
    if (!germanThread) throw new Error('the Gmail fake has the German thread');
    await tab.goto(`https://mail.google.com/mail/u/1/#inbox/${germanThread.threadId}`);
    await panel.waitForSelector('[data-testid=gmail-card][data-state=found]');
    expect(await panel.$eval('[data-testid=sender]', (node) => node.textContent)).toBe(`${DANA.name} <${DANA.email}>`);
    sandbox.model.clearLog();
    await panel.locator('[data-testid=draft-reply]').click();
    await panel.waitForSelector('[data-testid=reply][data-status=done]', { timeout: 20_000 });
    const drafted = await panel.$eval('[data-testid=reply-body]', (node) => (node as HTMLTextAreaElement).value);
    expect(drafted).toMatch(/^Hallo Dana,\n\nvielen Dank für Ihre Nachricht\./);
    expect(drafted).toMatch(/Viele Grüße/);
    const body = messageRequests().at(-1)?.body ?? '';
    expect(body).toContain(`${GERMAN_INSTRUCTION}: the email thread is written in German (told from its words) and a reply answers in the thread's language`);
    expect(await panel.$eval('[data-testid=reply-grounding]', (node) => node.textContent)).toContain('Every number, date, email, phone and name was found');
    await tab.close();
  });
});
