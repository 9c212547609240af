import { create } from 'zustand';
import type { Feature, Generation } from '../generate/types';
import type { ContextPreview, PanelView } from '../../messaging/protocol';

/** The record-view slice: what the background says the active tab shows. */
export interface ViewSlice {
  view: PanelView;
  /** False while the background is unreachable (e.g. the service worker is restarting). */
  connected: boolean;
  showView(view: PanelView): void;
  setConnected(connected: boolean): void;
}

/** The "What will be sent" slice: the exact context text for the record in view, when the rep asked for it. */
export interface PreviewSlice {
  preview: ContextPreview | null;
  previewRequested: boolean;
  requestPreview(): void;
  showPreview(preview: ContextPreview): void;
  closePreview(): void;
}

/** The generations slice: the four features' outputs for the record in view, and which one the rep is looking at. */
export interface GenerationSlice {
  generationsFor: string | null;
  generations: Partial<Record<Feature, Generation>>;
  feature: Feature;
  showGenerations(recordId: string, generations: Generation[]): void;
  updateGeneration(generation: Generation): void;
  chooseFeature(feature: Feature): void;
}

export type PanelState = ViewSlice & PreviewSlice & GenerationSlice;

const initialState = {
  view: { kind: 'starting' } as PanelView,
  connected: false,
  preview: null,
  previewRequested: false,
  generationsFor: null,
  generations: {},
  feature: 'summary' as Feature,
};

export const usePanelStore = create<PanelState>()((set) => ({
  ...initialState,
  showView: (view) =>
    set((state) => {
      const sameRecord = view.kind === 'record' && state.preview?.recordId === view.card.recordId;
      return sameRecord ? { view, connected: true } : { view, connected: true, preview: null, previewRequested: false };
    }),
  setConnected: (connected) => set({ connected }),
  requestPreview: () => set({ previewRequested: true }),
  showPreview: (preview) => set({ preview, previewRequested: false }),
  closePreview: () => set({ preview: null, previewRequested: false }),
  showGenerations: (recordId, generations) =>
    set({ generationsFor: recordId, generations: Object.fromEntries(generations.map((generation) => [generation.feature, generation])) }),
  updateGeneration: (generation) =>
    set((state) =>
      state.generationsFor === generation.recordId
        ? { generations: { ...state.generations, [generation.feature]: generation } }
        : {},
    ),
  chooseFeature: (feature) => set({ feature }),
}));

export const resetPanelStore = (): void => usePanelStore.setState(initialState);

export const selectView = (state: PanelState): PanelView => state.view;
export const selectConnected = (state: PanelState): boolean => state.connected;
export const selectPreview = (state: PanelState): ContextPreview | null => state.preview;
export const selectPreviewRequested = (state: PanelState): boolean => state.previewRequested;

export const selectGenerations = (state: PanelState): Partial<Record<Feature, Generation>> => state.generations;
export const selectFeature = (state: PanelState): Feature => state.feature;
