/**
 * Firefox for the e2e suite: Debian's firefox-esr, headless, driven over WebDriver BiDi, with the Firefox build
 * installed as a temporary add-on (Firefox checks its manifest and files as it installs it, as it does for a signed one).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string {
  const found = CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (found) return found;
  throw new Error('No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.');
}

export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(resolve(FIREFOX_BUILD_DIR, 'manifest.json'))) throw new Error(`No Firefox build in ${FIREFOX_BUILD_DIR}: run \`npm run build\` first.`);
  return puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
}
