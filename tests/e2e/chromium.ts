/**
 * Launches Chromium with the built extension against the sandbox: the real host names resolve to the sandbox and the
 * sandbox's certificate is pinned, so the extension under test is the production build with no test switches.
 * Shared by the e2e tests, the demo and the benchmark.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type BoundingBox, type Browser, type Extension, type Page } from 'puppeteer-core';
import { MODEL_USE_CASES } from '../../lib/settings/schema';
import { DEMO_MODEL } from '../sandbox/anthropic';
import type { Sandbox } from '../sandbox/sandbox';
import type { OrgInfo } from '../sandbox/salesforce';
import { rememberBrowser, serviceWorker } from './extension-worker';

export { serviceWorker } from './extension-worker';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-for-testing',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** A Chromium that can load unpacked extensions, or an error that says how to get one. */
export function findChromium(): string {
  const found = CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chromium or ' +
      'Chrome for Testing binary. Branded Google Chrome cannot load unpacked extensions from the command line.',
  );
}

export interface LaunchOptions {
  headless?: boolean;
  /** Leave api.anthropic.com to the real internet (demo with ANTHROPIC_API_KEY). */
  realModelApi?: boolean;
  /**
   * An administrator's policy for the extension (what `storage.managed` reads), set through Chromium's own policy
   * mechanism: a JSON file in the managed policy folder, under "3rdparty" → "extensions" → the extension's id.
   */
  managedPolicy?: Record<string, unknown>;
  /**
   * The browser's UI language (what `chrome.i18n.getUILanguage()` reports and the panel speaks), English unless given.
   * Chromium on Linux takes it from the LANGUAGE variable and ignores `--lang`, which other systems read; Debian's
   * Chromium needs the `chromium-l10n` package for any language but English.
   */
  uiLanguage?: string;
}

/** Where Debian's Chromium reads mandatory policies from (root-owned: CI runs as root). */
export const MANAGED_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** The id Chromium gives an unpacked extension without a manifest key: SHA-256 of its absolute path, in letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

interface ExtensionCopy {
  dir: string;
  cleanUp(): void;
}

/**
 * The production build, copied to a folder of its own (so its id is this launch's alone, and a policy file left behind
 * by a crash can never reach another run), with the policy written for that id before Chromium starts.
 */
