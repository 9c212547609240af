/**
 * Figures taken in the real extension (the production build) in Chromium against the sandbox on the real host names,
 * driven as the e2e tests drive it (tests/e2e/chromium.ts).
 *
 * Detection: in the Lightning tab a click on a record link changes the URL with history.pushState, as Lightning does;
 * the side panel then shows that record's card. Both ends are stamped with Date.now() inside the pages (the tab just
 * before the click, the panel in a MutationObserver callback when the card for that record id enters the DOM), so
 * neither puppeteer's round trips nor the per-page performance.now() origins are in the figure. The panel's paint
 * follows its DOM change within a frame.
 */
import { loadavg } from 'node:os';
import type { Page } from 'puppeteer-core';
import { enableOrgIfAsked, launchWithExtension, saveApiKey, loginToSalesforce, openSidePanel } from '../e2e/chromium';
import { startSandbox } from '../sandbox/sandbox';
import { ACME } from '../sandbox/salesforce/seed';
import type { FigureOutput } from './results';
import { summarise } from './stats';

export interface ChromiumOptions {
  latencyMs: number;
  firstTokenMs: number;
  runs: number;
}

export interface DetectFigures {
  detect_ms: number | null;
  detect_first_visit_ms: number | null;
}

const WAIT_MS = 10_000;
const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

/** Records linked from the Globex account page, each visited for the first time in one run. */
const TARGETS = [
  ACME.contacts.rosa.id,
  ACME.opportunities.globexExpansion.id,
  ACME.contacts.marcus.id,
  ACME.opportunities.globexAnalytics.id,
  ACME.contacts.lena.id,
  ACME.cases.globexFirmware.id,
  ACME.opportunities.globexRenewal.id,
];

const cardSelector = (id: string): string => `[data-testid=record-card][data-record-id="${id}"]`;

/** Arms the panel: the first moment the card of `id` is in its DOM is kept as `window.__benchShown` (Date.now()). */
async function armPanel(panel: Page, id: string): Promise<void> {
  await panel.evaluate((selector) => {
    const target = window as unknown as { __benchShown?: Promise<number> };
    target.__benchShown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        resolve(Date.now());
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  }, cardSelector(id));
}

async function shownAt(panel: Page): Promise<number> {
  const shown = panel.evaluate(() => (window as unknown as { __benchShown?: Promise<number> }).__benchShown ?? Promise.resolve(NaN));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the panel never showed the record')), WAIT_MS));
  return Promise.race([shown, timeout]);
}

/**
 * On the record page `fromId`, clicks the link to `toId`, and returns the ms from the click (the URL change) to the
 * panel holding that record's card.
 */
async function navigate(tab: Page, panel: Page, fromId: string, toId: string): Promise<number> {
  await tab.waitForSelector(`.record-page[data-record-id="${fromId}"] a[data-record-id="${toId}"]`, { timeout: WAIT_MS });
  await armPanel(panel, toId);
  const clickedAt = await tab.$eval(`.record-page a[data-record-id="${toId}"]`, (link) => {
    const at = Date.now();
    (link as HTMLElement).click();
    return at;
  });
  return (await shownAt(panel)) - clickedAt;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Detection, `runs` times: from the account to a record the panel has not read yet (first visit: detection plus the
 * record's one context request), back to the account, and the same two again (both records known: detection alone).
 */
export async function detectFigure(options: ChromiumOptions): Promise<{ output: FigureOutput<DetectFigures>; chromium: string }> {
  const sandbox = await startSandbox({ orgLatencyMs: options.latencyMs, modelFirstTokenMs: options.firstTokenMs });
  try {
    const launched = await launchWithExtension(sandbox);
    try {
      const chromium = await launched.browser.version();
      const account = ACME.accounts.globex.id;
      const tab = await launched.browser.newPage();
      await loginToSalesforce(tab, sandbox.org.primary, 'full', recordPath('Account', account));
      const panel = await openSidePanel(tab, launched.extension);
      await enableOrgIfAsked(panel);
      await panel.waitForSelector(cardSelector(account), { timeout: WAIT_MS });

      // Between steps, the refresh a visit starts (one request at the org's latency) is left to finish.
      const pause = () => settle(options.latencyMs + 150);
      const firstVisits: number[] = [];
      const revisits: number[] = [];
      for (const target of TARGETS.slice(0, Math.min(options.runs, TARGETS.length))) {
        await pause();
        firstVisits.push(await navigate(tab, panel, account, target));
        for (const [from, to] of [[target, account], [account, target], [target, account]] as const) {
          await pause();
          revisits.push(await navigate(tab, panel, from, to));
        }
      }
      const detect = summarise(revisits);
      const firstVisit = summarise(firstVisits);
      return {
        chromium,
        output: {
          value: { detect_ms: detect.median, detect_first_visit_ms: firstVisit.median },
          stats: { detect_ms: detect, detect_first_visit_ms: firstVisit },
        },
      };
    } finally {
      await launched.close();
    }
  } finally {
    await sandbox.close();
  }
}

export interface GenerationFigures {
  prefetched: number | null;
  prefetchedRuns: number;
  /** The 1-minute load average when the generation figures were taken. */
  loadAvg: number;
  cold: number | null;
  cachedReopenCalls: number | null;
  cachedReopenPaint: number | null;
}

const BENCH_KEY = 'sk-ant-bench-key-000001';
const PREFETCHED_PER_RECORD = 2;
const generationText = '[data-testid=generation-text]';
const streamingText = `[data-testid=generation][data-status=streaming] ${generationText}`;

/**
 * Arms the panel: the first moment `selector` holds non-empty text is kept as `window.__benchShown`. No named inner
 * functions: tsx would wrap them in a helper the page does not have.
 */
async function armText(panel: Page, selector: string): Promise<void> {
  await panel.evaluate((wanted) => {
    const target = window as unknown as { __benchShown?: Promise<number> };
    target.__benchShown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(wanted)?.textContent?.trim()) return;
        observer.disconnect();
        resolve(Date.now());
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      if (document.querySelector(wanted)?.textContent?.trim()) {
        observer.disconnect();
        resolve(Date.now());
      }
    });
  }, selector);
}

