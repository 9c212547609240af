import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox, type SandboxOptions } from '../fakes/sandbox';
import type { OrgInfo } from '../fakes/salesforce';
import { launchWithExtension, loginToSalesforce, openSidePanel, serviceWorker, type ExtensionBrowser } from './chromium';

export interface Harness extends ExtensionBrowser {
  sandbox: Sandbox;
  /** A new tab, logged in to the sandbox org, on the given Lightning path. */
  salesforceTab(path: string, user?: 'full' | 'restricted', org?: OrgInfo): Promise<Page>;
  openPanel(page: Page): Promise<Page>;
  /** Opens the panel on a record page and, the first time the org is seen, enables Groundwork for it as a rep would. */
  openRecordPanel(page: Page): Promise<Page>;
  recordUrl(object: string, id: string): string;
  /** Saves an Anthropic API key through the options page, as a rep would. */
  setApiKey(key: string): Promise<void>;
}

/** One sandbox and one Chromium for a test file, closed after it. */
export function harnessForFile(options: SandboxOptions = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    const sandbox = await startSandbox(options);
    const launched = await launchWithExtension(sandbox).catch(async (error: unknown) => {
      await sandbox.close();
      throw error;
    });
    await serviceWorker(launched.extension);
    harness = {
      ...launched,
      sandbox,
      async salesforceTab(path, user = 'full', org = sandbox.org.primary) {
        const page = await launched.browser.newPage();
        await loginToSalesforce(page, org, user, path);
        return page;
      },
      openPanel: (page) => openSidePanel(page, launched.extension),
      async openRecordPanel(page) {
        const panel = await openSidePanel(page, launched.extension);
        const first = await panel.waitForSelector(
          '[data-testid=record-card], [data-testid=panel-state]:not([data-state=loading])',
          { timeout: 10_000 },
        );
        const asked = await first?.evaluate((node) => node.getAttribute('data-state') === 'org-not-enabled');
        if (asked) await panel.locator('[data-testid=enable-org]').click();
        return panel;
      },
      async setApiKey(key) {
        const page = await launched.browser.newPage();
        await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
        await page.locator('[data-testid=api-key-input]').fill(key);
        await page.locator('[data-testid=save-settings]').click();
        await page.waitForSelector('[data-testid=settings-status]');
        await page.close();
      },
      recordUrl: (object, id) => `https://${sandbox.org.primary.lightningHost}/lightning/r/${object}/${id}/view`,
      async close() {
        await launched.close();
        await sandbox.close();
      },
    };
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('The harness is not started yet.');
    return harness;
  };
}
