/**
 * What the rep feels, in the production build in Chromium against the sandbox (as the e2e tests drive it):
 * - panel first paint: the real side panel opened on a Lightning tab with the toolbar button, from a closed panel, to
 *   its first contentful paint (the page's own paint timing, from its navigation start);
 * - worker start: with the panel closed and the worker stopped, a record link clicked in the Lightning tab (the
 *   content script's message wakes the worker) to the worker's script evaluated (a CDP evaluation in it returns, which
 *   waits for the script's first run); puppeteer's attach and one round trip are in it;
 * - memory: the panel's JS heap in use (CDP Performance metrics) and the worker's (CDP Runtime.getHeapUsage), with a
 *   record shown and a summary generated.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionWorker } from '../e2e/extension-worker';
import { enableOrgIfAsked, launchWithExtension, loginToSalesforce, openSidePanel, saveApiKey, serviceWorker } from '../e2e/chromium';
import { startSandbox } from '../sandbox/sandbox';
import { ACME } from '../sandbox/salesforce/seed';
import type { ChromiumOptions } from './chromium-figures';
import type { FigureOutput, RepFigures } from './results';
import { summarise } from './stats';

const WAIT_MS = 10_000;
const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;
const cardSelector = (id: string): string => `[data-testid=record-card][data-record-id="${id}"]`;
const mb = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;

async function firstContentfulPaint(panel: Page): Promise<number> {
  const paint = await panel.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0, { timeout: WAIT_MS });
  return Math.round((await paint.jsonValue()) as number);
}

async function workerHeapMb(worker: ExtensionWorker): Promise<number> {
  return mb(await worker.heapUsedBytes());
}

async function panelHeapMb(panel: Page): Promise<number> {
  const metrics = await panel.metrics();
  return mb(metrics.JSHeapUsedSize ?? 0);
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function repFeelsFigure(options: ChromiumOptions): Promise<FigureOutput<RepFigures>> {
  const sandbox = await startSandbox({ orgLatencyMs: options.latencyMs, modelFirstTokenMs: 0 });
  try {
    const launched = await launchWithExtension(sandbox);
    try {
      await saveApiKey(launched, 'sk-ant-bench-key-000001');
      const { browser, extension } = launched;
      const account = ACME.accounts.globex.id;
      const tab = await browser.newPage();
      await loginToSalesforce(tab, sandbox.org.primary, 'full', recordPath('Account', account));
      let panel = await openSidePanel(tab, extension);
      await enableOrgIfAsked(panel);
      await panel.waitForSelector(cardSelector(account), { timeout: WAIT_MS });
      await panel.click('[data-testid=generate]');
      await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: WAIT_MS });
      await settle(300);
      const memory = { panel: await panelHeapMb(panel), worker: await workerHeapMb(await serviceWorker(extension)) };

      const paints: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        await panel.close();
        await settle(200);
        panel = await openSidePanel(tab, extension);
        paints.push(await firstContentfulPaint(panel));
        await panel.waitForSelector(cardSelector(account), { timeout: WAIT_MS });
      }
      await panel.close();

      const starts: number[] = [];
      const targets = [ACME.contacts.rosa.id, ACME.opportunities.globexExpansion.id];
      for (let run = 0; run < options.runs; run++) {
        await (await serviceWorker(extension)).close();
        await settle(300);
        const [from, to] = run % 2 === 0 ? [account, targets[0] ?? ''] : [targets[0] ?? '', account];
        const link = `.record-page[data-record-id="${from}"] a[data-record-id="${to}"]`;
        await tab.waitForSelector(link, { timeout: WAIT_MS });
        const started = browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${extension.id}/`), {
          timeout: WAIT_MS,
        });
        const clickedAt = await tab.$eval(link, (element) => {
          const at = Date.now();
          (element as HTMLElement).click();
          return at;
        });
        const worker = await (await started).worker();
        await worker?.evaluate(() => 1);
        starts.push(Date.now() - clickedAt);
        await settle(options.latencyMs + 300);
      }
      const paint = summarise(paints);
      const start = summarise(starts);
      return {
        value: { panel: { first_paint_ms: paint.median }, worker: { start_ms: start.median }, memory_mb: memory },
        stats: { 'panel.first_paint_ms': paint, 'worker.start_ms': start },
      };
    } finally {
      await launched.close();
    }
  } finally {
    await sandbox.close();
  }
}
