/**
 * The goals the benchmark issue holds the figures to, and the table the run prints: one row per figure with ours, the
 * naive integration's, their ratio, the goal, and whether it is met. A figure that falls short says so; one that could
 * not be measured says "pending" (or why), never "met".
 */
import type { BenchResults, GoalResult } from './results';

type Cell = string | number | null | undefined;

interface Row {
  figure: string;
  ours: Cell;
  naive: Cell;
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

function rows(results: BenchResults): Row[] {
  const { context, tokens, bundle_kb_gzip: bundle } = results;
  const range = (key: string): string => {
    const stat = results.stats[key];
    return stat ? ` (${stat.min}–${stat.max})` : '';
  };
  return [
    {
      figure: 'context: requests',
      ours: context?.ours.requests,
      naive: context?.naive.requests,
      ratio: null,
      goal: 'ours 1, naive ≥ 6',
      note: 'context',
      met: context ? context.ours.requests === 1 && context.naive.requests >= 6 : null,
    },
    {
      figure: 'context: ms (median, min–max)',
      ours: context ? `${ms(context.ours.ms)}${range('context.ours.ms')}` : null,
      naive: context ? `${ms(context.naive.ms)}${range('context.naive.ms')}` : null,
      ratio: context ? `${context.ratio_ms}× faster` : null,
      goal: `≥ 4× faster at ${results.settings.org_latency_ms} ms latency`,
      note: 'context',
      met: orNull(context?.ratio_ms, (ratio) => ratio >= 4),
    },
    {
      figure: 'context, cold describe cache',
      ours: context ? `${context.ours_cold.requests} req, ${ms(context.ours_cold.ms)}` : null,
      naive: null,
      ratio: null,
      goal: '(information)',
      met: null,
    },
    {
      figure: 'prompt tokens (estimateTokens)',
      ours: tokens?.ours,
      naive: tokens?.naive,
      ratio: tokens?.ratio,
      goal: 'ours ≤ ¼ of naive',
      note: 'tokens',
      met: orNull(tokens?.ratio, (ratio) => ratio <= 0.25),
    },
    {
      figure: 'prompt tokens (chars / 4)',
      ours: tokens?.chars_div_4.ours,
      naive: tokens?.chars_div_4.naive,
      ratio: tokens?.chars_div_4.ratio,
      goal: '(second estimate)',
      met: null,
    },
    {
      figure: 'checklist facts present',
      ours: tokens ? `${tokens.facts.ours}/${tokens.facts.total}` : null,
      naive: tokens ? `${tokens.facts.naive}/${tokens.facts.total}` : null,
      ratio: null,
      goal: 'both all',
      note: 'tokens',
      met: tokens ? tokens.facts.ours === tokens.facts.total && tokens.facts.naive === tokens.facts.total : null,
    },
    {
      figure: 'first-token overhead, prefetched',
      ours: ms(results.first_token_overhead_ms.prefetched),
      naive: null,
      ratio: null,
      goal: '< 50 ms',
      note: 'first_token_overhead_ms',
      met: orNull(results.first_token_overhead_ms.prefetched, (value) => value < 50),
    },
    {
      figure: 'first-token overhead, cold',
      ours: ms(results.first_token_overhead_ms.cold),
      naive: null,
      ratio: null,
      goal: '(information)',
      met: null,
    },
    {
      figure: 'cached reopen: model calls, paint',
      ours:
        results.cached_reopen.model_calls === null ? null : `${results.cached_reopen.model_calls}, ${ms(results.cached_reopen.paint_ms)}`,
      naive: null,
      ratio: null,
      goal: '0 calls, ≤ 150 ms',
      note: 'cached_reopen',
      met:
        results.cached_reopen.model_calls === null || results.cached_reopen.paint_ms === null
          ? null
          : results.cached_reopen.model_calls === 0 && results.cached_reopen.paint_ms <= 150,
    },
    {
      figure: '1,000 leads: requests',
      ours: results.bulk_leads.requests,
      naive: null,
      ratio: null,
      goal: '1,000 records in ≤ 5 requests',
      note: 'bulk_leads',
      met:
        results.bulk_leads.requests === null ? null : results.bulk_leads.records === 1000 && results.bulk_leads.requests <= 5,
    },
    {
      figure: 'detect: URL change → panel (median, min–max)',
      ours: results.detect_ms === null ? null : `${ms(results.detect_ms)}${range('detect_ms')}`,
      naive: null,
      ratio: null,
      goal: '< 100 ms',
      note: 'detect_ms',
      met: orNull(results.detect_ms, (value) => value < 100),
    },
    {
      figure: 'detect, record not read yet',
      ours: results.detect_first_visit_ms === null ? null : `${ms(results.detect_first_visit_ms)}${range('detect_first_visit_ms')}`,
      naive: null,
      ratio: null,
      goal: '(information: + 1 request)',
      met: null,
    },
    {
      figure: 'gzip: content_salesforce',
      ours: kb(bundle?.content_salesforce),
      naive: null,
      ratio: null,
      goal: '< 8 kB',
      note: 'bundle_kb_gzip',
      met: orNull(bundle?.content_salesforce, (value) => value < 8),
    },
    ...(['background', 'sidepanel', 'sidepanel_css', 'content_gmail'] as const).map(
      (part): Row => ({ figure: `gzip: ${part}`, ours: kb(bundle?.[part]), naive: null, ratio: null, goal: '(information)', met: null }),
    ),
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
  const header = ['figure', 'ours', 'naive', 'ratio', 'goal', 'met?'];
  const body = rows(results).map((row) => [row.figure, show(row.ours), show(row.naive), show(row.ratio), row.goal, verdict(row, results)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(line)].join('\n');
}
