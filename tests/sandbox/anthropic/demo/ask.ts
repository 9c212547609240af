/**
 * Ask: a query plan from the question's words against the objects, fields and picklist values the planning prompt
 * offers, and a short answer from the rows a query returned.
 *
 * The plan: the object the question names ("deals", "opportunities", "cases", "contacts", …; a noun after "this" is the
 * record in view, not the object); open/closed/won/lost; a period ("this quarter", "next month", "last 30 days",
 * "today") on the date field the question implies (close, created, due) as a date literal the prompt lists; an amount
 * bound ("over 50k", "under $1.2M") on the object's currency field; listed picklist values ("in Prospecting",
 * "Negotiation/Review"); "named …"; "this account's …" as scope; "how many", "total", "average" and "by <field>" as
 * totals; "biggest", "top 5", "next to close" as order and limit. A question about "my" records cannot be planned: the
 * plan has no value for the rep themself.
 */
import type { ReadPrompt } from './prompt';
import { inLanguageOf, wordsFor } from './words';
import { findAmounts } from './rules/amounts';
import { planObjects, type OfferedField, type OfferedObject } from './rules/fields';

interface Filter {
  field: string;
  operator: string;
  value: string | number | boolean | (string | number)[];
}

export interface PlanDraft {
  object: string;
  fields: string[];
  filters: Filter[];
  filterLogic: number[][];
  scope: { relation: string } | null;
  aggregates: { function: string; field: string | null }[];
  groupBy: string[];
  orderBy: { field: string; aggregate: string | null; direction: 'ASC' | 'DESC' }[];
  limit: number | null;
}

const OBJECT_WORDS: Record<string, RegExp> = {
  Opportunity: /\b(opportunit(?:y|ies)|deals?|pipeline|renewals?)\b/i,
  Account: /\b(accounts?|customers?|compan(?:y|ies)|clients?)\b/i,
  Contact: /\b(contacts?|people|persons?)\b/i,
  Lead: /\b(leads?|prospects?)\b/i,
  Case: /\b(cases?|tickets?|support issues?)\b/i,
  Task: /\b(tasks?|to-?dos?|calls?|follow-?ups?)\b/i,
  Event: /\b(events?|meetings?)\b/i,
};
const NOT_SCOPE = /^(?:week|month|quarter|year|fiscal)\b/i;
const DEFAULT_FIELDS: Record<string, string[]> = {
  Opportunity: ['Name', 'Account.Name', 'StageName', 'Amount', 'CloseDate'],
  Account: ['Name', 'Industry', 'Type', 'AnnualRevenue'],
  Contact: ['Name', 'Title', 'Email', 'Account.Name'],
  Lead: ['Name', 'Company', 'Status', 'Email'],
  Case: ['CaseNumber', 'Subject', 'Status', 'Priority'],
  Task: ['Subject', 'Status', 'ActivityDate', 'Priority'],
  Event: ['Subject', 'StartDateTime', 'Location'],
};
const COMPARATORS: [RegExp, string][] = [
  [/\b(?:at least|no less than|min(?:imum)?)\s*$/i, '>='],
  [/\b(?:at most|no more than|max(?:imum)?|up to)\s*$/i, '<='],
  [/(?:\bover|\babove|\bmore than|\bgreater than|\bexceeding|\bbigger than|\blarger than|>)\s*$/i, '>'],
  [/(?:\bunder|\bbelow|\bless than|\bsmaller than|<)\s*$/i, '<'],
];