function extensionWithPolicy(policy: Record<string, unknown>): ExtensionCopy {
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-managed-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const id = unpackedExtensionId(dir);
  const file = join(MANAGED_POLICY_DIR, `groundwork-e2e-${id}.json`);
  try {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Cannot write Chromium's policy file ${file} (${String(error)}). Run as root (CI does) or set CHROMIUM_POLICY_DIR.`);
  }
  return {
    dir,
    cleanUp() {
      rmSync(file, { force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ExtensionBrowser {
  browser: Browser;
  extension: Extension;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(sandbox: Sandbox, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const copy = options.managedPolicy ? extensionWithPolicy(options.managedPolicy) : null;
  const extensionDir = copy?.dir ?? EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'groundwork-chromium-'));
  const cleanUp = (): void => {
    rmSync(userDataDir, { recursive: true, force: true });
    copy?.cleanUp();
  };
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: true,
    userDataDir,
    defaultViewport: null,
    env: { ...process.env, LANGUAGE: options.uiLanguage ?? 'en' },
    args: [
      `--lang=${options.uiLanguage ?? 'en'}`,
      `--host-resolver-rules=${sandbox.hostResolverRules({ realModelApi: options.realModelApi })}`,
      `--ignore-certificate-errors-spki-list=${sandbox.spki}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-domain-reliability',
      '--no-first-run',
      '--no-default-browser-check',
      '--window-size=1400,900',
    ],
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    const extension = (await browser.extensions()).get(extensionId);
    if (!extension) throw new Error('The extension did not load.');
    rememberBrowser(extension, browser);
    if (copy && extensionId !== unpackedExtensionId(extensionDir)) {
      throw new Error(`The extension loaded as ${extensionId}, not ${unpackedExtensionId(extensionDir)}: its policy would not apply.`);
    }
    if (options.managedPolicy) await reloadPolicies(browser, extension, Object.keys(options.managedPolicy));
    await panelOpensOnActionClick(extension);
    return {
      browser,
      extension,
      extensionId,
      async close() {
        await browser.close();
        cleanUp();
      },
    };
  } catch (error) {
    await browser.close();
    cleanUp();
    throw error;
  }
}

/**
 * Chromium read the policy files at start, before the extension (installed afterwards over CDP) had registered its
 * schema, so the extension's part was set aside. An administrator's "Reload policies" on chrome://policy applies it, as
 * it would for an extension installed while the browser runs; then the extension's managed storage holds the keys.
 */
async function reloadPolicies(browser: Browser, extension: Extension, keys: string[]): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://policy');
    await page.locator('>>> #reload-policies').click();
    const worker = await serviceWorker(extension);
    const applied = (): Promise<boolean> =>
      worker.evaluate(async (wanted: string[]) => {
        const api = (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome;
        const held = await api.storage.managed.get();
        return wanted.every((key) => key in held);
      }, keys);
    for (let attempt = 0; !(await applied()); attempt++) {
      if (attempt === 75) throw new Error('Chromium did not hand the policy to the extension (chrome://policy shows why).');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await page.close();
  }
}

/** Logs in through the sandbox org's login page, as a rep would; ends on the page Salesforce redirects to. */
export async function loginToSalesforce(
  page: Page,
  org: OrgInfo,
  user: 'full' | 'restricted' = 'full',
  startURL = '/lightning/page/home',
): Promise<void> {
  const { users, apiHost, lightningHost } = org;
  const account = users[user];
  // Start from no session, as after "Log out": the login page would otherwise go straight into the app.
  await page.goto(`https://${lightningHost}/secur/logout.jsp`);
  await page.goto(`https://${apiHost}/?startURL=${encodeURIComponent(startURL)}`);
  await page.locator('input[name=username]').fill(account.username);
  await page.locator('input[name=pw]').fill(account.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('#Login').click()]);
  await page.waitForFunction(() => location.hostname.endsWith('.lightning.force.com'));
}

/** Opens the real side panel for the page's tab, as a click on the toolbar button does. */
export async function openSidePanel(page: Page, extension: Extension): Promise<Page> {
  const browser = page.browser();
  const panelUrl = `chrome-extension://${extension.id}/sidepanel.html`;
  const existing = browser.targets().find((target) => target.url() === panelUrl);
  if (!existing) await page.triggerExtensionAction(extension);
  const target = existing ?? (await browser.waitForTarget((candidate) => candidate.url() === panelUrl, { timeout: 10_000 }));
  const panel = await target.asPage();
  await panel.waitForSelector('[data-testid]');
  return panel;
}

/** The worker sets the toolbar button to open the panel as it starts; a click before that would open nothing. */
async function panelOpensOnActionClick(extension: Extension): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const worker = await serviceWorker(extension);
    // Right after start the worker's scope may not have the extension APIs bound yet: ask again until it does.
    const ready = await worker
      .evaluate(async () => {
        const api = (globalThis as { chrome?: { sidePanel?: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> } } })
          .chrome?.sidePanel;
        return api ? Boolean((await api.getPanelBehavior()).openPanelOnActionClick) : false;
      })
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The side panel never became the toolbar button action.');
}

/** The first time an org is seen the panel asks to enable it; answers yes as a rep would, and waits for the card. */
export async function enableOrgIfAsked(panel: Page): Promise<void> {
  // "No record" and "not Salesforce" also show for a moment while a cold worker learns the tab's record: wait past them
  // (a page that truly has no record keeps showing one, and the caller's own wait says what it expects).
  const settled = '[data-testid=panel-state]:not([data-state=loading]):not([data-state=no-record]):not([data-state=not-salesforce])';
  const first = await panel.waitForSelector(`[data-testid=record-card], ${settled}`, { timeout: 10_000 }).catch(() => null);
  if (await first?.evaluate((node) => node.getAttribute('data-state') === 'org-not-enabled')) {
    await panel.locator('[data-testid=enable-org]').click();
  }
}

/** The options page at one of its sections (key, features, privacy, budgets, orgs, audit, usage), in a new tab. */
export async function openOptions(launched: Pick<ExtensionBrowser, 'browser' | 'extensionId'>, section = 'key'): Promise<Page> {
  const page = await launched.browser.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/options.html#${section}`);
  await page.waitForSelector(`[data-testid=options-view-${section}]`);
  return page;
}

/** Moves to another section of an open options page through its navigation, as a rep would. */
export async function showOptionsSection(page: Page, section: string): Promise<void> {
  await page.locator(`[data-testid=options-tab-${section}]`).click();
  await page.waitForSelector(`[data-testid=options-view-${section}]`);
}

/** Saves an Anthropic API key through the options page, as a rep would. */
export async function saveApiKey(launched: Pick<ExtensionBrowser, 'browser' | 'extensionId'>, key: string): Promise<void> {
  const page = await openOptions(launched, 'key');
  await page.locator('[data-testid=api-key-input]').fill(key);
  await page.locator('[data-testid=save-settings]').click();
  await page.waitForSelector('[data-testid=settings-status]');
  await page.close();
}

/**
 * Runs every use case on the sandbox's offline demo model, as a rep would in the options page: saves the key, waits
 * for the live model list (which names the demo model), picks it for each use case, and prices it at zero in the
 * price table. The extension itself has no notion of a demo: it is one more model its key may use.
 */
export async function chooseDemoModel(launched: Pick<ExtensionBrowser, 'browser' | 'extensionId'>, key: string): Promise<void> {
  const page = await openOptions(launched, 'key');
  try {
    await page.locator('[data-testid=api-key-input]').fill(key);
    await page.locator('[data-testid=save-settings]').click();
    await page.waitForSelector('[data-testid=settings-status]');
    await page.waitForSelector(`[data-testid=model-summary] option[value="${DEMO_MODEL.id}"]`, { timeout: 15_000 });
    for (const useCase of MODEL_USE_CASES) await page.select(`[data-testid=model-${useCase}]`, DEMO_MODEL.id);
    await showOptionsSection(page, 'budgets');
    if (!(await page.$(`[data-testid=price-row][data-model="${DEMO_MODEL.id}"]`))) {
      await page.locator('[data-testid=price-add-model]').fill(DEMO_MODEL.id);
      for (const kind of ['input', 'output']) await page.locator(`[data-testid=price-add-input][data-kind=${kind}]`).fill('0');
      await page.locator('[data-testid=price-add]').click();
      await page.waitForSelector(`[data-testid=price-row][data-model="${DEMO_MODEL.id}"]`);
    }
    await page.locator('[data-testid=save-settings]').click();
    await page.waitForSelector('[data-testid=settings-status][data-tone=info]');
  } finally {
    await page.close();
  }
}

/**
 * Shows one of the record's feature tabs (summary, brief, insights, email, note, ask), as a rep would: a click on the
 * tab, or through "More" when the panel is too narrow to show it; waits until its panel is the one shown.
 */
export async function showFeature(panel: Page, tab: string): Promise<void> {
  const selector = `[data-testid=feature-${tab}]`;
  await panel.waitForSelector(`${selector}, [data-testid=tabs-more]`);
  if (!(await panel.$(selector))) await panel.locator('[data-testid=tabs-more]').click();
  // A locator clicks once the tab has stopped moving: the card above it grows as its read completes.
  await panel.locator(selector).click();
  await panel.waitForSelector(`[data-testid=tab-panel][data-tab=${tab}]`);
}

/**
 * Where a Stop button is before and after the streamed text above or beside it has grown by two lines or more: a rep's
 * click lasts about a tenth of a second, and a button that moves meanwhile loses it.
 */
export async function stopButtonWhileTextGrows(panel: Page, stop: string, text: string): Promise<{ before: BoundingBox | null; after: BoundingBox | null }> {
  const box = async (): Promise<BoundingBox | null> => (await (await panel.$(stop))?.boundingBox()) ?? null;
  const before = await box();
  const height = await panel.$eval(text, (node) => node.getBoundingClientRect().height);
  await panel.waitForFunction((selector, from) => (document.querySelector(selector)?.getBoundingClientRect().height ?? 0) > from + 40, {}, text, height);
  return { before, after: await box() };
}
