/**
 * The HTML report: one self-contained page (inline CSS and SVG, nothing fetched), a section per prompt with a chart
 * per score (a bar per version, the baseline as a dashed line), the differences with their intervals, and every case
 * with what went wrong and the output itself.
 */
import { SCORES, specOf } from '../scoring/scores';
import type { Baseline } from './baseline';
import { setsLine, type EvalResults, type VersionSummary } from './results';
import { columnName, formatDifference, formatValue } from './table';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BAR_HEIGHT = 18;
const CHART_WIDTH = 300;
const LABEL_WIDTH = 96;

interface Bar {
  label: string;
  value: number | null;
}

/** A horizontal bar chart of one score: a bar per version, the baseline as a dashed line. */
export function barChart(key: string, bars: readonly Bar[], baseline: number | null): string {
  const values = bars.map((bar) => bar.value ?? 0);
  const rate = specOf(key).format === 'rate';
  const top = rate ? 1 : Math.max(...values, baseline ?? 0, 1e-9) * 1.15;
  const span = CHART_WIDTH - LABEL_WIDTH - 48;
  const x = (value: number): number => LABEL_WIDTH + (Math.max(0, value) / top) * span;
  const height = bars.length * (BAR_HEIGHT + 6) + 8;
  const rows = bars.map((bar, index) => {
    const y = 4 + index * (BAR_HEIGHT + 6);
    const width = bar.value === null ? 0 : x(bar.value) - LABEL_WIDTH;
    return (
      `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end" class="label">${escape(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" class="bar bar${index % 4}"/>` +
      `<text x="${(LABEL_WIDTH + width + 4).toFixed(1)}" y="${y + 13}" class="value">${escape(formatValue(key, bar.value))}</text>`
    );
  });
  const line =
    baseline === null
      ? ''
      : `<line x1="${x(baseline).toFixed(1)}" x2="${x(baseline).toFixed(1)}" y1="0" y2="${height}" class="baseline"><title>baseline ${escape(formatValue(key, baseline))}</title></line>`;
  const spec = specOf(key);
  const title = spec.checked ? `${spec.label} (${spec.better} is better)` : spec.label;
  return `<figure><figcaption>${escape(title)}</figcaption><svg role="img" aria-label="${escape(title)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${rows.join('')}${line}</svg></figure>`;
}

function charts(summaries: readonly VersionSummary[], results: EvalResults, baseline: Baseline | null): string {
  const keys = [...new Set(summaries.flatMap((summary) => Object.keys(summary.scores)))];
  const plain = keys.filter((key) => key in SCORES);
  const fieldKeys = keys.filter((key) => key.includes(':'));
  const label = (summary: VersionSummary): string => columnName(summary, results.sets[0]?.label ?? '');
  const own = plain.map((key) =>
    barChart(
      key,
      summaries.map((summary) => ({ label: label(summary), value: summary.scores[key] ?? null })),
      baseline?.prompts[summaries[0]?.key ?? '']?.scores[key] ?? null,
    ),
  );
  // Per-field scores: one chart per field and kind, a bar per version.
  const perField = fieldKeys.map((key) =>
    barChart(key, summaries.map((summary) => ({ label: label(summary), value: summary.scores[key] ?? null })), null),
  );
  return `<div class="charts">${own.join('')}</div>${perField.length > 0 ? `<details><summary>Per field</summary><div class="charts">${perField.join('')}</div></details>` : ''}`;
}

function differences(promptId: string, results: EvalResults): string {
  const comparisons = results.comparisons.filter((comparison) => comparison.key === promptId);
  if (comparisons.length === 0) return '';
  const keys = [...new Set(comparisons.flatMap((comparison) => Object.keys(comparison.scores)))].filter((key) => key in SCORES);
  const head = comparisons.map((comparison) => `<th>${escape(`${comparison.variant.set} ${comparison.variant.variant} v${comparison.variant.version} − ${comparison.base.set} ${comparison.base.variant} v${comparison.base.version}`)}</th>`);
  const rows = keys.map((key) => {
    const cells = comparisons.map((comparison) => {
      const difference = comparison.scores[key];
      const spread = difference?.caseStdDev === null || difference?.caseStdDev === undefined ? '' : ` (per-case sd ${formatValue(key, difference.caseStdDev)})`;
      return `<td>${escape(formatDifference(key, difference) + spread)}</td>`;
    });
    return `<tr><th scope="row">${escape(specOf(key).label)}</th>${cells.join('')}</tr>`;
  });
  return `<table><caption>Differences, with 95% bootstrap intervals over the cases</caption><tr><th>score</th>${head.join('')}</tr>${rows.join('')}</table>`;
}

