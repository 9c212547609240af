import { create } from 'zustand';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import type { IncomingNote, NotesEvent, NotesRequest, NotesState } from './messages';

/**
 * "Log this note": the background's state per record, and the text waiting for a note in this window, as last
 * received (the background keeps the truth).
 */
export interface NotesSlice {
  byRecord: Record<string, NotesState>;
  incoming: IncomingNote | null;
  receive(event: NotesEvent): void;
}

export const useNotesStore = create<NotesSlice>()((set) => ({
  byRecord: {},
  incoming: null,
  receive: (event) => {
    if (event.type === 'incoming') set({ incoming: event.incoming });
    else set((current) => ({ byRecord: { ...current.byRecord, [event.state.recordId]: event.state } }));
  },
}));

export const selectIncomingNote = (slice: NotesSlice): IncomingNote | null => slice.incoming;

export const selectNotesFor =
  (recordId: string) =>
  (slice: NotesSlice): NotesState | null =>
    slice.byRecord[recordId] ?? null;

/** Receives the note's state and the waiting text from the background. */
export const watchNotes = (): (() => void) => onFeatureEvent('log-note', (event) => useNotesStore.getState().receive(event));

export const sendNotesRequest = (request: NotesRequest): void => sendFeatureRequest('log-note', request);
