/**
 * An administrator's policy set the way an enterprise sets it: a JSON file in Chromium's managed policy folder, read by
 * Chromium at start and handed to the extension as `storage.managed`. Nothing in the extension is told it is a test.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FEATURES } from '../../lib/settings';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { openOptions, showFeature, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';

const POLICY = {
  allowedFeatures: FEATURES.filter((feature) => feature !== 'ask'),
  budgets: { dailyUsd: 25 },
  redaction: { deniedFields: ['Description'] },
  prices: { 'claude-sonnet-4-5': { input: 2.5, output: 12, cacheRead: 0.25, cacheWrite: 3 } },
  outputLanguage: 'de',
};

const harness = harnessForFile({}, { managedPolicy: POLICY });


/** Which of these feature channels answer a panel port opened the way the panel opens it (what reaches the background). */
async function answeringChannels(panel: Page, channels: string[]): Promise<string[]> {
  return panel.evaluate(async (names) => {
    interface PanelPort {
      onMessage: { addListener(listener: (message: { type?: string; feature?: string }) => void): void };
      postMessage(message: unknown): void;
      disconnect(): void;
    }
    interface ExtensionApi {
      windows: { getCurrent(): Promise<{ id?: number }> };
      runtime: { connect(info: { name: string }): PanelPort };
    }
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const { id: windowId } = await api.windows.getCurrent();
    const port = api.runtime.connect({ name: 'groundwork-panel' });
    const answered = new Set<string>();
    port.onMessage.addListener((message) => {
      if (message.type === 'feature-event' && message.feature && names.includes(message.feature)) answered.add(message.feature);
    });
    port.postMessage({ type: 'watch-window', windowId });
    for (const feature of names) port.postMessage({ type: 'feature', feature, payload: { type: 'open' } });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    port.disconnect();
    return [...answered].sort();
  }, channels);
}

describe('admin policy through Chromium’s managed policy', () => {
  it('locks the forced budget and price table with “Set by your organization” and shows the removed feature as removed', async () => {
    const page = await openOptions(harness(), 'budgets');
    const budget = await page.$eval('[data-testid=budget-daily]', (node) => ({
      value: (node as HTMLInputElement).value,
      disabled: (node as HTMLInputElement).disabled,
      describedBy: node.getAttribute('aria-describedby') ?? '',
    }));
    expect(budget).toMatchObject({ value: '25', disabled: true });
    const note = await page.$eval(`#${budget.describedBy.split(' ').find((id) => id.endsWith('-locked'))}`, (node) => node.textContent);
    expect(note).toBe('Set by your organization');
    // The organization's price table, shown and locked.
    const prices = await page.$$eval('[data-testid=price-input]', (inputs) =>
      inputs.map((input) => ({ model: input.getAttribute('data-model'), kind: input.getAttribute('data-kind'), value: (input as HTMLInputElement).value, disabled: (input as HTMLInputElement).disabled })),
    );
    expect(prices.filter((price) => price.kind === 'output')).toEqual([{ model: 'claude-sonnet-4-5', kind: 'output', value: '12', disabled: true }]);
    expect(await page.$('[data-testid=price-add]')).toBeNull();
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');
    await showOptionsSection(page, 'features');
    expect(await page.$eval('[data-testid=feature-toggle-ask]', (node) => (node as HTMLInputElement).disabled)).toBe(true);
    expect(await page.$eval('#gw-feature-ask-locked', (node) => node.textContent)).toBe('Removed by your organization');
    // A feature the policy leaves alone stays the rep's.
    expect(await page.$eval('[data-testid=feature-toggle-summary]', (node) => (node as HTMLInputElement).disabled)).toBe(false);
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');
    await page.close();
  });

  it('locks the language of AI output to the one the policy forces, and says who set it and what it means', async () => {
    const page = await openOptions(harness(), 'language');
    const select = await page.$eval('[data-testid=output-language]', (node) => ({
      value: (node as HTMLSelectElement).value,
      disabled: (node as HTMLSelectElement).disabled,
      describedBy: node.getAttribute('aria-describedby') ?? '',
    }));
    expect(select).toMatchObject({ value: 'de', disabled: true });
    const notes = await Promise.all(select.describedBy.split(' ').map((id) => page.$eval(`#${id}`, (node) => node.textContent)));
    expect(notes).toEqual(["Your organization's policy writes every summary, brief, insight and draft in Deutsch.", 'Set by your organization']);
    // Replies may still follow the thread's language: the policy leaves that to the rep.
    expect(await page.$eval('[data-testid=reply-follows-thread]', (node) => (node as HTMLInputElement).disabled)).toBe(false);
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');
    await page.close();
  });

  it('hides the removed feature from the panel and refuses its messages, while other features answer', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
    await showFeature(panel, 'note');
    await panel.waitForSelector('[data-testid=log-note]');
    expect(await panel.$('[data-testid=feature-ask]')).toBeNull();
    expect(await panel.$('[data-testid=ask-section]')).toBeNull();

    sandbox.org.clearLog();
    expect(await answeringChannels(panel, ['ask', 'log-note'])).toEqual(['log-note']);
    expect(sandbox.org.log.filter((entry) => entry.path.includes('/query'))).toEqual([]);
    await tab.close();
  });

  it('keeps the denied field out of what would be sent to the model', async () => {
    const { salesforceTab, openRecordPanel } = harness();
    const opportunity = ACME.opportunities.globexExpansion.id;
    const tab = await salesforceTab(`/lightning/r/Opportunity/${opportunity}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${opportunity}"]`);
    await panel.locator('[data-testid=show-context]').click();
    const preview = await panel.waitForSelector('[data-testid=context-preview-text]', { timeout: 10_000 });
    const text = (await preview?.evaluate((node) => node.textContent)) ?? '';
    expect(text).toContain('Plant Automation Expansion');
    // The seed's description of this deal: present without the policy, gone with it.
    expect(text).not.toContain('legal review of the MSA is the last open item');
    await tab.close();
  });
});
