import { describe, expect, it } from 'vitest';
import type { DescribeSource } from '../../../lib/features/ask/describe';
import { describesForPlan } from '../../../lib/features/ask/load';
import { flattenRecord, isNextRecordsUrl, loadMore, queryErrorMessage, runQuery, type QueryApi } from '../../../lib/features/ask/run';
import type { PreparedQuery } from '../../../lib/features/ask/results';
import { plan } from './fixtures';

const prepared: PreparedQuery = {
  soql: 'SELECT Id, Name, Account.Name, Account.Owner.Name FROM Contact LIMIT 200',
  objectName: 'Contact',
  objectLabel: 'Contact',
  aggregate: false,
  columns: [
    { key: 'Id', label: 'Contact ID', type: 'id', resultPath: ['Id'] },
    { key: 'Name', label: 'Full Name', type: 'string', resultPath: ['Name'] },
    { key: 'Account.Name', label: 'Account › Account Name', type: 'string', resultPath: ['Account', 'Name'] },
    { key: 'Account.Owner.Name', label: 'Account › Owner › Full Name', type: 'string', resultPath: ['Account', 'Owner', 'Name'] },
  ],
  notes: [],
};

const row = {
  attributes: { type: 'Contact', url: '/services/data/v62.0/sobjects/Contact/003000000000001AAA' },
  Id: '003000000000001AAA',
  Name: 'Rosa Diaz',
  Account: {
    attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001000000000001AAA' },
    Name: 'Globex',
    Owner: { attributes: { type: 'User', url: '/services/data/v62.0/sobjects/User/005000000000001AAA' }, Name: 'Alex Rivera' },
  },
};

describe('result rows', () => {
  it('flatten dotted parent paths, with the row link and a link per parent column', () => {
    expect(flattenRecord(row, prepared.columns)).toEqual({
      link: { id: '003000000000001AAA', objectName: 'Contact' },
      values: { Id: '003000000000001AAA', Name: 'Rosa Diaz', 'Account.Name': 'Globex', 'Account.Owner.Name': 'Alex Rivera' },
      links: {
        'Account.Name': { id: '001000000000001AAA', objectName: 'Account' },
        'Account.Owner.Name': { id: '005000000000001AAA', objectName: 'User' },
      },
    });
  });

  it('give null for an empty parent, and no link for an aggregate row', () => {
    expect(flattenRecord({ ...row, Account: null }, prepared.columns).values['Account.Owner.Name']).toBeNull();
    const aggregate = flattenRecord({ attributes: { type: 'AggregateResult' }, StageName: 'Prospecting', sumAmount: 5 }, [
      { key: 'StageName', label: 'Stage', type: 'picklist', resultPath: ['StageName'] },
      { key: 'SUM(Amount)', label: 'Total Amount', type: 'currency', resultPath: ['sumAmount'] },
    ]);
    expect(aggregate).toEqual({ link: null, values: { StageName: 'Prospecting', 'SUM(Amount)': 5 }, links: {} });
  });
});

describe('running and paging', () => {
  const calls: string[] = [];
  const api: QueryApi = {
    query: async (soql) => {
      calls.push(soql);
      return { totalSize: 3, done: false, nextRecordsUrl: '/services/data/v62.0/query/01gxx0000000001-2000', records: [row] };
    },
    queryMore: async (url) => {
      calls.push(url);
      return { totalSize: 3, done: true, records: [row, row] };
    },
  };

  it('runs exactly the prepared SOQL and follows Salesforce cursors only', async () => {
    const first = await runQuery(api, prepared);
    expect(calls).toEqual([prepared.soql]);
    expect(first).toMatchObject({ totalSize: 3, nextRecordsUrl: '/services/data/v62.0/query/01gxx0000000001-2000' });
    const second = await loadMore(api, prepared, first.nextRecordsUrl ?? '');
    expect(second.rows).toHaveLength(2);
    expect(second.nextRecordsUrl).toBeNull();
    await expect(loadMore(api, prepared, 'https://evil.example/steal')).rejects.toThrow(/not a query cursor/);
    await expect(loadMore(api, prepared, '/services/data/v62.0/sobjects/User/005')).rejects.toThrow(/not a query cursor/);
    expect(calls).toHaveLength(2);
  });

  it('recognises cursor paths', () => {
    expect(isNextRecordsUrl('/services/data/v62.0/query/01gD0000002HU6KIAW-2000')).toBe(true);
    expect(isNextRecordsUrl('/services/data/v62.0/query/01g?q=x')).toBe(false);
  });
});

describe("Salesforce's refusals in words", () => {
  it('names the common query errors, and falls back to the general Salesforce problems', () => {
    expect(queryErrorMessage({ errorCode: 'MALFORMED_QUERY', message: 'unexpected token' })).toMatch(/couldn't read this query/);
    expect(queryErrorMessage({ errorCode: 'INVALID_QUERY_LOCATOR', message: 'x' })).toMatch(/expired. Ask the question again/);
    expect(queryErrorMessage({ errorCode: 'QUERY_TIMEOUT', message: 'x' })).toMatch(/narrower question/);
    expect(queryErrorMessage({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'x' })).toMatch(/used up today's Salesforce API requests/);
    expect(queryErrorMessage(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
  });
});

describe('loading the describes a plan needs', () => {
  it('walks parents a level at a time and never asks for a name that is not one', async () => {
    const asked: string[][] = [];
    const describe = (name: string, fields: object[]) => ({ name, label: name, labelPlural: `${name}s`, fields });
    const known: Record<string, unknown> = {
      contact: describe('Contact', [
        { name: 'Id', label: 'Id', type: 'id' },
        { name: 'AccountId', label: 'Account ID', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
      ]),
      account: describe('Account', [
        { name: 'Name', label: 'Name', type: 'string' },
        { name: 'OwnerId', label: 'Owner ID', type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' },
      ]),
      user: describe('User', [{ name: 'Name', label: 'Name', type: 'string' }]),
    };
    const source: DescribeSource = {
      describeAll: async (names) => {
        asked.push([...names]);
        return { get: (name) => known[name.toLowerCase()] ?? null };
      },
    };
    const describes = await describesForPlan(source, plan('Contact', { fields: ['Account.Owner.Name', "Name' OR"], groupBy: ['Account.Name'] }));
    expect(asked).toEqual([['Contact'], ['Account'], ['User']]);
    expect(describes.get('user')?.name).toBe('User');
    asked.length = 0;
    await describesForPlan(source, plan('Contact WHERE Id != null'));
    await describesForPlan(source, { not: 'a plan' });
    expect(asked).toEqual([]);
  });
});
