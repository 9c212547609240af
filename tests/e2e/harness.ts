import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';
import type { OrgInfo } from '../sandbox/salesforce';
import { enableOrgIfAsked, launchWithExtension, saveApiKey, loginToSalesforce, openSidePanel, serviceWorker, type ExtensionBrowser, type LaunchOptions } from './chromium';

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
export function harnessForFile(options: SandboxOptions = {}, launch: LaunchOptions = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    const sandbox = await startSandbox(options);
    const launched = await launchWithExtension(sandbox, launch).catch(async (error: unknown) => {
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
        await enableOrgIfAsked(panel);
        return panel;
      },
      setApiKey: (key) => saveApiKey(launched, key),
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
