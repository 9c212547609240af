/**
 * The built manifests (Chrome's and Firefox's) expose nothing they do not need: no page or other extension may message
 * Groundwork, no file of it is reachable from the web, and its pages run under a strict content security policy that
 * Chromium accepts and enforces. Firefox's is the same add-on as a sidebar, with its own id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { EXTENSION_DIR } from './chromium';
import { harnessForFile } from './harness';

interface BuiltManifest {
  manifest_version?: number;
  minimum_chrome_version?: string;
  background?: { service_worker?: string; scripts?: string[] };
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  commands?: Record<string, unknown>;
  content_scripts?: { matches?: string[]; js?: string[] }[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
}

/** `npm run build` builds both (`wxt build`, `wxt build -b firefox`). */
const FIREFOX_DIR = resolve(EXTENSION_DIR, '../firefox-mv3');
const read = (dir: string): BuiltManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
const chrome = read(EXTENSION_DIR);
const firefox = read(FIREFOX_DIR);

/** What each build adds to the permissions every build asks for: Chrome's side panel; Firefox's sidebar needs none. */
const BUILDS = [
  { name: 'Chrome', manifest: chrome, dir: EXTENSION_DIR, panelPermission: ['sidePanel'] },
  { name: 'Firefox', manifest: firefox, dir: FIREFOX_DIR, panelPermission: [] },
];

/** Directive name → its sources, as Chromium reads a policy. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Every directive of the strict policy, and the only sources each may list. */
const STRICT: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // The Salesforce hosts, Anthropic and a company gateway (any https address, or http on this machine).
  'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
};

/** CSP violations the page reports from its next load on: the directive, then where and what. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation(violation: string): void }).reportViolation;
      report(`${event.effectiveDirective} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`);
    });
  });
  return violations;
}

describe.each(BUILDS)('the built manifest for $name', ({ manifest, panelPermission }) => {
  it('lets no web page or other extension connect to Groundwork (no externally_connectable)', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('makes no file web-accessible: no page can load or probe the extension', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('asks for exactly the permissions the README explains, none optional', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'contextMenus', 'cookies', 'identity', 'scripting', ...panelPermission, 'storage'].sort());
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([
      'https://*.lightning.force.com/*',
      'https://*.my.salesforce.com/*',
      'https://*.salesforce-setup.com/*',
      'https://api.anthropic.com/*',
      'https://mail.google.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
    ]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('sets a strict extension-page CSP: own scripts only, no eval, no plugins, no framing, nothing loaded from the web', () => {
    const policy = manifest.content_security_policy?.extension_pages;
    expect(policy, 'content_security_policy.extension_pages').toBeTypeOf('string');
    const set = directives(policy ?? '');
    for (const [name, allowed] of Object.entries(STRICT)) {
      expect(set.get(name), name).toBeDefined();
      expect(set.get(name)?.filter((source) => !allowed.includes(source)), `sources of ${name} beyond the strict policy`).toEqual([]);
    }
    expect([...set.keys()].filter((name) => !(name in STRICT)), 'directives the test does not know').toEqual([]);
    expect(manifest.content_security_policy).not.toHaveProperty('sandbox');
  });
});

describe('the Chrome build', () => {
  it('installs only on Chrome 144 and later, which answer a message listener\'s promise without webextension-polyfill', () => {
    expect(chrome.minimum_chrome_version).toBe('144');
  });
});

describe('the Firefox build', () => {
  it('is the same MV3 add-on with its panel as a sidebar, an event-page background and its own add-on id', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(existsSync(join(FIREFOX_DIR, 'sidepanel.html'))).toBe(true);
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(existsSync(join(FIREFOX_DIR, 'background.js'))).toBe(true);
    expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
    expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('128.0');
    expect(Object.keys(firefox.commands ?? {})).toEqual(['_execute_sidebar_action']);
  });

  it('runs the same content scripts on the same hosts as the Chrome build, and reaches the same hosts', () => {
    const scripts = (manifest: BuiltManifest) => (manifest.content_scripts ?? []).map((entry) => [[...(entry.matches ?? [])].sort(), entry.js]).sort();
    expect(scripts(firefox)).toEqual(scripts(chrome));
    expect(scripts(firefox).map(([, js]) => js)).toEqual(expect.arrayContaining([['content-scripts/gmail.js'], ['content-scripts/outlook.js'], ['content-scripts/salesforce.js']]));
    for (const [, js] of scripts(firefox)) for (const file of js ?? []) expect(existsSync(join(FIREFOX_DIR, file)), file).toBe(true);
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
    expect(firefox.content_security_policy).toEqual(chrome.content_security_policy);
  });
});

describe('the CSP in Chromium', () => {
  const harness = harnessForFile();

  it('is enforced on the options page: an injected inline script, a script from the web and a frame are refused, and the page itself breaks no rule', async () => {
    const { browser, extensionId } = harness();
    const page = await browser.newPage();
    const violations = await recordViolations(page);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.waitForSelector('[data-testid=api-key-input]');
    expect(violations, 'the page itself breaks no rule').toEqual([]);

    // (Eval cannot be tried from here: code that DevTools evaluates is exempt from the page's CSP.)
    const inlineScriptRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.head.append(script);
      return document.body.dataset.injected === 'ran';
    });
    expect(inlineScriptRan).toBe(false);
    const remoteScriptLoaded = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const script = document.createElement('script');
          script.src = 'https://api.anthropic.com/collect.js';
          script.onload = () => resolve(true);
          script.onerror = () => resolve(false);
          document.head.append(script);
        }),
    );
    expect(remoteScriptLoaded).toBe(false);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'https://mail.google.com/';
      document.body.append(frame);
    });
    await page.waitForFunction(() => document.querySelector('iframe') !== null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...new Set(violations.map((violation) => violation.split(' ')[0]))].sort()).toEqual(['frame-src', 'script-src-elem']);
    await page.close();
  });

  it('breaks no rule in the side panel showing a record and what would be sent', async () => {
    const { salesforceTab, openRecordPanel, recordUrl } = harness();
    const tab = await salesforceTab(new URL(recordUrl('Account', ACME.accounts.globex.id)).pathname);
    const panel = await openRecordPanel(tab);
    const violations = await recordViolations(panel);
    await panel.reload();
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
    await panel.locator('[data-testid=show-context]').click();
    await panel.waitForSelector('[data-testid=context-preview-text]');
    expect(violations).toEqual([]);
  });
});
