/**
 * Property-based tests of the validator and compiler on hostile plans. Whatever the model sends, either the rep
 * hears why it was refused, or the SOQL parses, is a SELECT, names only what describe shows this rep, has a LIMIT
 * within the cap, and carries the plan's values as values.
 */
import { parseQuery, type Condition, type FieldType, type Query, type WhereClause } from '@jetstreamapp/soql-parser-js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePlan } from '../../../lib/features/ask/compile';
import type { QueryPlan } from '../../../lib/features/ask/plan';
import { validatePlan } from '../../../lib/features/ask/validate';
import { UNSEARCHABLE_CHARACTERS } from '../../../lib/features/ask/validate-values';
import { asDescribes, loadSandboxDescribes, type DescribeMap, type SandboxDescribes } from './fixtures';

let sandbox: SandboxDescribes;
beforeAll(async () => {
  sandbox = await loadSandboxDescribes();
});

// ---------------------------------------------------------------------------------------------------------------
// Reading a compiled query back, independently of the code under test

function conditionsOf(where: WhereClause | undefined): Condition[] {
  const out: Condition[] = [];
  for (let clause: WhereClause | undefined = where; clause; clause = 'right' in clause ? clause.right : undefined) {
    if (clause.left) out.push(clause.left as Condition);
  }
  return out;
}

function selectPaths(field: FieldType): string[] {
  switch (field.type) {
    case 'Field':
      return [field.field];
    case 'FieldRelationship':
      return [[...field.relationships, field.field].join('.')];
    case 'FieldFunctionExpression':
      return field.parameters.filter((parameter): parameter is string => typeof parameter === 'string');
    default:
      throw new Error(`unexpected select item ${field.type}`);
  }
}

function pathsIn(query: Query): string[] {
  const orderBy = query.orderBy === undefined ? [] : [query.orderBy].flat();
  const groupBy = query.groupBy === undefined ? [] : [query.groupBy].flat();
  return [
    ...(query.fields ?? []).flatMap(selectPaths),
    ...conditionsOf(query.where).map((condition) => ('field' in condition ? condition.field : '')),
    ...groupBy.map((clause) => ('field' in clause ? clause.field : '')),
    ...orderBy.flatMap((clause) => ('field' in clause ? [clause.field] : (clause.fn.parameters ?? []).filter((p): p is string => typeof p === 'string'))),
  ];
}

/** Whether describe (the rep's) shows this exact path: relationships by name, the last step a listed field. */
function describeAllows(map: DescribeMap, objectName: string, path: string): boolean {
  let describe = map.get(objectName.toLowerCase());
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    if (!describe) return false;
    if (index === segments.length - 1) return describe.fields.some((field) => field.name === segment);
    const link = describe.fields.find((field) => field.relationshipName === segment);
    const targets = link?.referenceTo ?? [];
    if (targets.length > 1) return index === segments.length - 2 && ['Id', 'Name', 'Type'].includes(segments[index + 1] ?? '');
    describe = targets[0] === undefined ? undefined : map.get(targets[0].toLowerCase());
  }
  return false;
}

/** A SOQL string literal's content as Salesforce reads it; `\%` and `\_` stay as written (LIKE's literal % and _). */
function unquote(quoted: string): string {
  expect(quoted.startsWith("'") && quoted.endsWith("'") && quoted.length >= 2).toBe(true);
  const body = quoted.slice(1, -1);
  const escapes: Record<string, string> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', '%': '\\%', _: '\\_' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    if (char === "'") throw new Error(`an unescaped quote inside a literal: ${quoted}`);
    if (char !== '\\') {
      out += char;
      continue;
    }
    const escaped = escapes[body.charAt(++i)];
    if (escaped === undefined) throw new Error(`an unknown escape in ${quoted}`);
    out += escaped;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile material

const HOSTILE_SNIPPETS = [
  "'",
  '\\',
  "\\'",
  "\\\\'",
  "' OR Name != '",
  "') OR (Id != null",
  "'; DELETE FROM Account --",
  '/* comment */',
  '-- comment',
  'SELECT Id FROM User',
  ' LIMIT 50000',
  'NULL',
  'TRUE',
  '%',
  '_',
  '\\%',
  '\\_',
  '50%_off',
  'O\'Brien & "Sons"',
  '\n',
  '\r\n\t',
  'ünïcödé ✓',
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_SNIPPETS),
  fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, 'a', ' ', 'Id', 'OR', '(', ')', ','), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const hostileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Name',
    'Id',
    'AnnualRevenue',
    'Amount',
    'StageName',
    'CloseDate',
    'Industry',
    'Account.Name',
    'Account.Industry',
    'Account.AnnualRevenue',
    'Account.Owner.Name',
    'Owner.Manager.Name',
    'What.Name',
    'Who.Email',
    'Account.Owner.Manager.Manager.Name',
    'Name FROM Account WHERE',
    'Id, (SELECT Id FROM Contacts)',
    'Name--',
    'COUNT()',
    'SSN__c',
    'Competitors__r.Name',
    '',
  ),
  hostileText,
);

