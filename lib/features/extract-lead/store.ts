import { create } from 'zustand';
import { LeadEvent, type LeadState } from '../../proposals/messages';

/** "Extract to Lead": the pending lead review of this window, if any. */
export interface LeadSlice {
  state: LeadState | null;
  receive(payload: unknown): void;
}

export const useLeadStore = create<LeadSlice>()((set) => ({
  state: null,
  receive: (payload) => {
    const event = LeadEvent.safeParse(payload);
    if (event.success) set({ state: event.data.state });
  },
}));

export const selectLeadState = (slice: LeadSlice): LeadState | null => slice.state;
