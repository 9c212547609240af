/**
 * "Log this note": the changes a note states, found by rules, each value with the exact words that state it. Nothing
 * is proposed that the note does not say; fields are the ones `<fields>` offers, picklist values the ones it lists.
 *
 * - activity: the note's first sentence as the subject, its first sentences as the description, the day the first
 *   sentence names ("today") as its date.
 * - fieldUpdates: a listed picklist value (stage names and the like, see picklists.ts); an amount of money for a
 *   currency field, from the sentence that names the field or speaks of budget, price or value (or the note's only
 *   amount); a percentage for a percent field whose label the sentence names; a date for a date field whose label's
 *   first word (or "sign") the sentence names; "next step: …" for a Next Step field; "<Label>: value" for any other
 *   text field.
 * - newContacts: people named with a title, or with an address that spells their name (people.ts).
 * - followUps: a sentence that commits to an action (next step, send, schedule, follow up, …) by a day after today.
 * - namedOpportunities: none (the demo model does not look for other deals' names).
 */
import type { ReadPrompt } from './prompt';
import { findAmounts } from './rules/amounts';
import { findDates } from './rules/dates';
import type { Found } from './rules/found';
import { writeFields, type OfferedField } from './rules/fields';
import { findPeople, type Person } from './rules/people';
import { findPicklistValue } from './rules/picklists';
import { sentenceAt, sentencesOf, type Sentence } from './rules/sentences';

interface Evidenced {
  value: string;
  evidence: string;
}

interface FieldValue {
  field: string;
  value: string;
  evidence: string;
}

export interface NoteDraft {
  activity: { subject: Evidenced; description: Evidenced; activityDate?: Evidenced };
  fieldUpdates: FieldValue[];
  newContacts: Record<string, Evidenced>[];
  followUps: { subject: string; dueDate: string; evidence: string; contactName?: string }[];
  namedOpportunities: never[];
}

