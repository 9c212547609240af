/**
 * The lint rule that keeps the extension APIs behind lib/browser: the repository's own ESLint configuration, run on
 * small texts as if they were files of the tree.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from './layering';

const PROBE = [
  "import { browser as wxt } from 'wxt/browser';",
  "import polyfill from 'webextension-polyfill';",
  'export const touch = (): unknown[] => [wxt, polyfill, browser.runtime.id, chrome.runtime.id];',
  '',
].join('\n');

async function brokenRules(filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: resolve(REPOSITORY_ROOT) });
  const [result] = await eslint.lintText(PROBE, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

/** Each case runs ESLint with the project's typed configuration; its first start loads the parser and can be slow on a busy machine. */
const ESLINT_RUN_MS = 30_000;

describe('the browser API lint rule', () => {
  it('refuses the browser API in the kernel, features, components and scripts', async () => {
    for (const filePath of ['lib/settings/probe.ts', 'lib/features/ask/probe.ts', 'components/shared/probe.tsx', 'scripts/probe.ts']) {
      const broken = await brokenRules(filePath);
      expect(broken.filter((rule) => rule.startsWith('no-restricted-imports'))).toHaveLength(2);
      expect(broken.filter((rule) => rule.startsWith('no-restricted-globals'))).toHaveLength(2);
    }
  }, ESLINT_RUN_MS);

  it('lets lib/browser and the entrypoints use it, with no chrome global anywhere', async () => {
    for (const filePath of ['lib/browser/probe.ts', 'entrypoints/probe.ts']) {
      expect(await brokenRules(filePath)).toEqual(["no-restricted-globals: Unexpected use of 'chrome'. Use the wrappers in lib/browser."]);
    }
  }, ESLINT_RUN_MS);
});