async function clickAt(page: Page, selector: string): Promise<number> {
  await page.waitForSelector(selector, { timeout: WAIT_MS });
  return page.$eval(selector, (element) => {
    const at = Date.now();
    (element as HTMLElement).click();
    return at;
  });
}

/**
 * The generation figures, in the real extension with the sandbox model's first token fixed at `firstTokenMs`:
 * - prefetched: on a record whose context the panel already read, the click on "Write summary" to the first text
 *   painted, minus the model's own time to first token;
 * - cold: the URL change to a record never read (describes cached, context not) to the first text painted after a
 *   click made the moment the button appears, minus the model's own time to first token (detection, the context read
 *   and the generation start are all in it);
 * - cached reopen: leaving a summarised record and coming back: model calls made, and the click to the summary painted.
 */
export async function generationFigure(options: ChromiumOptions): Promise<FigureOutput<GenerationFigures>> {
  const sandbox = await startSandbox({ orgLatencyMs: options.latencyMs, modelFirstTokenMs: options.firstTokenMs });
  try {
    const launched = await launchWithExtension(sandbox);
    try {
      await saveApiKey(launched, BENCH_KEY);

      const account = ACME.accounts.globex.id;
      const tab = await launched.browser.newPage();
      await loginToSalesforce(tab, sandbox.org.primary, 'full', recordPath('Account', account));
      const panel = await openSidePanel(tab, launched.extension);
      await enableOrgIfAsked(panel);
      await panel.waitForSelector(cardSelector(account), { timeout: WAIT_MS });
      // Warm-up: the first generation also lists the models (kept for hours): not part of any figure.
      await clickAt(panel, '[data-testid=generate]');
      await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: WAIT_MS });

      const prefetched: number[] = [];
      const cold: number[] = [];
      const reopenPaint: number[] = [];
      let reopenCalls = 0;
      const messageCalls = () => sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages').length;
      for (const target of TARGETS.slice(0, Math.min(options.runs, TARGETS.length))) {
        // Cold: from the URL change, the card appears, the rep clicks at once.
        await settle(options.latencyMs + 150);
        await tab.waitForSelector(`.record-page a[data-record-id="${target}"]`, { timeout: WAIT_MS });
        await armText(panel, streamingText);
        const navigatedAt = await tab.$eval(`.record-page a[data-record-id="${target}"]`, (link) => {
          const at = Date.now();
          (link as HTMLElement).click();
          return at;
        });
        await panel.waitForSelector(cardSelector(target), { timeout: WAIT_MS });
        await clickAt(panel, '[data-testid=generate]');
        cold.push((await shownAt(panel)) - navigatedAt - options.firstTokenMs);
        await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: WAIT_MS });

        // Prefetched: the record is read; a new summary from the click, twice (at least 9 samples in 5 runs).
        for (let again = 0; again < PREFETCHED_PER_RECORD; again++) {
          await armText(panel, streamingText);
          const clickedAt = await clickAt(panel, '[data-testid=regenerate]');
          prefetched.push((await shownAt(panel)) - clickedAt - options.firstTokenMs);
          await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: WAIT_MS });
        }

        // Cached reopen: back to the account and to this record again.
        await settle(options.latencyMs + 150);
        await tab.goBack();
        await panel.waitForSelector(cardSelector(account), { timeout: WAIT_MS });
        await settle(options.latencyMs + 150);
        const callsBefore = messageCalls();
        await armText(panel, `[data-testid=generation][data-record-id="${target}"][data-status=done] ${generationText}`);
        const reopenedAt = await tab.$eval(`.record-page a[data-record-id="${target}"]`, (link) => {
          const at = Date.now();
          (link as HTMLElement).click();
          return at;
        });
        await panel.waitForSelector(cardSelector(target), { timeout: WAIT_MS });
        reopenPaint.push((await shownAt(panel)) - reopenedAt);
        reopenCalls = Math.max(reopenCalls, messageCalls() - callsBefore);
        await settle(options.latencyMs + 150);
        await tab.goBack();
        await panel.waitForSelector(cardSelector(account), { timeout: WAIT_MS });
      }
      const [loadAvg = 0] = loadavg();
      const stats = {
        'first_token_overhead_ms.prefetched': summarise(prefetched),
        'first_token_overhead_ms.cold': summarise(cold),
        'cached_reopen.paint_ms': summarise(reopenPaint),
      };
      return {
        value: {
          prefetched: stats['first_token_overhead_ms.prefetched'].median,
          prefetchedRuns: prefetched.length,
          loadAvg: Math.round(loadAvg * 100) / 100,
          cold: stats['first_token_overhead_ms.cold'].median,
          cachedReopenCalls: reopenCalls,
          cachedReopenPaint: stats['cached_reopen.paint_ms'].median,
        },
        stats,
      };
    } finally {
      await launched.close();
    }
  } finally {
    await sandbox.close();
  }
}
