import { create } from 'zustand';
import { sessionStore } from '../../browser';
import { onFeatureEvent, onPortOpen, sendFeatureRequest } from '../../panel/feature-bus';
import type { EmailOptions, Feature, GenerateEvent, Generation, OutcomeReport } from './messages';
import { OutcomeOutbox } from './outcome-outbox';

/** The generations slice: the four features' outputs for the record in view (which tab shows is the panel's place). */
export interface GenerationState {
  generationsFor: string | null;
  generations: Partial<Record<Feature, Generation>>;
  showGenerations(recordId: string, generations: Generation[]): void;
  updateGeneration(generation: Generation): void;
}

const initialState = { generationsFor: null, generations: {} };

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
}));

export const resetGenerationStore = (): void => useGenerationStore.setState(initialState);

export const selectGenerations = (state: GenerationState): Partial<Record<Feature, Generation>> => state.generations;

let outbox: OutcomeOutbox | null = null;

function receive(event: GenerateEvent): void {
  const store = useGenerationStore.getState();
  if (event.type === 'generations') store.showGenerations(event.recordId, event.generations);
  else if (event.type === 'generation') store.updateGeneration(event.generation);
  else outbox?.acknowledge(event.reportId);
}

/**
 * Receives the record's kept outputs and each output as it streams, for as long as the panel lives; keeps the rep's
 * reports of this window until the background has recorded them, sending them again each time the port opens.
 */
export function watchGenerations(windowId: number): () => void {
  const current = new OutcomeOutbox(sessionStore(), `panel:outcome-reports:${windowId}`, ({ feature, generationId, reportId, report }) =>
    sendFeatureRequest('generate', { type: 'generation-outcome', feature, generationId, reportId, report }),
  );
  outbox = current;
  const stopEvents = onFeatureEvent('generate', receive);
  const stopResending = onPortOpen(() => void current.resend());
  return () => {
    stopEvents();
    stopResending();
    if (outbox === current) outbox = null;
  };
}

export const generateActions = {
  generate: (feature: Feature, email: EmailOptions | null): void => sendFeatureRequest('generate', { type: 'generate', feature, email }),
  stop: (feature: Feature): void => sendFeatureRequest('generate', { type: 'stop-generation', feature }),
  report: (feature: Feature, generationId: string, report: OutcomeReport): void => outbox?.add(feature, generationId, report),
};
