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
  /** Groundwork with an empty describe cache (the org's first record for this user). */
  ours_cold: Count;
  /** A new client (a restarted worker, a reopened browser) whose describes this org and user kept in local storage. */
  ours_first_record_kept_describes: Count;
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

export interface StorageFigures {
  /** Local extension storage (finished generations, their index) after 1,000 summaries of 1,000 records. */
  storage_kb_after_1000: number;
  generations_kept: number;
  generations_kept_max: number;
  /** The audit log (IndexedDB) after the same: one entry per generation with the redacted text sent and received. */
  audit_kb_after_1000: number;
  /** Upsert requests that bring those 1,000 entries into the org (Groundwork_AI_Event__c). */
  org_audit_requests_for_1000: number;
}

export interface ScaleFigures {
  context: Record<5 | 50 | 500, { ms: number; tokens: number; competent_tokens: number; must_facts_kept: string }>;
  ask: Record<
    2150 | 50000,
    {
      ms_per_page: number;
      pages: number;
      rows_matched: number;
      rows_shown: number;
      /** The heap the kept rows (and the paging) add, after a full collection. */
      heap_mb: number;
      /** The kept rows as JSON: what the panel's state and session storage hold. */
      rows_kb: number;
    }
  >;
}

export interface RepFigures {
  panel: { first_paint_ms: number };
  worker: { start_ms: number };
  memory_mb: { panel: number; worker: number };
}

export interface BundleFigures {
  background: number;
  sidepanel: number;
  /** The same as `sidepanel` (every script the panel's HTML loads), under the name the budgets use. */
  sidepanel_js: number;
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
  first_token_overhead_ms: {
    prefetched: number | null;
    cold: number | null;
    /** How many prefetched generations the median is of. */
    prefetched_runs: number | null;
    /** The 1-minute load average while they were measured. */
    load_avg_1m: number | null;
  };
  cache: CacheFigures | null;
  cached_reopen: { model_calls: number | null; paint_ms: number | null };
  bulk_leads: { records: number | null; requests: number | null };
  /** URL change to the panel showing a record it has read before in this session: detection alone. */
  detect_ms: number | null;
  /** URL change to the panel showing a record it has not read yet: detection plus its one context request. */
  detect_first_visit_ms: number | null;
  bundle_kb_gzip: BundleFigures | null;
  panel: RepFigures['panel'] | null;
  worker: RepFigures['worker'] | null;
  memory_mb: RepFigures['memory_mb'] | null;
  scale: ScaleFigures | null;
  /** Local extension storage after 1,000 generations (details under `storage`). */
  storage_kb_after_1000: number | null;
  storage: StorageFigures | null;
  org_audit: { requests_for_1000: number | null };
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
