import { create } from 'zustand';
import type { ReviewChange } from '../../proposals/messages';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import { EMPTY_STATE, type MailEvent, type MailRequest, type MailState, type InsertResult, type ReplyDraft } from './messages';
import type { OutputLanguage } from '../../settings/languages';

/**
 * The mail features' panel state: what the background keeps for this window (reply, last insert, log review), plus
 * what only the panel knows (an insert waiting for its answer, whether the clipboard took a draft).
 */
export interface MailPanelState {
  state: MailState;
  /** Which "Insert into …" the rep clicked and is waiting for. */
  inserting: InsertResult['source'] | null;
  /** The clipboard fallback of the insert result with this `at`: copied, or the browser refused. */
  copied: { at: string; ok: boolean } | null;
  showState(state: MailState): void;
  showReply(reply: ReplyDraft): void;
  startInsert(source: InsertResult['source']): void;
  noteCopy(at: string, ok: boolean): void;
  editReply(body: string): void;
}

export const useMailStore = create<MailPanelState>()((set) => ({
  state: EMPTY_STATE,
  inserting: null,
  copied: null,
  showState: (state) => set((current) => ({ state, inserting: state.lastInsert?.at !== current.state.lastInsert?.at ? null : current.inserting })),
  showReply: (reply) => set((current) => ({ state: { ...current.state, reply } })),
  startInsert: (source) => set({ inserting: source }),
  noteCopy: (at, ok) => set({ copied: { at, ok } }),
  editReply: (body) => set((current) => (current.state.reply ? { state: { ...current.state, reply: { ...current.state.reply, edited: body } } } : {})),
}));

export const selectMailState = (store: MailPanelState): MailState => store.state;
export const selectReply = (store: MailPanelState): ReplyDraft | null => store.state.reply;
export const selectInserting = (store: MailPanelState): InsertResult['source'] | null => store.inserting;
export const selectCopied = (store: MailPanelState): { at: string; ok: boolean } | null => store.copied;
export const selectLastInsert = (store: MailPanelState): InsertResult | null => store.state.lastInsert;
export const selectLog = (store: MailPanelState): MailState['log'] => store.state.log;
export const selectTargetClient = (store: MailPanelState): MailState['client'] => store.state.client;
export const selectInserted = (store: MailPanelState): MailState['inserted'] => store.state.inserted;
export const selectContact = (store: MailPanelState): MailState['contact'] => store.state.contact;

const request = (payload: MailRequest): void => sendFeatureRequest('mail', payload);

/**
 * The clipboard fallback: the mail client could not take the draft, so it goes on the clipboard, from the panel, while the
 * rep's click still counts as a user gesture.
 */
async function copyFallback(result: InsertResult): Promise<void> {
  if (result.kind !== 'clipboard' || result.text === undefined) return;
  const ok = await navigator.clipboard.writeText(result.text).then(
    () => true,
    () => false,
  );
  useMailStore.getState().noteCopy(result.at, ok);
}

function onEvent(event: MailEvent): void {
  const store = useMailStore.getState();
  if (event.type === 'reply') {
    store.showReply(event.reply);
    return;
  }
  const result = event.state.lastInsert;
  const answersClick = store.inserting !== null && result !== null && result.at !== store.state.lastInsert?.at;
  store.showState(event.state);
  if (answersClick && result) void copyFallback(result);
}

let subscribers = 0;
let stop: (() => void) | null = null;

/** Starts listening (once for every component that uses the mail features) and asks for the kept state. */
export function connectMail(): () => void {
  subscribers += 1;
  if (!stop) stop = onFeatureEvent('mail', onEvent);
  // After the parent's effect has connected the port: child effects run first.
  const timer = setTimeout(() => request({ type: 'open' }), 0);
  return () => {
    clearTimeout(timer);
    subscribers -= 1;
    if (subscribers === 0) {
      stop?.();
      stop = null;
    }
  };
}

export const mailActions = {
  insert(source: InsertResult['source'], subject: string, body: string, language: OutputLanguage): void {
    useMailStore.getState().startInsert(source);
    request({ type: 'insert', source, subject, body, language });
  },
  draftReply: (instruction: string): void => request({ type: 'draft-reply', instruction }),
  stopReply: (): void => request({ type: 'stop-reply' }),
  editReply(body: string): void {
    useMailStore.getState().editReply(body);
    request({ type: 'edit-reply', body });
  },
  logEmail: (): void => request({ type: 'log-email' }),
  changeLog: (change: ReviewChange): void => request({ type: 'log-change', change }),
  confirmLog: (): void => request({ type: 'log-confirm' }),
  cancelLog: (): void => request({ type: 'log-cancel' }),
  proposeContact: (): void => request({ type: 'contact-propose' }),
  changeContact: (change: ReviewChange): void => request({ type: 'contact-change', change }),
  confirmContact: (): void => request({ type: 'contact-confirm' }),
  cancelContact: (): void => request({ type: 'contact-cancel' }),
  undoContact: (): void => request({ type: 'contact-undo' }),
};
