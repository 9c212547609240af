import { create } from 'zustand';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import type { LeadEvent, LeadRequest, LeadState } from './messages';

/** "Extract to Lead": the pending lead review of this window, if any. */
export interface LeadSlice {
  state: LeadState | null;
  receive(event: LeadEvent): void;
}

export const useLeadStore = create<LeadSlice>()((set) => ({
  state: null,
  receive: (event) => set({ state: event.state }),
}));

export const selectLeadState = (slice: LeadSlice): LeadState | null => slice.state;

/** Receives the window's lead review from the background. */
export const watchLead = (): (() => void) => onFeatureEvent('extract-lead', (event) => useLeadStore.getState().receive(event));

export const sendLeadRequest = (request: LeadRequest): void => sendFeatureRequest('extract-lead', request);
