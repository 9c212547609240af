import { create } from 'zustand';
import { parsePayload, type ChannelTable, type EventOf, type FeatureName, type RequestOf } from '../messaging/channels';

type Listener = (event: unknown) => void;

/**
 * The panel side of the features' channels: stores and components subscribe to their feature's events and send its
 * requests, typed by the channel map, without knowing about the port. The connection (connection.ts) delivers each
 * event, which is parsed here with its channel's schema first: a listener only ever sees a well-formed event.
 */
const listeners = new Map<string, Set<Listener>>();
let channels: ChannelTable = new Map();
let sender: ((feature: string, payload: unknown) => void) | null = null;

export function onFeatureEvent<F extends FeatureName>(feature: F, listener: (event: EventOf<F>) => void): () => void {
  const set = listeners.get(feature) ?? new Set<Listener>();
  // Only events parsed with this feature's own schema reach it (deliverFeatureEvent).
  const untyped = listener as Listener;
  set.add(untyped);
  listeners.set(feature, set);
  return () => set.delete(untyped);
}

export function sendFeatureRequest<F extends FeatureName>(feature: F, request: RequestOf<F>): void {
  sender?.(feature, request);
}

/** An event from the port: parsed with its channel's schema, dropped when malformed or of an unknown feature. */
export function deliverFeatureEvent(feature: string, payload: unknown): void {
  const parsed = parsePayload(channels, feature, 'event', payload);
  if (!parsed) return;
  for (const listener of listeners.get(feature) ?? []) listener(parsed.value);
}

/** Set by the connection: the channels this panel knows, and where requests go (null while there is no port). */
export function attachFeatureBus(table: ChannelTable, send: ((feature: string, payload: unknown) => void) | null): void {
  channels = table;
  sender = send;
}

const portOpenListeners = new Set<() => void>();

/**
 * Called each time the panel opens a port, before the requests that waited for it are sent: what a feature must send
 * again (reports a stopped worker may have lost) goes ahead of anything the rep did meanwhile.
 */
export function onPortOpen(listener: () => void): () => void {
  portOpenListeners.add(listener);
  return () => portOpenListeners.delete(listener);
}

/** Set by the connection when a port has opened. */
export function portOpened(): void {
  for (const listener of portOpenListeners) listener();
}

/** Whether the panel's port to the background is open: features ask for their kept state each time it opens. */
export const usePanelConnection = create<{ connected: boolean }>()(() => ({ connected: false }));
export const selectConnected = (state: { connected: boolean }): boolean => state.connected;
export const setConnected = (connected: boolean): void => usePanelConnection.setState({ connected });
