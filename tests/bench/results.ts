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
  /** One composite request, raw JSON (competent.ts). */
  competent: Count;
  /** naive.ms / ours.ms */
  ratio_ms: number;
  /** competent.ms / ours.ms */
  ratio_ms_competent: number;
  /** Groundwork with an empty describe cache (the org's first record). */
  ours_cold: Count;
}

/** Token counts of the three prompts by one counter, and ours as a share of each other. */
export interface TokenCounts {
  ours: number;
  naive: number;
  competent: number;
  /** ours / naive */
  ratio: number;
  /** ours / competent */
  ratio_competent: number;
}

export interface TokenFigures extends TokenCounts {
  /** The tokenizer the primary counts come from. */
  counter: string;
  /** The same prompts by lib/context's estimateTokens (what the extension budgets with). */
  estimate: TokenCounts;
  /** The same prompts measured as characters / 4. */
  chars_div_4: TokenCounts;
  facts: {
    total: number;
    ours: number;
    naive: number;
    competent: number;
    missing_ours: string[];
    missing_naive: string[];
    missing_competent: string[];
  };
  /** Planted PII values from the seed (SSN, card number, IBAN) that reach each prompt in the clear. */
  pii_in_clear: { ours: number; naive: number; competent: number };
}

export interface CacheFigures {
  model: string;
  write_tokens_first_generation: number;
  /** The second summary of the same record (Regenerate): tokens read from the prompt cache. */
  read_tokens_second_generation: number;
  uncached_input_tokens_second_generation: number;
  /** A brief right after the summaries, on the same record: the shared preamble is read from the cache. */
  read_tokens_other_feature_same_record: number;
  cost_usd_per_generation: { first_with_cache: number; second_with_cache: number; without_cache: number };
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
