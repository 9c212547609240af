import type { FeatureName } from '../messaging/feature-channel';

type Listener = (payload: unknown) => void;

/**
 * The panel side of the feature envelope: components subscribe to their feature's events and send requests, without
 * knowing about the port. The connection (connection.ts) delivers events and provides the sender.
 */
const listeners = new Map<FeatureName, Set<Listener>>();
let sender: ((feature: FeatureName, payload: unknown) => void) | null = null;

export function onFeatureEvent(feature: FeatureName, listener: Listener): () => void {
  const set = listeners.get(feature) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(feature, set);
  return () => set.delete(listener);
}

export function deliverFeatureEvent(feature: FeatureName, payload: unknown): void {
  for (const listener of listeners.get(feature) ?? []) listener(payload);
}

export function sendFeatureRequest(feature: FeatureName, payload: unknown): void {
  sender?.(feature, payload);
}

export function setFeatureSender(send: ((feature: FeatureName, payload: unknown) => void) | null): void {
  sender = send;
}
