/**
 * The Firefox build in Firefox itself (Debian's firefox-esr, headless, over WebDriver BiDi): Firefox accepts it as an
 * add-on, with the id the build declares. That is as far as Firefox can be driven here: WebDriver BiDi refuses to
 * navigate to moz-extension:// pages and cannot reach the sidebar, so the panel's features are proven in Chromium
 * only (see the README's Firefox section).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD_DIR, launchFirefox } from './firefox';

let firefox: Browser;
beforeAll(async () => {
  firefox = await launchFirefox();
}, 120_000);
afterAll(async () => {
  await firefox?.close();
});

describe('Groundwork in Firefox', () => {
  it('installs in Firefox ESR as the add-on its manifest names, Firefox checking the manifest and files as it does', async () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
    expect(await firefox.version()).toMatch(/^firefox\/\d+/);
    expect(await firefox.installExtension(FIREFOX_BUILD_DIR)).toBe(manifest.browser_specific_settings.gecko.id);
  });
});
