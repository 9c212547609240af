import { z } from 'zod/mini';
import { t } from '../i18n';
import { OUTPUT_LANGUAGE_CHOICES, OUTPUT_LANGUAGE_CODES, REPLY_LANGUAGE_CHOICES } from './languages';

/** The features a rep (or an administrator) can switch off; each hides its panel actions and refuses its messages. */
export const FEATURES = ['summary', 'brief', 'insights', 'email', 'logNote', 'extractLead', 'ask', 'gmail'] as const;
export type FeatureKey = (typeof FEATURES)[number];

/** The use cases that call a model, each with its own model choice. Gmail insertion calls none. */
export const MODEL_USE_CASES = ['summary', 'brief', 'insights', 'email', 'logNote', 'extractLead', 'ask'] as const;
export type ModelUseCase = (typeof MODEL_USE_CASES)[number];

export const DEFAULT_MODEL = 'claude-sonnet-5-5';

// ---------------------------------------------------------------------------------------------------------------
// Leaf values, shared by the rep's settings and the managed policy so both validate alike

export const ModelId = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** '' means Anthropic's own API; otherwise a gateway speaking the Messages API (plain http only on this machine). */
export const BaseUrl = z
  .string()
  .check(
    z.trim(),
    z.superRefine((value, context) => {
      const problem = value === '' ? null : baseUrlProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  );

export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t('settings_notWebAddress');
  }
  if (url.protocol === 'https:') return null;
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return url.protocol === 'http:' && local ? null : t('settings_httpsOnly');
}

/** Flags every extra redaction pattern is compiled with; validation uses the same, so what passes here runs there. */
export const REDACTION_PATTERN_FLAGS = 'gu';
const MAX_PATTERN_LENGTH = 300;

/** Why a rep's or an administrator's extra redaction pattern cannot be used, or null when it can. */
export function redactionPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return t('settings_patternEmpty');
  if (pattern.length > MAX_PATTERN_LENGTH) return t('settings_patternTooLong', { limit: MAX_PATTERN_LENGTH });
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, REDACTION_PATTERN_FLAGS);
  } catch (error) {
    return t('settings_patternInvalid', { reason: error instanceof Error ? error.message : String(error) });
  }
  // A pattern that matches empty text would "redact" between every character and hide nothing.
  if (regex.test('')) return t('settings_patternMatchesEmpty');
  return null;
}

export const RedactionPattern = z.string().check(z.superRefine((pattern, context) => {
  const problem = redactionPatternProblem(pattern);
  if (problem) context.addIssue({ code: 'custom', message: problem });
}));

/** Compiles validated patterns; invalid ones (which validation keeps out of settings) are skipped, never thrown. */
export function compileRedactionPatterns(patterns: readonly string[]): RegExp[] {
  return patterns.filter((pattern) => redactionPatternProblem(pattern) === null).map((pattern) => new RegExp(pattern, REDACTION_PATTERN_FLAGS));
}

/** `Field` (any object) or `Object.Field`, as lib/context's denylist reads them. */
export const DeniedField = z
  .string()
  .check(z.trim(), z.regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/, { error: () => t('settings_fieldApiName') }));

/**
 * A connected app's (or external client app's) consumer key: Salesforce's are letters, digits, `.` and `_`, some 85
 * characters (`3MVG9…`).
 */
export const ConsumerKey = z
  .string()
  .check(z.trim(), z.regex(/^[A-Za-z0-9._]{20,256}$/, { error: () => t('settings_consumerKey') }));

/** A Salesforce org id, 15 or 18 characters. */
export const OrgId = z.string().check(z.regex(/^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/, { error: () => t('settings_orgId') }));

/** A language Groundwork writes in (what an output or a draft was written in). */
export const OutputLanguageCode = z.enum(OUTPUT_LANGUAGE_CODES);
export const OutputLanguageSetting = z.enum(OUTPUT_LANGUAGE_CHOICES);
export const ReplyLanguageSetting = z.enum(REPLY_LANGUAGE_CHOICES);

/** One prohibited phrase: short, not blank. */
export const ProhibitedPhrase = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

const Usd = z.number().check(z.positive(), z.lte(1_000_000));
const RequestsPerMinute = z.number().check(z.int(), z.positive(), z.lte(10_000));
export const RetentionDays = z.number().check(z.int(), z.gte(1), z.lte(3650));

