import { create } from 'zustand';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import type { EmailOptions, Feature, GenerateEvent, Generation, OutcomeReport } from './messages';

/** The generations slice: the four features' outputs for the record in view, and which one the rep is looking at. */
export interface GenerationState {
  generationsFor: string | null;
  generations: Partial<Record<Feature, Generation>>;
  feature: Feature;
  showGenerations(recordId: string, generations: Generation[]): void;
  updateGeneration(generation: Generation): void;
  chooseFeature(feature: Feature): void;
}

const initialState = { generationsFor: null, generations: {}, feature: 'summary' as Feature };

export const useGenerationStore = create<GenerationState>()((set) => ({
  ...initialState,
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

export const resetGenerationStore = (): void => useGenerationStore.setState(initialState);

export const selectGenerations = (state: GenerationState): Partial<Record<Feature, Generation>> => state.generations;
export const selectFeature = (state: GenerationState): Feature => state.feature;

function receive(event: GenerateEvent): void {
  const store = useGenerationStore.getState();
  if (event.type === 'generations') store.showGenerations(event.recordId, event.generations);
  else store.updateGeneration(event.generation);
}

/** Receives the record's kept outputs and each output as it streams, for as long as the panel lives. */
export const watchGenerations = (): (() => void) => onFeatureEvent('generate', receive);

export const generateActions = {
  generate: (feature: Feature, email: EmailOptions | null): void => sendFeatureRequest('generate', { type: 'generate', feature, email }),
  stop: (feature: Feature): void => sendFeatureRequest('generate', { type: 'stop-generation', feature }),
  report: (feature: Feature, generationId: string, report: OutcomeReport): void =>
    sendFeatureRequest('generate', { type: 'generation-outcome', feature, generationId, report }),
  chooseFeature: (feature: Feature): void => useGenerationStore.getState().chooseFeature(feature),
};
