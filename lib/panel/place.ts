import { z } from 'zod/mini';
import { create } from 'zustand';
import { sessionStore, type KeyValueStore } from '../browser';

/**
 * The rep's place in the panel, per record: which feature was open, which finished results they have looked at, how
 * far down they had scrolled in each, and form fields typed but not yet used. Kept in session storage, so closing the
 * panel or a stopped service worker loses none of it; read back through this schema (anything else is ignored). What a
 * feature keeps under `forms` is validated by that feature's own schema when it reads it.
 */
export const RecordPlace = z.object({
  tab: z.optional(z.string().check(z.minLength(1))),
  /** Tab → the id of the result last looked at there: a tab whose result differs shows a badge. */
  seen: z._default(z.record(z.string(), z.string()), {}),
  /** Tab → scroll offset in pixels. */
  scroll: z._default(z.record(z.string(), z.number().check(z.nonnegative())), {}),
  forms: z._default(z.record(z.string(), z.unknown()), {}),
});
export type RecordPlace = z.infer<typeof RecordPlace>;

const EMPTY: RecordPlace = { seen: {}, scroll: {}, forms: {} };
const placeKey = (recordId: string): string => `panel:place:${recordId}`;

export interface PlaceSlice {
  /** Record id → its place, once read from storage. */
  places: Record<string, RecordPlace>;
}

export const usePlaceStore = create<PlaceSlice>()(() => ({ places: {} }));

let storage: KeyValueStore | null = null;
const store = (): KeyValueStore => (storage ??= sessionStore());

/** Tests pass a store of their own. */
export function setPlaceStorage(next: KeyValueStore): void {
  storage = next;
}

/** The record's place as read (the empty place until storage has answered). */
export const selectPlace =
  (recordId: string) =>
  (slice: PlaceSlice): RecordPlace =>
    slice.places[recordId] ?? EMPTY;

export const selectPlaceLoaded =
  (recordId: string) =>
  (slice: PlaceSlice): boolean =>
    recordId in slice.places;

/** Reads a record's place from storage once per panel; what storage holds that does not parse is dropped. */
export async function loadPlace(recordId: string): Promise<RecordPlace> {
  const known = usePlaceStore.getState().places[recordId];
  if (known) return known;
  const parsed = RecordPlace.safeParse(await store().get(placeKey(recordId)).catch(() => undefined));
  const place = parsed.success ? parsed.data : EMPTY;
  usePlaceStore.setState((slice) => (recordId in slice.places ? slice : { places: { ...slice.places, [recordId]: place } }));
  return usePlaceStore.getState().places[recordId] ?? place;
}

const writes = new Map<string, ReturnType<typeof setTimeout>>();
/** Scrolling changes the place many times a second: storage gets the latest once things settle. */
const WRITE_DELAY_MS = 200;

function persist(recordId: string): void {
  clearTimeout(writes.get(recordId));
  writes.set(
    recordId,
    setTimeout(() => {
      writes.delete(recordId);
      const place = usePlaceStore.getState().places[recordId];
      if (place) void store().set(placeKey(recordId), place).catch(() => undefined);
    }, WRITE_DELAY_MS),
  );
}

/** Writes every place still waiting, at once (the panel is closing). */
export function flushPlaces(): void {
  for (const [recordId, timer] of writes) {
    clearTimeout(timer);
    writes.delete(recordId);
    const place = usePlaceStore.getState().places[recordId];
    if (place) void store().set(placeKey(recordId), place).catch(() => undefined);
  }
}

export function updatePlace(recordId: string, change: (place: RecordPlace) => RecordPlace): void {
  usePlaceStore.setState((slice) => ({ places: { ...slice.places, [recordId]: change(slice.places[recordId] ?? EMPTY) } }));
  persist(recordId);
}

export const chooseTab = (recordId: string, tab: string): void => updatePlace(recordId, (place) => ({ ...place, tab }));

export function markSeen(recordId: string, tab: string, resultId: string): void {
  if (usePlaceStore.getState().places[recordId]?.seen[tab] === resultId) return;
  updatePlace(recordId, (place) => ({ ...place, seen: { ...place.seen, [tab]: resultId } }));
}

export const rememberScroll = (recordId: string, tab: string, offset: number): void =>
  updatePlace(recordId, (place) => ({ ...place, scroll: { ...place.scroll, [tab]: Math.max(0, Math.round(offset)) } }));

export const rememberForm = (recordId: string, form: string, value: unknown): void =>
  updatePlace(recordId, (place) => ({ ...place, forms: { ...place.forms, [form]: value } }));