const hostileValue: fc.Arbitrary<QueryPlan['filters'][number]['value']> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('TODAY', 'THIS_QUARTER', 'LAST_N_DAYS:30', 'LAST_N_DAYS:99999', 'NEXT_N_DAYS', '2026-03-31', '2026-13-01', '2026-03-31T10:00:00Z'),
  fc.constantFrom('Hot', 'Banking', 'Closed Won', 'Prospecting'),
  fc.array(fc.oneof(hostileText, fc.integer()), { maxLength: 5 }),
);

type PlanFilter = QueryPlan['filters'][number];

/** A filter from its parts (fc.record's inference mangles the nullable value's type). */
const filterOf = (field: fc.Arbitrary<string>, operator: fc.Arbitrary<PlanFilter['operator']>, value: fc.Arbitrary<PlanFilter['value']>): fc.Arbitrary<PlanFilter> =>
  fc.tuple(field, operator, value).map(([name, op, val]) => ({ field: name, operator: op, value: val }));

const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'LIKE', 'IN', 'NOT IN', 'INCLUDES', 'EXCLUDES'] as const;
const FUNCTIONS = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'] as const;

const hostilePlan: fc.Arbitrary<QueryPlan> = fc.record({
  object: fc.oneof(fc.constantFrom('Account', 'Contact', 'Opportunity', 'Case', 'Task', 'Competitor__c', 'User', 'Bogus__c', 'Account WHERE Id != null'), hostileText),
  fields: fc.array(hostileName, { maxLength: 6 }),
  filters: fc.array(filterOf(hostileName, fc.constantFrom(...OPERATORS), hostileValue), { maxLength: 4 }),
  filterLogic: fc.oneof(fc.constant<number[][]>([]), fc.array(fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }), { maxLength: 3 })),
  scope: fc.option(fc.record({ relation: fc.oneof(fc.constantFrom('AccountId', 'Id', 'WhatId', 'OwnerId'), hostileName) }), { nil: null }),
  aggregates: fc.array(fc.record({ function: fc.constantFrom(...FUNCTIONS), field: fc.option(hostileName, { nil: null }) }), { maxLength: 2 }),
  groupBy: fc.array(hostileName, { maxLength: 2 }),
  orderBy: fc.array(
    fc.record({ field: hostileName, aggregate: fc.option(fc.constantFrom(...FUNCTIONS), { nil: null }), direction: fc.constantFrom('ASC' as const, 'DESC' as const) }),
    { maxLength: 2 },
  ),
  limit: fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 10_000_000 }), fc.double()),
});

/** Plans built from real names with mostly fitting values, so that many reach the compiler; hostile values mixed in. */
type Kind = 'text' | 'number' | 'date' | 'picklist' | 'boolean';
const CATALOG: Record<string, { path: string; kind: Kind; values?: string[] }[]> = {
  Account: [
    { path: 'Name', kind: 'text' },
    { path: 'BillingCity', kind: 'text' },
    { path: 'AnnualRevenue', kind: 'number' },
    { path: 'NumberOfEmployees', kind: 'number' },
    { path: 'CreatedDate', kind: 'date' },
    { path: 'Industry', kind: 'picklist', values: ['Banking', 'Healthcare', 'Hot'] },
    { path: 'Rating', kind: 'picklist', values: ['Hot', 'Warm', 'Cold'] },
    { path: 'Owner.Name', kind: 'text' },
    { path: 'Owner.IsActive', kind: 'boolean' },
  ],
  Opportunity: [
    { path: 'Name', kind: 'text' },
    { path: 'Amount', kind: 'number' },
    { path: 'Probability', kind: 'number' },
    { path: 'CloseDate', kind: 'date' },
    { path: 'StageName', kind: 'picklist', values: ['Prospecting', 'Closed Won', 'Negotiation/Review'] },
    { path: 'IsClosed', kind: 'boolean' },
    { path: 'Account.Name', kind: 'text' },
    { path: 'Account.Industry', kind: 'picklist', values: ['Banking', 'Technology'] },
    { path: 'Account.AnnualRevenue', kind: 'number' },
    { path: 'Account.Owner.Name', kind: 'text' },
  ],
  Task: [
    { path: 'Subject', kind: 'text' },
    { path: 'ActivityDate', kind: 'date' },
    { path: 'Status', kind: 'picklist', values: ['Not Started', 'Completed'] },
    { path: 'What.Name', kind: 'text' },
    { path: 'Who.Name', kind: 'text' },
    // Not reachable behind a polymorphic lookup: must be refused.
    { path: 'Who.Email', kind: 'text' },
    { path: 'What.Type', kind: 'text' },
  ],
  Contact: [
    { path: 'LastName', kind: 'text' },
    { path: 'Email', kind: 'text' },
    { path: 'Birthdate', kind: 'date' },
    { path: 'LeadSource', kind: 'picklist', values: ['Web', 'Other'] },
    { path: 'Account.Name', kind: 'text' },
    { path: 'Account.AnnualRevenue', kind: 'number' },
  ],
};

