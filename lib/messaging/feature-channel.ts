import { z } from 'zod';

/**
 * Features beyond the record view talk to the background over the panel's one port through an envelope: the envelope
 * is checked here, and each feature's own module checks its payload with its own zod schemas. A feature is added by
 * writing its handler and its panel component, without touching the protocol.
 */
export const FeatureName = z.enum(['notes', 'lead', 'ask', 'gmail', 'governance']);
export type FeatureName = z.infer<typeof FeatureName>;

export const FeatureRequest = z.object({ type: z.literal('feature'), feature: FeatureName, payload: z.unknown() });
export type FeatureRequest = z.infer<typeof FeatureRequest>;

export const FeatureEvent = z.object({ type: z.literal('feature-event'), feature: FeatureName, payload: z.unknown() });
export type FeatureEvent = z.infer<typeof FeatureEvent>;
