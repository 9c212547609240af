/**
 * `npm run bench`: Groundwork against the naive integration, side by side in one run, on the sandbox with injected org
 * latency. Prints the machine and a table (figure, ours, naive, ratio, goal, met?) and writes the figures as JSON.
 *
 *   npm run bench -- [--out FILE] [--runs N] [--latency MS] [--first-token-ms MS] [--build] [--no-browser]
 *
 * --out             where the JSON goes (default bench-results.json, git-ignored)
 * --runs            runs per timing (default 5); each timing is reported as the median, with min and max
 * --latency         ms the sandbox org adds before every REST response (default 80)
 * --first-token-ms  the sandbox model's time to first token (default 400; used by the generation figures)
 * --build           rebuild the extension first (default: build only when .output/chrome-mv3 is missing)
 * --no-browser      skip the figures taken in Chromium
 *
 * Timings are not tests: a figure short of its goal is reported as such, and the exit code stays 0 unless the
 * benchmark itself could not run.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../e2e/chromium';
import { bundleFigure, ensureBuilt } from './bundle';
import { detectFigure, generationFigure, type DetectFigures, type GenerationFigures } from './chromium-figures';
import { cacheFigure } from './cache';
import { bulkLeadsFigure, contextFigure, tokensFigure } from './figures';
import { startBenchOrg } from './org';
import { repFeelsFigure } from './rep-figures';
import type { BenchResults, CacheFigures, ContextFigures, FigureOutput, RepFigures, ScaleFigures, StorageFigures, TokenFigures } from './results';
import { scaleFigure } from './scale';
import { storageFigure } from './storage';
import { formatTable, goalResults } from './table';

function options() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'bench-results.json' },
      runs: { type: 'string', default: '5' },
      latency: { type: 'string', default: '80' },
      'first-token-ms': { type: 'string', default: '400' },
      build: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const integer = (name: string, text: string, min: number): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, not ${text}`);
    return value;
  };
  return {
    out: resolve(values.out),
    runs: integer('runs', values.runs, 1),
    latencyMs: integer('latency', values.latency, 0),
    firstTokenMs: integer('first-token-ms', values['first-token-ms'], 0),
    build: values.build,
    browser: !values['no-browser'],
  };
}

const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));

/** Runs one figure; a figure that throws is reported as failed (with why) and the others still run. */
async function attempt<T>(key: string, notes: Record<string, string>, run: () => Promise<FigureOutput<T>> | FigureOutput<T>) {
  progress(key);
  try {
    return await run();
  } catch (error) {
    notes[key] = `failed: ${messageOf(error)}`;
    return null;
  }
}

function chromiumVersion(): string | null {
  try {
    return execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const settings = options();
  const started = performance.now();
  // Other work on the machine skews timings: the load when the run began is reported with the figures.
  const [loadAtStart = 0] = loadavg();
  const stats: BenchResults['stats'] = {};
  const notes: BenchResults['notes'] = {};
  const take = <T>(output: FigureOutput<T> | null): T | null => {
    if (!output) return null;
    Object.assign(stats, output.stats);
    Object.assign(notes, output.notes);
    return output.value;
  };

  const org = await startBenchOrg(settings.latencyMs);
  let context: ContextFigures | null = null;
  let tokens: TokenFigures | null = null;
  let bulk: BenchResults['bulk_leads'] | null = null;
  let cache: CacheFigures | null = null;
  let storage: StorageFigures | null = null;
  let scale: ScaleFigures | null = null;
  try {
    context = take(await attempt('context', notes, () => contextFigure(org, settings.runs)));
    tokens = take(await attempt('tokens', notes, () => tokensFigure(org)));
    cache = take(await attempt('cache', notes, () => cacheFigure(org)));
    bulk = take(await attempt('bulk_leads', notes, () => bulkLeadsFigure(org, settings.runs)));
    storage = take(await attempt('storage_kb_after_1000', notes, () => storageFigure(org)));
    scale = take(await attempt('scale', notes, () => scaleFigure(org, settings.runs, settings.latencyMs)));
  } finally {
    await org.close();
  }

  let built = true;
  try {
    ensureBuilt(settings.build);
  } catch (error) {
    built = false;
    notes.bundle_kb_gzip = `failed: the extension did not build (${messageOf(error)})`;
  }
  const bundle = built ? take(await attempt('bundle_kb_gzip', notes, () => bundleFigure())) : null;

  let detect: DetectFigures | null = null;
  let chromium: string | null = null;
  if (!settings.browser) notes.detect_ms = 'pending: skipped (--no-browser)';
  else if (!built) notes.detect_ms = 'failed: no extension build';
  else {
    detect = take(
      await attempt('detect_ms', notes, async () => {
        const measured = await detectFigure(settings);
        chromium = measured.chromium;
        return measured.output;
      }),
    );
  }

  let generation: GenerationFigures | null = null;
  let rep: RepFigures | null = null;
  if (settings.browser && built) {
    generation = take(await attempt('first_token_overhead_ms', notes, () => generationFigure(settings)));
    rep = take(await attempt('panel', notes, () => repFeelsFigure(settings)));
  } else {
    notes.first_token_overhead_ms = settings.browser ? 'failed: no extension build' : 'pending: skipped (--no-browser)';
    notes.panel = notes.first_token_overhead_ms;
  }

  const results: BenchResults = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      chromium: chromium ?? chromiumVersion(),
      os: `${platform()} ${release()} ${arch()}`,
      load_avg_1m: Math.round(loadAtStart * 100) / 100,
    },
    settings: { org_latency_ms: settings.latencyMs, model_first_token_ms: settings.firstTokenMs, runs: settings.runs },
    context,
    tokens,
    first_token_overhead_ms: {
      prefetched: generation?.prefetched ?? null,
      cold: generation?.cold ?? null,
      prefetched_runs: generation?.prefetchedRuns ?? null,
      load_avg_1m: generation?.loadAvg ?? null,
    },
    cache,
    cached_reopen: { model_calls: generation?.cachedReopenCalls ?? null, paint_ms: generation?.cachedReopenPaint ?? null },
    bulk_leads: bulk ?? { records: null, requests: null },
    detect_ms: detect?.detect_ms ?? null,
    detect_first_visit_ms: detect?.detect_first_visit_ms ?? null,
    bundle_kb_gzip: bundle,
    panel: rep?.panel ?? null,
    worker: rep?.worker ?? null,
    memory_mb: rep?.memory_mb ?? null,
    scale,
    storage_kb_after_1000: storage?.storage_kb_after_1000 ?? null,
    storage,
    org_audit: { requests_for_1000: storage?.org_audit_requests_for_1000 ?? null },
    stats,
    notes,
    goals: [],
    finished_at: new Date().toISOString(),
  };
  results.goals = goalResults(results);

  const { machine } = results;
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.chromium ?? 'no Chromium'}, ${machine.os}, load average ${machine.load_avg_1m} at start`);
  console.log(
    `settings: org latency ${settings.latencyMs} ms, model first token ${settings.firstTokenMs} ms, ${settings.runs} runs per timing (median, min–max)\n`,
  );
  console.log(formatTable(results));
  const short = results.goals.filter((goal) => goal.met === false);
  if (short.length > 0) console.log(`\nShort of goal: ${short.map((goal) => goal.figure).join('; ')}`);
  for (const [key, note] of Object.entries(notes)) console.log(`note ${key}: ${note}`);
  writeFileSync(settings.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${settings.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
