/**
 * The SOQL composer: what it writes is the SOQL a full parser (soql-parser-js, the sandbox's) reads back as the same
 * query: each value as the value it was given, each group as grouped; names that are not SOQL names and values not of
 * their type are refused, never written.
 */
import { composeQuery, parseQuery, type Condition, type WhereClause } from '@jetstreamapp/soql-parser-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeSoql, type SoqlCondition, type SoqlQuery, type SoqlValue, type SoqlWhere } from '../../../lib/salesforce/soql-compose';
import { isSoqlWritable } from '../../../lib/salesforce/soql-text';
import { likeMatcher, unquote } from '../../sandbox/salesforce/soql/values';

describe('composeSoql', () => {
  it('writes fields, aggregates with aliases, nested AND/OR groups, lists, a subquery, GROUP BY, ORDER BY and LIMIT', () => {
    const query: SoqlQuery = {
      select: ['StageName', { fn: 'SUM', field: 'Amount', alias: 'total' }, { fn: 'COUNT', field: 'Id' }, { field: 'Account.Industry', alias: 'industry' }],
      from: 'Opportunity',
      where: {
        and: [
          { field: 'AccountId', operator: 'IN', value: { select: ['AccountId'], from: 'Contact', where: { field: 'Id', operator: '=', value: { text: '0032x0000000001AAA' } } } },
          { or: [{ and: [{ field: 'IsClosed', operator: '=', value: { boolean: false } }, { field: 'Amount', operator: '>=', value: { number: 50000.5 } }] }, { and: [{ field: 'CloseDate', operator: '=', value: { dateLiteral: 'LAST_N_DAYS:30' } }] }] },
          { field: 'StageName', operator: 'NOT IN', value: [{ text: "Closed Won" }, { text: "O'Brien" }] },
          { field: 'CreatedDate', operator: '<', value: { datetime: '2026-03-01T08:30:00+02:00' } },
          { field: 'CloseDate', operator: '>', value: { date: '2026-01-31' } },
          { field: 'NextStep', operator: '=', value: { null: true } },
        ],
      },
      groupBy: ['StageName', 'Account.Industry'],
      orderBy: [{ field: { fn: 'SUM', field: 'Amount' }, order: 'DESC', nulls: 'LAST' }, { field: 'StageName', order: 'ASC' }],
      limit: 25,
    };
    expect(composeSoql(query)).toBe(
      'SELECT StageName, SUM(Amount) total, COUNT(Id), Account.Industry industry FROM Opportunity ' +
        "WHERE AccountId IN (SELECT AccountId FROM Contact WHERE Id = '0032x0000000001AAA') " +
        'AND ((IsClosed = FALSE AND Amount >= 50000.5) OR (CloseDate = LAST_N_DAYS:30)) ' +
        "AND StageName NOT IN ('Closed Won', 'O\\'Brien') AND CreatedDate < 2026-03-01T08:30:00+02:00 AND CloseDate > 2026-01-31 " +
        'AND NextStep = NULL GROUP BY StageName, Account.Industry ORDER BY SUM(Amount) DESC NULLS LAST, StageName ASC LIMIT 25',
    );
    expect(composeSoql({ select: [{ fn: 'COUNT' }], from: 'Task' })).toBe('SELECT COUNT() FROM Task');
  });

  it('writes text as a value, LIKE patterns with their wildcards, and "contains" with its own % and _ literal', () => {
    const soql = composeSoql({
      select: ['Id'],
      from: 'Account',
      where: {
        or: [
          { field: 'Name', operator: '=', value: { text: "x' OR Name != '\n\\" } },
          { field: 'Name', operator: 'LIKE', value: { pattern: "50%_off\\%'" } },
          { field: 'Name', operator: 'LIKE', value: { contains: '50%_off' } },
        ],
      },
    });
    expect(soql).toBe("SELECT Id FROM Account WHERE Name = 'x\\' OR Name != \\'\\n\\\\' OR Name LIKE '50%_off\\%\\'' OR Name LIKE '%50\\%\\_off%'");
  });

  it('refuses what is not a SOQL name, wherever a name goes', () => {
    const bad = ['Name FROM User', 'Id,(SELECT Id FROM Contacts)', 'Name--', '', 'Account..Name', '1Name', 'Na me'];
    for (const name of bad) {
      expect(() => composeSoql({ select: [name], from: 'Account' }), name).toThrow(/not a SOQL name/);
      expect(() => composeSoql({ select: ['Id'], from: name }), name).toThrow(/not a SOQL name/);
      expect(() => composeSoql({ select: [{ field: 'Id', alias: name }], from: 'Account' }), name).toThrow(/not a SOQL name/);
      expect(() => composeSoql({ select: [{ fn: 'SUM', field: name }], from: 'Account' }), name).toThrow(/not a SOQL name/);
      expect(() => composeSoql({ select: ['Id'], from: 'Account', where: { field: name, operator: '=', value: { null: true } } }), name).toThrow(/not a SOQL name/);
      expect(() => composeSoql({ select: ['Id'], from: 'Account', groupBy: [name] }), name).toThrow(/not a SOQL name/);
      expect(() => composeSoql({ select: ['Id'], from: 'Account', orderBy: [{ field: name, order: 'ASC' }] }), name).toThrow(/not a SOQL name/);
    }
  });

  it('refuses values not of their type, empty groups, an empty SELECT and a bad LIMIT', () => {
    const where = (value: SoqlValue): SoqlQuery => ({ select: ['Id'], from: 'Account', where: { field: 'CreatedDate', operator: '=', value } });
    expect(() => composeSoql(where({ number: 1e21 }))).toThrow(/not a plain number/);
    expect(() => composeSoql(where({ number: Number.NaN }))).toThrow(/not a plain number/);
    expect(() => composeSoql(where({ date: "2026-01-01' OR Id != '" }))).toThrow(/not a date/);
    expect(() => composeSoql(where({ datetime: '2026-01-01' }))).toThrow(/not a datetime/);
    expect(() => composeSoql(where({ dateLiteral: 'TODAY OR Id != NULL' }))).toThrow(/not a date literal/);
    expect(() => composeSoql(where({ text: 'bell\u0007' }))).toThrow(/cannot search/);
    expect(() => composeSoql({ select: ['Id'], from: 'Account', where: { and: [] } })).toThrow(/needs a condition/);
    expect(() => composeSoql({ select: [], from: 'Account' })).toThrow(/at least one field/);
    for (const limit of [0, -1, 1.5]) expect(() => composeSoql({ select: ['Id'], from: 'Account', limit })).toThrow(/bad limit/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Any tree, read back by a full parser

const FIELDS = ['Name', 'Industry', 'Owner.Name', 'Account.Owner.Manager.Name', 'Custom__c', 'Rel__r.Field__c'];
const text = fc.string({ unit: fc.oneof(fc.constantFrom("'", '"', '\\', '\n', '\r', '\t', '%', '_', '(', ')', ' OR ', '\u00e9'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 30 }).filter(isSoqlWritable);

const value: fc.Arbitrary<SoqlValue> = fc.oneof(
  text.map((t) => ({ text: t })),
  text.map((t) => ({ contains: t })),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ number: n })),
  // Decimals as money and percentages hold them (a double near zero is written with an exponent, which is refused).
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 4 })).map(([n, places]) => ({ number: n / 10 ** places })),
  fc.boolean().map((b) => ({ boolean: b })),
  fc.constantFrom({ date: '2026-03-31' }, { datetime: '2026-03-31T10:00:00Z' }, { dateLiteral: 'THIS_QUARTER' }, { dateLiteral: 'NEXT_N_DAYS:7' }, { null: true as const }),
);

const condition: fc.Arbitrary<SoqlCondition> = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), operator: fc.constantFrom('=' as const, '!=' as const, '<' as const, '>=' as const), value }),
  fc.record({ field: fc.constantFrom(...FIELDS), operator: fc.constantFrom('IN' as const, 'NOT IN' as const), value: fc.array(text.map((t) => ({ text: t })), { minLength: 1, maxLength: 3 }) }),
);

