/**
 * The shape of bench-results.json. The keys the benchmark issue lists are a contract (extend, do not rename); every
 * timing there is the median of its runs, and `stats["<dotted key>"]` holds that timing's min, max and samples. A
 * figure that cannot be measured yet is null, with the reason in `notes["<dotted key>"]`.
 */
import type { Summary } from './stats';

export interface Count {
  requests: number;
  ms: number;
}

export interface ContextFigures {
  /** Groundwork, describes cached (every record after the org's first). */
  ours: Count;
  naive: Count;
  /** naive.ms / ours.ms */
  ratio_ms: number;
  /** Groundwork with an empty describe cache (the org's first record). */
  ours_cold: Count;
}

export interface TokenFigures {
  /** Primary: lib/context's estimateTokens. */
  ours: number;
  naive: number;
  /** ours / naive */
  ratio: number;
  tokenizer: string;
  /** The same prompts measured as characters / 4. */
  chars_div_4: { ours: number; naive: number; ratio: number };
  facts: { total: number; ours: number; naive: number; missing_ours: string[]; missing_naive: string[] };
  /** Planted PII values from the seed (SSN, card number) that reach each prompt in the clear. */
  pii_in_clear: { ours: number; naive: number };
}

export interface BundleFigures {
  background: number;
  sidepanel: number;
  content_salesforce: number;
  content_gmail: number;
  /** The side panel's stylesheet (SLDS), gzipped, apart from its scripts. */
  sidepanel_css: number;
}

export interface BenchResults {
  machine: {
    cpu: string;
    cores: number;
    node: string;
    chromium: string | null;
    os: string;
    /** The 1-minute load average when the run began: other work on the machine skews the timings. */
    load_avg_1m: number;
  };
  settings: { org_latency_ms: number; model_first_token_ms: number; runs: number };
  context: ContextFigures | null;
  tokens: TokenFigures | null;
  first_token_overhead_ms: { prefetched: number | null; cold: number | null };
  cached_reopen: { model_calls: number | null; paint_ms: number | null };
  bulk_leads: { records: number | null; requests: number | null };
  /** URL change to the panel showing a record it has read before in this session: detection alone. */
  detect_ms: number | null;
  /** URL change to the panel showing a record it has not read yet: detection plus its one context request. */
  detect_first_visit_ms: number | null;
  bundle_kb_gzip: BundleFigures | null;
  stats: Record<string, Summary>;
  notes: Record<string, string>;
  goals: GoalResult[];
  finished_at: string;
}

export interface GoalResult {
  figure: string;
  goal: string;
  /** null: not measured (pending or failed). */
  met: boolean | null;
}

/** What one figure function gives back: its values, the summaries of its timings, and any notes. */
export interface FigureOutput<T> {
  value: T;
  stats?: Record<string, Summary>;
  notes?: Record<string, string>;
}
