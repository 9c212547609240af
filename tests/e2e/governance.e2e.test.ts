import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { AuditEntry, entriesToJson, GENESIS_HASH } from '../../lib/audit';
import { link } from '../../lib/audit/chain';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { assignVariant } from '../../lib/prompts';
import { loginToSalesforce, openOptions, serviceWorker, showFeature, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';
import { lastingItem } from './extension-store';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-governance-0001';
const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

const optionsPage = (section: string): Promise<Page> => openOptions(harness(), section);

async function steps(panel: Page): Promise<Record<string, string>> {
  return panel.$$eval('[data-testid=onboarding-step]', (nodes) =>
    Object.fromEntries(nodes.map((node) => [node.getAttribute('data-step') ?? '', node.getAttribute('data-done') ?? ''])),
  );
}

async function stepDone(panel: Page, step: string): Promise<void> {
  await panel.waitForSelector(`[data-testid=onboarding-step][data-step=${step}][data-done=true]`, { timeout: 15_000 });
}

/** Appends a correctly chained entry to the extension's audit database from an extension page, as the worker would. */
async function appendEntry(page: Page, entry: Partial<AuditEntry>): Promise<string> {
  const last = await page.evaluate(
    () =>
      new Promise<{ seq: number; hash: string } | null>((resolve, reject) => {
        const open = indexedDB.open('groundwork-audit', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const cursor = open.result.transaction('chain').objectStore('chain').openCursor(null, 'prev');
          cursor.onsuccess = () => {
            const value = cursor.result?.value as { seq: number; hash: string } | undefined;
            open.result.close();
            resolve(value ? { seq: value.seq, hash: value.hash } : null);
          };
        };
      }),
  );
  const full = AuditEntry.parse({ id: crypto.randomUUID(), time: new Date().toISOString(), feature: 'summary', ...entry });
  const record = await link({ kind: 'entry', id: crypto.randomUUID(), at: full.time, entryId: full.id, entry: full }, last ? last.seq + 1 : 0, last?.hash ?? GENESIS_HASH);
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('groundwork-audit', 1);
        open.onsuccess = () => {
          const tx = open.result.transaction('chain', 'readwrite');
          tx.objectStore('chain').add(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    JSON.parse(JSON.stringify(record)) as Record<string, unknown>,
  );
  return full.id;
}

async function auditRows(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval('[data-testid=audit-row]', (rows) => rows.map((row) => ({ id: row.getAttribute('data-entry-id') ?? '', text: row.textContent ?? '' })));
}

/** Sets the daily budget on the settings view and waits until the extension has stored it (a closed page would lose it). */
async function saveDailyBudget(page: Page, usd: number | null): Promise<void> {
  // As a rep types: select what is there, delete it, type the new value (React's number field ignores a value set from outside).
  await page.focus('[data-testid=budget-daily]');
  await page.$eval('[data-testid=budget-daily]', (node) => (node as HTMLInputElement).select());
  await page.keyboard.press('Backspace');
  if (usd !== null) await page.keyboard.type(String(usd));
  await page.locator('[data-testid=save-settings]').click();
  const stored = async (): Promise<number | null> =>
    ((await lastingItem(page, 'settings')) as { budgets?: { dailyUsd?: number | null } } | undefined)?.budgets?.dailyUsd ?? null;
  for (let attempt = 0; (await stored()) !== usd; attempt++) {
    if (attempt === 50) throw new Error(`The daily budget was not saved as ${String(usd)}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('governance: onboarding, settings, audit trail, usage and budgets', () => {
  it('shows the first-run checklist ticking key → Salesforce tab → org enabled, then hides it', async () => {
    const { browser, openPanel, sandbox } = harness();
    const tab = await browser.newPage();
    await tab.goto('https://mail.google.com/mail/u/0/#inbox');
    const panel = await openPanel(tab);
    await panel.waitForSelector('[data-testid=onboarding-checklist]');
    expect(await steps(panel)).toEqual({ key: 'false', salesforce: 'false', org: 'false' });
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    await harness().setApiKey(API_KEY);
    await stepDone(panel, 'key');
    expect(await steps(panel)).toEqual({ key: 'true', salesforce: 'false', org: 'false' });
    expect(sandbox.model.log.some((entry) => entry.path.startsWith('/v1/messages/count_tokens'))).toBe(true);

    await loginToSalesforce(tab, sandbox.org.primary, 'full', recordPath('Account', ACME.accounts.globex.id));
    await stepDone(panel, 'salesforce');
    expect((await steps(panel)).org).toBe('false');

    await panel.locator('[data-testid=enable-org]').click();
    await panel.waitForSelector('[data-testid=record-card]');
    await panel.waitForSelector('[data-testid=onboarding-checklist]', { hidden: true, timeout: 15_000 });
    await tab.close();
  });

  it('records a generation in the audit viewer with its tokens and cost', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.initech.id));
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.initech.id}"]`);
    sandbox.model.script({ text: '## Summary\n- Initech is an account in the sandbox org.', usage: { input_tokens: 1500, output_tokens: 40 } });
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });

    const page = await optionsPage('audit');
    await page.waitForSelector(`[data-testid=audit-row][data-feature=summary]`, { timeout: 10_000 });
    const row = (await auditRows(page)).find((candidate) => candidate.text.includes(ACME.accounts.initech.id));
    expect(row?.text).toContain('1,500 / 40');
    expect(row?.text).toMatch(/\$0\.0\d+/);
    // Who acted: the Salesforce user of the org's session, as Salesforce names them.
    const user = await page.$eval(`[data-testid=audit-row][data-entry-id="${row?.id ?? ''}"] [data-testid=audit-user]`, (node) => ({ name: node.textContent, id: node.getAttribute('title') }));
    expect(user).toEqual({ name: sandbox.org.primary.users.full.name, id: sandbox.org.primary.users.full.id });
    await page.close();
    await tab.close();
  });

  it('shows the chain head in the audit view and every export, and says when the log no longer continues an earlier export', async () => {
    const page = await optionsPage('audit');
    await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
    await appendEntry(page, { feature: 'summary', recordId: ACME.accounts.globex.id, costUsd: 0.002 });
    await appendEntry(page, { feature: 'brief', recordId: ACME.accounts.globex.id, costUsd: 0.003 });
    await page.reload();
    await page.locator('[data-testid=options-tab-audit]').click();
    const shown = await (await page.waitForSelector('[data-testid=audit-chain-head]'))?.evaluate((node) => ({ hash: node.getAttribute('data-hash'), records: Number(node.getAttribute('data-records')) }));

    const downloads = mkdtempSync(join(tmpdir(), 'groundwork-downloads-'));
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.locator('[data-testid=audit-export-json]').click();
    const exported = JSON.parse(await waitForFile(downloads, '.json')) as { chain: { hash: string; records: number } };
    expect(exported.chain).toEqual(shown);
    await page.locator('[data-testid=audit-export-csv]').click();
    const csvRows = (await waitForFile(downloads, '.csv')).trim().split('\r\n');
    expect(csvRows[0]?.endsWith(',chainHead,chainRecords')).toBe(true);
    expect(csvRows.slice(1).every((row) => row.endsWith(`,${shown?.hash ?? ''},${shown?.records ?? ''}`))).toBe(true);
    const exportFile = join(downloads, readdirSync(downloads).find((name) => name.endsWith('.json')) ?? '');

    /** Picks the exported file in "Compare with an earlier export" and waits for the answer to this pick. */
    const compare = async (): Promise<{ kind: string | null; text: string | null }> => {
      const before = await page.$eval('[data-testid=audit-compare-result]', (node) => node.textContent).catch(() => null);
      const input = await page.$('[data-testid=audit-compare-file]');
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(exportFile);
      await page.waitForFunction((previous) => {
        const node = document.querySelector('[data-testid=audit-compare-result]');
        return node !== null && node.textContent !== previous;
      }, {}, before);
      return page.$eval('[data-testid=audit-compare-result]', (node) => ({ kind: node.getAttribute('data-kind'), text: node.textContent }));
    };
    await appendEntry(page, { feature: 'ask', costUsd: 0.001 });
    expect(await compare()).toEqual({ kind: 'continues', text: expect.stringMatching(/unchanged, and 1 record was added since/) });

    // Someone cuts the last two records off the end: the chain that is left still verifies, the export shows the cut.
    await page.evaluate(
      (from: number) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('groundwork-audit', 1);
          open.onsuccess = () => {
            const tx = open.result.transaction('chain', 'readwrite');
            tx.objectStore('chain').delete(IDBKeyRange.lowerBound(from));
            tx.oncomplete = () => resolve();
          };
        }),
      (shown?.records ?? 0) - 1,
    );
    await page.locator('[data-testid=audit-verify]').click();
    await page.waitForSelector('[data-testid=audit-verify-result][data-ok=true]');
    expect(await page.$eval('[data-testid=audit-verify-result]', (node) => node.textContent)).toMatch(/cannot show that nothing was cut off the end/);
    expect(await compare()).toEqual({ kind: 'truncated', text: expect.stringMatching(/Records were removed from the end/) });
    expect(await page.$eval('[data-testid=audit-chain-head]', (node) => Number(node.getAttribute('data-records')))).toBe((shown?.records ?? 0) - 1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // SLDS fades fields to the new colours: judge them once the fade is over.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      expect(JSON.stringify(await seriousA11yViolations(page)), scheme).toBe('[]');
    }
    await page.close();
  });

  it('verifies the chain, names the entry that was tampered with, and exports CSV', async () => {
    const page = await optionsPage('audit');
    await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
    const first = await appendEntry(page, { feature: 'email', recordId: ACME.accounts.globex.id, model: 'claude-sonnet-5-5', tokens: { input: 900, output: 120, cacheRead: 0, cacheWrite: 0 }, costUsd: 0.003, sent: 'Draft, with "quotes", to Dana' });
    await appendEntry(page, { feature: 'ask', model: 'claude-haiku-5-5', costUsd: 0.0004 });
    await page.reload();
    await page.locator('[data-testid=options-tab-audit]').click();

    await page.locator('[data-testid=audit-verify]').click();
    await page.waitForSelector('[data-testid=audit-verify-result][data-ok=true]');
    expect(await page.$eval('[data-testid=audit-verify-result]', (node) => node.textContent)).toMatch(/The log as stored is consistent/);

    const downloads = mkdtempSync(join(tmpdir(), 'groundwork-downloads-'));
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.locator('[data-testid=audit-export-csv]').click();
    const csv = await waitForFile(downloads, '.csv');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header?.startsWith('id,time,')).toBe(true);
    expect(lines.some((line) => line.startsWith(`${first},`) && line.includes('"Draft, with ""quotes"", to Dana"'))).toBe(true);

    // Someone edits the stored entry's cost behind the extension's back.
    await page.evaluate(
      (entryId) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('groundwork-audit', 1);
          open.onsuccess = () => {
            const store = open.result.transaction('chain', 'readwrite').objectStore('chain');
            const all = store.getAll();
            all.onsuccess = () => {
              const record = (all.result as { entryId?: string; entry?: { costUsd: number } }[]).find((candidate) => candidate.entryId === entryId);
              if (record?.entry) record.entry.costUsd = 0;
              store.put(record).onsuccess = () => resolve();
            };
          };
        }),
      first,
    );
    await page.locator('[data-testid=audit-verify]').click();
    await page.waitForSelector('[data-testid=audit-verify-result][data-ok=false]');
    expect(await page.$eval('[data-testid=audit-verify-result]', (node) => node.getAttribute('data-broken-entry'))).toBe(first);
    expect(await page.$eval('[data-testid=audit-verify-result]', (node) => node.textContent)).toMatch(/changed after it was recorded/);
    await page.close();
  });

  it('hides a feature turned off in settings from the open panel, without a reload', async () => {
    const { salesforceTab, openRecordPanel } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.globex.id));
    const panel = await openRecordPanel(tab);
    await showFeature(panel, 'ask');
    await panel.waitForSelector('[data-testid=ask-section]');
    const page = await optionsPage('features');
    const toggleAsk = async (): Promise<void> => {
      // SLDS draws its own checkbox over the (visually hidden) input: click the input itself.
      await page.$eval('[data-testid=feature-toggle-ask]', (input) => {
        if (input instanceof HTMLElement) input.click();
      });
      await page.locator('[data-testid=save-settings]').click();
    };
    await toggleAsk();
    await page.waitForSelector('[data-testid=settings-status][data-tone=info]');
    // Back on the record (the panel follows the window's active tab): the record stays, Ask is gone.
    await tab.bringToFront();
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
    await panel.waitForSelector('[data-testid=ask-section]', { hidden: true, timeout: 10_000 });
    expect(await panel.$('[data-testid=feature-ask]')).toBeNull();
    await page.bringToFront();
    await toggleAsk();
    await tab.bringToFront();
    await panel.waitForSelector('[data-testid=ask-section]', { timeout: 10_000 });
    await page.close();
    await tab.close();
  });

  it('refuses a generation once the daily budget is spent, saying what was spent and when it resets', async () => {
    const page = await optionsPage('budgets');
    await saveDailyBudget(page, 0.01);
    await page.locator('[data-testid=options-tab-audit]').click();
    await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
    await appendEntry(page, { feature: 'summary', model: 'claude-opus-5-5', costUsd: 0.5 });

    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const calls = sandbox.model.log.filter((entry) => entry.path === '/v1/messages').length;
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.stark.id));
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.stark.id}"]`);
    await panel.locator('[data-testid=generate]').click();
    const problem = await panel.waitForSelector('[data-testid=generation-problem]', { timeout: 15_000 });
    expect(await problem?.evaluate((node) => node.textContent)).toMatch(/Daily AI budget reached: \$0\.5\d of \$0\.01 spent today\. Generation resumes when it resets at/);
    expect(sandbox.model.log.filter((entry) => entry.path === '/v1/messages')).toHaveLength(calls);

    await page.bringToFront();
    await showOptionsSection(page, 'budgets');
    await saveDailyBudget(page, null);
    await page.close();
    await tab.close();
  });

  it('counts only today toward the daily budget: a spend over the cap yesterday blocks nothing, the same spend today does', async () => {
    const page = await optionsPage('audit');
    await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
    // Days start at midnight where the rep is: the browser's time zone.
    const { midnight, spentToday } = await page.evaluate(
      () =>
        new Promise<{ midnight: string; spentToday: number }>((resolve, reject) => {
          const start = new Date();
          start.setHours(0, 0, 0, 0);
          const open = indexedDB.open('groundwork-audit', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('chain').objectStore('chain').getAll();
            read.onsuccess = () => {
              const entries = (read.result as { entry?: { time: string; costUsd: number } }[]).flatMap((record) => (record.entry ? [record.entry] : []));
              const spent = entries.filter((entry) => new Date(entry.time) >= start).reduce((sum, entry) => sum + entry.costUsd, 0);
              open.result.close();
              resolve({ midnight: start.toISOString(), spentToday: spent });
            };
          };
        }),
    );
    const cap = Math.ceil((spentToday + 0.5) * 100) / 100;
    await showOptionsSection(page, 'budgets');
    await saveDailyBudget(page, cap);
    await page.locator('[data-testid=options-tab-audit]').click();
    await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
    // Ten times the cap, spent a minute before midnight: yesterday's.
    await appendEntry(page, { feature: 'summary', model: 'claude-opus-5-5', costUsd: cap * 10, time: new Date(Date.parse(midnight) - 60_000).toISOString() });

    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.wayne.id));
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.wayne.id}"]`);
    const calls = sandbox.model.log.filter((entry) => entry.path === '/v1/messages').length;
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
    expect(sandbox.model.log.filter((entry) => entry.path === '/v1/messages').length).toBe(calls + 1);

    // The same spend today reaches the cap: the next generation is refused.
    await page.bringToFront();
    await appendEntry(page, { feature: 'summary', model: 'claude-opus-5-5', costUsd: cap * 10 });
    await tab.bringToFront();
    await panel.locator('[data-testid=regenerate]').click();
    const problem = await panel.waitForSelector('[data-testid=generation-problem]', { timeout: 15_000 });
    expect(await problem?.evaluate((node) => node.textContent)).toMatch(/Daily AI budget reached/);
    expect(sandbox.model.log.filter((entry) => entry.path === '/v1/messages').length).toBe(calls + 1);

    await page.bringToFront();
    await showOptionsSection(page, 'budgets');
    await saveDailyBudget(page, null);
    await page.close();
    await tab.close();
  });

  it('records the summary prompt variant this rep is assigned, and compares it with the other variant from another rep’s export', async () => {
    const { salesforceTab, openRecordPanel, sandbox, extension } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.umbrella.id));
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.umbrella.id}"]`);
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 }).catch(async (error: unknown) => {
      console.log(await panel.evaluate(() => document.body.innerText));
      throw error;
    });
    // The variant follows from this browser's rep id (made once, kept by the extension): the B file says "Bottom line".
    const worker = await serviceWorker(extension);
    const repId = String(await lastingItem(worker, 'governance:rep-id'));
    const mine = assignVariant(repId, 'summary');
    const other = mine === 'A' ? 'B' : 'A';
    const request = sandbox.model.log.filter((entry) => entry.path === '/v1/messages').at(-1)?.body ?? '';
    expect(request.includes('Bottom line')).toBe(mine === 'B');

    const page = await optionsPage('usage');
    const variants = () =>
      page.$$eval('[data-testid=usage-prompt-row]', (rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].slice(0, 3).map((cell) => cell.textContent).join(' ')).filter((text) => text.startsWith('summary ')),
      );
    await page.waitForSelector('[data-testid=usage-prompt-row]');
    expect((await variants()).map((row) => row.split(' ')[2])).toEqual([mine]);

    // Another rep's export (Audit trail → Export JSON on their machine): two summaries of the other variant.
    const theirs = [1, 2].map((n) =>
      AuditEntry.parse({ id: `other-rep-${n}`, time: new Date().toISOString(), feature: 'summary', promptId: 'summary', promptVersion: other === 'B' ? '1' : '2', variant: other, model: 'claude-sonnet-5-5', outcome: 'accepted', costUsd: 0.01 }),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'groundwork-export-')), 'dana-audit.json');
    writeFileSync(file, entriesToJson(theirs, { filters: {}, exportedAt: new Date().toISOString() }));
    const input = await page.$('input[data-testid=usage-import]');
    await input?.uploadFile(file);
    await page.waitForSelector('[data-testid=usage-import-status]');
    expect(await page.$eval('[data-testid=usage-import-status]', (node) => node.textContent)).toContain('Including 2 entries from dana-audit.json');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=usage-prompt-row]').length > 1);
    expect((await variants()).map((row) => row.split(' ')[2]).sort()).toEqual(['A', 'B']);
    // The totals stay this rep's own.
    expect(await page.$eval('[data-testid=usage-requests]', (node) => node.textContent)).not.toBe('');
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');
    await page.close();
    await tab.close();
  });

  it('has no serious accessibility problems in any section of the options page', async () => {
    const page = await optionsPage('key');
    for (const section of ['key', 'features', 'language', 'privacy', 'budgets', 'orgs']) {
      await showOptionsSection(page, section);
      expect(JSON.stringify(await seriousA11yViolations(page)), section).toBe('[]');
    }
    await showOptionsSection(page, 'audit');
    await page.waitForSelector('[data-testid=audit-table], [data-testid=audit-empty]');
    await page.locator('[data-testid=audit-details-toggle]').click();
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');
    await showOptionsSection(page, 'usage');
    await page.waitForSelector('[data-testid=usage-totals]');
    expect(await page.$eval('[data-testid=usage-cost]', (node) => node.textContent)).toMatch(/^\$\d/);
    expect(await page.$$eval('[data-testid=usage-cost-per-day-bar]', (bars) => bars.length)).toBe(7);
    expect(JSON.stringify(await seriousA11yViolations(page))).toBe('[]');
    await page.close();
  });
});

async function waitForFile(dir: string, suffix: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const name = readdirSync(dir).find((file) => file.endsWith(suffix));
    if (name) return readFileSync(join(dir, name), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No ${suffix} file was downloaded.`);
}
