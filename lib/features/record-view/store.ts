import { create } from 'zustand';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import type { ContextPreview, PanelView, RecordCard, RecordViewEvent, SignedInUser } from './messages';

/** The record-view slice: what the background says the active tab shows. */
export interface ViewSlice {
  view: PanelView;
  /**
   * The card last shown, kept while the same record reloads or fails to (a Salesforce error, a stopped worker): the
   * panel keeps the rep's work on screen and says what went wrong above it.
   */
  keptCard: RecordCard | null;
  /** Who the org's sign-in is, kept with the card while the record reloads (the panel keeps saying it). */
  keptSignedIn: SignedInUser | null;
  showView(view: PanelView): void;
}

/** The "What will be sent" slice: the exact context text for the record in view, when the rep asked for it. */
export interface PreviewSlice {
  preview: ContextPreview | null;
  previewRequested: boolean;
  requestPreview(): void;
  showPreview(preview: ContextPreview): void;
  closePreview(): void;
}

export type RecordViewState = ViewSlice & PreviewSlice;

const initialState = {
  view: { kind: 'starting' } as PanelView,
  keptCard: null,
  keptSignedIn: null,
  preview: null,
  previewRequested: false,
};

export const useRecordViewStore = create<RecordViewState>()((set) => ({
  ...initialState,
  showView: (view) =>
    set((state) => {
      const keptCard = cardToKeep(state.keptCard, view);
      const keptSignedIn = view.kind === 'record' ? view.signedIn : view.kind === 'loading' && keptCard ? state.keptSignedIn : null;
      const sameRecord = keptCard !== null && state.preview?.recordId === keptCard.recordId;
      return sameRecord ? { view, keptCard, keptSignedIn } : { view, keptCard, keptSignedIn, preview: null, previewRequested: false };
    }),
  requestPreview: () => set({ previewRequested: true }),
  showPreview: (preview) => set({ preview, previewRequested: false }),
  closePreview: () => set({ preview: null, previewRequested: false }),
}));

/** The record's card while it is in view, reloading, or failing to reload; null once another record or page shows. */
export function cardToKeep(kept: RecordCard | null, view: PanelView): RecordCard | null {
  if (view.kind === 'record') return view.card;
  if ((view.kind === 'loading' || view.kind === 'problem') && kept && view.ref?.recordId === kept.recordId) return kept;
  return null;
}

export const resetRecordViewStore = (): void => useRecordViewStore.setState(initialState);

export const selectView = (state: RecordViewState): PanelView => state.view;
export const selectKeptCard = (state: RecordViewState): RecordCard | null => state.keptCard;
export const selectKeptSignedIn = (state: RecordViewState): SignedInUser | null => state.keptSignedIn;
export const selectPreview = (state: RecordViewState): ContextPreview | null => state.preview;
export const selectPreviewRequested = (state: RecordViewState): boolean => state.previewRequested;

function receive(event: RecordViewEvent): void {
  const store = useRecordViewStore.getState();
  if (event.type === 'view') store.showView(event.view);
  else store.showPreview(event.preview);
}

/** Receives the window's views from the background for as long as the panel lives. */
export const watchRecordView = (): (() => void) => onFeatureEvent('record-view', receive);

export const recordViewActions = {
  retry: (): void => sendFeatureRequest('record-view', { type: 'retry' }),
  reloadTab: (): void => sendFeatureRequest('record-view', { type: 'reload-tab' }),
  enableOrg: (orgId: string): void => sendFeatureRequest('record-view', { type: 'enable-org', orgId }),
  signIn: (): void => sendFeatureRequest('record-view', { type: 'sign-in' }),
  signOut: (): void => sendFeatureRequest('record-view', { type: 'sign-out' }),
  showContext(): void {
    useRecordViewStore.getState().requestPreview();
    sendFeatureRequest('record-view', { type: 'show-context' });
  },
  closeContext: (): void => useRecordViewStore.getState().closePreview(),
};
