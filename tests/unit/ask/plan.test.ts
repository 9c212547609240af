import { describe, expect, it } from 'vitest';
import { parseDateLiteral } from '../../../lib/features/ask/date-literals';
import { QueryPlan, QueryPlanOutput } from '../../../lib/features/ask/plan';
import { plan } from './fixtures';

type Schema = Record<string, unknown>;

function* walk(node: unknown, path = '$'): Generator<[string, Schema]> {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* walk(item, `${path}[${index}]`);
    return;
  }
  const schema = node as Schema;
  yield [path, schema];
  for (const [key, value] of Object.entries(schema)) yield* walk(value, `${path}.${key}`);
}

describe('the QueryPlan JSON schema', () => {
  const schema = QueryPlanOutput.jsonSchema;
  const nodes = [...walk(schema)];

  it('closes every object and requires all its properties (structured output needs both)', () => {
    const objects = nodes.filter(([, node]) => node.type === 'object');
    expect(objects.length).toBe(5); // the plan, a filter, the scope, an aggregate, an order
    for (const [path, node] of objects) {
      expect(node.additionalProperties, path).toBe(false);
      expect([...(node.required as string[])].sort(), path).toEqual(Object.keys(node.properties as Schema).sort());
    }
  });

  it('uses no keyword outside the structured-output subset: no bounds, no patterns, no recursion', () => {
    const banned = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'maxItems', '$ref', 'oneOf', 'not'];
    for (const [path, node] of nodes) {
      for (const keyword of banned) expect(Object.keys(node), `${path} has ${keyword}`).not.toContain(keyword);
      if ('minItems' in node) expect([0, 1]).toContain(node.minItems);
    }
  });

  it('keeps unions few (structured output allows at most 16 properties with anyOf or type lists)', () => {
    const unions = nodes.filter(([, node]) => 'anyOf' in node || Array.isArray(node.type));
    expect(unions.length).toBeLessThanOrEqual(16);
  });

  it('accepts a full plan and rejects extra keys', () => {
    const full = plan('Opportunity', {
      fields: ['Name'],
      filters: [{ field: 'CloseDate', operator: '=', value: 'THIS_QUARTER' }],
      scope: { relation: 'AccountId' },
      aggregates: [{ function: 'COUNT', field: null }],
      orderBy: [{ field: 'Name', aggregate: null, direction: 'ASC' }],
    });
    expect(QueryPlan.safeParse(full).success).toBe(true);
    expect(QueryPlan.safeParse({ ...full, soql: 'SELECT Id FROM User' }).success).toBe(false);
  });
});

describe('date literals', () => {
  it("reads Salesforce's literals, forgiving case and spaces around the colon", () => {
    expect(parseDateLiteral('this_quarter')).toEqual({ ok: true, literal: { name: 'THIS_QUARTER' } });
    expect(parseDateLiteral('LAST_N_DAYS : 30')).toEqual({ ok: true, literal: { name: 'LAST_N_DAYS', n: 30 } });
    expect(parseDateLiteral('N_FISCAL_YEARS_AGO:2')).toEqual({ ok: true, literal: { name: 'N_FISCAL_YEARS_AGO', n: 2 } });
  });

  it('refuses anything else, saying why', () => {
    expect(parseDateLiteral('LAST_N_DAYS:1001')).toMatchObject({ ok: false, reason: expect.stringMatching(/from 1 to 1000/) });
    expect(parseDateLiteral('LAST_N_DAYS:-3')).toMatchObject({ ok: false });
    expect(parseDateLiteral('TODAY OR 1=1')).toMatchObject({ ok: false });
    expect(parseDateLiteral('NEXT_DECADE')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a date Salesforce knows/) });
  });
});
