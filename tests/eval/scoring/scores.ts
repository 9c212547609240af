/**
 * The scores of a prompt version: what each means, which way is better, and how a set of cases adds up to one figure
 * (a mean of per-case values, or precision and recall from the counts of every case together).
 */
import type { MeteredCall } from '../world';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseOutcome {
  caseId: string;
  /** This case's value of each score that applies to it. */
  scores: Record<string, number>;
  /** Extraction: what was proposed against what was expected, by field. */
  fields: Record<string, Counts>;
  /** Extraction: the same for the values the review ticks (what one click writes), all fields together. */
  ticked?: Counts;
  calls: MeteredCall[];
  /** The output as the product shows it (text, or the proposal in words). */
  output: string;
  /** What went wrong, in words, for the report. */
  misses: string[];
}

export interface ScoreSpec {
  label: string;
  better: 'higher' | 'lower';
  /** Compared against the baseline by --check (the rest are reported only). */
  checked: boolean;
  format: 'rate' | 'number' | 'usd';
}

/** Every score a run may report. Extraction's per-field scores are `precision:<Field>` and `recall:<Field>`. */
export const SCORES: Readonly<Record<string, ScoreSpec>> = {
  fact_recall: { label: 'must-state facts stated', better: 'higher', checked: true, format: 'rate' },
  forbidden_facts: { label: 'must-not facts stated per output', better: 'lower', checked: true, format: 'number' },
  unsupported_claims: { label: 'unsupported claims per output', better: 'lower', checked: true, format: 'number' },
  cited_lines: { label: 'statements with a valid citation', better: 'higher', checked: true, format: 'rate' },
  required_elements: { label: 'required elements present', better: 'higher', checked: true, format: 'rate' },
  within_length: { label: 'within length and product checks', better: 'higher', checked: true, format: 'rate' },
  words: { label: 'words per output', better: 'lower', checked: false, format: 'number' },
  precision: { label: 'precision (all fields)', better: 'higher', checked: true, format: 'rate' },
  recall: { label: 'recall (all fields)', better: 'higher', checked: true, format: 'rate' },
  ticked_precision: { label: 'precision of ticked values', better: 'higher', checked: true, format: 'rate' },
  ticked_recall: { label: 'recall of ticked values', better: 'higher', checked: true, format: 'rate' },
  evidence_ok: { label: 'values whose quote holds', better: 'higher', checked: true, format: 'rate' },
  forbidden_values: { label: 'must-not values proposed per case', better: 'lower', checked: true, format: 'number' },
  parsed: { label: 'answers the product could read', better: 'higher', checked: true, format: 'rate' },
  planned: { label: 'questions planned and run', better: 'higher', checked: false, format: 'rate' },
  rows_exact: { label: 'questions with exactly the right rows', better: 'higher', checked: true, format: 'rate' },
  row_precision: { label: 'row precision', better: 'higher', checked: true, format: 'rate' },
  row_recall: { label: 'row recall', better: 'higher', checked: true, format: 'rate' },
  input_tokens: { label: 'input tokens per case', better: 'lower', checked: false, format: 'number' },
  output_tokens: { label: 'output tokens per case', better: 'lower', checked: false, format: 'number' },
  cost_usd: { label: 'cost per case', better: 'lower', checked: false, format: 'usd' },
};

export function specOf(key: string): ScoreSpec {
  const known = SCORES[key];
  if (known) return known;
  const [kind, field] = key.split(':');
  return { label: `${kind} of ${field}`, better: 'higher', checked: false, format: 'rate' };
}

const sum = (counts: readonly Counts[]): Counts =>
  counts.reduce((total, count) => ({ tp: total.tp + count.tp, fp: total.fp + count.fp, fn: total.fn + count.fn }), { tp: 0, fp: 0, fn: 0 });

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function fromCounts(kind: 'precision' | 'recall', counts: Counts): number | null {
  return kind === 'precision' ? ratio(counts.tp, counts.tp + counts.fp) : ratio(counts.tp, counts.tp + counts.fn);
}

/** A score over a set of cases; null when no case has anything to say about it. */
export function aggregate(cases: readonly CaseOutcome[], key: string): number | null {
  const [kind, field] = key.split(':');
  if ((kind === 'precision' || kind === 'recall') && cases.some((item) => Object.keys(item.fields).length > 0)) {
    const counts = cases.flatMap((item) => (field ? [item.fields[field] ?? { tp: 0, fp: 0, fn: 0 }] : Object.values(item.fields)));
    return fromCounts(kind, sum(counts));
  }
  if (key === 'ticked_precision' || key === 'ticked_recall') {
    const counts = cases.flatMap((item) => (item.ticked ? [item.ticked] : []));
    return counts.length === 0 ? null : fromCounts(key === 'ticked_precision' ? 'precision' : 'recall', sum(counts));
  }
  const values = cases.flatMap((item) => (key in item.scores ? [item.scores[key] as number] : []));
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
}

/** The score keys a set of cases has, in the order SCORES lists them, per-field ones last. */
export function scoreKeys(cases: readonly CaseOutcome[]): string[] {
  const present = new Set(cases.flatMap((item) => Object.keys(item.scores)));
  const fields = [...new Set(cases.flatMap((item) => Object.keys(item.fields)))].sort();
  if (fields.length > 0) ['precision', 'recall'].forEach((key) => present.add(key));
  if (cases.some((item) => item.ticked)) ['ticked_precision', 'ticked_recall'].forEach((key) => present.add(key));
  const ordered = Object.keys(SCORES).filter((key) => present.has(key));
  return [...ordered, ...fields.flatMap((field) => [`precision:${field}`, `recall:${field}`])];
}
