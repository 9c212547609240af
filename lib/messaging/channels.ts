import { z } from 'zod/mini';
import type { FeatureKey } from '../settings/schema';

/**
 * A feature's channel between its panel store and its background handler: the requests the panel sends, the events
 * the handler sends back (both zod schemas), and the settings switch that turns the feature off (null: never off).
 * Each message is parsed with its channel's schema on arrival, so no handler or store ever sees an unchecked payload.
 */
export interface FeatureChannel<Name extends string = string, Request extends z.ZodMiniType = z.ZodMiniType, Event extends z.ZodMiniType = z.ZodMiniType> {
  readonly name: Name;
  readonly request: Request;
  readonly event: Event;
  readonly featureSwitch: FeatureKey | null;
}

export function defineChannel<const Name extends string, Request extends z.ZodMiniType, Event extends z.ZodMiniType>(
  channel: FeatureChannel<Name, Request, Event>,
): FeatureChannel<Name, Request, Event> {
  return channel;
}

/**
 * Every feature's channel by name. The kernel names no feature: lib/features/channels.ts merges the features' own
 * channels into this interface, so that `sendFeatureRequest('log-note', …)` and `onFeatureEvent('log-note', …)` are
 * checked by the compiler against that feature's schemas.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging (see above)
export interface FeatureChannelMap {}

export type FeatureName = keyof FeatureChannelMap & string;

type ChannelNamed<F extends FeatureName> = FeatureChannelMap[F] extends FeatureChannel ? FeatureChannelMap[F] : never;

/** What a panel sends on a feature's channel (defaults may be left out). */
export type RequestOf<F extends FeatureName> = z.input<ChannelNamed<F>['request']>;
/** What the feature's handler receives: the request as its schema parsed it. */
export type ParsedRequestOf<F extends FeatureName> = z.output<ChannelNamed<F>['request']>;
/** What the feature's handler sends, and its panel store receives once parsed. */
export type EventOf<F extends FeatureName> = z.output<ChannelNamed<F>['event']>;

/** The channels a context knows at run time, by name (the background's and the panel's are the same table). */
export type ChannelTable = ReadonlyMap<string, FeatureChannel>;

/** The envelope a feature's request travels in on the panel's port; its payload is parsed by the channel's schema. */
export const FeatureRequestEnvelope = z.object({ type: z.literal('feature'), feature: z.string().check(z.minLength(1)), payload: z.unknown() });
/** The envelope of a feature's event, background → panel. */
export const FeatureEventEnvelope = z.object({ type: z.literal('feature-event'), feature: z.string().check(z.minLength(1)), payload: z.unknown() });

/** A payload parsed with its channel's request or event schema; null for an unknown channel or a refused payload. */
export function parsePayload(channels: ChannelTable, feature: string, part: 'request' | 'event', payload: unknown): { channel: FeatureChannel; value: unknown } | null {
  const channel = channels.get(feature);
  if (!channel) return null;
  const parsed = channel[part].safeParse(payload);
  return parsed.success ? { channel, value: parsed.data } : null;
}
