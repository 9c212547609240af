/**
 * The rep's changes to a review (edit a value, tick a row, include a card, pick a named opportunity, update a duplicate
 * instead of creating it), each judged again against the same describes.
 */
import type { WriteDescribes, WriteObjectDescribe } from '../describe';
import { writableField } from '../validate';
import { cardBlockers } from './blockers';
import { asUpdateRow, contextOfReview, describeOrThrow, judgeRow } from './rows';
import type { CreateForm, ExistingRecord, NamedMatch, Review, RecordInView, ReviewCard, ReviewRow, RowOrigin, UpdateTarget } from './types';

export function recordInViewCard(describe: WriteObjectDescribe, record: RecordInView, rows: ReviewRow[]): ReviewCard {
  return {
    id: 'update',
    kind: 'update',
    objectName: describe.name,
    objectLabel: describe.label,
    objectLabelPlural: describe.labelPlural || `${describe.label}s`,
    operation: 'update',
    title: record.name,
    target: { id: record.id, objectName: describe.name, name: record.name, lastModifiedDate: record.lastModifiedDate },
    links: {},
    rows,
    included: true,
    autoExcluded: false,
    duplicates: [],
  };
}

export const targetOf = (objectName: string, match: NamedMatch): UpdateTarget => ({
  id: match.id,
  objectName,
  name: match.name,
  lastModifiedDate: match.lastModifiedDate,
});

// A duplicate: update it instead of creating.

/**
 * The card turned into an update of an existing record the duplicate check found: each proposed value against the
 * record's current value (the diff the rep reviews), checked only where the quote holds, the value is valid and it
 * differs. Fields the existing record's object lacks or the rep cannot update are locked. The id is the look-up's,
 * never the model's; `existing` must be one of the card's duplicates.
 */
export function updateExisting(review: Review, describes: WriteDescribes, cardId: string, existing: ExistingRecord): Review {
  const context = contextOfReview(review);
  return replaceCard(review, cardId, (card) => {
    if (card.operation !== 'create' || !card.duplicates.some((match) => match.id === existing.id)) return card;
    const describe = describeOrThrow(describes, existing.objectName);
    const rows = card.rows
      .filter((row) => row.proposed.trim() !== '')
      .map((row) => asUpdateRow(row, describe, existing.fields, context));
    const createForm: CreateForm = {
      objectName: card.objectName,
      objectLabel: card.objectLabel,
      objectLabelPlural: card.objectLabelPlural,
      title: card.title,
      rows: card.rows,
      included: card.included,
      autoExcluded: card.autoExcluded,
    };
    return {
      ...card,
      objectName: describe.name,
      objectLabel: describe.label,
      objectLabelPlural: describe.labelPlural || `${describe.label}s`,
      operation: 'update',
      title: existing.name,
      target: { id: existing.id, objectName: describe.name, name: existing.name, lastModifiedDate: existing.lastModifiedDate },
      rows,
      included: true,
      autoExcluded: false,
      error: undefined,
      createForm,
    };
  });
}

/** Back from "update the existing record" to creating a new one, as the card was. */
export function createInstead(review: Review, cardId: string): Review {
  return replaceCard(review, cardId, (card) => {
    const form = card.createForm;
    if (!form) return card;
    const back: ReviewCard = { ...card, ...form, operation: 'create', error: undefined };
    // An update's parts do not belong to a create: no target, nothing to go back to.
    delete back.target;
    delete back.createForm;
    return back;
  });
}

// A named opportunity: the rep picks among the look-up's matches.

/**
 * The rep picked which of the look-up's matches the note meant: the card becomes an update of it, each row against that
 * record's value. An id that is not among the card's matches changes nothing (the id is never the panel's to invent).
 */
export function pickNamedMatch(review: Review, describes: WriteDescribes, cardId: string, matchId: string): Review {
  const card = review.cards.find((candidate) => candidate.id === cardId);
  const match = card?.lookup?.matches.find((candidate) => candidate.id === matchId);
  if (!card || !match) return review;
  if (match.id === review.record?.id) return foldIntoRecordInView(review, describes, cardId);
  const context = contextOfReview(review);
  const describe = describeOrThrow(describes, card.objectName);
  return replaceCard(review, cardId, (named) => ({
    ...named,
    target: targetOf(describe.name, match),
    rows: named.rows.map((row) => asUpdateRow(row, describe, match.fields, context)),
  }));
}

