import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO_NOTE } from '../../scripts/demo-walk';
import { ACME } from '../sandbox/salesforce/seed';
import { openOptions, showFeature, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();

interface Counts {
  entries: number;
  requests: number;
  failed: number;
}

const numbers = (node: Element): Counts => ({
  entries: Number(node.getAttribute('data-entries') ?? 0),
  requests: Number(node.getAttribute('data-requests') ?? 0),
  failed: Number(node.getAttribute('data-failed') ?? 0),
});

/** A date typed into a date field as a rep would (the field's order: month, day, year). */
async function typeDate(page: Page, selector: string, date: Date): Promise<void> {
  const two = (value: number): string => String(value).padStart(2, '0');
  await page.focus(selector);
  await page.keyboard.type(`${two(date.getMonth() + 1)}${two(date.getDate())}${date.getFullYear()}`);
}

async function generate(panel: Page, feature: string): Promise<void> {
  await showFeature(panel, feature);
  await panel.locator('[data-testid=generate]').click();
  await panel.waitForSelector(`[data-testid=generation][data-feature=${feature}][data-status=done], [data-testid=feature-panel-${feature}] [data-testid=generation-problem]`, { timeout: 20_000 });
}

/** An Ask question (its plan scripted) and the answer's summary: two model calls. */
async function askAndSummarize(panel: Page): Promise<void> {
  await showFeature(panel, 'ask');
  harness().sandbox.model.script({ json: { object: 'Opportunity', fields: ['Name', 'Amount'], filters: [], filterLogic: [], scope: null, aggregates: [], groupBy: [], orderBy: [], limit: 5 } });
  await panel.locator('[data-testid=ask-input]').fill('Which deals do I have?');
  await panel.keyboard.press('Enter');
  await panel.waitForSelector('[data-testid=ask-outcome][data-phase=done]', { timeout: 20_000 });
  await panel.locator('[data-testid=ask-summarize]').click();
  await panel.waitForSelector('[data-testid=ask-summary][data-status=done]', { timeout: 20_000 });
}

describe('usage and the audit trail count the same', () => {
  it('gives the audit’s counts for the same period per feature and per prompt version, a failed call and Ask’s calls included; every model request is in them', async () => {
    const { sandbox, salesforceTab, openRecordPanel, setApiKey } = harness();
    await setApiKey('sk-ant-e2e-usage-0001');
    const tab = await salesforceTab(`/lightning/r/Opportunity/${ACME.opportunities.starkRobotics.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector('[data-testid=record-card]');
    await generate(panel, 'summary');
    // The brief fails before any answer: Anthropic refuses the key.
    sandbox.model.script({ error: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' } });
    await generate(panel, 'brief');
    await panel.waitForSelector('[data-testid=generation-problem][data-kind=bad-key]');
    await generate(panel, 'email');
    await showFeature(panel, 'note');
    await panel.focus('[data-testid=note-input]');
    await panel.keyboard.type(DEMO_NOTE);
    await panel.locator('[data-testid=propose-updates]').click();
    await panel.waitForSelector('[data-testid=notes-review]', { timeout: 20_000 });
    await panel.locator('[data-testid=review-confirm]').click();
    await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 20_000 });
    await askAndSummarize(panel);

    // The log stops growing once the commit's writes are all recorded: the views are read after that.
    const page = await openOptions(harness(), 'audit');
    let held = -1;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      await page.reload();
      const now = await page.waitForSelector('[data-testid=audit-counts]').then((node) => node?.evaluate((element) => Number(element.getAttribute('data-entries'))));
      if (now === held) break;
      held = now ?? -1;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await showOptionsSection(page, 'usage');
    await page.waitForSelector('[data-testid=usage-features]');
    const usageFeatures = await page.$$eval('[data-testid=usage-feature-row]', (rows) =>
      rows.map((row) => ({ feature: row.getAttribute('data-feature') ?? '', entries: Number(row.getAttribute('data-entries')), requests: Number(row.getAttribute('data-requests')), failed: Number(row.getAttribute('data-failed')) })),
    );
    const usagePrompts = await page.$$eval('[data-testid=usage-prompt-row]', (rows) =>
      rows.map((row) => ({ prompt: row.getAttribute('data-prompt') ?? '', requests: Number(row.getAttribute('data-requests')), failed: Number(row.getAttribute('data-failed')) })),
    );
    const totals = {
      requests: Number(await page.$eval('[data-testid=usage-requests]', (node) => node.textContent)),
      entries: Number(await page.$eval('[data-testid=usage-entries]', (node) => node.textContent)),
    };
    // The brief's failed call is counted as one request, and as failed, in every grouping.
    expect(usageFeatures.find((row) => row.feature === 'brief')).toEqual({ feature: 'brief', entries: 1, requests: 1, failed: 1 });
    expect(usagePrompts.filter((row) => row.prompt.startsWith('brief@'))).toEqual([expect.objectContaining({ requests: 1, failed: 1 })]);

    // The audit trail for the same period (the usage view's: the last 7 days, today included).
    await showOptionsSection(page, 'audit');
    await page.waitForSelector('[data-testid=audit-table]');
    const today = new Date();
    await typeDate(page, '[data-testid=audit-filter-from]', new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6));
    await typeDate(page, '[data-testid=audit-filter-to]', today);
    await page.waitForSelector('[data-testid=audit-counts]');
    const all = await page.$eval('[data-testid=audit-counts]', numbers);
    expect(all).toMatchObject({ entries: totals.entries, requests: totals.requests });
    const auditPrompts = await page.$$eval('[data-testid=audit-row]', (rows) =>
      rows.map((row) => ({ prompt: row.getAttribute('data-prompt') ?? '', failed: row.getAttribute('data-failed') === 'true' })).filter((row) => row.prompt !== ''),
    );
    for (const prompt of new Set(usagePrompts.map((row) => row.prompt))) {
      const inUsage = usagePrompts.filter((row) => row.prompt === prompt);
      const inAudit = auditPrompts.filter((row) => row.prompt === prompt);
      expect({ prompt, requests: inAudit.length, failed: inAudit.filter((row) => row.failed).length }).toEqual({
        prompt,
        requests: inUsage.reduce((sum, row) => sum + row.requests, 0),
        failed: inUsage.reduce((sum, row) => sum + row.failed, 0),
      });
    }
    expect(usageFeatures.map((row) => row.feature)).toEqual(expect.arrayContaining(['summary', 'brief', 'email', 'log-note', 'ask', 'write']));
    expect(usageFeatures.find((row) => row.feature === 'ask')).toEqual({ feature: 'ask', entries: 2, requests: 2, failed: 0 });
    // Nothing escapes the audit (or the budgets spent from it): each request the Messages API received is counted.
    expect(totals.requests).toBe(sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages').length);
    for (const row of usageFeatures) {
      await page.select('[data-testid=audit-filter-feature]', row.feature);
      await page.waitForFunction((feature) => [...document.querySelectorAll('[data-testid=audit-row]')].every((node) => node.getAttribute('data-feature') === feature), {}, row.feature);
      expect({ feature: row.feature, ...(await page.$eval('[data-testid=audit-counts]', numbers)) }).toEqual(row);
    }
    await page.close();
    await tab.close();
  }, 120_000);
});
