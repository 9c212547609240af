/**
 * The context lines sorted into what they are about: the record in view (its fields by label), related records by the
 * heading they sit under (opportunities, cases, tasks, events, notes, contacts, contact roles, field history, similar
 * closed deals), with each line's first date, whether it is open, overdue or upcoming, and a short text to quote.
 * Parts holding a withheld value ("[SSN-1]", "[REDACTED: Tax ID]") are never quoted.
 */
import type { ContextLine } from './prompt';

export type LineKind =
  | 'record' | 'parent' | 'openOpportunity' | 'closedOpportunity' | 'similarDeal' | 'case' | 'task' | 'event' | 'note'
  | 'contact' | 'contactRole' | 'history' | 'other';

export interface Fact {
  line: ContextLine;
  kind: LineKind;
  /** The first YYYY-MM-DD the line holds. */
  date?: string;
  open: boolean;
  overdue: boolean;
  /** A few of the line's parts, as written: what a bullet quotes. */
  short: string;
}

export interface Facts {
  today: string;
  all: Fact[];
  /** The record in view's lines by field label, lower case. */
  field(label: string): Fact | undefined;
  of(...kinds: LineKind[]): Fact[];
  /** The record in view's name. */
  recordName: Fact | undefined;
  objectLabel: string;
}

const WITHHELD = /\[(?:[A-Z]+-\d+|REDACTED[^\]]*)\]/;
const DONE = /\b(completed|closed|done|cancel+ed|won|lost)\b/i;
const NAME_LABELS = ['name', 'account name', 'opportunity name', 'full name', 'subject', 'case number', 'title'];

function kindOf(section: string, id: string): LineKind {
  const heading = section.toLowerCase();
  if (heading.includes('(the record in view)')) return 'record';
  if (heading.startsWith('similar')) return 'similarDeal';
  if (heading.includes('contact role')) return 'contactRole';
  if (heading.startsWith('contacts') || heading.startsWith('attendees') || heading.startsWith('invitees')) return 'contact';
  if (heading.includes('closed opportunit')) return 'closedOpportunity';
  if (heading.includes('opportunit')) return 'openOpportunity';
  if (heading.startsWith('case') || heading.startsWith('open case')) return 'case';
  if (heading.startsWith('task')) return 'task';
  if (heading.startsWith('event')) return 'event';
  if (heading.startsWith('activit')) return id.startsWith('e') ? 'event' : 'task';
  if (heading.startsWith('note')) return 'note';
  if (heading.includes('history')) return 'history';
  if (heading === 'account' || heading === 'parent account') return 'parent';
  return 'other';
}

function shortText(line: ContextLine, parts: number): string {
  if (line.field) return `${line.field}: ${line.value}`;
  return line.parts.filter((part) => !WITHHELD.test(part)).slice(0, parts).join(', ');
}

function isOpen(kind: LineKind, line: ContextLine): boolean {
  if (kind === 'openOpportunity') return !/\bclosed\b/i.test(line.parts[1] ?? '');
  if (kind === 'case') return !line.parts.some((part) => /^closed$/i.test(part));
  if (kind === 'task') return !line.parts.some((part) => DONE.test(part) && part.length < 20);
  return false;
}

export function factsOf(lines: readonly ContextLine[], today: string): Facts {
  const all = lines
    .filter((line) => !(line.field && WITHHELD.test(line.value)))
    .map((line): Fact => {
      const kind = kindOf(line.section, line.id);
      const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(line.text)?.[1];
      const open = isOpen(kind, line);
      const overdue = /\boverdue\b/i.test(line.text) || (open && kind === 'openOpportunity' && date !== undefined && date < today);
      return { line, kind, ...(date ? { date } : {}), open, overdue, short: shortText(line, kind === 'note' ? 3 : 4) };
    });
  const record = all.filter((fact) => fact.kind === 'record');
  const field = (label: string): Fact | undefined => record.find((fact) => fact.line.field?.toLowerCase() === label.toLowerCase());
  const section = lines.find((line) => line.section.toLowerCase().includes('(the record in view)'))?.section ?? '';
  return {
    today,
    all,
    field,
    of: (...kinds) => all.filter((fact) => kinds.includes(fact.kind)),
    recordName: NAME_LABELS.map(field).find(Boolean),
    objectLabel: section.replace(/\s*\(the record in view\)\s*$/i, ''),
  };
}

export const cite = (...facts: (Fact | undefined)[]): string => {
  const ids = [...new Set(facts.filter((fact): fact is Fact => fact !== undefined).map((fact) => fact.line.id))];
  return ids.map((id) => `[${id}]`).join('');
};

/** Newest first by the line's date; lines without one last. */
export const newestFirst = (facts: readonly Fact[]): Fact[] => [...facts].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
