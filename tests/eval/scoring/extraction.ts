/**
 * Scoring a proposal as the rep sees it: the product's review (lib/proposals), card by card and row by row, against
 * the values a careful rep would log. Each proposed or expected value is an item: a field of the record in view, a
 * new contact and its fields, a follow-up by its due date, a field of a named opportunity, a lead and its fields.
 * Items pair up by field and by whom they are about; a pair with the same value is right, a pair with another value is
 * both a wrong proposal and a miss, an item on one side only is one or the other.
 */
import type { Review, ReviewCard, ReviewRow } from '../../../lib/proposals/review';
import type { ExpectedValue } from '../cases/types';
import type { Counts } from './scores';
import { normalise } from './text';

export interface Item {
  /** What the value is: "Amount", "Contact", "Contact.Email", "FollowUp", "Named.StageName", "Lead", "LastName". */
  key: string;
  /** Whom it is about: a person's name, a named opportunity, a follow-up's due date; '' for the record in view. */
  group: string;
  value: string | number | boolean | null;
  /** The words the value came with (the row's text, a follow-up's subject and quote). */
  text: string;
  ticked: boolean;
}

export interface Expected {
  key: string;
  group: string;
  value: ExpectedValue;
}

const HONORIFIC = /^(dr|prof|mr|mrs|ms|mx)\.?\s+/i;
export const personKey = (name: string): string => normalise(name.trim()).replace(HONORIFIC, '').trim();
const ALREADY = 'Already the value in Salesforce.';

const digits = (text: string): string => text.replace(/\D/g, '');

export function valueMatches(expected: ExpectedValue, item: Pick<Item, 'key' | 'value' | 'text'>): boolean {
  if (typeof expected === 'number') {
    const got = typeof item.value === 'number' ? item.value : Number(String(item.value ?? item.text).replace(/[^0-9.-]/g, ''));
    return Math.abs(got - expected) < 0.005;
  }
  if (typeof expected === 'string') {
    const got = String(item.value ?? item.text);
    if (/phone/i.test(item.key)) return digits(got) === digits(expected) && digits(expected) !== '';
    if (item.key === 'Contact' || item.key === 'Lead') return personKey(got) === personKey(expected);
    const plain = (text: string): string => normalise(text).trim().replace(/[.,;:]+$/, '');
    return plain(got) === plain(expected);
  }
  const text = normalise(`${String(item.value ?? '')} ${item.text}`);
  return expected.contains.every((part) => text.includes(normalise(part)));
}

const modelRows = (card: ReviewCard): ReviewRow[] => card.rows.filter((row) => row.origin === 'model' && row.proposed.trim() !== '');
const rowValue = (card: ReviewCard, field: string): string => card.rows.find((row) => row.field === field)?.proposed.trim() ?? '';

function rowItem(row: ReviewRow, key: string, group: string, ticked: boolean): Item {
  return { key, group, value: row.value ?? row.proposed, text: row.proposed, ticked };
}

/**
 * Whether a card would be written: included, or left out only because a required value is missing (a Lead without a
 * Company): the prompt is told never to guess one, so that is the review's call, not the answer's fault.
 */
const writable = (card: ReviewCard): boolean => card.included || card.autoExcluded;

function cardItems(card: ReviewCard): Item[] {
  const rows = modelRows(card);
  switch (card.kind) {
    case 'update':
      return rows.filter((row) => row.warning !== ALREADY).map((row) => rowItem(row, row.field, '', row.checked));
    case 'activity':
      return rows.filter((row) => row.field === 'ActivityDate').map((row) => rowItem(row, 'ActivityDate', '', writable(card) && row.checked));
    case 'contact': {
      const group = personKey(`${rowValue(card, 'FirstName')} ${rowValue(card, 'LastName')}`);
      const person: Item = { key: 'Contact', group, value: group, text: group, ticked: writable(card) };
      const details = rows.filter((row) => !['FirstName', 'LastName'].includes(row.field)).map((row) => rowItem(row, `Contact.${row.field}`, group, writable(card) && row.checked));
      return [person, ...details];
    }
    case 'follow-up': {
      const due = rowValue(card, 'ActivityDate');
      const words = card.rows.map((row) => `${row.proposed} ${row.evidence}`).join(' ');
      return due ? [{ key: 'FollowUp', group: due, value: due, text: words, ticked: writable(card) }] : [];
    }
    case 'named-update': {
      const group = normalise(card.lookup?.asWritten ?? card.title);
      return rows.map((row) => rowItem(row, `Named.${row.field}`, group, row.checked && card.target !== undefined));
    }
    case 'lead': {
      const group = personKey(rowValue(card, 'LastName') || rowValue(card, 'Email'));
      return [{ key: 'Lead', group, value: group, text: group, ticked: writable(card) }, ...rows.map((row) => rowItem(row, row.field, group, writable(card) && row.checked))];
    }
  }
}

