import { beforeAll, describe, expect, it } from 'vitest';
import type { AskField } from '../../../lib/features/ask/describe';
import type { QueryPlan } from '../../../lib/features/ask/plan';
import { schemaText } from '../../../lib/features/ask/schema-text';
import { validatePlan } from '../../../lib/features/ask/validate';
import type { ValidateOptions } from '../../../lib/features/ask/valid-plan';
import { asDescribes, loadSandboxDescribes, plan, REGIONS_FIELD, withField, type DescribeMap, type SandboxDescribes } from './fixtures';

let sandbox: SandboxDescribes;
let full: DescribeMap;
beforeAll(async () => {
  sandbox = await loadSandboxDescribes();
  const mailing: AskField = { name: 'MailingAddress', label: 'Mailing Address', type: 'address', filterable: false };
  full = withField(withField(sandbox.full, 'Account', REGIONS_FIELD), 'Contact', mailing);
});

const ACCOUNT_IN_VIEW = { id: '001000000000001AAA', objectName: 'Account' };

function problemsOf(raw: unknown, options: Partial<ValidateOptions> = {}, map: DescribeMap = full): string[] {
  const result = validatePlan(raw, asDescribes(map), { maxLimit: 200, ...options });
  if (result.ok) throw new Error(`expected a refusal, got a valid plan: ${JSON.stringify(result.plan)}`);
  return result.problems;
}

const filterPlan = (object: string, ...filters: QueryPlan['filters']): QueryPlan => plan(object, { filters });