const MONEY_WORDS = /\b(budget|amount|deal|value|price|pricing|worth|size|contract|total|acv|arr|tcv|spend|quote)\b/i;
const ACTION = /\b(next steps?|follow(?:[- ]?up)?|send|sending|schedule|set up|book|share|deliver|prepare|get back|circle back|(?:I|we)(?:'ll|’ll| will)|to do|action items?|owes?|needs? to|must|review|call|email|meet)\b/i;
const SUBJECT_LIMIT = 80;

const evidenced = (found: Found<string>): Evidenced => ({ value: found.value, evidence: found.quote });

export function proposeFromNote(prompt: ReadPrompt): NoteDraft {
  const note = prompt.tags.get('context') ?? '';
  const sentences = sentencesOf(note);
  const people = findPeople(note);
  return {
    activity: activityOf(note, sentences, prompt.today),
    fieldUpdates: writeFields(prompt.tags.get('fields')).flatMap((field) => fieldUpdate(note, sentences, field, prompt.today)),
    newContacts: people.map(contactOf),
    followUps: followUpsOf(sentences, prompt.today, people),
    namedOpportunities: [],
  };
}

function activityOf(note: string, sentences: readonly Sentence[], today: string): NoteDraft['activity'] {
  const first = sentences[0];
  if (!first) return { subject: { value: '', evidence: '' }, description: { value: '', evidence: '' } };
  const clause = first.text.split(/[,;:]/)[0]?.trim() || first.text;
  const subject = clause.length > SUBJECT_LIMIT ? clause.slice(0, SUBJECT_LIMIT).replace(/\s+\S*$/, '') : clause;
  const description = sentences.slice(0, 3).map((sentence) => sentence.text).join(' ');
  // A weekday named for what already happened ("on Tuesday") is the last one, not the next.
  const day = findDates(first.text, today).map((found) => {
    const past = /^[a-z]+day$/i.test(found.quote) ? findDates(`last ${found.quote}`, today)[0] : undefined;
    return past && found.value > today ? { ...found, value: past.value } : found;
  })[0];
  return {
    subject: { value: subject.replace(/[.!?]$/, ''), evidence: subject },
    description: { value: description, evidence: first.text },
    ...(day && day.value <= today ? { activityDate: evidenced(day) } : {}),
  };
}

function fieldUpdate(note: string, sentences: readonly Sentence[], field: OfferedField, today: string): FieldValue[] {
  const found = valueFor(note, sentences, field, today);
  return found ? [{ field: field.name, value: found.value, evidence: found.quote }] : [];
}

function valueFor(note: string, sentences: readonly Sentence[], field: OfferedField, today: string): Found<string> | null {
  if (field.values.length > 0) return findPicklistValue(note, field);
  // "Probability (%)" is named as "probability".
  const label = field.label.replace(/\s*\([^)]*\)/g, '').trim() || field.label;
  const names = (sentence: Sentence): boolean => new RegExp(`\\b${escape(label)}\\b`, 'i').test(sentence.text);
  switch (field.type) {
    case 'currency': {
      const amounts = findAmounts(note);
      const named = amounts.find((amount) => {
        const sentence = sentenceAt(sentences, amount.start);
        return sentence !== undefined && (names(sentence) || MONEY_WORDS.test(sentence.text));
      });
      const pick = named ?? (amounts.length === 1 ? amounts[0] : undefined);
      return pick ? { ...pick, value: String(pick.value) } : null;
    }
    case 'percent': {
      const sentence = sentences.find((item) => names(item) && /\d+(?:\.\d+)?\s?%/.test(item.text));
      const match = sentence ? /(\d+(?:\.\d+)?)\s?%/.exec(sentence.text) : null;
      return sentence && match ? { value: match[1] ?? '', quote: match[0], start: sentence.start + match.index, end: sentence.start + match.index + match[0].length } : null;
    }
    case 'date':
    case 'datetime': {
      const cue = new RegExp(`\\b(?:${escape(field.label.split(/\s+/)[0] ?? field.label)}\\w*|sign\\w*)\\b`, 'i');
      const dated = sentences.find((item) => cue.test(item.text) && findDates(item.text, today).length > 0);
      const day = dated ? findDates(dated.text, today)[0] : undefined;
      return dated && day ? { ...day, start: dated.start + day.start, end: dated.start + day.end } : null;
    }
    case 'string':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'url':
      return /next\s*step/i.test(field.label) ? nextStepOf(note) : labelledValue(note, field);
    default:
      return null;
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function nextStepOf(note: string): Found<string> | null {
  const match = /\bnext\s+steps?\s*(?:is|are|will be|:|-|–|—)\s*(?:to\s+)?([^\n.;!?]+)/i.exec(note);
  const value = match?.[1]?.trim();
  if (!match || !value) return null;
  return { value: value.charAt(0).toUpperCase() + value.slice(1), quote: match[0].trim(), start: match.index, end: match.index + match[0].length };
}

function labelledValue(note: string, field: OfferedField): Found<string> | null {
  if (field.type === 'textarea') return null;
  const match = new RegExp(`\\b${escape(field.label)}\\s*(?::|=|\\bis\\b|\\bnow\\b)\\s*([^\\n;]+?)(?=[.,;]\\s|[.,;]?$|\\n)`, 'im').exec(note);
  const value = match?.[1]?.trim();
  return match && value ? { value, quote: match[0].trim(), start: match.index, end: match.index + match[0].length } : null;
}

function contactOf(person: Person): Record<string, Evidenced> {
  const contact: Record<string, Evidenced> = { firstName: evidenced(person.firstName), lastName: evidenced(person.lastName) };
  if (person.email) contact.email = evidenced(person.email);
  if (person.phone) contact.phone = evidenced(person.phone);
  if (person.title) contact.title = evidenced(person.title);
  return contact;
}

function followUpsOf(sentences: readonly Sentence[], today: string, people: readonly Person[]): NoteDraft['followUps'] {
  return sentences.flatMap((sentence) => {
    const action = ACTION.exec(sentence.text);
    const day = findDates(sentence.text, today).find((date) => date.value > today);
    if (!action || !day) return [];
    const contact = people.find((person) => new RegExp(`\\b${escape(person.firstName.value)}\\b`).test(sentence.text));
    return [
      {
        subject: actionSubject(sentence.text, action.index, day),
        dueDate: day.value,
        evidence: sentence.text,
        ...(contact ? { contactName: `${contact.firstName.value} ${contact.lastName.value}` } : {}),
      },
    ];
  });
}

/** The action in the sentence's own words, from its verb to before the day ("send the MSA" of "Next step: send the MSA by next Friday."). */
function actionSubject(text: string, actionAt: number, day: Found<string>): string {
  const withoutDay = `${text.slice(0, day.start)}${text.slice(day.end)}`;
  const at = actionAt > day.start ? actionAt - (day.end - day.start) : actionAt;
  const fromAction = withoutDay
    .slice(at)
    .replace(/^(?:next\s+steps?|follow[- ]?up|action items?|to do)\s*(?:is|are|will be|:|-|–|—)?\s*(?:to\s+)?/i, '')
    .replace(/^(?:I|we)(?:'ll|’ll| will)\s+/i, '');
  const cleaned = fromAction.replace(/\s+(?:by|on|before|until|due)\s*(?=[.,;!?]|$)/i, '').replace(/[\s.,;:!?]+$/, '').replace(/\s+/g, ' ').trim();
  const subject = cleaned.length > SUBJECT_LIMIT ? cleaned.slice(0, SUBJECT_LIMIT).replace(/\s+\S*$/, '') : cleaned;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}