function caseTable(promptId: string, results: EvalResults): string {
  const versions = results.sets.flatMap((set) => set.prompts.filter((result) => result.promptId === promptId).map((result) => ({ set, result })));
  const caseIds = [...new Set(versions.flatMap(({ result }) => result.cases.map((item) => item.caseId)))];
  const rows = caseIds.map((caseId) => {
    const cells = versions.map(({ set, result }) => {
      const outcome = result.cases.find((item) => item.caseId === caseId);
      if (!outcome) return '<td>-</td>';
      const misses = outcome.misses.length === 0 ? '<span class="ok">all as expected</span>' : `<ul>${outcome.misses.map((miss) => `<li>${escape(miss)}</li>`).join('')}</ul>`;
      const name = columnName({ set: set.label, variant: result.variant, version: result.version }, results.sets[0]?.label ?? '');
      return `<td>${misses}<details><summary>output (${escape(name)})</summary><pre>${escape(outcome.output)}</pre></details></td>`;
    });
    return `<tr><th scope="row">${escape(caseId)}</th>${cells.join('')}</tr>`;
  });
  const head = versions.map(({ set, result }) => `<th>${escape(columnName({ set: set.label, variant: result.variant, version: result.version }, results.sets[0]?.label ?? ''))}</th>`);
  return `<details><summary>Cases (${caseIds.length})</summary><table class="cases"><tr><th>case</th>${head.join('')}</tr>${rows.join('')}</table></details>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #181818; --muted: #5c5c5c; --bg: #fff; --line: #d8dde6; --b0: #0176d3; --b1: #2e844a; --b2: #a96404; --b3: #8a4dbf; }
@media (prefers-color-scheme: dark) { :root { --fg: #eceff3; --muted: #a9b1bd; --bg: #16181d; --line: #3a3f48; --b0: #4fa3f7; --b1: #5cc27c; --b2: #e2a64a; --b3: #b98be6; } }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 24px; max-width: 1200px; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 32px; border-top: 1px solid var(--line); padding-top: 16px; }
.meta, figcaption, caption { color: var(--muted); } .charts { display: flex; flex-wrap: wrap; gap: 12px 24px; }
figure { margin: 0; } figcaption { font-size: 12px; margin-bottom: 2px; }
svg .label, svg .value { font-size: 11px; fill: var(--fg); } .bar0 { fill: var(--b0); } .bar1 { fill: var(--b1); } .bar2 { fill: var(--b2); } .bar3 { fill: var(--b3); }
svg .baseline { stroke: var(--fg); stroke-dasharray: 3 3; stroke-width: 1.5; }
table { border-collapse: collapse; margin: 12px 0; } caption { text-align: left; padding-bottom: 4px; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.cases td { max-width: 420px; } pre { white-space: pre-wrap; font-size: 12px; max-height: 320px; overflow: auto; }
.ok { color: var(--b1); } .fail { color: #c23934; font-weight: 600; } ul { margin: 0; padding-left: 18px; }
`;

export function formatHtml(results: EvalResults, baseline: Baseline | null): string {
  const promptIds = [...new Set(results.summaries.map((summary) => summary.promptId))];
  const sections = promptIds.map((promptId) => {
    const summaries = results.summaries.filter((summary) => summary.promptId === promptId);
    const versions = summaries.map((summary) => `${columnName(summary, results.sets[0]?.label ?? '')}: ${summary.cases} cases`).join(', ');
    const unanswered = summaries.flatMap((summary) =>
      summary.unanswered ? [`<p class="fail">${escape(`${columnName(summary, results.sets[0]?.label ?? '')}: ${summary.unanswered.cases} of ${summary.cases} cases got no answer from the model; the first: ${summary.unanswered.reason}`)}</p>`] : [],
    );
    return `<section><h2>${escape(promptId)}</h2><p class="meta">${escape(versions)}</p>${unanswered.join('')}${charts(summaries, results, baseline)}${differences(promptId, results)}${caseTable(promptId, results)}</section>`;
  });
  const check = results.check
    ? `<p class="${results.check.passed ? 'ok' : 'fail'}">Check against ${escape(results.check.baseline)}: ${results.check.passed ? 'passed' : 'failed'}</p>${results.check.regressions.length > 0 ? `<ul>${results.check.regressions.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>` : ''}`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Groundwork prompt evaluation</title><style>${STYLE}</style></head><body><h1>Groundwork prompt evaluation</h1><p class="meta">${escape(results.model)}. ${escape(setsLine(results))}. ${escape(results.startedAt)}, ${(results.durationMs / 1000).toFixed(1)} s.</p>${check}${sections.join('')}</body></html>\n`;
}
