import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME, BULK_CONTACT_COUNT } from '../../sandbox/salesforce/seed';
import { V, q, startOrg, type OrgUnderTest } from './salesforce-client';

type Batch = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: { Id: string }[] };
type ErrorList = { message: string; errorCode: string }[];

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => org.sf.reset());

const contactCount = async (): Promise<number> =>
  (await org.send('GET', q('SELECT COUNT() FROM Contact'))).json<Batch>().totalSize;

describe('query pagination', () => {
  it('returns at most 2,000 records with done false and a nextRecordsUrl', async () => {
    const total = await contactCount();
    expect(total).toBeGreaterThan(BULK_CONTACT_COUNT);
    const first = (await org.send('GET', q('SELECT Id FROM Contact'))).json<Batch>();
    expect(first.totalSize).toBe(total);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]{15}-2000$/);
  });

  it('serves the rest through nextRecordsUrl without repeating a record', async () => {
    const first = (await org.send('GET', q('SELECT Id FROM Contact'))).json<Batch>();
    const second = (await org.send('GET', first.nextRecordsUrl ?? '')).json<Batch>();
    expect(second.done).toBe(true);
    expect(second.nextRecordsUrl).toBeUndefined();
    const ids = [...first.records, ...second.records].map((r) => r.Id);
    expect(ids).toHaveLength(first.totalSize);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('honours Sforce-Query-Options batchSize', async () => {
    const headers = { 'sforce-query-options': 'batchSize=500' };
    const first = (await org.send('GET', q('SELECT Id FROM Contact'), { headers })).json<Batch>();
    expect(first.records).toHaveLength(500);
    expect(first.nextRecordsUrl).toMatch(/-500$/);
    const second = (await org.send('GET', first.nextRecordsUrl ?? '')).json<Batch>();
    expect(second.records).toHaveLength(500);
    expect(second.nextRecordsUrl).toMatch(/-1000$/);
  });

  it('raises a batchSize below 200 to 200', async () => {
    const reply = await org.send('GET', q('SELECT Id FROM Contact'), { headers: { 'sforce-query-options': 'batchSize=10' } });
    expect(reply.json<Batch>().records).toHaveLength(200);
  });

  it('answers a small query in one batch with done true', async () => {
    const body = (await org.send('GET', q('SELECT Id, Name FROM Account'))).json<Batch>();
    expect(body.done).toBe(true);
    expect(body).not.toHaveProperty('nextRecordsUrl');
    expect(body.records.length).toBe(body.totalSize);
  });

  it('answers an unknown query locator with 400 INVALID_QUERY_LOCATOR', async () => {
    const reply = await org.send('GET', `${V}/query/01g000000000000AAA-2000`);
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('refuses another user\'s query locator', async () => {
    const first = (await org.send('GET', q('SELECT Id FROM Contact'))).json<Batch>();
    const reply = await org.send('GET', first.nextRecordsUrl ?? '', { sid: org.sf.primary.restrictedSid });
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('answers a missing q with MALFORMED_QUERY', async () => {
    const reply = await org.send('GET', `${V}/query`);
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('MALFORMED_QUERY');
  });

  it('passes SOQL errors through with their status and code', async () => {
    const reply = await org.send('GET', q('SELECT Bogus FROM Account'));
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_FIELD');
  });

  it('runs queries as the user: the restricted user sees fewer accounts', async () => {
    const all = (await org.send('GET', q('SELECT Id FROM Account'))).json<Batch>().totalSize;
    const some = (await org.send('GET', q('SELECT Id FROM Account'), { sid: org.sf.primary.restrictedSid })).json<Batch>().totalSize;
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
  });

  it('includes deleted records in queryAll but not in query', async () => {
    await org.send('DELETE', `${V}/sobjects/Contact/${ACME.contacts.rosa.id}`);
    const soql = `SELECT Id, IsDeleted FROM Contact WHERE Id = '${ACME.contacts.rosa.id}'`;
    expect((await org.send('GET', q(soql))).json<Batch>().totalSize).toBe(0);
    const all = (await org.send('GET', `${V}/queryAll?q=${encodeURIComponent(soql)}`)).json<Batch & { records: { IsDeleted: boolean }[] }>();
    expect(all.totalSize).toBe(1);
    expect(all.records[0]?.IsDeleted).toBe(true);
  });

  it('sees created records in later queries', async () => {
    const before = await contactCount();
    await org.send('POST', `${V}/sobjects/Contact`, { body: { LastName: 'Newcomer' } });
    expect(await contactCount()).toBe(before + 1);
  });
});
