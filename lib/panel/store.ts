import { create } from 'zustand';
import type { PanelView } from '../messaging/protocol';

/** The record-view slice: what the background says the active tab shows. */
export interface ViewSlice {
  view: PanelView;
  /** False while the background is unreachable (e.g. the service worker is restarting). */
  connected: boolean;
  showView(view: PanelView): void;
  setConnected(connected: boolean): void;
}

const initialView: Pick<ViewSlice, 'view' | 'connected'> = { view: { kind: 'starting' }, connected: false };

export const usePanelStore = create<ViewSlice>()((set) => ({
  ...initialView,
  showView: (view) => set({ view, connected: true }),
  setConnected: (connected) => set({ connected }),
}));

export const resetPanelStore = (): void => usePanelStore.setState(initialView);

export const selectView = (state: ViewSlice): PanelView => state.view;
export const selectConnected = (state: ViewSlice): boolean => state.connected;
