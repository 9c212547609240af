/** What the "Log this note" panel and its handler say to each other, and what the handler keeps in session storage. */
import { z } from 'zod/mini';
import { defineChannel } from '../../messaging/channels';
import { ChangedField, ProposalPhase, ReviewChange, ReviewSchema } from '../../proposals/messages';
import { Committed } from '../../salesforce/write-plan';

export const NOTE_MAX_CHARS = 20_000;
/** About three hours of conversation: what one proposal reads (in parts) and session storage holds comfortably. */
export const TRANSCRIPT_MAX_CHARS = 200_000;
export const TRANSCRIPT_MAX_LINES = 10_000;

export const TranscriptFormat = z.enum(['webvtt', 'srt', 'speaker-lines', 'meeting-export']);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;

/** One turn of a call: when it started (seconds into the call, when the file says), who spoke, what they said. */
export const TranscriptLine = z.object({
  at: z.nullable(z.number().check(z.nonnegative())),
  speaker: z.nullable(z.string().check(z.maxLength(80))),
  text: z.string().check(z.maxLength(5_000)),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

/** A transcript file the rep added to the note, as read in the panel (transcript-file.ts). */
export const Transcript = z.object({
  fileName: z.string().check(z.maxLength(200)),
  format: TranscriptFormat,
  lines: z.array(TranscriptLine).check(z.minLength(1), z.maxLength(TRANSCRIPT_MAX_LINES)),
});
export type Transcript = z.infer<typeof Transcript>;

export const NotesRequest = z.union([
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('draft'), text: z.string().check(z.maxLength(NOTE_MAX_CHARS)) }),
  /** The note, the transcript, or both: the service refuses neither. */
  z.object({ type: z.literal('propose'), text: z.string().check(z.maxLength(NOTE_MAX_CHARS)) }),
  z.object({ type: z.literal('attach-transcript'), transcript: Transcript }),
  z.object({ type: z.literal('drop-transcript') }),
  z.object({ type: z.literal('confirm') }),
  z.object({ type: z.literal('discard') }),
  z.object({ type: z.literal('undo') }),
  z.object({ type: z.literal('done') }),
  /** What text waits for a note in this window (asked by the panel wherever no record is in view). */
  z.object({ type: z.literal('incoming') }),
  z.object({ type: z.literal('drop-incoming') }),
  ReviewChange,
]);
export type NotesRequest = z.infer<typeof NotesRequest>;

/** One record's note, proposal and commit, as kept in session storage and shown by the panel. */
export const NotesState = z.object({
  recordId: z.string(),
  phase: ProposalPhase,
  draft: z.string(),
  /** A call transcript read with the note: its turns are quoted, with the speaker and the time, as evidence. */
  transcript: z._default(z.nullable(Transcript), null),
  review: z.nullable(ReviewSchema),
  /** One per confirmation: a retry after a lost answer reuses it, so nothing is written twice. */
  idempotencyKey: z.nullable(z.string()),
  /** Values that changed in Salesforce since the proposal (after a 412): shown before the rep confirms again. */
  changes: z.array(ChangedField),
  committed: z.nullable(Committed),
  /** The Lightning host, for links to what was written. */
  lightningHost: z.nullable(z.string()),
  problem: z.nullable(z.string()),
  /** The proposal's audit entries (one per part of a long transcript), amended with the rep's decision. */
  auditIds: z._default(z.array(z.string()), []),
  /** The text last added to the note by a right-click: where it came from (a page title or address) and when. */
  added: z._default(z.nullable(z.object({ from: z.string(), at: z.string() })), null),
});
export type NotesState = z.infer<typeof NotesState>;

/** Text the rep sent with "Add to a Salesforce note", waiting for a record's note in that window. */
export const IncomingNote = z.object({ text: z.string(), from: z.string() });
export type IncomingNote = z.infer<typeof IncomingNote>;

export const NotesEvent = z.union([
  z.object({ type: z.literal('state'), state: NotesState }),
  z.object({ type: z.literal('incoming'), incoming: z.nullable(IncomingNote) }),
]);
export type NotesEvent = z.infer<typeof NotesEvent>;

export const logNoteChannel = defineChannel({ name: 'log-note', request: NotesRequest, event: NotesEvent, featureSwitch: 'logNote' });

export function emptyNotes(recordId: string): NotesState {
  return {
    recordId,
    phase: 'draft',
    draft: '',
    transcript: null,
    review: null,
    idempotencyKey: null,
    changes: [],
    committed: null,
    lightningHost: null,
    problem: null,
    auditIds: [],
    added: null,
  };
}
