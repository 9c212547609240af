import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { serviceWorker, showFeature } from './chromium';
import { harnessForFile } from './harness';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-place-0001';

/** A brief the sandbox streams slowly: long enough to close the panel, stop the worker, and come back mid-stream. */
const SLOW_BRIEF = {
  text: `## Meeting brief\n${Array.from({ length: 40 }, (_, index) => `- Point ${index + 1} of the brief, about the account and its open work.`).join('\n')}`,
  chunkDelayMs: 120,
};

let keySaved = false;
async function openRecord(object: string, id: string): Promise<{ tab: Page; panel: Page }> {
  if (!keySaved) await harness().setApiKey(API_KEY);
  keySaved = true;
  const tab = await harness().salesforceTab(`/lightning/r/${object}/${id}/view`);
  const panel = await harness().openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return { tab, panel };
}

const shownText = (panel: Page): Promise<number> =>
  panel.$eval('[data-testid=generation][data-feature=brief] [data-testid=generation-text]', (node) => (node.textContent ?? '').length).catch(() => 0);

async function streamedPast(panel: Page, length: number): Promise<void> {
  await panel.waitForFunction(
    (wanted) => (document.querySelector('[data-testid=generation][data-feature=brief] [data-testid=generation-text]')?.textContent ?? '').length > wanted,
    { timeout: 15_000 },
    length,
  );
}

describe('the panel keeps the rep’s place per record: the feature open, the work running, what they typed', () => {
  it('reopens mid-generation on the same feature with the stream still coming, and badges the tab of a result not looked at', async () => {
    const { sandbox } = harness();
    const { tab, panel } = await openRecord('Account', ACME.accounts.globex.id);
    await showFeature(panel, 'brief');
    sandbox.model.script(SLOW_BRIEF);
    await panel.locator('[data-testid=generate]').click();
    await streamedPast(panel, 60);
    await panel.close();

    const reopened = await harness().openRecordPanel(tab);
    await reopened.waitForSelector('[data-testid=tab-panel][data-tab=brief]');
    await reopened.waitForSelector('[data-testid=generation][data-feature=brief][data-status=streaming]');
    const before = await shownText(reopened);
    expect(before).toBeGreaterThan(60);
    await streamedPast(reopened, before);
    // The running brief shows on its tab while the rep looks at another one; once done, the tab says so until seen.
    await showFeature(reopened, 'summary');
    expect(await reopened.$eval('[data-testid=feature-brief]', (node) => node.getAttribute('data-badge'))).toBe('running');
    await reopened.waitForSelector('[data-testid=feature-brief][data-badge=new]', { timeout: 30_000 });
    expect(JSON.stringify(await seriousA11yViolations(reopened))).toBe('[]');
    await showFeature(reopened, 'brief');
    await reopened.waitForSelector('[data-testid=generation][data-feature=brief][data-status=done]');
    await showFeature(reopened, 'summary');
    expect(await reopened.$eval('[data-testid=feature-brief]', (node) => node.getAttribute('data-badge'))).toBe('');
    await tab.close();
  }, 90_000);

  it('after a stopped service worker, keeps the feature open and what was written so far, with Retry', async () => {
    const { sandbox, extension } = harness();
    const { tab, panel } = await openRecord('Account', ACME.accounts.stark.id);
    await showFeature(panel, 'brief');
    sandbox.model.script(SLOW_BRIEF);
    await panel.locator('[data-testid=generate]').click();
    // Streamed for a while: the worker keeps what came every few hundred milliseconds.
    await streamedPast(panel, 400);
    const written = await panel.$eval('[data-testid=generation][data-feature=brief] [data-testid=generation-text]', (node) => node.textContent ?? '');
    await (await serviceWorker(extension)).close();

    // The panel reconnects by itself: same tab, the partial brief kept and marked as interrupted, Retry offered.
    await panel.waitForSelector('[data-testid=generation][data-feature=brief][data-status=interrupted]', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=tab-panel]', (node) => node.getAttribute('data-tab'))).toBe('brief');
    const kept = await panel.$eval('[data-testid=generation][data-feature=brief] [data-testid=generation-text]', (node) => node.textContent ?? '');
    expect(kept.length).toBeGreaterThan(60);
    expect(written.startsWith(kept.slice(0, 60))).toBe(true);
    expect(await panel.$('[data-testid=regenerate]')).not.toBeNull();

    // Closed and opened again after the stop: the same.
    await panel.close();
    const reopened = await harness().openRecordPanel(tab);
    await reopened.waitForSelector('[data-testid=tab-panel][data-tab=brief]');
    await reopened.waitForSelector('[data-testid=generation][data-feature=brief][data-status=interrupted]');
    expect(await shownText(reopened)).toBeGreaterThan(60);
    await tab.close();
  }, 90_000);

  it('gives back unsent text after a close and a worker stop: the note, the question, the email options', async () => {
    const { extension } = harness();
    const { tab, panel } = await openRecord('Account', ACME.accounts.initech.id);
    await showFeature(panel, 'email');
    await panel.locator('[data-testid=email-instruction]').fill('Mention the pilot dates');
    await showFeature(panel, 'ask');
    await panel.locator('[data-testid=ask-input]').fill('Which cases are still open here?');
    await showFeature(panel, 'note');
    await panel.focus('[data-testid=note-input]');
    await panel.keyboard.type('Call with the Initech team: they want the pilot in March.');
    // Closed at once after typing, then the worker stopped too.
    await panel.close();
    await (await serviceWorker(extension)).close();

    const reopened = await harness().openRecordPanel(tab);
    await reopened.waitForSelector('[data-testid=tab-panel][data-tab=note]');
    await reopened.waitForFunction(
      () => (document.querySelector('[data-testid=note-input]') as HTMLTextAreaElement | null)?.value === 'Call with the Initech team: they want the pilot in March.',
    );
    await showFeature(reopened, 'ask');
    await reopened.waitForFunction(() => (document.querySelector('[data-testid=ask-input]') as HTMLInputElement | null)?.value === 'Which cases are still open here?');
    await showFeature(reopened, 'email');
    expect(await reopened.$eval('[data-testid=email-instruction]', (node) => (node as HTMLInputElement).value)).toBe('Mention the pilot dates');
    await tab.close();
  }, 60_000);

  it('keeps the question in the box after it is sent, and offers an example that fits the record in view', async () => {
    const { tab, panel } = await openRecord('Opportunity', ACME.opportunities.globexExpansion.id);
    await showFeature(panel, 'ask');
    const placeholder = await panel.$eval('[data-testid=ask-input]', (node) => node.getAttribute('placeholder') ?? '');
    expect(placeholder).not.toMatch(/account/i);
    expect(placeholder).toMatch(/deal/);
    await panel.locator('[data-testid=ask-input]').fill('Which tasks are open on this deal?');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid=ask-outcome]:is([data-phase=done],[data-phase=refused],[data-phase=failed])', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=ask-input]', (node) => (node as HTMLInputElement).value)).toBe('Which tasks are open on this deal?');
    await tab.close();
  });
});