const fittingValue = (kind: Kind, values: string[] = []): fc.Arbitrary<QueryPlan['filters'][number]['value']> => {
  switch (kind) {
    case 'text':
      return hostileText;
    case 'number':
      return fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e12, max: 1e12, noNaN: true }));
    case 'date':
      return fc.constantFrom('TODAY', 'THIS_QUARTER', 'LAST_N_DAYS:30', 'NEXT_N_MONTHS:3', '2026-03-31', '2026-03-31T10:00:00Z');
    case 'picklist':
      return fc.constantFrom(...values);
    case 'boolean':
      return fc.boolean();
  }
};

const FITTING_OPERATORS = {
  text: ['=', '!=', 'LIKE'],
  number: ['=', '>=', '<'],
  date: ['=', '>=', '<'],
  picklist: ['=', '!='],
  boolean: ['=', '!='],
} as const;

const plausiblePlan: fc.Arbitrary<QueryPlan> = fc.constantFrom(...Object.keys(CATALOG)).chain((object) => {
  const catalog = CATALOG[object] ?? [];
  const entry = fc.constantFrom(...catalog);
  const filter = entry.chain((field) =>
    filterOf(
      fc.constant(field.path),
      fc.constantFrom(...FITTING_OPERATORS[field.kind]),
      fc.oneof({ weight: 5, arbitrary: fittingValue(field.kind, field.values) }, { weight: 1, arbitrary: hostileValue }),
    ),
  );
  const grouped = fc.record({
    fields: fc.constant([] as string[]),
    groupBy: fc.constantFrom<string[]>(['StageName'], ['Account.Industry'], ['Industry'], ['Amount']),
    aggregates: fc.array(fc.record({ function: fc.constantFrom(...FUNCTIONS), field: fc.option(entry.map((e) => e.path), { nil: null }) }), { minLength: 1, maxLength: 2 }),
  });
  const listed = fc.record({
    fields: fc.array(entry.map((e) => e.path), { maxLength: 5 }),
    groupBy: fc.constant([] as string[]),
    aggregates: fc.constant([] as QueryPlan['aggregates']),
  });
  return fc.record({
    object: fc.constant(object),
    shape: fc.oneof({ weight: 3, arbitrary: listed }, { weight: 1, arbitrary: grouped }),
    filters: fc.array(filter, { maxLength: 4 }),
    orFirst: fc.boolean(),
    scope: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom({ relation: 'AccountId' }, { relation: 'Id' }) }),
    orderBy: fc.array(fc.record({ field: entry.map((e) => e.path), aggregate: fc.constant(null), direction: fc.constantFrom('ASC' as const, 'DESC' as const) }), { maxLength: 2 }),
    limit: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 100_000, max: 1e9 })),
  }).map(({ object: name, shape, filters, orFirst, scope, orderBy, limit }) => ({
    object: name,
    ...shape,
    filters,
    // "the first filter, or all the others": exercises OR groups when there are at least two filters.
    filterLogic: orFirst && filters.length >= 2 ? [[0], filters.slice(1).map((_, index) => index + 1)] : [],
    scope,
    orderBy: shape.groupBy.length > 0 ? [] : orderBy,
    limit,
  }));
});

const recordInView = fc.option(
  fc.oneof(
    fc.constant({ id: '001000000000001AAA', objectName: 'Account' }),
    fc.constant({ id: '006000000000001AAA', objectName: 'Opportunity' }),
    fc.record({ id: hostileText, objectName: fc.constantFrom('Account', 'Contact') }),
  ),
  { nil: null },
);

// ---------------------------------------------------------------------------------------------------------------

