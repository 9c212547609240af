/**
 * `npm run eval`: every prompt over the labelled cases, through the product's own code, against the offline demo model
 * (or Claude when ANTHROPIC_API_KEY is set), with a table in the terminal, results.json and report.html in the output
 * folder (eval-results/ by default, git-ignored). Options:
 *
 *   --check             fail (exit 1) when a prompt scores worse than tests/eval/baseline.json beyond the threshold
 *   --threshold N       how much worse is tolerated (default 0.02: two points of a rate)
 *   --update-baseline   record this run as the baseline (demo model only)
 *   --prompts DIR       the prompt folder to evaluate (default prompts/)
 *   --against REF       also evaluate the prompts of a git commit (e.g. main) and show both side by side
 *   --only IDS          only these prompts (comma separated: summary,extract-note,ask-plan…)
 *   --out DIR           where results.json and report.html go (default eval-results/)
 *   --demo              the demo model even when a key is set
 *   --model ID          with a key: this Claude model for every use case
 *   --yes               with a key: run after the estimated cost is shown
 *
 * Each set of prompts runs in its own worker process (worker.ts), whose module hooks make the product read that
 * folder's prompt files: what is measured is the product's code with those prompts, nothing rewritten for the eval.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { estimateCost, planModels } from './models';
import { baselineOf, DEFAULT_THRESHOLD, readBaseline, regressions, writeBaseline, type Baseline } from './report/baseline';
import { formatHtml } from './report/html';
import { buildResults, type PromptSet } from './report/results';
import { formatTable } from './report/table';
import type { SetResult } from './run-set';

const REPO = resolve(import.meta.dirname, '../..');
const WORKER = join(import.meta.dirname, 'worker.ts');
const BASELINE = join(import.meta.dirname, 'baseline.json');

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    threshold: { type: 'string', default: String(DEFAULT_THRESHOLD) },
    'update-baseline': { type: 'boolean', default: false },
    prompts: { type: 'string' },
    against: { type: 'string' },
    only: { type: 'string', default: '' },
    out: { type: 'string', default: join(REPO, 'eval-results') },
    demo: { type: 'boolean', default: false },
    model: { type: 'string' },
    yes: { type: 'boolean', default: false },
    baseline: { type: 'string', default: BASELINE },
  },
});

/** Stops the run with a message and an exit code (2: a refusal or a usage error, 3: a worker failed). */
class Stop extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function fail(message: string, code = 2): never {
  throw new Stop(message, code);
}

