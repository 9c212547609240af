import { z } from 'zod';

export const Feature = z.enum(['summary', 'brief', 'insights', 'email']);
export type Feature = z.infer<typeof Feature>;

export const FEATURE_LABELS: Record<Feature, string> = {
  summary: 'Summary',
  brief: 'Meeting brief',
  insights: 'Deal insights',
  email: 'Email draft',
};

export const EmailOptions = z.object({
  /** A contact of the record in view (id and how to address them); the model never picks the recipient. */
  recipient: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
  purpose: z.enum(['follow-up', 'recap', 'introduction', 'check-in', 'custom']),
  instruction: z.string().max(500).default(''),
  tone: z.enum(['friendly', 'formal', 'direct']),
  length: z.enum(['short', 'medium', 'long']),
});
export type EmailOptions = z.infer<typeof EmailOptions>;

export const Claim = z.object({ text: z.string(), kind: z.string() });
export type Claim = z.infer<typeof Claim>;

/** A cited context line, so the panel can show where a fact came from. */
export const Citation = z.object({
  id: z.string(),
  text: z.string(),
  objectName: z.string(),
  recordId: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const GenerationProblem = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
});

/** A deterministic finding shown beside deal insights (not model output). */
export const Finding = z.object({ severity: z.enum(['warning', 'info']), text: z.string() });
export type Finding = z.infer<typeof Finding>;

export const Generation = z.object({
  id: z.string(),
  feature: Feature,
  recordId: z.string(),
  status: z.enum(['streaming', 'done', 'stopped', 'failed', 'interrupted']),
  /** The output with redacted values put back; grows while streaming. */
  text: z.string(),
  citations: z.array(Citation),
  unsupported: z.array(Claim),
  /** Why the output failed its use case's checks (too short, no subject…); empty when it passed. */
  validation: z.array(z.string()),
  findings: z.array(Finding),
  problem: GenerationProblem.nullable(),
  promptId: z.string(),
  promptVersion: z.string(),
  model: z.string().nullable(),
  contextHash: z.string(),
  /** The record's context changed since this was generated. */
  stale: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  feedback: z.enum(['up', 'down']).nullable(),
  auditId: z.string().nullable(),
});
export type Generation = z.infer<typeof Generation>;