/** USD per million tokens. Cache prices default to Anthropic's multipliers of the input price (reads 0.1×, 5-minute writes 1.25×). */
export const ModelPrice = z.object({
  input: z.number().check(z.nonnegative()),
  output: z.number().check(z.nonnegative()),
  cacheRead: z.optional(z.number().check(z.nonnegative())),
  cacheWrite: z.optional(z.number().check(z.nonnegative())),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Model id (or the prefix of a family of dated snapshots) → price. */
export const PriceTable = z.record(ModelId, ModelPrice);
export type PriceTable = z.infer<typeof PriceTable>;

/** From the project's Anthropic notes (5.5 family) and Anthropic's published list prices (4.5 family). Editable in settings. */
export const DEFAULT_PRICES: PriceTable = {
  'claude-haiku-5-5': { input: 0.1, output: 0.5 },
  'claude-sonnet-5-5': { input: 2, output: 10 },
  'claude-opus-5-5': { input: 4, output: 20 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
};

// ---------------------------------------------------------------------------------------------------------------
// The rep's settings

const modelChoice = z._default(ModelId, DEFAULT_MODEL);
const on = z._default(z.boolean(), true);

export const ModelChoices = z.object({
  summary: modelChoice,
  brief: modelChoice,
  insights: modelChoice,
  email: modelChoice,
  logNote: modelChoice,
  extractLead: modelChoice,
  ask: modelChoice,
});

export const FeatureToggles = z.object({
  summary: on,
  brief: on,
  insights: on,
  email: on,
  logNote: on,
  extractLead: on,
  ask: on,
  gmail: on,
});

export const RedactionSettings = z.object({
  /** Regular expressions (compiled with REDACTION_PATTERN_FLAGS) whose matches are redacted before anything is sent. */
  extraPatterns: z._default(z.array(RedactionPattern).check(z.maxLength(100)), []),
  deniedFields: z._default(z.array(DeniedField).check(z.maxLength(500)), []),
});

/** Spend caps per rep; null means no cap. */
export const Budgets = z.object({
  dailyUsd: z._default(z.nullable(Usd), null),
  monthlyUsd: z._default(z.nullable(Usd), null),
  requestsPerMinute: z._default(z.nullable(RequestsPerMinute), null),
});
export type Budgets = z.infer<typeof Budgets>;

export const Settings = z.object({
  /** The rep's Anthropic API key; read only by the background worker. */
  anthropicApiKey: z._default(z.string(), ''),
  baseUrl: z._default(BaseUrl, ''),
  models: z.prefault(ModelChoices, {}),
  features: z.prefault(FeatureToggles, {}),
  redaction: z.prefault(RedactionSettings, {}),
  budgets: z.prefault(Budgets, {}),
  auditRetentionDays: z._default(RetentionDays, 90),
  /** Phrases the team never wants in generated text (compared case-insensitively); an output using one fails its checks. */
  prohibitedPhrases: z._default(z.array(ProhibitedPhrase).check(z.maxLength(200)), []),
  /** Background briefs before the day's meetings; off by default because it spends without a click. */
  morningPrep: z._default(z.boolean(), false),
  prices: z._default(PriceTable, DEFAULT_PRICES),
  /**
   * The consumer key of the connected app Groundwork signs in with, for orgs whose API refuses the browser session
   * (API Access Control); '' for none. Usually set by the admin's policy.
   */
  salesforceClientId: z._default(z.union([ConsumerKey, z.literal('')]), ''),
  /** The language of summaries, briefs, insights and drafts ('browser': the browser's own). */
  outputLanguage: z._default(OutputLanguageSetting, 'browser'),
  /** Whether a Gmail reply follows the thread's language or always uses outputLanguage. */
  replyLanguage: z._default(ReplyLanguageSetting, 'thread'),
});
export type Settings = z.infer<typeof Settings>;

/**
 * Reads stored settings key by key, so one value that no longer validates (an older version's, a hand edit) falls
 * back to its default instead of taking the API key and everything else with it.
 */
export function parseSettingsLeniently(stored: unknown): Settings {
  const raw = isRecord(stored) ? stored : {};
  const kept: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Settings.shape)) {
    if (schema.safeParse(raw[key]).success) kept[key] = raw[key];
  }
  return Settings.parse(kept);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
