/**
 * The evaluation's worker process: registers the raw-import hooks first (tests/bench/raw-hooks.mjs, so the product
 * reads the prompt folder under test), then runs one evaluation and writes its result as JSON to the file named by --out.
 */
import { register } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

register('../bench/raw-hooks.mjs', import.meta.url);

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    model: { type: 'string', default: 'demo' },
    'claude-model': { type: 'string' },
    only: { type: 'string', default: '' },
  },
});
// The product's words in English, as a browser without another catalogue serves them: the scoring reads some of them.
const { setMessageSource } = await import('../../lib/i18n');
const { localeSource } = await import('../unit/i18n/catalogue');
setMessageSource(localeSource('en'));
const { runPromptSet } = await import('./run-set');
const apiKey = process.env.ANTHROPIC_API_KEY ?? '';
const result = await runPromptSet({
  model: values.model === 'claude' ? { kind: 'claude', apiKey } : { kind: 'demo' },
  ...(values['claude-model'] ? { claudeModel: values['claude-model'] } : {}),
  only: values.only ? values.only.split(',') : [],
  log: (line) => process.stderr.write(`  ${line}\n`),
});
if (values.out) await writeFile(values.out, JSON.stringify(result));
else process.stdout.write(JSON.stringify(result, null, 1));
