/**
 * The committed baseline (tests/eval/baseline.json): the scores of each prompt version as measured with the demo model
 * on the labelled cases. `--check` fails when a prompt under test scores worse than it by more than the threshold on a
 * checked score; `--update-baseline` records a run as the new baseline (a deliberate act, reviewed like code).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { specOf } from '../scoring/scores';
import type { VersionSummary } from './results';

export const Baseline = z.object({
  model: z.string(),
  measuredAt: z.string(),
  /** The shared preamble the prompts were sent with. */
  preambleVersion: z.number(),
  prompts: z.record(
    z.string(),
    z.object({ version: z.number(), cases: z.number(), scores: z.record(z.string(), z.number().nullable()) }),
  ),
});
export type Baseline = z.infer<typeof Baseline>;

/** Scores worse by more than this fail the check: two points of a rate, or 0.02 of a count per output. */
export const DEFAULT_THRESHOLD = 0.02;

export async function readBaseline(path: string): Promise<Baseline | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? null : Baseline.parse(JSON.parse(text));
}

export function baselineOf(model: string, preambleVersion: number, summaries: readonly VersionSummary[], at: Date): Baseline {
  const checked = (scores: Record<string, number | null>) => Object.fromEntries(Object.entries(scores).filter(([key]) => specOf(key).checked));
  return {
    model,
    measuredAt: at.toISOString(),
    preambleVersion,
    prompts: Object.fromEntries(summaries.map((summary) => [summary.key, { version: summary.version, cases: summary.cases, scores: checked(summary.scores) }])),
  };
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

const shown = (value: number | null): string => (value === null ? 'none' : value.toFixed(3));

/** What got worse than the baseline beyond the threshold, in words; empty when nothing did. */
export function regressions(baseline: Baseline, summaries: readonly VersionSummary[], threshold: number): string[] {
  const problems: string[] = [];
  for (const summary of summaries) {
    const base = baseline.prompts[summary.key];
    if (!base) {
      // A prompt the baseline does not know would otherwise pass unchecked forever.
      problems.push(`${summary.key} v${summary.version}: no baseline recorded, so nothing to compare with: record one (--update-baseline --demo).`);
      continue;
    }
    const name = `${summary.key} v${summary.version} (baseline v${base.version})`;
    if (base.cases !== summary.cases) {
      problems.push(`${name}: ${summary.cases} cases, the baseline has ${base.cases}: the labelled cases changed, so record a new baseline (--update-baseline).`);
      continue;
    }
    for (const [key, was] of Object.entries(base.scores)) {
      const spec = specOf(key);
      const now = summary.scores[key] ?? null;
      if (was === null) continue;
      const worse = now === null || (spec.better === 'higher' ? now < was - threshold : now > was + threshold);
      if (worse) problems.push(`${name}: ${spec.label} (${key}) ${shown(was)} → ${shown(now)}`);
    }
  }
  return problems;
}