/**
 * A named opportunity that is the record in view: its rows join the record's own update card (made when the note had
 * none), against the values read with the record. A field the record's card already proposes keeps that proposal.
 */
export function foldIntoRecordInView(review: Review, describes: WriteDescribes, cardId: string): Review {
  const record = review.record;
  const named = review.cards.find((card) => card.id === cardId);
  if (!record || !named) return review;
  const describe = describeOrThrow(describes, record.objectName);
  const context = contextOfReview(review);
  const existing = review.cards.find((card) => card.kind === 'update');
  const taken = new Set((existing?.rows ?? []).map((row) => row.field.toLowerCase()));
  const joining = named.rows.filter((row) => !taken.has(row.field.toLowerCase())).map((row) => asUpdateRow(row, describe, record.fields, context));
  const update = existing ? { ...existing, rows: [...existing.rows, ...joining] } : recordInViewCard(describe, record, joining);
  const cards = review.cards.filter((card) => card.id !== cardId && card.kind !== 'update');
  return { ...review, cards: [cards[0], update, ...cards.slice(1)].filter((card): card is ReviewCard => card !== undefined) };
}

// The rep's changes.

function replaceCard(review: Review, cardId: string, change: (card: ReviewCard) => ReviewCard): Review {
  if (!review.cards.some((card) => card.id === cardId)) throw new Error(`no card ${cardId} in this review`);
  return { ...review, cards: review.cards.map((card) => (card.id === cardId ? change(card) : card)) };
}

function rowIndex(card: ReviewCard, field: string): number {
  const index = card.rows.findIndex((row) => row.field.toLowerCase() === field.toLowerCase());
  if (index < 0) throw new Error(`no row ${field} on card ${card.id}`);
  return index;
}

function withIncluded(card: ReviewCard): ReviewCard {
  if (card.operation !== 'create' || !card.autoExcluded || cardBlockers(card).length > 0) return card;
  return { ...card, included: true, autoExcluded: false };
}

/**
 * The rep typed a value: validated again against the same describe. The value is now the rep's (its evidence reads
 * "entered by you"), and the row is ticked when valid; typing the model's value back restores the model's verdict.
 */
export function editRow(review: Review, describes: WriteDescribes, cardId: string, field: string, text: string): Review {
  const context = contextOfReview(review);
  return replaceCard(review, cardId, (card) => {
    const index = rowIndex(card, field);
    const row = card.rows[index] as ReviewRow;
    if (row.locked) return card;
    const describe = describeOrThrow(describes, card.objectName);
    const writable = writableField(describe, row.field, card.operation);
    const backToModel = text === row.modelValue;
    const firstOrigin: RowOrigin = row.modelEvidenceStatus === 'groundwork' ? 'groundwork' : 'model';
    const edited: ReviewRow = {
      ...row,
      proposed: text,
      origin: backToModel ? firstOrigin : 'rep',
      evidenceStatus: backToModel ? row.modelEvidenceStatus : 'edited',
      error: undefined,
    };
    const judged = judgeRow(edited, writable.ok ? writable.field : undefined, context);
    const rows = card.rows.map((existing, at) => (at === index ? judged : existing));
    return withIncluded({ ...card, rows, error: card.error?.code === 'NOT_CREATEABLE' ? card.error : undefined });
  });
}

/** The rep ticked or unticked a row. Locked and invalid rows cannot be ticked. */
export function setRowChecked(review: Review, cardId: string, field: string, checked: boolean): Review {
  return replaceCard(review, cardId, (card) => {
    const index = rowIndex(card, field);
    const row = card.rows[index] as ReviewRow;
    const waitsForPick = card.operation === 'update' && !card.target;
    const allowed = !checked || (!waitsForPick && !row.locked && !row.error && (row.value !== null || row.current !== undefined));
    if (!allowed) return card;
    const rows = card.rows.map((existing, at) => (at === index ? { ...row, checked } : existing));
    return withIncluded({ ...card, rows });
  });
}

/** The rep chose to create (or not) a card's record. */
export function setCardIncluded(review: Review, cardId: string, included: boolean): Review {
  return replaceCard(review, cardId, (card) => (card.operation === 'create' ? { ...card, included, autoExcluded: false } : card));
}
