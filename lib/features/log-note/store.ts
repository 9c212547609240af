import { create } from 'zustand';
import { NotesEvent, type IncomingNote, type NotesState } from '../../proposals/messages';

/**
 * "Log this note": the background's state per record, and the text waiting for a note in this window, as last
 * received (the background keeps the truth).
 */
export interface NotesSlice {
  byRecord: Record<string, NotesState>;
  incoming: IncomingNote | null;
  receive(payload: unknown): void;
}

export const useNotesStore = create<NotesSlice>()((set) => ({
  byRecord: {},
  incoming: null,
  receive: (payload) => {
    const event = NotesEvent.safeParse(payload);
    if (!event.success) return;
    const data = event.data;
    if (data.type === 'incoming') set({ incoming: data.incoming });
    else set((current) => ({ byRecord: { ...current.byRecord, [data.state.recordId]: data.state } }));
  },
}));

export const selectIncomingNote = (slice: NotesSlice): IncomingNote | null => slice.incoming;

export const selectNotesFor =
  (recordId: string) =>
  (slice: NotesSlice): NotesState | null =>
    slice.byRecord[recordId] ?? null;
