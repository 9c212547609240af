import { create } from 'zustand';
import { NotesEvent, type NotesState } from '../extraction/messages';

/** "Log this note": the background's state per record, as last received (the background keeps the truth). */
export interface NotesSlice {
  byRecord: Record<string, NotesState>;
  receive(payload: unknown): void;
}

export const useNotesStore = create<NotesSlice>()((set) => ({
  byRecord: {},
  receive: (payload) => {
    const event = NotesEvent.safeParse(payload);
    if (!event.success) return;
    const { state } = event.data;
    set((current) => ({ byRecord: { ...current.byRecord, [state.recordId]: state } }));
  },
}));

export const selectNotesFor =
  (recordId: string) =>
  (slice: NotesSlice): NotesState | null =>
    slice.byRecord[recordId] ?? null;