const { tree } = fc.letrec<{ tree: SoqlWhere }>((self) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.array(self('tree'), { minLength: 1, maxLength: 3 }).map((parts) => ({ and: parts })),
    fc.array(self('tree'), { minLength: 1, maxLength: 3 }).map((parts) => ({ or: parts })),
  ),
}));

function conditionsOf(where: SoqlWhere): SoqlCondition[] {
  if ('field' in where) return [where];
  return ('and' in where ? where.and : where.or).flatMap(conditionsOf);
}

function parsedConditions(where: WhereClause | undefined): Condition[] {
  const out: Condition[] = [];
  for (let clause = where; clause; clause = 'right' in clause ? clause.right : undefined) out.push(clause.left as Condition);
  return out;
}

/** What the org reads from a written value, to compare with what was given. */
function readBack(written: string, given: SoqlValue): unknown {
  if ('text' in given) return unquote(written) === given.text;
  if ('contains' in given) return likeMatcher(written)(`x${given.contains}y`);
  if ('number' in given) return Number(written) === given.number;
  if ('boolean' in given) return written === (given.boolean ? 'TRUE' : 'FALSE');
  if ('null' in given) return written === 'NULL';
  return written === Object.values(given)[0];
}

describe('composeSoql, any tree', () => {
  it('is read back by a full SOQL parser as written: same conditions and values in order, same grouping', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 2000 }), (where, limit) => {
        const soql = composeSoql({ select: ['Id', 'Owner.Name'], from: 'Account', where, limit });
        const parsed = parseQuery(soql);
        // The parser's own composer, given what it read, writes the same text: the grouping it read is the one written.
        expect(composeQuery(parsed)).toBe(soql);
        expect(parsed.limit).toBe(limit);
        const given = conditionsOf(where);
        const read = parsedConditions(parsed.where);
        expect(read).toHaveLength(given.length);
        read.forEach((condition, index) => {
          const wanted = given[index];
          if (!wanted || !('value' in condition) || !('field' in condition)) throw new Error(`condition ${index} not read back in ${soql}`);
          expect(condition.field).toBe(wanted.field);
          expect(condition.operator).toBe(wanted.operator);
          const values = Array.isArray(wanted.value) ? (wanted.value as readonly SoqlValue[]) : [wanted.value as SoqlValue];
          const written = [condition.value].flat();
          expect(written).toHaveLength(values.length);
          values.forEach((one, position) => expect(readBack(written[position] ?? '', one), `${written[position]} for ${JSON.stringify(one)}`).toBe(true));
        });
      }),
      { numRuns: 500 },
    );
  });
});
