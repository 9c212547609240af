/**
 * Governance: the hash-chained audit trail (IndexedDB), its export, usage and cost, and budgets. Settings and the
 * administrator's policy live in lib/settings.
 */
export {
  AUDIT_FEATURES,
  AuditEntry,
  AuditUser,
  AuditFilters,
  NewAuditEntry,
  OUTCOMES,
  TokenUsage,
  WriteRecord,
  matchesFilters,
  outcomesOf,
  type AuditFeature,
  type Outcome,
} from './entry';
export { AuditLog, openAuditLog, type AuditLogOptions, type OutcomeDetails } from './log';
export { AppendConflict, AUDIT_DB_NAME, IdbAuditBackend, type AuditBackend } from './backend';
export { canonicalJson, GENESIS_HASH, sha256Hex, type BreakReason, type BrokenLink, type VerifyResult } from './chain';
export { csvCell, entriesToCsv, entriesToJson, EXPORT_FORMAT, parseExport } from './export';
export { ChainHead, EMPTY_HEAD, type Continuation } from './chain-head';
export {
  CACHE_READ_MULTIPLIER,
  CACHE_WRITE_MULTIPLIER,
  costUsd,
  countOutcomes,
  priceFor,
  usageSummary,
  isModelCall,
  type DayUsage,
  type FeatureUsage,
  type OutcomeCounts,
  type PromptUsage,
  type UsageOptions,
  type UsageSummary,
  type UsageTotals,
} from './usage';
export {
  budgetState,
  mayGenerate,
  WARNING_SHARE,
  type BudgetLevel,
  type BudgetOptions,
  type BudgetState,
  type GenerationTrigger,
  type RateWindow,
  type SpendWindow,
} from './budget';
export { dayKey, monthKey, startOfNextDay, startOfNextMonth } from './calendar';
export { recordModelCall, scopeOf, usageOf, type AuditScope, type ModelCallRecord } from './model-call';
