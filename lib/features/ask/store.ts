import { create } from 'zustand';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import type { AskEvent, AskRequest, AskState, AskSummary } from './messages';

/**
 * The Ask slice: the last question's state as the background keeps it (plan, SOQL, rows, summary), the question being
 * typed, and whether a request is on its way (so a click shows progress before the background answers).
 */
export interface AskSlice {
  state: AskState | null;
  draft: string;
  /** The rep asked; the background has not answered yet. */
  sending: boolean;
  receive(event: AskEvent): void;
  setDraft(draft: string): void;
  markSending(): void;
}

function withSummary(state: AskState | null, askId: string, summary: AskSummary): AskState | null {
  return state?.id === askId ? { ...state, summary } : state;
}

export const useAskStore = create<AskSlice>()((set) => ({
  state: null,
  draft: '',
  sending: false,
  receive: (event) =>
    set((current) => {
      if (event.type === 'summary') return { state: withSummary(current.state, event.askId, event.summary) };
      // The kept draft only fills an empty box: what the rep is typing now wins.
      const draft = event.draft !== null && current.draft === '' ? event.draft : current.draft;
      return { state: event.state, draft, sending: false };
    }),
  setDraft: (draft) => set({ draft }),
  markSending: () => set({ sending: true }),
}));

export const selectAskState = (slice: AskSlice): AskState | null => slice.state;
export const selectAskDraft = (slice: AskSlice): string => slice.draft;
export const selectAskSending = (slice: AskSlice): boolean => slice.sending;

/** Receives the background's Ask events into the store. */
export const watchAsk = (): (() => void) => onFeatureEvent('ask', (event) => useAskStore.getState().receive(event));

export const sendAskRequest = (request: AskRequest): void => sendFeatureRequest('ask', request);
