/**
 * What the options page and the background say about the team's usage (team-usage.ts): zod only, so that the options
 * page parses the background's answer without bundling the queries or the Salesforce client.
 */
import { z } from 'zod/mini';

export const TeamOutcomes = z.object({
  accepted: z.number(),
  edited: z.number(),
  rejected: z.number(),
  regenerated: z.number(),
  pending: z.number(),
});

export const TeamGroup = z.object({
  /** The breakdown's keys by alias (userId, userName…); null where the event has none. */
  keys: z.record(z.string(), z.nullable(z.string())),
  events: z.number(),
  failed: z.number(),
  costUsd: z.number(),
  tokens: z.number(),
  outcomes: TeamOutcomes,
  /** Used (accepted or edited) of those decided (used, rejected or regenerated); null when none was decided. */
  acceptanceRate: z.nullable(z.number()),
});
export type TeamGroup = z.infer<typeof TeamGroup>;
export type TeamOutcomes = z.infer<typeof TeamOutcomes>;

export const TeamUsageRequest = z.object({
  type: z.literal('team-usage'),
  /** The enabled org to read; the one used last when left out. */
  orgId: z.optional(z.string().check(z.minLength(15), z.maxLength(18))),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
});
export type TeamUsageRequest = z.infer<typeof TeamUsageRequest>;

export const TeamUsage = z.object({
  total: TeamGroup,
  byUser: z.array(TeamGroup),
  byFeature: z.array(TeamGroup),
  byDepartment: z.array(TeamGroup),
  byPrompt: z.array(TeamGroup),
  /** A breakdown had more groups than one aggregate answer holds (2,000): its table is incomplete. */
  truncated: z.boolean(),
});
export type TeamUsage = z.infer<typeof TeamUsage>;

const Org = z.object({ orgId: z.string(), apiHost: z.string() });

export const TeamUsageReply = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), org: Org, usage: TeamUsage }),
  z.object({ state: z.literal('no-org') }),
  z.object({ state: z.literal('signed-out'), org: Org }),
  z.object({ state: z.literal('not-admin'), org: Org }),
  z.object({ state: z.literal('not-deployed'), org: Org }),
  z.object({ state: z.literal('error'), org: z.nullable(Org), message: z.string() }),
]);
export type TeamUsageReply = z.infer<typeof TeamUsageReply>;

