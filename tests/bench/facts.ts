/**
 * A fixed checklist of the Globex Industries account's facts, each checked in a prompt. Values are read from the
 * sandbox org's own records (dates move with the org's clock); which facts make the list is fixed here.
 *
 * A fact holds when one unit of the prompt holds every part of it: a line of Groundwork's context, or one record of the
 * naive JSON. So "Negotiation/Review" counts for the expansion deal only when it sits with that deal's name, amount
 * and close date. Parts are compared after normalising: text by case and spacing (and JSON escapes), money as numbers
 * (`$480,000`, `480000`, `480000.0` are one value), dates as calendar days (`2026-12-12`, `2026-12-12T17:00:00.000+0000`,
 * `Dec 12, 2026`).
 */
import type { StoredRecord } from '../sandbox/salesforce/model';
import { ACME } from '../sandbox/salesforce/seed';

type Part = { kind: 'text'; value: string } | { kind: 'money'; value: number } | { kind: 'date'; value: string };

export interface Fact {
  label: string;
  parts: Part[];
}

export interface FactCheck {
  total: number;
  present: number;
  missing: string[];
}

/** Finds a record of the sandbox org by object and id. */
export type RecordLookup = (objectName: string, id: string) => StoredRecord;

const text = (value: unknown): Part => ({ kind: 'text', value: String(value) });
const money = (value: unknown): Part => ({ kind: 'money', value: Number(value) });
/** The calendar day of a date or datetime field (datetimes are UTC in the sandbox, and both prompts say UTC). */
const day = (value: unknown): Part => ({ kind: 'date', value: String(value).slice(0, 10) });

/** Globex Industries' facts a rep would expect any account summary to rest on. */
export function globexFacts(find: RecordLookup): Fact[] {
  const account = find('Account', ACME.accounts.globex.id);
  const owner = find('User', String(account.OwnerId));
  const opportunity = (id: string, label: string): Fact => {
    const record = find('Opportunity', id);
    return { label, parts: [text(record.Name), text(record.StageName), money(record.Amount), day(record.CloseDate)] };
  };
  const contact = (id: string): Fact => {
    const record = find('Contact', id);
    return { label: `contact ${String(record.Name)}, ${String(record.Title)}`, parts: [text(record.Name), text(record.Title)] };
  };
  const openCase = (id: string): Fact => {
    const record = find('Case', id);
    return { label: `open case "${String(record.Subject)}"`, parts: [text(record.Subject), text(record.Status), text(record.Priority)] };
  };
  const task = (id: string, label: string): Fact => {
    const record = find('Task', id);
    return { label, parts: [text(record.Subject), text(record.Status), day(record.ActivityDate)] };
  };
  const nextEvent = find('Event', ACME.events.globexNegotiation.id);
  return [
    { label: 'account name', parts: [text(account.Name)] },
    { label: 'industry', parts: [text(account.Industry)] },
    { label: 'annual revenue', parts: [money(account.AnnualRevenue)] },
    { label: 'account owner', parts: [text(owner.Name)] },
    opportunity(ACME.opportunities.globexExpansion.id, 'open deal: expansion (name, stage, amount, close date)'),
    opportunity(ACME.opportunities.globexAnalytics.id, 'open deal: analytics add-on (name, stage, amount, close date)'),
    opportunity(ACME.opportunities.globexRenewal.id, 'last won deal: support renewal (name, stage, amount, close date)'),
    openCase(ACME.cases.globexFirmware.id),
    openCase(ACME.cases.globexBilling.id),
    contact(ACME.contacts.rosa.id),
    contact(ACME.contacts.marcus.id),
    contact(ACME.contacts.lena.id),
    { label: 'next meeting (subject, day)', parts: [text(nextEvent.Subject), day(nextEvent.StartDateTime)] },
    task(ACME.tasks.globexRedlines.id, 'open task: MSA redlines (subject, status, due date)'),
    task(ACME.tasks.globexRevisedProposal.id, 'overdue task: revised proposal (subject, status, due date)'),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising a prompt

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (value: number): string => String(value).padStart(2, '0');

function isoDay(year: number, month: number, date: number): string {
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** Every calendar day a unit mentions: ISO dates and datetimes, `Dec 12, 2026`, `12 Dec 2026`, `12/12/2026` (US). */
function daysIn(unit: string): Set<string> {
  const found = new Set<string>();
  for (const [, y, m, d] of unit.matchAll(/\b(\d{4})-(\d{2})-(\d{2})/g)) found.add(`${y}-${m}-${d}`);
  for (const [, mon = '', d, y] of unit.matchAll(/\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})\b/g)) {
    const month = MONTHS.indexOf(mon.toLowerCase());
    if (month >= 0) found.add(isoDay(Number(y), month + 1, Number(d)));
  }
  for (const [, d, mon = '', y] of unit.matchAll(/\b(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})\b/g)) {
    const month = MONTHS.indexOf(mon.toLowerCase());
    if (month >= 0) found.add(isoDay(Number(y), month + 1, Number(d)));
  }
  for (const [, m, d, y] of unit.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) found.add(isoDay(Number(y), Number(m), Number(d)));
  return found;
}

/** Every number a unit mentions, with currency signs and thousands separators read as a person would. */
function numbersIn(unit: string): Set<number> {
  const found = new Set<number>();
  for (const [match] of unit.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) found.add(Number(match.replaceAll(',', '')));
  return found;
}

function normalText(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** JSON escapes undone, so that `\"` or `\u2019` in the naive prompt read as the characters they stand for. */
function unescapeJson(value: string): string {
  return value.replace(/\\u([0-9a-fA-F]{4})|\\(["\\/])/g, (_match, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : (char ?? ''),
  );
}

/** A prompt cut into units: lines, and within a line, JSON records (each starts with its `attributes`). */
function unitsOf(prompt: string): string[] {
  return prompt
    .split('\n')
    .flatMap((line) => line.split(/(?=\{"attributes":)/))
    .map((unit) => unescapeJson(unit))
    .filter((unit) => unit.trim() !== '');
}

function unitHolds(unit: string, part: Part): boolean {
  switch (part.kind) {
    case 'text':
      return normalText(unit).includes(normalText(part.value));
    case 'money':
      return numbersIn(unit).has(part.value);
    case 'date':
      return daysIn(unit).has(part.value);
  }
}

export function checkFacts(prompt: string, facts: readonly Fact[]): FactCheck {
  const units = unitsOf(prompt);
  const missing = facts
    .filter((fact) => !units.some((unit) => fact.parts.every((part) => unitHolds(unit, part))))
    .map((fact) => fact.label);
  return { total: facts.length, present: facts.length - missing.length, missing };
}