describe('plans refused for what they name', () => {
  it('refuses something that is not a plan at all, in words', () => {
    expect(problemsOf({ object: 'Account' })).toEqual([expect.stringMatching(/could not turn the question into a query.*Try asking/)]);
    expect(problemsOf(plan('Account', { limit: '10' as unknown as number }))[0]).toMatch(/could not turn the question/);
  });

  it('refuses an object that does not exist, or one the rep cannot see, or a name that is not a name', () => {
    expect(problemsOf(plan('Invoice__c'))).toEqual([expect.stringMatching(/can't search “Invoice__c” records.*Try asking about/)]);
    expect(problemsOf(plan('Competitor__c'), {}, sandbox.restricted)[0]).toMatch(/can't search “Competitor__c”/);
    expect(problemsOf(plan('Account; DELETE'))[0]).toMatch(/can't search/);
  });

  it('refuses an object describe marks as not queryable', () => {
    const describe = full.get('account');
    if (!describe) throw new Error('no Account');
    const map: DescribeMap = new Map(full).set('account', { ...describe, queryable: false });
    expect(problemsOf(plan('Account'), {}, map)).toEqual(['Accounts can\'t be searched. Try asking about another kind of record.']);
  });

  it('refuses a field the restricted rep cannot read, without saying whether it exists', () => {
    const problems = problemsOf(plan('Account', { fields: ['Name', 'AnnualRevenue'] }), {}, sandbox.restricted);
    expect(problems).toEqual([expect.stringMatching(/^Account has no field “AnnualRevenue” that you can see \(it may not exist, or your access may not include it\)/)]);
    // The full user may.
    expect(validatePlan(plan('Account', { fields: ['AnnualRevenue'] }), asDescribes(full), { maxLimit: 200 }).ok).toBe(true);
  });

  it('suggests similar fields for an unknown one', () => {
    expect(problemsOf(plan('Opportunity', { fields: ['Stage'] }))[0]).toMatch(/no field “Stage”.*Did you mean Stage \(StageName\)/);
  });

  it('refuses unknown relationships, and explains the relationship name when the lookup field was used', () => {
    expect(problemsOf(plan('Contact', { fields: ['Employer.Name'] }))[0]).toMatch(/Contacts have no link to a “Employer” record/);
    expect(problemsOf(plan('Contact', { fields: ['AccountId.Name'] }))[0]).toMatch(/ask through “Account” rather than “AccountId”/);
  });

  it('refuses paths deeper than three relationships, and text that is not a path', () => {
    expect(problemsOf(plan('Contact', { fields: ['Account.Owner.Manager.Profile.Name'] }))[0]).toMatch(/reaches too far/);
    expect(problemsOf(plan('Contact', { fields: ['Name FROM User --'] }))[0]).toMatch(/is not a field name/);
    expect(problemsOf(plan('Contact', { fields: ['Account..Name'] }))[0]).toMatch(/is not a field name/);
  });

  it('refuses a parent the rep cannot see', () => {
    const map: DescribeMap = new Map(full).set('user', null);
    expect(problemsOf(plan('Account', { fields: ['Owner.Name'] }), {}, map)[0]).toMatch(/don't have access to User records/);
  });

  it('refuses a path through a parent whose describe was never loaded', () => {
    const map: DescribeMap = new Map(full);
    map.delete('user');
    expect(problemsOf(plan('Account', { fields: ['Owner.Name'] }), {}, map)[0]).toMatch(/could not check “Owner.Name”/);
  });

  it('allows only Name, Type and Id behind a polymorphic lookup', () => {
    expect(problemsOf(plan('Task', { fields: ['What.Industry'] }))[0]).toMatch(/several kinds of record, so only its Name, Type or Id/);
  });

  it('refuses compound fields that cannot be shown in a table', () => {
    expect(problemsOf(plan('Contact', { fields: ['MailingAddress'] }))[0]).toMatch(/Mailing Address can't be shown in a table/);
  });

  it('refuses plans naming too much', () => {
    const many = Array.from({ length: 21 }, () => 'Name');
    expect(problemsOf(plan('Account', { fields: many }))[0]).toMatch(/too many fields \(21; at most 20\)/);
    const filters = Array.from({ length: 21 }, () => ({ field: 'Name', operator: '=' as const, value: 'x' }));
    expect(problemsOf(plan('Account', { filters }))[0]).toMatch(/too many conditions/);
  });

  it('reports every problem of a plan at once', () => {
    const problems = problemsOf(plan('Account', { fields: ['Nope', 'Nada'], filters: [{ field: 'Rating', operator: '=', value: 'Lukewarm' }] }));
    expect(problems).toHaveLength(3);
  });
});

describe('filters refused for their operator or value', () => {
  const cases: [string, QueryPlan['filters'][number], RegExp][] = [
    ['LIKE on a number', { field: 'AnnualRevenue', operator: 'LIKE', value: '5%' }, /Annual Revenue is a number field; it can't be asked whether it matches a pattern/],
    ['< on text', { field: 'Name', operator: '<', value: 'M' }, /Account Name is a text field; it can't be asked whether it is less than/],
    ['INCLUDES on a picklist', { field: 'Industry', operator: 'INCLUDES', value: ['Banking'] }, /Industry is a picklist; .*includes/],
    ['= on a multi-select with a value it lacks', { field: 'Regions__c', operator: 'INCLUDES', value: ['West;Central'] }, /Regions has no value “Central”/],
    ['> on a yes/no field', { field: 'IsDeleted', operator: '>', value: true }, /yes\/no field; it can't be asked whether it is more than/],
    ['a long text area', { field: 'Description', operator: '=', value: 'x' }, /Account Description can't be used to filter records/],
    ['a record id from the model', { field: 'OwnerId', operator: '=', value: '005000000000001AAA' }, /doesn't look records up by their id/],
    ['an id list from the model', { field: 'Id', operator: 'IN', value: ['001000000000001AAA'] }, /Name the record instead/],
    ['text for a number', { field: 'AnnualRevenue', operator: '>', value: 'a lot' }, /Annual Revenue is a number field, so “a lot” doesn't fit\. Try a number/],
    ['a number for text', { field: 'Name', operator: '=', value: 42 }, /Account Name is a text field, so 42 doesn't fit/],
    ['text for a yes/no field', { field: 'IsDeleted', operator: '=', value: 'yes' }, /Try true or false/],
    ['a fraction for a whole number', { field: 'NumberOfEmployees', operator: '>', value: 2.5 }, /whole numbers only, not 2.5/],
    ['a number beyond range', { field: 'AnnualRevenue', operator: '>', value: 1e300 }, /out of range/],
    ['a number too small to write plainly', { field: 'AnnualRevenue', operator: '>', value: 1e-9 }, /out of range/],
    ['a picklist value that does not exist', { field: 'Rating', operator: '=', value: 'Lukewarm' }, /Account Rating has no value “Lukewarm”. Its values are: Hot, Warm, Cold/],
    ['a date literal Salesforce does not know', { field: 'CreatedDate', operator: '=', value: 'LAST_FORTNIGHT' }, /“LAST_FORTNIGHT” is not a date Salesforce knows/],
    ['an n-literal without n', { field: 'CreatedDate', operator: '>=', value: 'LAST_N_DAYS' }, /LAST_N_DAYS needs a number, like LAST_N_DAYS:30/],
    ['an n-literal out of range', { field: 'CreatedDate', operator: '>=', value: 'LAST_N_DAYS:0' }, /takes a number from 1 to 1000/],
    ['a fixed literal with n', { field: 'CreatedDate', operator: '=', value: 'THIS_QUARTER:2' }, /THIS_QUARTER takes no number/],
    ['a date literal on a text field', { field: 'Name', operator: '=', value: 'THIS_QUARTER' }, null as unknown as RegExp],
    ['a date that is not on the calendar', { field: 'CreatedDate', operator: '<', value: '2026-02-30' }, /is not a date Salesforce knows/],
    ['a datetime on a date-only field', { field: 'LastActivityDate', operator: '<', value: '2026-02-03T10:00:00Z' }, /date without a time/],
    ['a date literal in a list', { field: 'CreatedDate', operator: 'IN', value: ['TODAY', 'YESTERDAY'] }, /can't be listed/],
    ['null with an operator other than = or !=', { field: 'AnnualRevenue', operator: '>', value: null }, /“Empty” can only be asked/],
    ['an empty list', { field: 'Industry', operator: 'IN', value: [] }, /list of values for Industry is empty/],
    ['too long a list', { field: 'Name', operator: 'IN', value: Array.from({ length: 101 }, (_, i) => `n${i}`) }, /101 values .* too many/],
    ['a list with =', { field: 'Name', operator: '=', value: ['a', 'b'] }, /needs “is one of”/],
    ['text too long', { field: 'Name', operator: '=', value: 'x'.repeat(1001) }, /too long/],
    ['a control character', { field: 'Name', operator: '=', value: 'a\u0000b' }, /characters that can't be searched for/],
  ];

  for (const [what, filter, expected] of cases) {
    if (expected === null) {
      it(`takes ${what} as plain text`, () => {
        expect(validatePlan(filterPlan('Account', filter), asDescribes(full), { maxLimit: 200 }).ok).toBe(true);
      });
      continue;
    }
    it(`refuses ${what}`, () => {
      expect(problemsOf(filterPlan('Account', filter))).toEqual([expect.stringMatching(expected)]);
    });
  }

  it('refuses LastActivityDate-style date literals only where they fit: a date literal on a date field is fine', () => {
    expect(validatePlan(filterPlan('Account', { field: 'LastActivityDate', operator: '>=', value: 'LAST_N_WEEKS:2' }), asDescribes(full), { maxLimit: 200 }).ok).toBe(true);
  });
});

describe('filter logic, scope, aggregates, order and limit refused', () => {
  const two: QueryPlan['filters'] = [
    { field: 'Rating', operator: '=', value: 'Hot' },
    { field: 'Industry', operator: '=', value: 'Banking' },
  ];

  it('refuses filter logic that points at missing filters, is empty, or leaves filters out', () => {
    expect(problemsOf(plan('Account', { filters: two, filterLogic: [[0, 2]] }))[0]).toMatch(/refers to conditions that are not there/);
    expect(problemsOf(plan('Account', { filters: two, filterLogic: [[0], []] }))[0]).toMatch(/refers to conditions that are not there/);
    expect(problemsOf(plan('Account', { filters: two, filterLogic: [[0.5, 1]] }))[0]).toMatch(/refers to conditions that are not there/);
    expect(problemsOf(plan('Account', { filters: two, filterLogic: [[1]] }))[0]).toMatch(/Some conditions of the question are not used/);
    const eleven = Array.from({ length: 11 }, () => [0, 1]);
    expect(problemsOf(plan('Account', { filters: two, filterLogic: eleven }))[0]).toMatch(/too many alternatives/);
  });

  it('refuses "this record" without a record in view, with a bad id, or through a field that does not point at it', () => {
    const scoped = plan('Contact', { scope: { relation: 'AccountId' } });
    expect(problemsOf(scoped)[0]).toMatch(/no record is open/);
    expect(problemsOf(scoped, { recordInView: { id: "001' OR Name != '", objectName: 'Account' } })[0]).toMatch(/could not be identified/);
    expect(problemsOf(plan('Contact', { scope: { relation: 'ReportsToId' } }), { recordInView: ACCOUNT_IN_VIEW })[0]).toMatch(
      /Contacts are not linked to the Account in view through Reports To/,
    );
    expect(problemsOf(plan('Contact', { scope: { relation: 'Id' } }), { recordInView: ACCOUNT_IN_VIEW })[0]).toMatch(/not linked/);
  });

  it('refuses aggregates that do not fit the field', () => {
    expect(problemsOf(plan('Opportunity', { aggregates: [{ function: 'SUM', field: 'Name' }] }))[0]).toMatch(/Name can't be used with SUM. Try a number field/);
    expect(problemsOf(plan('Opportunity', { aggregates: [{ function: 'AVG', field: null }] }))[0]).toMatch(/AVG needs a field/);
    expect(problemsOf(plan('Opportunity', { aggregates: [{ function: 'MAX', field: 'IsWon' }] }))[0]).toMatch(/Won can't be used with MAX/);
  });

  it('refuses grouping by a field describe says cannot be grouped, and showing fields that are not grouped', () => {
    expect(problemsOf(plan('Opportunity', { groupBy: ['Amount'], aggregates: [{ function: 'COUNT', field: null }] }))[0]).toMatch(
      /can't be grouped by Amount/,
    );
    expect(
      problemsOf(plan('Opportunity', { fields: ['Name'], groupBy: ['StageName'], aggregates: [{ function: 'COUNT', field: null }] }))[0],
    ).toMatch(/can't show Name unless they are grouped by it/);
  });

  it('refuses orders that do not fit', () => {
    expect(problemsOf(plan('Opportunity', { orderBy: [{ field: 'Amount', aggregate: 'SUM', direction: 'DESC' }] }))[0]).toMatch(
      /Sorting by a total only works when results are grouped/,
    );
    expect(problemsOf(plan('Account', { orderBy: [{ field: 'Description', aggregate: null, direction: 'ASC' }] }))[0]).toMatch(
      /can't be sorted by Account Description/,
    );
    expect(
      problemsOf(
        plan('Opportunity', {
          groupBy: ['StageName'],
          aggregates: [{ function: 'COUNT', field: null }],
          orderBy: [{ field: 'CloseDate', aggregate: null, direction: 'ASC' }],
        }),
      )[0],
    ).toMatch(/only be sorted by what they are grouped by or by a total/);
  });

  it('refuses a limit that is not a positive whole number', () => {
    for (const limit of [0, -5, 2.5]) expect(problemsOf(plan('Account', { limit }))[0]).toMatch(/is not a number of rows/);
  });

  it('throws on a maxLimit outside what SOQL allows (a programming error, not the rep\'s)', () => {
    expect(() => validatePlan(plan('Account'), asDescribes(full), { maxLimit: 0 })).toThrow(/maxLimit/);
    expect(() => validatePlan(plan('Account'), asDescribes(full), { maxLimit: 50_001 })).toThrow(/maxLimit/);
  });
});

describe('the schema text for the planning prompt', () => {
  it("shows the rep's readable fields with types, lookups and picklist values, and never a hidden field", () => {
    const account = sandbox.restricted.get('account');
    const opportunity = sandbox.full.get('opportunity');
    if (!account || !opportunity) throw new Error('missing describes');
    const text = schemaText(account);
    expect(text).toMatch(/^Account "Accounts"\n/);
    expect(text).toContain('- Rating "Account Rating" (picklist; values: Hot | Warm | Cold; groupable)');
    expect(text).toContain('- OwnerId "Owner ID" (reference; to User via Owner; groupable)');
    expect(text).not.toContain('AnnualRevenue');
    expect(schemaText(sandbox.full.get('account') ?? account)).toContain('AnnualRevenue');
    expect(schemaText(opportunity, { maxValues: 2 })).toMatch(/- StageName "Stage" \(picklist; values: Prospecting \| Qualification \| …; groupable\)/);
  });
});

describe('values SOQL cannot hold', () => {
  it('refuses a value with a Unicode line or paragraph separator, in words', () => {
    for (const separator of ['\u2028', '\u2029']) {
      const result = validatePlan(plan('Account', { filters: [{ field: 'Name', operator: '=', value: `Glo${separator}bex` }] }), asDescribes(full), {
        maxLimit: 200,
      });
      expect(result.ok ? [] : result.problems).toEqual([expect.stringContaining("can't be searched for")]);
    }
  });
});