export function planQuery(prompt: ReadPrompt): PlanDraft {
  const question = prompt.tags.get('question') ?? '';
  const objects = planObjects(prompt.tags.get('context'));
  const viewObject = /\(object (\w+)\)/.exec(prompt.tags.get('record_in_view') ?? '')?.[1];
  const { object, scoped } = chooseObject(question, objects, viewObject);
  const has = (name: string): OfferedField | undefined => object.fields.find((field) => field.name === name);
  const filters: Filter[] = [];
  const { masked, picklistFilters } = picklistFiltersOf(question, object);
  filters.push(...picklistFilters);
  filters.push(...statusFilters(masked, has));
  const period = periodFilter(masked, object, prompt.tags.get('date_literals') ?? '');
  if (period) filters.push(period);
  const bound = amountFilter(masked, object);
  if (bound) filters.push(bound);
  const named = /\b(?:named|called)\s+["“']?([^"”'?]+?)["”']?\s*(?:\?|$)/i.exec(question)?.[1];
  if (named && has('Name')) filters.push({ field: 'Name', operator: 'LIKE', value: `%${named.trim()}%` });
  const { aggregates, groupBy } = totalsOf(question, object);
  const fields = aggregates.length > 0 ? groupBy : shownFields(object, filters);
  return {
    object: object.name,
    fields,
    filters,
    filterLogic: [],
    scope: scoped && viewObject ? scopeOf(object, viewObject) : null,
    aggregates,
    groupBy,
    orderBy: aggregates.length > 0 ? [] : orderOf(question, object, period),
    limit: Number(/\b(?:top|first)\s+(\d{1,3})\b/i.exec(question)?.[1]) || null,
  };
}

