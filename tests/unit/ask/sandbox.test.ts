/**
 * Ask against the sandbox org over real HTTP through OrgClient, as the extension runs it: describes as
 * the rep, validation, compiled SOQL run as the rep, pages followed through nextRecordsUrl; results checked against
 * the org's seeded data.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describesForPlan, isStaleDescribeError, loadMore, prepareQuery, queryErrorMessage, runQuery, validatePlan, type QueryApi } from '../../../lib/features/ask';
import type { DescribeSource } from '../../../lib/features/ask/describe';
import type { QueryPlan } from '../../../lib/features/ask/plan';
import type { ValidateOptions } from '../../../lib/features/ask/valid-plan';
import type { StoredRecord } from '../../sandbox/salesforce/model';
import { ACME } from '../../sandbox/salesforce/seed';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';
import { plan } from './fixtures';

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => sandbox.org.sf.reset());

type Api = QueryApi & DescribeSource;

/** The rep's OrgClient: query, queryMore and describeAll as the extension calls them. */
function apiAs(sid: string): Api {
  return sandbox.client(sid);
}

async function ask(api: Api, raw: QueryPlan, options: Partial<ValidateOptions> = {}) {
  const describes = await describesForPlan(api, raw);
  const result = validatePlan(raw, describes, { maxLimit: 200, ...options });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const prepared = prepareQuery(result.plan);
  return { prepared, page: await runQuery(api, prepared) };
}

const records = (objectName: string): StoredRecord[] => [...(sandbox.org.sf.org('acme').seed.db.records.get(objectName)?.values() ?? [])];
const queriesSent = (): string[] => sandbox.apiRequests().filter((entry) => /\/query(\?|\/)/.test(entry.path)).map((entry) => entry.path);
const sorted = (ids: readonly (string | undefined)[]): string[] => ids.map(String).sort();

/** The org's clock (START, 2026-11-21) is in Q4 2026. */
const THIS_QUARTER = { start: '2026-10-01', end: '2027-01-01' };

