import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { FEATURES } from '../../settings/schema';

/** Panel → background, on the 'governance' feature channel. */
export const GovernanceRequest = z.discriminatedUnion('type', [
  /** The panel opened, or something it shows may have changed: send the status. */
  z.object({ type: z.literal('status') }),
  /** The panel saw a Salesforce tab (a checklist step that stays done). */
  z.object({ type: z.literal('salesforce-seen') }),
  /** The rep read the message about the org refusing audit events. */
  z.object({ type: z.literal('dismiss-org-audit-notice') }),
]);
export type GovernanceRequest = z.infer<typeof GovernanceRequest>;

export const KeyCheck = z.object({
  /** Which key and gateway were checked (a hash, never the key). */
  fingerprint: z.string(),
  ok: z.boolean(),
  /** What happened, in words. */
  message: z.string(),
  at: z.iso.datetime(),
});
export type KeyCheck = z.infer<typeof KeyCheck>;

export const OnboardingStatus = z.object({
  keySet: z.boolean(),
  /** Null while unchecked. */
  keyWorking: z.nullable(z.boolean()),
  keyMessage: z.nullable(z.string()),
  salesforceSeen: z.boolean(),
  orgEnabled: z.boolean(),
  /** Every step was done once: the checklist is not shown again. */
  done: z.boolean(),
});
export type OnboardingStatus = z.infer<typeof OnboardingStatus>;

export const FeatureVisibility = z.record(z.enum(FEATURES), z.boolean());

/** Background → panel. */
export const GovernanceEvent = z.object({
  type: z.literal('status'),
  onboarding: OnboardingStatus,
  /** Which features the panel shows: switched on and not removed by the policy. */
  features: FeatureVisibility,
  /** Features the organization's policy switched off (not removed): shown turned off, with who did it. */
  offByPolicy: z._default(z.array(z.enum(FEATURES)), []),
  /** The budget's warning or refusal, when there is one. */
  budgetMessage: z.nullable(z.string()),
  /** Why the org refuses this rep's audit events, until the rep dismisses it (lib/features/governance/org-audit). */
  orgAuditNotice: z.nullable(z.string()),
});
export type GovernanceEvent = z.infer<typeof GovernanceEvent>;

/** Never switched off: the checklist and the switches themselves travel on it. */
export const governanceChannel = defineChannel({ name: 'governance', request: GovernanceRequest, event: GovernanceEvent, featureSwitch: null });
