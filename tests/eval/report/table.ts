/**
 * The terminal table: one block per prompt, a column per version (A, its B variant, another commit's), the difference
 * of each variant from its base with its 95% interval, and the baseline when checking.
 */
import type { Difference } from '../scoring/compare';
import { specOf } from '../scoring/scores';
import type { Baseline } from './baseline';
import { setsLine, type Comparison, type EvalResults, type VersionSummary } from './results';

export function formatValue(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  switch (specOf(key).format) {
    case 'rate':
      return value.toFixed(2);
    case 'usd':
      return `$${value.toFixed(4)}`;
    case 'number':
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
  }
}

const signed = (key: string, value: number): string => `${value >= 0 ? '+' : '−'}${formatValue(key, Math.abs(value))}`;

export function formatDifference(key: string, difference: Difference | undefined): string {
  if (!difference || difference.difference === null) return '-';
  const interval = difference.interval ? ` [${signed(key, difference.interval[0])}, ${signed(key, difference.interval[1])}]` : '';
  return `${signed(key, difference.difference)}${interval}`;
}

/** A version's column: "A v2" for the prompts under test, "main A v2" for another set's. */
export const columnName = (summary: Pick<VersionSummary, 'set' | 'variant' | 'version'>, firstSet: string): string =>
  `${summary.set === firstSet ? '' : `${summary.set} `}${summary.variant} v${summary.version}`;

const comparisonName = (comparison: Comparison): string =>
  comparison.base.set === comparison.variant.set ? `${comparison.variant.variant}−${comparison.base.variant}` : `${comparison.variant.variant} vs ${comparison.base.set}`;

/** Score rows of a prompt: per-field precision and recall share one row. */
function rowKeys(summaries: readonly VersionSummary[]): string[][] {
  const keys = [...new Set(summaries.flatMap((summary) => Object.keys(summary.scores)))];
  const plain = keys.filter((key) => !key.includes(':')).map((key) => [key]);
  const fields = [...new Set(keys.filter((key) => key.includes(':')).map((key) => key.split(':')[1] ?? ''))];
  return [...plain, ...fields.map((field) => [`precision:${field}`, `recall:${field}`])];
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
}

function promptBlock(promptId: string, results: EvalResults, baseline: Baseline | null): string[] {
  const summaries = results.summaries.filter((summary) => summary.promptId === promptId);
  const comparisons = results.comparisons.filter((comparison) => comparison.key === promptId);
  const base = baseline ? summaries.map((summary) => baseline.prompts[summary.key]) : [];
  const header = [promptId, ...summaries.map((summary) => columnName(summary, results.sets[0]?.label ?? '')), ...comparisons.map(comparisonName), ...(baseline ? ['baseline'] : [])];
  const rows = rowKeys(summaries).map((keys) => {
    const label = keys.length === 2 ? `  ${keys[0]?.split(':')[1]} (precision / recall)` : `  ${specOf(keys[0] ?? '').label}`;
    const cell = (read: (key: string) => string): string => keys.map(read).join(' / ');
    return [
      label,
      ...summaries.map((summary) => cell((key) => formatValue(key, summary.scores[key]))),
      ...comparisons.map((comparison) => cell((key) => formatDifference(key, comparison.scores[key]))),
      ...(baseline ? [cell((key) => formatValue(key, base.find((entry) => entry && key in entry.scores)?.scores[key]))] : []),
    ];
  });
  const counts = ['  cases', ...summaries.map((summary) => String(summary.cases)), ...comparisons.map(() => ''), ...(baseline ? [''] : [])];
  const table = [header, counts, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  return table.map((row) => pad(row, widths));
}

export function formatTable(results: EvalResults, baseline: Baseline | null): string {
  const promptIds = [...new Set(results.summaries.map((summary) => summary.promptId))];
  const lines = [
    `Prompt evaluation with ${results.model}`,
    setsLine(results),
    `${results.startedAt.slice(0, 19).replace('T', ' ')} UTC, ${(results.durationMs / 1000).toFixed(1)} s; differences are variant − base with a 95% bootstrap interval`,
    '',
  ];
  for (const promptId of promptIds) lines.push(...promptBlock(promptId, results, baseline), '');
  for (const summary of results.summaries.filter((item) => item.unanswered)) {
    lines.push(`${summary.key} (${summary.set}): ${summary.unanswered?.cases} of ${summary.cases} cases got no answer from the model; the first: ${summary.unanswered?.reason}`);
  }
  if (results.check) {
    lines.push(results.check.passed ? `Check against ${results.check.baseline}: passed.` : `Check against ${results.check.baseline}: FAILED`);
    lines.push(...results.check.regressions.map((line) => `  ${line}`));
  }
  return lines.join('\n');
}
