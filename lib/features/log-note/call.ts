/**
 * A call transcript in "Log this note": the text the model reads (the rep's note, then one line per turn), a long call
 * read in parts and their proposals joined into one, and each quote in the review tied to who said it and when.
 */
import type { NoteProposal } from '../../proposals/schemas';
import type { Review, ReviewRow } from '../../proposals/review';
import type { Transcript } from './messages';
import { clockOf, renderTranscript, type LineSpan } from './transcript';

/** About ten minutes of conversation: one part's proposal stays well within the prompt's output budget. */
export const CALL_PART_CHARS = 12_000;

export interface NoteInput {
  /** What the rep typed (may be empty when a transcript is added). */
  text: string;
  transcript: Transcript | null;
}

/** The text every quote is checked against, and where each turn of the transcript sits in it. */
export interface NoteSource {
  text: string;
  spans: LineSpan[];
}

export function noteSource(input: NoteInput): NoteSource {
  if (!input.transcript) return { text: input.text, spans: [] };
  const note = input.text.trim();
  const offset = note ? note.length + 2 : 0;
  const rendered = renderTranscript(input.transcript, offset);
  return { text: note ? `${note}\n\n${rendered.text}` : rendered.text, spans: rendered.spans };
}

const nameKey = (first: string, last: string): string => `${first} ${last}`.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The parts' proposals as one: the call's subject from its start and the parts' summaries in order; a field stated in
 * several parts takes the later value (what the call ended on); each person once; every follow-up and named change
 * (the review drops repeated follow-ups).
 */
export function mergeProposals(parts: readonly NoteProposal[]): NoteProposal {
  const [first] = parts;
  if (!first) throw new Error('no part of the call was read');
  const summaries = parts.map((part) => part.activity.description.value.trim()).filter(Boolean);
  const activityDate = parts.find((part) => part.activity.activityDate?.value)?.activity.activityDate;
  const status = parts.find((part) => part.activity.status?.value)?.activity.status;
  const fields = new Map(parts.flatMap((part) => part.fieldUpdates.map((update) => [update.field.toLowerCase(), update] as const)));
  const contacts = new Map<string, NoteProposal['newContacts'][number]>();
  for (const contact of parts.flatMap((part) => part.newContacts)) {
    const key = nameKey(contact.firstName.value, contact.lastName.value);
    if (!contacts.has(key)) contacts.set(key, contact);
  }
  return {
    activity: {
      subject: first.activity.subject,
      description: { value: summaries.join('\n\n'), evidence: first.activity.description.evidence },
      ...(activityDate ? { activityDate } : {}),
      ...(status ? { status } : {}),
    },
    fieldUpdates: [...fields.values()],
    newContacts: [...contacts.values()],
    followUps: parts.flatMap((part) => part.followUps),
    namedOpportunities: parts.flatMap((part) => part.namedOpportunities),
  };
}

/** "Dana Whitfield at 4:12", "Dana Whitfield", "at 4:12": who said a line and when, as far as the file says. */
function saidBy(span: LineSpan): string | null {
  const { speaker, at } = span.line;
  const time = at === null ? '' : `at ${clockOf(at)}`;
  return [speaker ?? '', time].filter(Boolean).join(' ') || null;
}

function attributed(row: ReviewRow, spans: readonly LineSpan[]): ReviewRow {
  const start = row.evidenceStart;
  if (start === undefined || row.evidenceStatus !== 'ok') return row;
  const span = spans.find((candidate) => start >= candidate.start && start < candidate.end);
  const said = span ? saidBy(span) : null;
  return said ? { ...row, evidenceSpeaker: said } : row;
}

/** Each quote that holds, tied to the turn it comes from: the review shows who said it and when. */
export function attributeEvidence(review: Review, spans: readonly LineSpan[]): Review {
  if (spans.length === 0) return review;
  return { ...review, cards: review.cards.map((card) => ({ ...card, rows: card.rows.map((row) => attributed(row, spans)) })) };
}
