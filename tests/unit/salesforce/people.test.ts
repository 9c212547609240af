import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subrequest, Subresponse } from '../../../lib/salesforce/context/api';
import { findPersonByEmail } from '../../../lib/salesforce/people';
import { ACME } from '../../sandbox/salesforce/seed';
import { LIGHTNING_HOST, startOrg, V, type OrgUnderTest } from '../sandbox/salesforce-client';

let org: OrgUnderTest;
let composites: number;

/** The sandbox org's /composite, as the client sends it: every subrequest a GET, allOrNone false. */
const api = {
  apiVersion: '62.0',
  async composite(subrequests: readonly Subrequest[]): Promise<Map<string, Subresponse>> {
    composites += 1;
    const body = { allOrNone: false, compositeRequest: subrequests.map(({ referenceId, url }) => ({ method: 'GET', url, referenceId })) };
    const reply = (await org.send('POST', `${V}/composite`, { body })).json<{ compositeResponse: Subresponse[] }>();
    return new Map(reply.compositeResponse.map((response) => [response.referenceId, response]));
  },
};

async function rows(soql: string): Promise<Record<string, unknown>[]> {
  return (await org.send('GET', `${V}/query?q=${encodeURIComponent(soql)}`)).json<{ records: Record<string, unknown>[] }>().records;
}

const money = (amount: number): string => `$${amount.toLocaleString('en-US')}`;

beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});

describe('finding a Gmail sender in the org', () => {
  it('reads a contact, its account, the account’s open opportunities (soonest close first) and its open cases in one composite request', async () => {
    const [dana] = await rows(`SELECT Email FROM Contact WHERE Id = '${ACME.contacts.dana.id}'`);
    const umbrella = ACME.accounts.umbrella.id;
    const openDeals = await rows(`SELECT Id, Amount FROM Opportunity WHERE AccountId = '${umbrella}' AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST`);
    const openCases = await rows(`SELECT Id FROM Case WHERE AccountId = '${umbrella}' AND IsClosed = false ORDER BY CreatedDate DESC NULLS LAST`);
    composites = 0;
    const found = await findPersonByEmail(api, String(dana?.Email), LIGHTNING_HOST, money);
    expect(composites).toBe(1);
    expect(found).toMatchObject({ objectName: 'Contact', recordId: ACME.contacts.dana.id, accountProblem: null });
    expect(found?.account?.id).toBe(umbrella);
    expect(found?.account?.url).toBe(`https://${LIGHTNING_HOST}/lightning/r/Account/${umbrella}/view`);
    expect(found?.account?.opportunities.map((deal) => deal.id)).toEqual(openDeals.slice(0, 5).map((deal) => deal.Id));
    expect(found?.account?.opportunities[0]?.amount).toBe(money(Number(openDeals[0]?.Amount)));
    expect(found?.account?.cases.map((item) => item.id)).toEqual(openCases.slice(0, 5).map((item) => item.Id));
    expect(found?.account?.moreOpportunities).toBe(openDeals.length > 5);
  });

  it('reads no account for a lead, nor without being asked (logging an email needs only the person)', async () => {
    const [lead] = await rows('SELECT Email FROM Lead WHERE IsConverted = false AND Email != null LIMIT 1');
    expect(await findPersonByEmail(api, String(lead?.Email), LIGHTNING_HOST, money)).toMatchObject({ objectName: 'Lead', account: null });
    const [dana] = await rows(`SELECT Email FROM Contact WHERE Id = '${ACME.contacts.dana.id}'`);
    expect(await findPersonByEmail(api, String(dana?.Email), LIGHTNING_HOST)).toMatchObject({ objectName: 'Contact', account: null });
  });

  it('finds nobody for an address no contact or lead has, and an address with a quote cannot change the query', async () => {
    expect(await findPersonByEmail(api, "nobody' OR Email != '@example.com", LIGHTNING_HOST, money)).toBeNull();
  });
});
