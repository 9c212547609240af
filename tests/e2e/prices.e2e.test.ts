import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { openOptions } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-prices-0001';
/** The model every use case runs by default, so the summary below is priced by its row. */
const MODEL = 'claude-sonnet-5-5';
const cell = (kind: 'input' | 'output' | 'cacheRead' | 'cacheWrite'): string => `[data-testid=price-input][data-model="${MODEL}"][data-kind=${kind}]`;

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (node) => node.textContent ?? '');
}

/**
 * The usage view reads the audit log when it opens, and the generation's entry is written as it finishes: reopen the
 * view until that entry is counted.
 */
async function usageCostOnceRecorded(page: Page): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.locator('[data-testid=options-tab-audit]').click();
    await page.locator('[data-testid=options-tab-usage]').click();
    await page.waitForSelector('[data-testid=usage-totals]');
    if ((await text(page, '[data-testid=usage-requests]')) === '1') return text(page, '[data-testid=usage-cost]');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The generation was never counted in the usage view.');
}

describe('model prices in the options page', () => {
  it('saves an edited price that the next request is costed with, and refuses an invalid one without losing it', async () => {
    const { browser, extensionId, setApiKey, salesforceTab, openRecordPanel, sandbox } = harness();
    await setApiKey(API_KEY);
    const page = await openOptions({ browser, extensionId }, 'budgets');
    await page.waitForSelector(`[data-testid=price-row][data-model="${MODEL}"]`);
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');

    // Input $7, output $30, cache reads $0.50 per million tokens; cache writes left empty: 1.25 × input = $8.75.
    await page.locator(cell('input')).fill('7');
    await page.locator(cell('output')).fill('30');
    await page.locator(cell('cacheRead')).fill('0.5');
    expect(await page.$eval(cell('cacheWrite'), (input) => (input as HTMLInputElement).placeholder)).toBe('8.75');
    await page.locator('[data-testid=save-settings]').click();
    await page.waitForSelector('[data-testid=settings-status][data-tone=info]');

    // A negative price: said in words, the save refused, the typed value still there.
    await page.locator(cell('input')).fill('-3');
    await page.waitForSelector('[data-testid=price-error]');
    expect(await text(page, '[data-testid=price-error]')).toContain(`The input price for ${MODEL} cannot be below zero.`);
    await page.locator('[data-testid=save-settings]').click();
    await page.waitForSelector('[data-testid=settings-status][data-tone=error]');
    expect(await text(page, '[data-testid=settings-status]')).toMatch(/^Model prices: The input price/);
    expect(await page.$eval(cell('input'), (input) => (input as HTMLInputElement).value)).toBe('-3');
    // A model already in the table cannot be added twice.
    await page.locator('[data-testid=price-add-model]').fill(MODEL);
    await page.locator('[data-testid=price-add]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=price-error]')?.textContent?.includes('already in the table'));
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');

    // Nothing of that was stored: a fresh page shows the saved prices. Leaving with edits not saved asks first.
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.accept().then(() => resolve(dialog.type()))));
    await page.reload();
    expect(await asked).toBe('beforeunload');
    await page.waitForSelector(cell('input'));
    expect(await page.$eval(cell('input'), (input) => (input as HTMLInputElement).value)).toBe('7');
    expect(await page.$('[data-testid=price-error]')).toBeNull();

    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
    sandbox.model.script({
      text: '## Summary\n- Globex Industries is an account in the sandbox org.',
      usage: { input_tokens: 10_000, output_tokens: 2_000, cache_read_input_tokens: 20_000, cache_creation_input_tokens: 8_000 },
    });
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });

    await page.bringToFront();
    // (10,000 × 7 + 2,000 × 30 + 20,000 × 0.5 + 8,000 × 8.75) / 1,000,000 = $0.21; the default prices would give $0.06.
    expect(await usageCostOnceRecorded(page)).toBe('$0.21');
    await page.close();
    await tab.close();
  });
});
