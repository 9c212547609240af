import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { serviceWorker, showFeature, stopButtonWhileTextGrows } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-test-key-0001';

const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

let keySaved = false;

/** Every test but the first runs with a key, saved once through the options page. */
async function withApiKey(): Promise<void> {
  if (keySaved) return;
  await harness().setApiKey(API_KEY);
  keySaved = true;
}

async function openRecord(object: string, id: string, user: 'full' | 'restricted' = 'full'): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel } = harness();
  const tab = await salesforceTab(recordPath(object, id), user);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return { tab, panel };
}

const messageRequests = () => harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');

async function generation(panel: Page, status: string): Promise<string> {
  const output = await panel.waitForSelector(`[data-testid=generation][data-status=${status}]`, { timeout: 15_000 });
  return (await output?.evaluate((node) => node.textContent ?? '')) ?? '';
}

describe('generation: summaries, briefs, insights and drafts', () => {
  it('without an Anthropic key, says so before any click, keeps Generate disabled, and links to the key’s settings', async () => {
    const { browser, extensionId } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.globex.id);
    const blocked = await panel.waitForSelector('[data-testid=feature-blocked]');
    expect(await blocked?.evaluate((node) => node.textContent)).toContain('Add your Anthropic API key');
    expect(await panel.$eval('[data-testid=generate]', (node) => (node as HTMLButtonElement).disabled)).toBe(true);
    // Nothing about it sits in an "AI-generated" frame.
    expect(await panel.$('[data-testid=generation]')).toBeNull();
    await showFeature(panel, 'note');
    await panel.waitForSelector('[data-testid=feature-blocked]');
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
    await panel.locator('[data-testid=feature-blocked-fix]').click();
    const settings = await browser.waitForTarget((target) => target.url() === `chrome-extension://${extensionId}/options.html#key`);
    const page = await settings.asPage();
    await page.waitForSelector('[data-testid=options-view-key] [data-testid=api-key-input]');
    await page.close();
    expect(messageRequests()).toEqual([]);
  });

  it('streams a cited summary built only from the record data, and sends no redacted value', async () => {
    await withApiKey();
    const { sandbox } = harness();
    sandbox.model.clearLog();
    const { panel } = await openRecord('Case', ACME.pii.caseId);
    await panel.locator('[data-testid=generate]').click();
    const text = await generation(panel, 'done');
    expect(text).toContain('AI-generated');
    expect(text).toContain('Demo model (offline)');
    expect(await panel.$$eval('[data-testid=citation]', (nodes) => nodes.length)).toBeGreaterThan(0);
    expect(await panel.$eval('[data-testid=grounding-summary]', (node) => node.textContent)).toContain('sources cited');
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    const [request] = messageRequests();
    const body = request?.body ?? '';
    expect(body).toContain('Cite every fact');
    expect(body).toContain('[SSN-1]');
    expect(body).not.toContain(ACME.pii.ssn);
    expect(body).not.toContain(ACME.pii.cardNumber);
    expect(request?.headers.authorization ?? request?.headers['x-api-key']).toContain(API_KEY);
  });

  it('highlights numbers and names the record data does not support', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.initech.id);
    sandbox.model.script({ text: '## Open opportunities\n- Initech expects a $999,999 upsell signed by Zelda Quartermaine on 2031-02-30.' });
    await showFeature(panel, 'brief');
    await panel.locator('[data-testid=generate]').click();
    await generation(panel, 'done');
    const flagged = await panel.$$eval('[data-testid=unverified-claim]', (nodes) => nodes.map((node) => node.textContent));
    expect(flagged).toEqual(expect.arrayContaining(['$999,999', 'Zelda Quartermaine']));
    expect(await panel.$eval('[data-testid=grounding-summary]', (node) => node.textContent)).toMatch(/unverified/);
  });

  it('stops a stream at once from a Stop button that stays put while the text grows, and keeps what was written', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.stark.id);
    sandbox.model.script({ text: 'Stark Logistics is piloting telematics. '.repeat(80), chunkDelayMs: 60 });
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=streaming]');
    await panel.waitForFunction(() => (document.querySelector('[data-testid=generation-text]')?.textContent ?? '').length > 40);
    const stop = await stopButtonWhileTextGrows(panel, '[data-testid=stop-generation]', '[data-testid=generation-text]');
    expect(stop.after).toEqual(stop.before);
    // Held as a hand holds it: a press that starts on the button and ends on it.
    await panel.locator('[data-testid=stop-generation]').click({ delay: 150 });
    const text = await generation(panel, 'stopped');
    expect(text).toContain('Stark Logistics is piloting');
    await panel.waitForFunction(() => true);
    const last = messageRequests().at(-1);
    expect(last && 'aborted' in last ? last.aborted : undefined).toBe(true);
  });

  it('keeps the partial text when the service worker is stopped mid-stream, and Retry completes it', async () => {
    await withApiKey();
    const { sandbox, extension } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.wayne.id);
    sandbox.model.script({ text: 'Wayne Financial is evaluating fraud analytics. '.repeat(60), chunkDelayMs: 80 });
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForFunction(() => (document.querySelector('[data-testid=generation-text]')?.textContent ?? '').length > 100);
    await (await serviceWorker(extension)).close();
    const partial = await generation(panel, 'interrupted');
    expect(partial).toContain('Wayne Financial is evaluating');

    sandbox.model.script({ text: '## Summary\n- Wayne Financial is evaluating fraud analytics, and the deal is in negotiation.' });
    await panel.locator('[data-testid=regenerate]').click();
    expect(await generation(panel, 'done')).toContain('the deal is in negotiation');
  });

  it('reopens an unchanged record’s summary from the cache with no model call', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { tab, panel } = await openRecord('Account', ACME.accounts.soylent.id);
    await panel.locator('[data-testid=generate]').click();
    const first = await generation(panel, 'done');
    const calls = messageRequests().length;

    await tab.goto(`https://${sandbox.org.primary.lightningHost}${recordPath('Account', ACME.accounts.cyberdyne.id)}`);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.cyberdyne.id}"]`);
    await tab.goBack();
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.soylent.id}"]`);
    expect(await generation(panel, 'done')).toBe(first);
    expect(messageRequests()).toHaveLength(calls);
  });

  it('checks a deal before asking the model, and compares similar closed deals', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openRecord('Opportunity', ACME.opportunities.globexAnalytics.id);
    await showFeature(panel, 'insights');
    await panel.locator('[data-testid=generate]').click();
    await generation(panel, 'done');
    const findings = await panel.$$eval('[data-testid=deal-finding]', (nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(findings.some((finding) => /close date .* in the past/.test(finding))).toBe(true);
    const body = messageRequests().at(-1)?.body ?? '';
    expect(body).toContain('Similar closed deals');
    expect(body).toContain('Globex Industries - Annual Support Renewal');
    expect(sandbox.org.log.some((entry) => /IsClosed = true/i.test(decodeURIComponent(entry.body)))).toBe(true);
  });

  it('drafts an email to a contact of the record, editable, with a subject', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.umbrella.id);
    await showFeature(panel, 'email');
    await panel.select('[data-testid=email-recipient]', ACME.contacts.dana.id);
    sandbox.model.script({ text: 'Subject: Your revised renewal quote\n\nHi Dana,\n\nThanks for the call. I will send the revised quote for the renewal this week.\n\nBest,\nAlex' });
    await panel.locator('[data-testid=generate]').click();
    await generation(panel, 'done');
    expect(await panel.$eval('[data-testid=email-subject]', (node) => (node as HTMLInputElement).value)).toBe('Your revised renewal quote');
    expect(await panel.$eval('[data-testid=email-body]', (node) => (node as HTMLTextAreaElement).value)).toMatch(/^Hi Dana,/);
    expect(messageRequests().at(-1)?.body).toContain('Dana Whitfield');
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('explains rate limits and overload in plain words', async () => {
    await withApiKey();
    const { sandbox } = harness();
    const { panel } = await openRecord('Account', ACME.accounts.massive.id);
    const limited = { error: { status: 429, type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit', retryAfter: 30 } };
    sandbox.model.script(limited, limited, limited);
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation-problem][data-kind=rate-limited]');
    expect(await panel.$eval('[data-testid=generation-problem]', (node) => node.textContent)).toMatch(/30 seconds|rate/i);
  });
});
