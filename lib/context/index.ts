/**
 * Prompt context: a record graph turned into compact, cited text within a token budget, with PII redacted before
 * anything leaves the browser and put back into what the model returns.
 */
export { buildContext, type BuiltContext, type ContextLine, type ContextOptions } from './build';

/** The budget of record context sent with a prompt (and shown in "What will be sent"), in estimated tokens. */
export const PROMPT_CONTEXT_TOKENS = 3000;
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
export { citedLine } from './lines';
export { formatMoney, formatValue, todayIn, type FormatSettings } from './format';
export { findUnsupportedClaims, locateUnsupportedClaims, type ClaimKind, type LocatedClaim, type UnsupportedClaim } from './grounding';
