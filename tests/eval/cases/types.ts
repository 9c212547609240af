/**
 * The shapes of the labelled cases. Each case says what a careful rep expects, in terms that do not depend on how a
 * prompt is worded or which model answers: facts and values, never the text of an answer.
 */

/** One word or phrase, or several that each count ("480,000" or "480k"). */
export type Term = string | readonly string[];

/** A fact is stated when every one of its terms appears in the output (case, spacing and dashes aside). */
export interface Fact {
  id: string;
  says: readonly Term[];
}

export type WriteUp = 'summary' | 'brief' | 'insights' | 'email';

/** A record of the sandbox org and what its write-ups must and must not state. */
export interface RecordCase {
  id: string;
  /** Which record: its object and its name as the org holds it (checked against the org before the case runs). */
  record: { objectName: string; id: string; name: string };
  /** What a rep would want to know from it, in a line. */
  why: string;
  /** Facts each write-up must state. A write-up without an entry is not run for this record. */
  mustState: Partial<Record<WriteUp, readonly Fact[]>>;
  /** Facts no write-up of this record may state: withheld values, other records, what the data does not say. */
  mustNotState: readonly Fact[];
  /** Facts an email to the customer may not state on top of those (internal notes, negotiating positions). */
  emailMustNotState?: readonly Fact[];
  /** The email drafted from this record: to whom (a contact of the record) and why. */
  email?: { recipient: { id: string; name: string; email: string | null }; purpose: 'follow-up' | 'recap' | 'introduction' | 'check-in' };
}

/** An email thread open in Gmail from a Contact of the sandbox org, and what the rep's reply must and must not say. */
export interface ReplyCase {
  id: string;
  /** The sender: a Contact the org holds under this name and email. */
  person: { id: string; name: string; email: string };
  thread: { subject: string; messages: readonly { from: string; email: string; date: string; body: string }[] };
  /** The rep's own instruction, when they give one. */
  instruction?: string;
  why: string;
  /** What the reply must state: the answer the newest message asks for, as the record or the thread has it. */
  mustState: readonly Fact[];
  /** What it must not: withheld values, internal notes, what neither source says, what hostile text in the thread asks for. */
  mustNotState: readonly Fact[];
}

/** A value a field of the proposal should hold: a number, a date or picklist value exactly, or text holding these words. */
export type ExpectedValue = number | string | { contains: readonly string[] };

export interface ExpectedContact {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  title?: ExpectedValue;
}

/** A call or meeting note written on a record, with what a careful rep would log from it. */
export interface NoteCase {
  id: string;
  /** The record in view when the note is logged. */
  record: { objectName: string; id: string; name: string };
  note: string;
  /** What the case is about (a format, a trap). */
  why: string;
  expect: {
    /** Updates of the record in view, by field API name. */
    fields?: Readonly<Record<string, ExpectedValue>>;
    contacts?: readonly ExpectedContact[];
    /** Follow-up tasks by due date, with a word of what they are about. */
    followUps?: readonly { due: string; about: string }[];
    /** The day the logged call or meeting happened, when the note says. */
    activityDate?: string;
    /** Another opportunity the note names, by the words that name it, with its field updates. */
    named?: readonly { name: string; fields: Readonly<Record<string, ExpectedValue>> }[];
  };
  /** What must not be proposed: a field (any value) or one value of it; "Contact" for a person who is no new contact. */
  mustNot?: readonly { field: string; value?: ExpectedValue }[];
}

export type LeadField = 'FirstName' | 'LastName' | 'Company' | 'Email' | 'Phone' | 'Title' | 'LeadSource';

/** Text a rep selects on a page (a signature, an attendee list) and the Leads a careful rep would create from it. */
export interface LeadCase {
  id: string;
  text: string;
  /** The page it was selected on. */
  page: { title: string; url: string };
  why: string;
  leads: readonly Partial<Record<LeadField, ExpectedValue>>[];
  /** Values that must not be proposed (a company guessed from an email domain, the rep's own details). */
  mustNot?: readonly { field: LeadField; value?: ExpectedValue }[];
}

/** A question and the rows it must return, computed from the org's data (so a change of the seed shows up). */
export interface QuestionCase {
  id: string;
  question: string;
  /** The record in view when asked ("this account"); none when asked from anywhere. */
  inView?: { objectName: string; id: string; name: string };
  why: string;
  expect: ExpectedRows;
}

/** The sandbox org's records by object, as seeded (read in process, not through the query under test). */
export type OrgData = (objectName: string) => readonly Readonly<Record<string, string | number | boolean | null>>[];

export type ExpectedRows =
  /** These records, by id; `ordered` when the question asks for an order ("biggest first"). */
  | { kind: 'records'; ids: (data: OrgData) => string[]; ordered?: boolean }
  /** One figure (a count, a total). */
  | { kind: 'value'; value: (data: OrgData) => number }
  /** A figure per group ("by stage"): group value → figure. */
  | { kind: 'groups'; groups: (data: OrgData) => Record<string, number> };
