/**
 * The goals the benchmark issue holds the figures to, and the table the run prints: one row per figure with ours, the
 * naive integration's, their ratio, the competent integration's, their ratios, the goal, and whether it is met. A figure that falls short says so; one that could
 * not be measured says "pending" (or why), never "met".
 */
import type { BenchResults, GoalResult } from './results';

type Cell = string | number | null | undefined;

interface Row {
  figure: string;
  ours: Cell;
  naive: Cell;
  competent: Cell;
  ratio: Cell;
  goal: string;
  met: boolean | null;
  /** The key in results.notes that explains a figure not measured. */
  note?: string;
}

const ms = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${value} ms`);
const kb = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${value} kB`);
const orNull = <T>(value: T | null | undefined, test: (value: T) => boolean): boolean | null =>
  value === null || value === undefined ? null : test(value);

/** Budgets for the gzipped bundles (kB): what the rep downloads and the browser parses on every start. */
export const BUNDLE_BUDGETS_KB = { background: 150, sidepanel_js: 150, sidepanel_css: 40 } as const;

function rows(results: BenchResults): Row[] {
  const { context, tokens, cache, scale, bundle_kb_gzip: bundle } = results;
  const range = (key: string): string => {
    const stat = results.stats[key];
    return stat ? ` (${stat.min}–${stat.max})` : '';
  };
  const info = (figure: string, ours: Cell, extra: Partial<Row> = {}): Row => ({ figure, ours, naive: null, competent: null, ratio: null, goal: '(information)', met: null, ...extra });
  const firstToken = results.first_token_overhead_ms;
  return [
    {
      figure: 'context: requests',
      ours: context?.ours.requests,
      naive: context?.naive.requests,
      competent: context?.competent.requests,
      ratio: null,
      goal: 'ours 1, naive ≥ 6',
      note: 'context',
      met: context ? context.ours.requests === 1 && context.naive.requests >= 6 : null,
    },
    {
      figure: 'context: ms (median, min–max)',
      ours: context ? `${ms(context.ours.ms)}${range('context.ours.ms')}` : null,
      naive: context ? `${ms(context.naive.ms)}${range('context.naive.ms')}` : null,
      competent: context ? `${ms(context.competent.ms)}${range('context.competent.ms')}` : null,
      ratio: context ? `${context.ratio_ms}× / ${context.ratio_ms_competent}× faster` : null,
      goal: `≥ 4× faster than naive at ${results.settings.org_latency_ms} ms latency`,
      note: 'context',
      met: orNull(context?.ratio_ms, (ratio) => ratio >= 4),
    },
    info('context, empty describe cache', context ? `${context.ours_cold.requests} req, ${ms(context.ours_cold.ms)}` : null),
    {
      figure: 'context, new client, describes kept',
      ours: context ? `${context.ours_first_record_kept_describes.requests} req, ${ms(context.ours_first_record_kept_describes.ms)}` : null,
      naive: null,
      competent: null,
      ratio: null,
      goal: '1 request',
      note: 'context',
      met: context ? context.ours_first_record_kept_describes.requests === 1 : null,
    },
    {
      figure: 'prompt tokens (Claude tokenizer)',
      ours: tokens?.ours,
      naive: tokens?.naive,
      competent: tokens?.competent,
      ratio: tokens ? `${tokens.ratio} / ${tokens.ratio_competent}` : null,
      goal: 'ours ≤ 0.25 naive, ≤ 0.5 competent',
      note: 'tokens',
      met: tokens ? tokens.ratio <= 0.25 && tokens.ratio_competent <= 0.5 : null,
    },
    info('prompt tokens (estimateTokens)', tokens?.estimate.ours, {
      naive: tokens?.estimate.naive,
      competent: tokens?.estimate.competent,
      ratio: tokens ? `${tokens.estimate.ratio} / ${tokens.estimate.ratio_competent}` : null,
    }),
    info('prompt tokens (chars / 4)', tokens?.chars_div_4.ours, {
      naive: tokens?.chars_div_4.naive,
      competent: tokens?.chars_div_4.competent,
      ratio: tokens ? `${tokens.chars_div_4.ratio} / ${tokens.chars_div_4.ratio_competent}` : null,
    }),
    {
      figure: 'checklist facts present',
      ours: tokens ? `${tokens.facts.ours}/${tokens.facts.total}` : null,
      naive: tokens ? `${tokens.facts.naive}/${tokens.facts.total}` : null,
      competent: tokens ? `${tokens.facts.competent}/${tokens.facts.total}` : null,
      ratio: null,
      goal: 'all, in every prompt',
      note: 'tokens',
      met: tokens ? [tokens.facts.ours, tokens.facts.naive, tokens.facts.competent].every((count) => count === tokens.facts.total) : null,
    },
    {
      figure: 'cache: tokens read, 2nd generation',
      ours: cache ? `${cache.read_tokens_second_generation} of ${cache.read_tokens_second_generation + cache.uncached_input_tokens_second_generation}` : null,
      naive: null,
      competent: null,
      ratio: null,
      goal: '> 0',
      note: 'cache',
      met: orNull(cache?.read_tokens_second_generation, (read) => read > 0),
    },
    info('cost per generation: cached 1st / 2nd / none', cache ? `$${cache.cost_usd_per_generation.first_with_cache} / $${cache.cost_usd_per_generation.second_with_cache} / $${cache.cost_usd_per_generation.without_cache}` : null),
    {
      figure: `first-token overhead, prefetched (load ${firstToken.load_avg_1m ?? '?'})`,
      ours: firstToken.prefetched === null ? null : `${ms(firstToken.prefetched)}${range('first_token_overhead_ms.prefetched')}`,
      naive: null,
      competent: null,
      ratio: null,
      goal: '< 50 ms, median of ≥ 9',
      note: 'first_token_overhead_ms',
      met: firstToken.prefetched === null ? null : firstToken.prefetched < 50 && (firstToken.prefetched_runs ?? 0) >= 9,
    },
    info('first-token overhead, cold', ms(firstToken.cold)),
    {
      figure: 'cached reopen: model calls, paint',
      ours: results.cached_reopen.model_calls === null ? null : `${results.cached_reopen.model_calls}, ${ms(results.cached_reopen.paint_ms)}`,
      naive: null,
      competent: null,
      ratio: null,
      goal: '0 calls, ≤ 150 ms',
      note: 'cached_reopen',
      met:
        results.cached_reopen.model_calls === null || results.cached_reopen.paint_ms === null
          ? null
          : results.cached_reopen.model_calls === 0 && results.cached_reopen.paint_ms <= 150,
    },
    info('panel: cold open → first paint', results.panel ? `${ms(results.panel.first_paint_ms)}${range('panel.first_paint_ms')}` : null, { note: 'panel' }),
    info('worker: start', results.worker ? `${ms(results.worker.start_ms)}${range('worker.start_ms')}` : null, { note: 'panel' }),
    info('memory: panel / worker JS heap', results.memory_mb ? `${results.memory_mb.panel} / ${results.memory_mb.worker} MB` : null, { note: 'panel' }),
    {
      figure: '1,000 leads: requests',
      ours: results.bulk_leads.requests,
      naive: null,
      competent: null,
      ratio: null,
      goal: '1,000 records in ≤ 5 requests',
      note: 'bulk_leads',
      met: results.bulk_leads.requests === null ? null : results.bulk_leads.records === 1000 && results.bulk_leads.requests <= 5,
    },
    {
      figure: 'org audit: requests for 1,000 generations',
      ours: results.org_audit.requests_for_1000,
      naive: null,
      competent: null,
      ratio: null,
      goal: '≤ 5 requests',
      note: 'storage_kb_after_1000',
      met: orNull(results.org_audit.requests_for_1000, (requests) => requests <= 5),
    },
    {
      figure: 'local storage after 1,000 generations',
      ours: results.storage ? `${kb(results.storage.storage_kb_after_1000)} (${results.storage.generations_kept} kept)` : null,
      naive: null,
      competent: null,
      ratio: null,
      goal: `bounded (≤ ${results.storage?.generations_kept_max ?? '?'} kept)`,
      note: 'storage_kb_after_1000',
      met: results.storage ? results.storage.generations_kept <= results.storage.generations_kept_max : null,
    },
    info('audit log after 1,000 generations', kb(results.storage?.audit_kb_after_1000), { note: 'storage_kb_after_1000' }),
    ...([5, 50, 500] as const).map((size) =>
      info(`scale: account with ${size} related`, scale ? `${ms(scale.context[size].ms)}, ${scale.context[size].tokens} tok, ${scale.context[size].must_facts_kept} must-haves` : null, {
        competent: scale ? `${scale.context[size].competent_tokens} tok` : null,
        note: 'scale',
      }),
    ),
    ...([2150, 50000] as const).map((rows) =>
      info(`scale: Ask over ${rows.toLocaleString('en-US')} rows`, scale ? `${ms(scale.ask[rows].ms_per_page)}/page, ${scale.ask[rows].pages} pages, ${scale.ask[rows].rows_shown} rows (${scale.ask[rows].rows_kb} kB), heap +${scale.ask[rows].heap_mb} MB` : null, { note: 'scale' }),
    ),
    {
      figure: 'detect: URL change → panel (median, min–max)',
      ours: results.detect_ms === null ? null : `${ms(results.detect_ms)}${range('detect_ms')}`,
      naive: null,
      competent: null,
      ratio: null,
      goal: '< 100 ms',
      note: 'detect_ms',
      met: orNull(results.detect_ms, (value) => value < 100),
    },
    info('detect, record not read yet', results.detect_first_visit_ms === null ? null : `${ms(results.detect_first_visit_ms)}${range('detect_first_visit_ms')}`, { goal: '(information: + 1 request)' }),
    {
      figure: 'gzip: content_salesforce',
      ours: kb(bundle?.content_salesforce),
      naive: null,
      competent: null,
      ratio: null,
      goal: '< 8 kB',
      note: 'bundle_kb_gzip',
      met: orNull(bundle?.content_salesforce, (value) => value < 8),
    },
    ...(Object.keys(BUNDLE_BUDGETS_KB) as (keyof typeof BUNDLE_BUDGETS_KB)[]).map(
      (part): Row => ({
        figure: `gzip: ${part}`,
        ours: kb(bundle?.[part]),
        naive: null,
        competent: null,
        ratio: null,
        goal: `≤ ${BUNDLE_BUDGETS_KB[part]} kB`,
        note: 'bundle_kb_gzip',
        met: orNull(bundle?.[part], (value) => value <= BUNDLE_BUDGETS_KB[part]),
      }),
    ),
    info('gzip: content_gmail', kb(bundle?.content_gmail)),
  ];
}

function verdict(row: Row, results: BenchResults): string {
  if (row.goal.startsWith('(')) return '';
  if (row.met === true) return 'yes';
  if (row.met === false) return 'NO, short of goal';
  const note = row.note === undefined ? undefined : results.notes[row.note];
  return note?.split(':')[0] ?? 'not measured';
}

/** The goals with a verdict, for the JSON (information-only rows left out). */
export function goalResults(results: BenchResults): GoalResult[] {
  return rows(results)
    .filter((row) => !row.goal.startsWith('('))
    .map((row) => ({ figure: row.figure, goal: row.goal, met: row.met }));
}

const show = (cell: Cell): string => (cell === null || cell === undefined ? '—' : String(cell));

export function formatTable(results: BenchResults): string {
  const header = ['figure', 'ours', 'naive', 'competent', 'ratio', 'goal', 'met?'];
  const body = rows(results).map((row) => [row.figure, show(row.ours), show(row.naive), show(row.competent), show(row.ratio), row.goal, verdict(row, results)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(line)].join('\n');
}
