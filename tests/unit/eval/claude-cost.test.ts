/**
 * With a key, the evaluation shows what the run would cost and stops unless told --yes: the estimate comes from a dry
 * run with the demo model (the same prompts, rendered by the same code), and no result is written.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runEval } from './run-eval';
const out = mkdtempSync(join(tmpdir(), 'eval-cost-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('with ANTHROPIC_API_KEY and no --yes, prints the calls, tokens and estimated cost, then stops with nothing run', async () => {
  // --model names the Claude model, so no model list is fetched: nothing leaves the machine.
  const { code, output } = await runEval(['--only', 'summary', '--model', 'claude-haiku-5-5', '--out', out], { ANTHROPIC_API_KEY: 'sk-ant-eval-test' });
  expect(code, output).toBe(2);
  expect(output).toMatch(/With Claude \(claude-haiku-5-5\): 22 model calls, about [\d,]+ input tokens\./);
  expect(output).toMatch(/Estimated cost: about \$\d+\.\d\d \(at most \$\d+\.\d\d if every answer used its full length\)/);
  expect(output).toContain('Nothing was sent to Claude. Run again with --yes');
  expect(existsSync(join(out, 'results.json'))).toBe(false);
}, 90_000);