describe('hostile plans', () => {
  it('are refused in words, or compile to a SELECT that parses, names only what describe shows the rep, and has a LIMIT within the cap', () => {
    let compiled = 0;
    fc.assert(
      fc.property(fc.oneof(hostilePlan, plausiblePlan), fc.boolean(), recordInView, fc.integer({ min: 1, max: 50_000 }), (raw, restricted, inView, maxLimit) => {
        const map = restricted ? sandbox.restricted : sandbox.full;
        const result = validatePlan(raw, asDescribes(map), { maxLimit, recordInView: inView });
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem).toMatch(/^\S.{10,}[.?]$/s);
          return;
        }
        compiled++;
        const soql = compilePlan(result.plan);
        expect(soql).toMatch(/^SELECT /);
        const query = parseQuery(soql);
        expect(query.sObject).toBeDefined();
        expect(map.get((query.sObject ?? '').toLowerCase())).toBeTruthy();
        for (const path of pathsIn(query)) expect(describeAllows(map, query.sObject ?? '', path), `${path} in ${soql}`).toBe(true);
        expect(query.limit).toBeGreaterThanOrEqual(1);
        expect(query.limit).toBeLessThanOrEqual(maxLimit);
        expect(soql).toMatch(/ LIMIT \d+$/);
      }),
      { numRuns: 1500 },
    );
    // The generator must also reach the compiler, or the properties above say nothing.
    expect(compiled).toBeGreaterThan(100);
  });

  it('never make validation throw, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const result = validatePlan(raw, asDescribes(sandbox.full), { maxLimit: 200 });
        expect(result.ok).toBe(false);
      }),
    );
  });
});

describe('hostile values', () => {
  const TEXT_FIELDS: Record<string, string[]> = {
    Account: ['Name', 'Phone', 'Website', 'BillingCity', 'Owner.Name'],
    Contact: ['Name', 'Email', 'Title', 'Account.Name', 'Account.Owner.Name'],
    Opportunity: ['Name', 'NextStep', 'Account.Name', 'Account.Owner.Name'],
  };
  const textOperators = fc.constantFrom('=' as const, '!=' as const, 'LIKE' as const, 'IN' as const, 'NOT IN' as const);

  const valuePlan = fc
    .constantFrom(...Object.keys(TEXT_FIELDS))
    .chain((object) =>
      fc.record({
        object: fc.constant(object),
        filters: fc.array(
          fc.record({
            field: fc.constantFrom(...(TEXT_FIELDS[object] ?? [])),
            operator: textOperators,
            value: hostileText.filter((text) => !UNSEARCHABLE_CHARACTERS.test(text) && text.length <= 1000),
            list: fc.array(hostileText.filter((text) => !UNSEARCHABLE_CHARACTERS.test(text)), { minLength: 1, maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        scoped: fc.boolean(),
      }),
    );

  it('stay values: the WHERE clause parsed back holds exactly the plan conditions, with the plan values', () => {
    fc.assert(
      fc.property(valuePlan, ({ object, filters, scoped }) => {
        const planFilters: QueryPlan['filters'] = filters.map(({ field, operator, value, list }) => ({
          field,
          operator,
          value: operator === 'IN' || operator === 'NOT IN' ? list : value,
        }));
        const scope = scoped && object !== 'Account' ? { relation: 'AccountId' } : null;
        const raw: QueryPlan = {
          object,
          fields: ['Name'],
          filters: planFilters,
          filterLogic: [],
          scope,
          aggregates: [],
          groupBy: [],
          orderBy: [],
          limit: 10,
        };
        const result = validatePlan(raw, asDescribes(sandbox.full), {
          maxLimit: 200,
          recordInView: { id: '001000000000001AAA', objectName: 'Account' },
        });
        if (!result.ok) throw new Error(result.problems.join('\n'));
        const soql = compilePlan(result.plan);
        const conditions = conditionsOf(parseQuery(soql).where);
        const own = scope ? conditions.slice(1) : conditions;
        if (scope) expect(conditions[0]).toMatchObject({ field: 'AccountId', operator: '=', value: "'001000000000001AAA'" });
        expect(own).toHaveLength(planFilters.length);
        own.forEach((condition, index) => {
          const wanted = planFilters[index];
          if (!wanted || !('value' in condition) || !('field' in condition)) throw new Error(`condition ${index} missing in ${soql}`);
          expect(condition.operator).toBe(wanted.operator);
          expect(condition.field.toLowerCase()).toBe(wanted.field.toLowerCase());
          const values = Array.isArray(condition.value) ? condition.value.map(unquote) : unquote(condition.value);
          expect(values).toEqual(wanted.value);
        });
        expect(parseQuery(soql).limit).toBe(10);
      }),
      { numRuns: 1000 },
    );
  });
});
