/**
 * A run's results: every prompt version's per-case outcomes, its scores over all cases, and each variant set beside
 * its base (a B variant beside A; the prompts under test beside another commit's).
 */
import type { PromptVersionResult } from '../run-set';
import { compareScore, type Difference } from '../scoring/compare';
import { aggregate, scoreKeys } from '../scoring/scores';

export interface PromptSet {
  /** "working tree", "main", or a folder's name. */
  label: string;
  /** The shared preamble's version: part of what each prompt of the set sends. */
  preambleVersion: number;
  prompts: PromptVersionResult[];
}

export interface VersionSummary {
  /** Cases no model answer came back for (the model unreachable, a refused key), with the first one's reason. */
  unanswered: { cases: number; reason: string } | null;
  /** "summary" or "summary.b": what the baseline keys scores by. */
  key: string;
  set: string;
  promptId: string;
  variant: string;
  version: number;
  cases: number;
  scores: Record<string, number | null>;
}

export interface Comparison {
  key: string;
  base: { set: string; variant: string; version: number };
  variant: { set: string; variant: string; version: number };
  scores: Record<string, Difference>;
}

export interface EvalResults {
  startedAt: string;
  model: string;
  durationMs: number;
  sets: PromptSet[];
  summaries: VersionSummary[];
  comparisons: Comparison[];
  check?: { baseline: string; passed: boolean; regressions: string[] };
}

/** "Prompts: working tree (shared preamble v1), main (shared preamble v1)". */
export const setsLine = (results: Pick<EvalResults, 'sets'>): string =>
  `Prompts: ${results.sets.map((set) => `${set.label} (shared preamble v${set.preambleVersion})`).join(', ')}`;

export const versionKey = (result: Pick<PromptVersionResult, 'promptId' | 'variant'>): string =>
  result.variant === 'B' ? `${result.promptId}.b` : result.promptId;

export function summarise(set: PromptSet, result: PromptVersionResult): VersionSummary {
  const unanswered = result.cases.filter((item) => item.calls.length === 0);
  return {
    unanswered: unanswered.length === 0 ? null : { cases: unanswered.length, reason: unanswered[0]?.misses[0] ?? unanswered[0]?.output ?? '' },
    key: versionKey(result),
    set: set.label,
    promptId: result.promptId,
    variant: result.variant,
    version: result.version,
    cases: result.cases.length,
    scores: Object.fromEntries(scoreKeys(result.cases).map((key) => [key, aggregate(result.cases, key)])),
  };
}

function compare(baseSet: string, base: PromptVersionResult, variantSet: string, variant: PromptVersionResult): Comparison {
  const keys = [...new Set([...scoreKeys(base.cases), ...scoreKeys(variant.cases)])];
  return {
    key: base.promptId,
    base: { set: baseSet, variant: base.variant, version: base.version },
    variant: { set: variantSet, variant: variant.variant, version: variant.version },
    scores: Object.fromEntries(keys.map((key) => [key, compareScore(base.cases, variant.cases, key)])),
  };
}

/** B beside A in the prompts under test (the first set), and those beside each other set's same prompt and variant. */
export function comparisons(sets: readonly PromptSet[]): Comparison[] {
  const [current, ...others] = sets;
  if (!current) return [];
  const within = current.prompts.flatMap((result) => {
    if (result.variant !== 'B') return [];
    const base = current.prompts.find((other) => other.promptId === result.promptId && other.variant === 'A');
    return base ? [compare(current.label, base, current.label, result)] : [];
  });
  const across = others.flatMap((other) =>
    current.prompts.flatMap((result) => {
      const base = other.prompts.find((candidate) => versionKey(candidate) === versionKey(result));
      return base ? [compare(other.label, base, current.label, result)] : [];
    }),
  );
  return [...within, ...across];
}

export function buildResults(model: string, startedAt: Date, sets: PromptSet[]): EvalResults {
  return {
    startedAt: startedAt.toISOString(),
    model,
    durationMs: Date.now() - startedAt.getTime(),
    sets,
    summaries: sets.flatMap((set) => set.prompts.map((result) => summarise(set, result))),
    comparisons: comparisons(sets),
  };
}
