/**
 * Prompt context: a record graph turned into compact, cited text within a token budget, with PII redacted before
 * anything leaves the browser and put back into what the model returns.
 */
export { buildContext, type BuiltContext, type ContextLine, type ContextOptions } from './build';
export {
  PLACEHOLDER_PATTERN,
  redactText,
  Redactor,
  restoreRedactions,
  type DeniedFieldRedaction,
  type Redaction,
  type ValueKind,
  type ValueRedaction,
} from './redact';
export { estimateTokens } from './tokens';
export { formatValue, todayIn, type FormatSettings } from './format';
export { findUnsupportedClaims, locateUnsupportedClaims, type ClaimKind, type LocatedClaim, type UnsupportedClaim } from './grounding';