describe('Ask in the sandbox org', () => {
  it("answers \"which of this account's open deals close this quarter\" from live data, scoped by code", async () => {
    const { page, prepared } = await ask(
      apiAs(sandbox.org.sf.primary.sid),
      plan('Opportunity', {
        fields: ['Name', 'StageName', 'CloseDate', 'Amount'],
        filters: [
          { field: 'IsClosed', operator: '=', value: false },
          { field: 'CloseDate', operator: '=', value: 'THIS_QUARTER' },
        ],
        scope: { relation: 'AccountId' },
        orderBy: [{ field: 'CloseDate', aggregate: null, direction: 'ASC' }],
      }),
      { recordInView: { id: ACME.accounts.globex.id, objectName: 'Account' } },
    );
    const expected = records('Opportunity').filter(
      (o) => o.AccountId === ACME.accounts.globex.id && o.IsClosed === false && String(o.CloseDate) >= THIS_QUARTER.start && String(o.CloseDate) < THIS_QUARTER.end,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(page.rows.map((row) => row.link?.id))).toEqual(sorted(expected.map((o) => o.Id)));
    expect(page.rows.map((row) => row.link?.id)).toContain(ACME.opportunities.globexExpansion.id);
    expect(page.rows[0]?.link).toEqual({ id: expect.any(String), objectName: 'Opportunity' });
    expect(page.rows.map((row) => row.values.CloseDate)).toEqual([...page.rows.map((row) => row.values.CloseDate)].sort());
    expect(prepared.soql).toContain(`AccountId = '${ACME.accounts.globex.id}'`);
    expect(page.nextRecordsUrl).toBeNull();
  });

  it('filters through a parent (Account.Industry) and links each parent column to its record', async () => {
    const { page } = await ask(
      apiAs(sandbox.org.sf.primary.sid),
      plan('Contact', { fields: ['Name', 'Account.Name'], filters: [{ field: 'Account.Industry', operator: '=', value: 'banking' }] }),
    );
    const banks = new Set(records('Account').filter((a) => a.Industry === 'Banking').map((a) => a.Id));
    const expected = records('Contact').filter((c) => banks.has(String(c.AccountId)));
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(page.rows.map((row) => row.link?.id))).toEqual(sorted(expected.map((c) => c.Id)));
    for (const row of page.rows) {
      expect(row.values['Account.Name']).toBe('Wayne Financial');
      expect(row.links['Account.Name']).toEqual({ id: ACME.accounts.wayne.id, objectName: 'Account' });
    }
  });

  it('totals Amount by stage (SUM GROUP BY), matching the seed', async () => {
    const { page, prepared } = await ask(
      apiAs(sandbox.org.sf.primary.sid),
      plan('Opportunity', {
        aggregates: [{ function: 'SUM', field: 'Amount' }],
        groupBy: ['StageName'],
        orderBy: [{ field: 'Amount', aggregate: 'SUM', direction: 'DESC' }],
      }),
    );
    const totals = new Map<string, number>();
    for (const o of records('Opportunity')) totals.set(String(o.StageName), (totals.get(String(o.StageName)) ?? 0) + Number(o.Amount ?? 0));
    expect(prepared.aggregate).toBe(true);
    expect(prepared.columns.map((column) => column.key)).toEqual(['StageName', 'SUM(Amount)']);
    expect(new Map(page.rows.map((row) => [row.values.StageName, row.values['SUM(Amount)']]))).toEqual(totals);
    const amounts = page.rows.map((row) => Number(row.values['SUM(Amount)']));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(page.rows.every((row) => row.link === null)).toBe(true);
  });

  it('pages through 2,150 contacts of one account with nextRecordsUrl ("Load more")', async () => {
    const api = apiAs(sandbox.org.sf.primary.sid);
    const { page, prepared } = await ask(api, plan('Contact', { fields: ['LastName'], scope: { relation: 'AccountId' } }), {
      recordInView: { id: ACME.bulk.accountId, objectName: 'Account' },
      maxLimit: 5000,
    });
    expect(prepared.soql).toMatch(/ LIMIT 5000$/);
    expect(page.totalSize).toBe(ACME.bulk.contactCount);
    expect(page.rows).toHaveLength(2000);
    expect(page.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\//);
    const more = await loadMore(api, prepared, page.nextRecordsUrl ?? '');
    expect(more.rows).toHaveLength(ACME.bulk.contactCount - 2000);
    expect(more.nextRecordsUrl).toBeNull();
    const ids = new Set([...page.rows, ...more.rows].map((row) => row.link?.id));
    const expected = records('Contact').filter((c) => c.AccountId === ACME.bulk.accountId).map((c) => c.Id);
    expect(sorted([...ids])).toEqual(sorted(expected));
  });

  it('refuses, before any query runs, a plan naming a field the restricted rep cannot read', async () => {
    const raw = plan('Account', { fields: ['Name', 'AnnualRevenue'], filters: [{ field: 'AnnualRevenue', operator: '>', value: 100_000_000 }] });
    const restricted = apiAs(sandbox.org.sf.primary.restrictedSid);
    const describes = await describesForPlan(restricted, raw);
    const result = validatePlan(raw, describes, { maxLimit: 200 });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^Account has no field “AnnualRevenue” that you can see/)] });
    expect(sandbox.apiRequests().length).toBeGreaterThan(0); // the describe was read as the rep…
    expect(queriesSent()).toEqual([]); // …and no query was sent.

    // The same plan is fine for a rep who can read the field, and does query.
    const { page } = await ask(apiAs(sandbox.org.sf.primary.sid), raw);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(queriesSent()).toHaveLength(1);
  });

  it("explains Salesforce's own refusal in words and flags it as a stale describe", async () => {
    const restricted = apiAs(sandbox.org.sf.primary.restrictedSid);
    const error: unknown = await restricted.query('SELECT Id, AnnualRevenue FROM Account LIMIT 1').then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(isStaleDescribeError(error)).toBe(true);
    expect(queryErrorMessage(error)).toMatch(/isn't available to you/);
  });
});
