/**
 * The built manifest exposes nothing it does not need: no page or other extension may message Groundwork, no file of
 * it is reachable from the web, and its pages run under a strict content security policy that Chromium accepts and
 * enforces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { EXTENSION_DIR } from './chromium';
import { harnessForFile } from './harness';

interface BuiltManifest {
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as BuiltManifest;

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

describe('the built manifest', () => {
  it('lets no web page or other extension connect to Groundwork (no externally_connectable)', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('makes no file web-accessible: no page can load or probe the extension', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('asks for exactly the permissions the README explains, none optional', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'contextMenus', 'cookies', 'identity', 'scripting', 'sidePanel', 'storage']);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([
      'https://*.lightning.force.com/*',
      'https://*.my.salesforce.com/*',
      'https://*.salesforce-setup.com/*',
      'https://api.anthropic.com/*',
      'https://mail.google.com/*',
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