export function reviewItems(review: Review): Item[] {
  return review.cards.flatMap(cardItems);
}

/** The share of the model's values whose quote the product found in the text and found to state the value. */
export function evidenceRate(review: Review): number | null {
  const rows = review.cards.flatMap(modelRows);
  return rows.length === 0 ? null : rows.filter((row) => row.evidenceStatus === 'ok').length / rows.length;
}

/** Groups pair when they name the same person or deal: equal, or one written inside the other ("Analytics Add-on"). */
const sameGroup = (a: string, b: string): boolean => a === b || (a !== '' && b !== '' && (a.includes(b) || b.includes(a)));

export interface Scored {
  fields: Record<string, Counts>;
  ticked: Counts;
  misses: string[];
  /** Proposed values no expectation pairs with. */
  extra: Item[];
}

const add = (counts: Record<string, Counts>, key: string, kind: keyof Counts): void => {
  const current = counts[key] ?? { tp: 0, fp: 0, fn: 0 };
  counts[key] = { ...current, [kind]: current[kind] + 1 };
};

/** Precision and recall counts by field (every proposed value), and of the ticked values alone. */
export function scoreItems(proposed: readonly Item[], expected: readonly Expected[]): Scored {
  const fields: Record<string, Counts> = {};
  const ticked: Counts = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  const used = new Set<Item>();
  for (const want of expected) {
    const found = proposed.find((item) => !used.has(item) && item.key === want.key && sameGroup(item.group, want.group));
    const label = `${want.key}${want.group ? ` (${want.group})` : ''}`;
    if (!found) {
      add(fields, want.key, 'fn');
      ticked.fn++;
      misses.push(`missed ${label}: ${JSON.stringify(want.value)}`);
      continue;
    }
    used.add(found);
    if (valueMatches(want.value, found)) {
      add(fields, want.key, 'tp');
      if (found.ticked) ticked.tp++;
      else {
        ticked.fn++;
        misses.push(`${label} right but left unticked`);
      }
      continue;
    }
    add(fields, want.key, 'fp');
    add(fields, want.key, 'fn');
    ticked.fn++;
    if (found.ticked) ticked.fp++;
    misses.push(`wrong ${label}: ${JSON.stringify(found.value)} instead of ${JSON.stringify(want.value)}`);
  }
  const extra = proposed.filter((candidate) => !used.has(candidate));
  for (const item of extra) {
    add(fields, item.key, 'fp');
    if (item.ticked) ticked.fp++;
  }
  return { fields, ticked, misses, extra };
}

const described = (item: Item): string => `${item.key}${item.group ? ` (${item.group})` : ''} = ${JSON.stringify(item.value)}${item.ticked ? ', ticked' : ''}`;

/** What went wrong with a proposal, in words: values that must not be proposed first, then misses, then the rest. */
export function proposalMisses(scored: Scored, banned: readonly Item[]): string[] {
  return [
    ...banned.map((item) => `proposed ${described(item)}, which must not be proposed`),
    ...scored.misses,
    ...scored.extra.filter((item) => !banned.includes(item)).map((item) => `proposed ${described(item)}, which a careful rep would not`),
  ];
}

/** Proposed values a case says must not be proposed: a field of the record in view (any value, or one), or a person. */
export function forbidden(proposed: readonly Item[], mustNot: readonly { field: string; value?: ExpectedValue }[], personKeys: readonly string[]): Item[] {
  return proposed.filter((item) =>
    mustNot.some((rule) => {
      if (personKeys.includes(rule.field)) return item.key === rule.field && rule.value !== undefined && sameGroup(item.group, personKey(String(rule.value)));
      return item.key === rule.field && (rule.value === undefined || valueMatches(rule.value, item));
    }),
  );
}