/** Runs one prompt folder in a worker and returns its result. */
async function runSet(promptsDir: string, model: 'demo' | 'claude', scratch: string): Promise<SetResult> {
  const out = join(scratch, `set-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const workerArgs = ['--import', 'tsx', WORKER, '--out', out, '--model', model, '--only', args.only ?? ''];
  if (args.model) workerArgs.push('--claude-model', args.model);
  const env = { ...process.env, GROUNDWORK_PROMPTS: promptsDir, TZ: 'UTC' };
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, workerArgs, { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', done);
  });
  if (code !== 0) fail(`The evaluation of ${promptsDir} stopped (exit ${code ?? 'signal'}).`, 3);
  return JSON.parse(await readFile(out, 'utf8')) as SetResult;
}

/** The prompt files of a git commit, written to a folder of their own. */
async function promptsAt(ref: string, scratch: string): Promise<string> {
  const dir = join(scratch, `prompts-${ref.replace(/[^A-Za-z0-9._-]/g, '_')}`);
  await mkdir(dir, { recursive: true });
  const git = (...gitArgs: string[]): string => execFileSync('git', gitArgs, { cwd: REPO, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const files = git('ls-tree', '--name-only', `${ref}:prompts`).split('\n').filter((name) => name.endsWith('.md'));
  if (files.length === 0) fail(`No prompt files at ${ref}:prompts.`);
  for (const file of files) await writeFile(join(dir, file), git('show', `${ref}:prompts/${file}`));
  return dir;
}

async function confirmCost(promptsDir: string, scratch: string, apiKey: string): Promise<void> {
  process.stderr.write('Measuring the prompts with the demo model first, to estimate the cost…\n');
  const dry = await runSet(promptsDir, 'demo', scratch);
  const plan = await planModels({ kind: 'claude', apiKey }, args.model);
  const estimate = estimateCost(dry.prompts, plan);
  const sets = args.against ? 2 : 1;
  process.stdout.write(
    `With ${plan.description}: ${estimate.calls * sets} model calls, about ${(estimate.inputTokens * sets).toLocaleString('en-US')} input tokens.\n` +
      `Estimated cost: about $${(estimate.expectedUsd * sets).toFixed(2)} (at most $${(estimate.atMostUsd * sets).toFixed(2)} if every answer used its full length), at the product's price table.\n`,
  );
  if (!args.yes) fail('Nothing was sent to Claude. Run again with --yes to spend this, or with --demo to use the offline demo model.');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const apiKey = process.env.ANTHROPIC_API_KEY?.trim() ?? '';
  const model = apiKey && !args.demo ? 'claude' : 'demo';
  if (args['update-baseline'] && model !== 'demo') fail('The baseline is measured with the demo model: add --demo.');
  const threshold = Number(args.threshold);
  if (!Number.isFinite(threshold) || threshold < 0) fail('--threshold takes a number of at least 0.');
  const scratch = await mkdtemp(join(tmpdir(), 'groundwork-eval-'));
  try {
    const promptsDir = resolve(args.prompts ?? join(REPO, 'prompts'));
    if (model === 'claude') await confirmCost(promptsDir, scratch, apiKey);
    const label = args.prompts ? basename(promptsDir) : 'working tree';
    const first = await runSet(promptsDir, model, scratch);
    const sets: PromptSet[] = [{ label, preambleVersion: first.preambleVersion, prompts: first.prompts }];
    if (args.against) {
      const other = await runSet(await promptsAt(args.against, scratch), model, scratch);
      sets.push({ label: args.against, preambleVersion: other.preambleVersion, prompts: other.prompts });
    }
    const results = buildResults(first.model, startedAt, sets);
    const baseline: Baseline | null = args.check || args['update-baseline'] ? await readBaseline(resolve(args.baseline ?? BASELINE)) : null;
    const current = results.summaries.filter((summary) => summary.set === label);
    if (args.check) {
      if (!baseline) fail(`No baseline at ${args.baseline}: run with --update-baseline first.`);
      if (model !== 'demo') fail('--check compares with the baseline measured with the demo model: add --demo.');
      const found = regressions(baseline, current, threshold);
      results.check = { baseline: relative(REPO, resolve(args.baseline ?? BASELINE)), passed: found.length === 0, regressions: found };
    }
    const out = resolve(args.out ?? 'eval-results');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    await writeFile(join(out, 'report.html'), formatHtml(results, baseline));
    process.stdout.write(`${formatTable(results, baseline)}\n\nWrote ${relative(process.cwd(), join(out, 'results.json'))} and ${relative(process.cwd(), join(out, 'report.html'))}.\n`);
    if (args['update-baseline']) {
      // With --only, the prompts not run keep their recorded scores.
      const recorded = baselineOf(first.model, first.preambleVersion, current, startedAt);
      await writeBaseline(resolve(args.baseline ?? BASELINE), { ...recorded, prompts: { ...baseline?.prompts, ...recorded.prompts } });
      process.stdout.write(`Recorded the baseline in ${relative(process.cwd(), resolve(args.baseline ?? BASELINE))}.\n`);
    }
    if (results.check && !results.check.passed) process.exitCode = 1;
    if (results.summaries.some((summary) => summary.cases > 0 && summary.unanswered?.cases === summary.cases)) {
      fail('A prompt got no answer from the model for any case: its scores measure nothing (see above).', 3);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  if (!(error instanceof Stop)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error.code;
});
