import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePlan } from '../../../lib/features/ask/compile';
import type { QueryPlan } from '../../../lib/features/ask/plan';
import { validatePlan } from '../../../lib/features/ask/validate';
import type { ValidPlan } from '../../../lib/features/ask/valid-plan';
import { asDescribes, loadSandboxDescribes, plan, REGIONS_FIELD, withField, type SandboxDescribes } from './fixtures';

let sandbox: SandboxDescribes;
beforeAll(async () => {
  sandbox = await loadSandboxDescribes();
});

const ACCOUNT_ID = '001000000000001AAA';

function valid(raw: QueryPlan, options: { maxLimit?: number; inView?: { id: string; objectName: string } } = {}): ValidPlan {
  const describes = asDescribes(withField(sandbox.full, 'Account', REGIONS_FIELD));
  const result = validatePlan(raw, describes, { maxLimit: options.maxLimit ?? 200, recordInView: options.inView ?? null });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.plan;
}

const soqlOf = (raw: QueryPlan, options?: Parameters<typeof valid>[1]): string => compilePlan(valid(raw, options));

describe('compiling a plan to SOQL', () => {
  it("scopes to the record in view by code, not by the model: this account's open deals closing this quarter", () => {
    const soql = soqlOf(
      plan('Opportunity', {
        fields: ['Name', 'stagename', 'Amount', 'CloseDate'],
        filters: [
          { field: 'IsClosed', operator: '=', value: false },
          { field: 'CloseDate', operator: '=', value: 'this_quarter' },
        ],
        scope: { relation: 'AccountId' },
        orderBy: [{ field: 'CloseDate', aggregate: null, direction: 'ASC' }],
      }),
      { inView: { id: ACCOUNT_ID, objectName: 'Account' } },
    );
    expect(soql).toBe(
      'SELECT Id, Name, StageName, Amount, CloseDate FROM Opportunity ' +
        `WHERE AccountId = '${ACCOUNT_ID}' AND IsClosed = FALSE AND CloseDate = THIS_QUARTER ` +
        'ORDER BY CloseDate ASC NULLS LAST LIMIT 200',
    );
  });

  it('filters and shows parent fields through relationship paths, in describe spelling', () => {
    const soql = soqlOf(
      plan('contact', {
        fields: ['Name', 'account.name', 'Account.Owner.Name'],
        filters: [{ field: 'Account.Industry', operator: 'IN', value: ['Banking', 'healthcare'] }],
        limit: 25,
      }),
    );
    expect(soql).toBe(
      "SELECT Id, Name, Account.Name, Account.Owner.Name FROM Contact WHERE Account.Industry IN ('Banking', 'Healthcare') LIMIT 25",
    );
  });

  it('groups and totals, ordering by the total, with aliases from checked names', () => {
    const soql = soqlOf(
      plan('Opportunity', {
        fields: ['StageName'],
        aggregates: [
          { function: 'SUM', field: 'Amount' },
          { function: 'COUNT', field: null },
        ],
        groupBy: ['StageName'],
        orderBy: [{ field: 'Amount', aggregate: 'SUM', direction: 'DESC' }],
      }),
    );
    expect(soql).toBe(
      'SELECT StageName, SUM(Amount) sumAmount, COUNT(Id) countId FROM Opportunity GROUP BY StageName ' +
        'ORDER BY SUM(Amount) DESC NULLS LAST LIMIT 200',
    );
  });

  it('aliases a grouped parent field, whose own name could clash with another column', () => {
    const soql = soqlOf(
      plan('Opportunity', {
        aggregates: [{ function: 'AVG', field: 'Amount' }],
        groupBy: ['Account.Industry'],
        filters: [{ field: 'CreatedDate', operator: '>=', value: 'LAST_N_DAYS:30' }],
      }),
    );
    expect(soql).toBe(
      'SELECT Account.Industry AccountIndustry, AVG(Amount) avgAmount FROM Opportunity ' +
        'WHERE CreatedDate >= LAST_N_DAYS:30 GROUP BY Account.Industry LIMIT 200',
    );
  });

  it('combines filter groups with OR inside parentheses, after the scope', () => {
    const soql = soqlOf(
      plan('Case', {
        fields: ['Subject'],
        filters: [
          { field: 'Priority', operator: '=', value: 'High' },
          { field: 'Status', operator: '!=', value: 'Closed' },
          { field: 'Origin', operator: '=', value: 'Web' },
        ],
        filterLogic: [[0, 1], [2]],
        scope: { relation: 'AccountId' },
      }),
      { inView: { id: ACCOUNT_ID, objectName: 'Account' } },
    );
    expect(soql).toBe(
      `SELECT Id, Subject FROM Case WHERE AccountId = '${ACCOUNT_ID}' AND ((Priority = 'High' AND Status != 'Closed') OR (Origin = 'Web')) LIMIT 200`,
    );
  });

  it('escapes quotes and backslashes in values, keeps LIKE wildcards, and writes nulls, numbers, dates and datetimes', () => {
    const soql = soqlOf(
      plan('Account', {
        fields: ['Name'],
        filters: [
          { field: 'Name', operator: 'LIKE', value: "O'Brien\\%_ 50\\%%" },
          { field: 'Website', operator: '=', value: null },
          { field: 'AnnualRevenue', operator: '>', value: 1500000.5 },
          { field: 'NumberOfEmployees', operator: 'NOT IN', value: [0, -3] },
          { field: 'CreatedDate', operator: '<', value: '2026-03-01' },
          { field: 'LastModifiedDate', operator: '>=', value: '2026-03-01T08:30:00+02:00' },
          { field: 'Phone', operator: '!=', value: "line1\nline2\\" },
        ],
      }),
    );
    expect(soql).toBe(
      "SELECT Id, Name FROM Account WHERE Name LIKE 'O\\'Brien\\%_ 50\\%%' AND Website = NULL AND AnnualRevenue > 1500000.5 " +
        'AND NumberOfEmployees NOT IN (0, -3) AND CreatedDate < 2026-03-01T00:00:00Z AND LastModifiedDate >= 2026-03-01T08:30:00+02:00 ' +
        "AND Phone != 'line1\\nline2\\\\' LIMIT 200",
    );
  });

  it('writes multi-select picklist filters with INCLUDES, each value checked and in describe spelling', () => {
    const soql = soqlOf(
      plan('Account', {
        fields: ['Name'],
        filters: [{ field: 'Regions__c', operator: 'INCLUDES', value: ['west;EAST', 'North'] }],
      }),
    );
    expect(soql).toBe("SELECT Id, Name FROM Account WHERE Regions__c INCLUDES ('West;East', 'North') LIMIT 200");
  });

  it('shows the name field when the plan names no fields, and follows a polymorphic lookup to its Name', () => {
    expect(soqlOf(plan('Account'))).toBe('SELECT Id, Name FROM Account LIMIT 200');
    expect(soqlOf(plan('Task', { fields: ['What.Name'], filters: [{ field: 'What.Type', operator: '=', value: 'Opportunity' }] }))).toBe(
      "SELECT Id, What.Name FROM Task WHERE What.Type = 'Opportunity' LIMIT 200",
    );
  });

  it('caps the limit at maxLimit and says so; keeps a smaller one', () => {
    const capped = valid(plan('Contact', { limit: 1_000_000 }), { maxLimit: 500 });
    expect(compilePlan(capped)).toMatch(/ LIMIT 500$/);
    expect(capped.notes).toEqual(['Showing at most 500 rows (the question asked for 1,000,000).']);
    expect(compilePlan(valid(plan('Contact', { limit: 7 })))).toMatch(/ LIMIT 7$/);
  });

  it('produces SOQL that parses back to the same tree', () => {
    const soql = soqlOf(
      plan('Opportunity', {
        fields: ['Name', 'Account.Name'],
        filters: [
          { field: 'Amount', operator: '>=', value: 100000 },
          { field: 'CloseDate', operator: '<', value: 'NEXT_N_MONTHS:2' },
        ],
      }),
    );
    expect(parseQuery(soql)).toMatchObject({
      sObject: 'Opportunity',
      limit: 200,
      where: {
        left: { field: 'Amount', operator: '>=', value: '100000' },
        right: { left: { field: 'CloseDate', literalType: 'DATE_N_LITERAL', value: 'NEXT_N_MONTHS:2', dateLiteralVariable: 2 } },
      },
    });
  });
});
