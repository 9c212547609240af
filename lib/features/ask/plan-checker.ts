/** What checking a plan keeps at hand: field kinds and the operators each allows, the words for them, the problems found. */
import type { AskDescribes, AskField, AskObjectDescribe } from './describe';
import { resolvePath, type ResolvedField } from './paths';
import type { Operator } from './plan';

export type Kind = 'text' | 'picklist' | 'multipicklist' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'other';

const KIND_OF_TYPE: Record<string, Kind> = {
  string: 'text',
  textarea: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  combobox: 'text',
  encryptedstring: 'text',
  picklist: 'picklist',
  multipicklist: 'multipicklist',
  id: 'id',
  reference: 'id',
  int: 'number',
  long: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
};

export const kindOf = (field: AskField): Kind => KIND_OF_TYPE[field.type] ?? 'other';

export const OPERATORS_BY_KIND: Record<Kind, readonly Operator[]> = {
  text: ['=', '!=', 'LIKE', 'IN', 'NOT IN'],
  picklist: ['=', '!=', 'LIKE', 'IN', 'NOT IN'],
  multipicklist: ['=', '!=', 'INCLUDES', 'EXCLUDES'],
  id: ['=', '!='],
  number: ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN'],
  boolean: ['=', '!='],
  date: ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN'],
  datetime: ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN'],
  other: [],
};

export const LIST_OPERATORS: ReadonlySet<Operator> = new Set(['IN', 'NOT IN', 'INCLUDES', 'EXCLUDES']);
export const UNSELECTABLE_TYPES = new Set(['address', 'location', 'base64', 'complexvalue', 'anytype']);
export const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

export const OPERATOR_WORDS: Record<Operator, string> = {
  '=': 'equals',
  '!=': 'is not',
  '<': 'is less than',
  '<=': 'is at most',
  '>': 'is more than',
  '>=': 'is at least',
  LIKE: 'matches a pattern',
  IN: 'is one of',
  'NOT IN': 'is none of',
  INCLUDES: 'includes',
  EXCLUDES: 'excludes',
};

export const KIND_WORDS: Record<Kind, string> = {
  text: 'a text field',
  picklist: 'a picklist',
  multipicklist: 'a multi-select picklist',
  id: 'a record link',
  number: 'a number field',
  boolean: 'a yes/no field',
  date: 'a date field',
  datetime: 'a date/time field',
  other: 'a field of a kind questions cannot use',
};

/** The model never chooses a record id: a record is reached by its name, or as the record in view (by code). */
export const ID_VALUES_REFUSED =
  "Groundwork doesn't look records up by their id. Name the record instead (for example by its Name), or ask about the record in view.";

export const quoteOf = (value: unknown): string => (typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

/** Collects problems while a plan is checked, so that the rep hears about all of them at once. */
class Problems {
  readonly list: string[] = [];

  add(problem: string): void {
    if (!this.list.includes(problem)) this.list.push(problem);
  }
}

export class PlanChecker {
  readonly problems = new Problems();

  constructor(
    readonly root: AskObjectDescribe,
    private readonly describes: AskDescribes,
  ) {}

  resolve(path: string): ResolvedField | null {
    const result = resolvePath(this.root, path, this.describes);
    if (result.ok === true) return result.resolved;
    if (result.ok === false) this.problems.add(result.problem);
    // A describe never loaded means the path crosses an object describesForPlan was not given: refuse it.
    else this.problems.add(`Groundwork could not check “${path}”. Try asking without it.`);
    return null;
  }
}
