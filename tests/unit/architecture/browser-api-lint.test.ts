/**
 * The lint rules that keep the extension APIs behind lib/browser and classic zod out of the shipped code: the
 * repository's own ESLint configuration, run on small texts as if they were files of the tree.
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

const CLASSIC_ZOD_PROBE = ["import { z } from 'zod';", 'export const Name = z.string();', ''].join('\n');

async function brokenRules(filePath: string, text = PROBE): Promise<string[]> {
  const eslint = new ESLint({ cwd: resolve(REPOSITORY_ROOT) });
  const [result] = await eslint.lintText(text, { filePath });
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

describe('the classic zod lint rule', () => {
  it('refuses classic zod in every file that ships, pointing at zod/mini', async () => {
    for (const filePath of ['lib/settings/probe.ts', 'lib/browser/probe.ts', 'components/shared/probe.tsx', 'entrypoints/probe.ts']) {
      expect(await brokenRules(filePath, CLASSIC_ZOD_PROBE), filePath).toEqual([expect.stringMatching(/^no-restricted-imports: .*zod\/mini/)]);
    }
  }, ESLINT_RUN_MS);

  it('lets the shipped code use zod/mini', async () => {
    expect(await brokenRules('lib/settings/probe.ts', CLASSIC_ZOD_PROBE.replace("'zod'", "'zod/mini'"))).toEqual([]);
  }, ESLINT_RUN_MS);
});
