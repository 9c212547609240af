import { z } from 'zod/mini';

export const AUDIT_FEATURES = ['summary', 'brief', 'insights', 'email', 'log-note', 'extract-lead', 'ask', 'gmail-insert', 'write'] as const;
export type AuditFeature = (typeof AUDIT_FEATURES)[number];

export const OUTCOMES = ['accepted', 'edited', 'rejected', 'regenerated', 'feedback-up', 'feedback-down', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const Count = z.number().check(z.int(), z.nonnegative());

/** Token counts as Anthropic reports them: `input` excludes the tokens read from or written to the cache. */
export const TokenUsage = z.object({
  input: z._default(Count, 0),
  output: z._default(Count, 0),
  cacheRead: z._default(Count, 0),
  cacheWrite: z._default(Count, 0),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A write to Salesforce: the values before and after (as proposed and confirmed) and Salesforce's answer as it came.
 * An undo is recorded as its own writes: 'restore' puts an updated record's values back, 'delete' removes a record the
 * commit created.
 */
export const WriteRecord = z.object({
  operation: z.enum(['create', 'update', 'restore', 'delete']),
  objectName: z.string().check(z.minLength(1)),
  recordId: z.optional(z.string()),
  before: z._default(z.record(z.string(), FieldValue), {}),
  after: z.record(z.string(), FieldValue),
  answer: z.json(),
});
export type WriteRecord = z.infer<typeof WriteRecord>;

/** The Salesforce user who acted: the user of the org's session in this browser. */
export const AuditUser = z.object({ id: z.optional(z.string()), name: z.optional(z.string()) });
export type AuditUser = z.infer<typeof AuditUser>;

export const AuditEntry = z.object({
  id: z.string().check(z.minLength(1)),
  /** When it happened, ISO 8601 in UTC. */
  time: z.iso.datetime(),
  /** The Salesforce user, when known. */
  user: z.optional(AuditUser),
  orgId: z.optional(z.string()),
  recordId: z.optional(z.string()),
  objectName: z.optional(z.string()),
  feature: z.enum(AUDIT_FEATURES),
  /** Background work (morning prep) is told apart: it counts toward budgets and stops first. */
  trigger: z._default(z.enum(['rep', 'background']), 'rep'),
  promptId: z.optional(z.string()),
  promptVersion: z.optional(z.string()),
  /** The prompt variant the rep was assigned (A/B), for comparing variants. */
  variant: z.optional(z.string()),
  model: z.optional(z.string()),
  /** The language the output was asked for in (en, de, …). */
  outputLanguage: z.optional(z.string()),
  /** The model's display name as the API lists it ("Demo model (offline)"): what the audit viewer shows. */
  modelName: z.optional(z.string()),
  tokens: z.prefault(TokenUsage, {}),
  costUsd: z._default(z.number().check(z.nonnegative()), 0),
  latencyMs: z.optional(z.number().check(z.nonnegative())),
  /** What was sent, as redacted: never the original values. */
  sent: z._default(z.string(), ''),
  received: z._default(z.string(), ''),
  /** How many spans the grounding check flagged. */
  groundingFlags: z._default(Count, 0),
  /** What the rep did with it; updates come as chained amendments and are folded in when read. */
  outcome: z._default(z.enum(OUTCOMES), 'pending'),
  /** The rep's thumbs, kept apart from the outcome so "accepted, then thumbs up" keeps both. */
  feedback: z.optional(z.enum(['up', 'down'])),
  /** Characters the rep changed before using the output, from the latest accepted or edited outcome. */
  editDistance: z.optional(Count),
  write: z.optional(WriteRecord),
  /** Why a generation or write failed, in words. */
  error: z.optional(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What a feature records: the store assigns the id, and the time when none is given. */
export const NewAuditEntry = z.extend(AuditEntry, { id: z.optional(z.string().check(z.minLength(1))), time: z.optional(z.iso.datetime()) });
export type NewAuditEntry = z.input<typeof NewAuditEntry>;

/** Query filters; they travel between contexts, so they are plain, validated data. */
export const AuditFilters = z.object({
  /** Inclusive. */
  from: z.optional(z.iso.datetime()),
  /** Exclusive. */
  to: z.optional(z.iso.datetime()),
  features: z.optional(z.array(z.enum(AUDIT_FEATURES))),
  orgId: z.optional(z.string()),
  recordId: z.optional(z.string()),
  outcomes: z.optional(z.array(z.enum(OUTCOMES))),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export function matchesFilters(entry: AuditEntry, filters: AuditFilters): boolean {
  const time = Date.parse(entry.time);
  if (filters.from !== undefined && time < Date.parse(filters.from)) return false;
  if (filters.to !== undefined && time >= Date.parse(filters.to)) return false;
  if (filters.features && !filters.features.includes(entry.feature)) return false;
  if (filters.orgId !== undefined && !sameSalesforceId(entry.orgId, filters.orgId)) return false;
  if (filters.recordId !== undefined && !sameSalesforceId(entry.recordId, filters.recordId)) return false;
  if (filters.outcomes && !outcomesOf(entry).some((outcome) => filters.outcomes?.includes(outcome))) return false;
  return true;
}

/** The entry's outcome and its thumbs, as outcomes (a thumbs-up on an accepted draft is both). */
export function outcomesOf(entry: AuditEntry): Outcome[] {
  return entry.feedback ? [entry.outcome, `feedback-${entry.feedback}`] : [entry.outcome];
}

/** 15- and 18-character forms of an id name the same record: the last three characters only encode case. */
function sameSalesforceId(stored: string | undefined, wanted: string): boolean {
  return stored !== undefined && stored.slice(0, 15) === wanted.slice(0, 15);
}