function chooseObject(question: string, objects: OfferedObject[], viewObject: string | undefined): { object: OfferedObject; scoped: boolean } {
  const scopePhrase = /\b(?:this|these|its|their)\s+(?!(?:week|month|quarter|year|fiscal)\b)(\w+)(?:['’]s)?/i.exec(question);
  const scoped = scopePhrase !== null || /\b(?:its|their|here)\b/i.test(question);
  const withoutScope = scopePhrase && !NOT_SCOPE.test(scopePhrase[1] ?? '') ? question.replace(scopePhrase[0], ' ') : question;
  const named = objects
    .map((object) => ({ object, at: indexOfObject(withoutScope, object) }))
    .filter((item) => item.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.object;
  const fallback = objects.find((object) => object.name === 'Opportunity') ?? objects.find((object) => object.name === viewObject) ?? objects[0];
  const object = named ?? fallback ?? { name: 'Opportunity', labelPlural: 'Opportunities', fields: [] };
  return { object, scoped };
}

function indexOfObject(question: string, object: OfferedObject): number {
  const words = OBJECT_WORDS[object.name] ?? new RegExp(`\\b(?:${object.name}|${object.labelPlural})\\b`, 'i');
  return words.exec(question)?.index ?? -1;
}

/** Listed picklist values the question names, one filter per field (IN for several); the words they took are masked. */
function picklistFiltersOf(question: string, object: OfferedObject): { masked: string; picklistFilters: Filter[] } {
  let masked = question;
  const filters: Filter[] = [];
  for (const field of object.fields.filter((item) => item.values.length > 0 && item.filterable)) {
    const found: { value: string; at: number }[] = [];
    for (const value of [...field.values].sort((a, b) => b.length - a.length)) {
      const pattern = new RegExp(`(?<![\\w/])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/])`, 'i');
      const match = pattern.exec(masked);
      if (!match) continue;
      const before = masked.slice(Math.max(0, match.index - 12), match.index);
      const single = !/[\s/]/.test(value);
      const labelNamed = new RegExp(`\\b${field.label}\\b`, 'i').test(question);
      if (single && !labelNamed && !/\b(?:in|at|is|are|to|stage|status)\s+$/i.test(before)) continue;
      found.push({ value, at: match.index });
      masked = masked.slice(0, match.index) + ' '.repeat(match[0].length) + masked.slice(match.index + match[0].length);
    }
    const values = found.sort((a, b) => a.at - b.at).map((item) => item.value);
    if (values.length === 1) filters.push({ field: field.name, operator: '=', value: values[0] ?? '' });
    if (values.length > 1) filters.push({ field: field.name, operator: 'IN', value: values });
  }
  return { masked, picklistFilters: filters };
}

function statusFilters(question: string, has: (name: string) => OfferedField | undefined): Filter[] {
  const filters: Filter[] = [];
  if (/\bopen\b/i.test(question) && has('IsClosed')) filters.push({ field: 'IsClosed', operator: '=', value: false });
  if (/\bwon\b/i.test(question) && has('IsWon')) filters.push({ field: 'IsWon', operator: '=', value: true });
  if (/\blost\b/i.test(question) && has('IsWon') && has('IsClosed')) {
    filters.push({ field: 'IsClosed', operator: '=', value: true }, { field: 'IsWon', operator: '=', value: false });
  }
  if (/\bclosed\b(?!\s+(?:this|next|last|in|on|by|before|after)\b)/i.test(question) && !/\b(?:won|lost|open)\b/i.test(question) && has('IsClosed')) {
    filters.push({ field: 'IsClosed', operator: '=', value: true });
  }
  return filters;
}

function dateFieldOf(question: string, object: OfferedObject): OfferedField | undefined {
  const dates = object.fields.filter((field) => field.type === 'date' || field.type === 'datetime');
  const byName = (...names: string[]): OfferedField | undefined => names.map((name) => dates.find((field) => field.name === name)).find(Boolean);
  if (/\bclos(?:e|es|ing|ed)\b/i.test(question)) return byName('CloseDate', 'ClosedDate');
  if (/\bcreated|\bnew\b|\bopened\b/i.test(question)) return byName('CreatedDate');
  if (/\b(?:modified|updated|changed)\b/i.test(question)) return byName('LastModifiedDate');
  if (/\bdue\b/i.test(question)) return byName('ActivityDate');
  return byName('CloseDate', 'ActivityDate', 'StartDateTime', 'CreatedDate') ?? dates[0];
}

function periodFilter(question: string, object: OfferedObject, literals: string): Filter | null {
  const literal = periodLiteral(question);
  if (!literal) return null;
  const listed = new Set(literals.split(/,\s*/).map((item) => item.trim().replace(/:n$/, ':')));
  if (!listed.has(literal.replace(/:\d+$/, ':')) && !listed.has(literal)) return null;
  const field = dateFieldOf(question, object);
  return field ? { field: field.name, operator: '=', value: literal } : null;
}

function periodLiteral(question: string): string | null {
  const relative = /\b(this|next|last|previous|current)\s+(fiscal\s+)?(week|month|quarter|year)\b/i.exec(question);
  if (relative) {
    const when = { this: 'THIS', current: 'THIS', next: 'NEXT', last: 'LAST', previous: 'LAST' }[(relative[1] ?? '').toLowerCase()] ?? 'THIS';
    return `${when}_${relative[2] ? 'FISCAL_' : ''}${(relative[3] ?? '').toUpperCase()}`;
  }
  const counted = /\b(?:in\s+the\s+)?(next|last|past|coming)\s+(\d{1,3})\s+(days|weeks|months|quarters|years)\b/i.exec(question);
  if (counted) return `${/next|coming/i.test(counted[1] ?? '') ? 'NEXT' : 'LAST'}_N_${(counted[3] ?? '').toUpperCase()}:${counted[2]}`;
  const day = /\b(today|tomorrow|yesterday)\b/i.exec(question)?.[1];
  return day ? day.toUpperCase() : null;
}

function amountFilter(question: string, object: OfferedObject): Filter | null {
  const currency = object.fields.find((field) => field.name === 'Amount') ?? object.fields.find((field) => field.type === 'currency');
  if (!currency) return null;
  const plain = [...question.matchAll(/(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\w,])/g)].map((m) => ({ value: Number((m[1] ?? '').replace(/,/g, '')), start: m.index }));
  for (const amount of [...findAmounts(question), ...plain]) {
    const comparator = COMPARATORS.find(([pattern]) => pattern.test(question.slice(0, amount.start)));
    if (comparator) return { field: currency.name, operator: comparator[1], value: amount.value };
  }
  return null;
}

function totalsOf(question: string, object: OfferedObject): { aggregates: PlanDraft['aggregates']; groupBy: string[] } {
  const amount = object.fields.find((field) => field.name === 'Amount') ?? object.fields.find((field) => field.type === 'currency');
  const aggregates: PlanDraft['aggregates'] = [];
  if (/\bhow many\b|\bcount\b|\bnumber of\b/i.test(question)) aggregates.push({ function: 'COUNT', field: null });
  if (/\b(?:total|sum)\b/i.test(question) && amount) aggregates.push({ function: 'SUM', field: amount.name });
  if (/\baverage\b|\bavg\b/i.test(question) && amount) aggregates.push({ function: 'AVG', field: amount.name });
  const by = /\b(?:by|per|for each)\s+([a-z][\w ]*?)(?:\?|$|,|\s+(?:this|next|last|over|under|with|in)\b)/i.exec(question)?.[1]?.trim().toLowerCase();
  const group = by ? object.fields.find((field) => field.label.toLowerCase() === by || field.name.toLowerCase() === by || field.label.toLowerCase().startsWith(by)) : undefined;
  if (group && aggregates.length === 0) aggregates.push({ function: 'COUNT', field: null });
  return { aggregates, groupBy: group ? [group.name] : [] };
}

function shownFields(object: OfferedObject, filters: readonly Filter[]): string[] {
  const exists = (path: string): boolean => {
    const [head, tail] = path.split('.');
    if (!tail) return object.fields.some((field) => field.name === head);
    return object.fields.some((field) => field.relationshipName === head);
  };
  const wanted = [...(DEFAULT_FIELDS[object.name] ?? ['Name']), ...filters.map((filter) => filter.field)];
  const fields = [...new Set(wanted)].filter((path) => exists(path) && !/^Is[A-Z]/.test(path));
  return (fields.length > 0 ? fields : object.fields.slice(0, 1).map((field) => field.name)).slice(0, 8);
}

function orderOf(question: string, object: OfferedObject, period: Filter | null): PlanDraft['orderBy'] {
  const has = (name: string): boolean => object.fields.some((field) => field.name === name);
  if (/\b(?:biggest|largest|top|highest|most valuable)\b/i.test(question) && has('Amount')) return [{ field: 'Amount', aggregate: null, direction: 'DESC' }];
  if (/\b(?:smallest|lowest)\b/i.test(question) && has('Amount')) return [{ field: 'Amount', aggregate: null, direction: 'ASC' }];
  if (/\b(?:latest|newest|most recent)\b/i.test(question) && has('CreatedDate')) return [{ field: 'CreatedDate', aggregate: null, direction: 'DESC' }];
  if (period) return [{ field: period.field, aggregate: null, direction: 'ASC' }];
  if (/\bnext to close|soonest|earliest\b/i.test(question) && has('CloseDate')) return [{ field: 'CloseDate', aggregate: null, direction: 'ASC' }];
  return [];
}

function scopeOf(object: OfferedObject, viewObject: string): { relation: string } | null {
  if (object.name === viewObject) return { relation: 'Id' };
  const pointing = object.fields.filter((field) => field.referenceTo?.includes(viewObject));
  const preferred = pointing.find((field) => ['AccountId', 'WhatId', 'WhoId', 'OpportunityId', 'ContactId'].includes(field.name)) ?? pointing[0];
  return preferred ? { relation: preferred.name } : null;
}

/** The answer to a question from the rows of its query: the records named in one sentence, then one bullet each. */
export function answerFromRows(prompt: ReadPrompt): string {
  const w = wordsFor(prompt).ask;
  const rows = prompt.lines.filter((line) => /^q\d+$/.test(line.id));
  if (rows.length === 0) return w.nothingMatched;
  const shown = rows.slice(0, 5);
  const named = shown.map((row) => `${row.parts[0] ?? row.text} [${row.id}]`);
  const partial = /^only/i.test(prompt.tags.get('coverage') ?? '') ? w.partial : '';
  const bullets = shown.map((row) => `- ${row.parts.join(', ')} [${row.id}]`);
  return inLanguageOf(prompt, [`${w.matching(named.join(', '))}${partial}`, ...bullets].join('\n'));
}
