import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { describe, expect, it } from 'vitest';
import type { Describes, ObjectDescribe } from '../../../lib/salesforce/context/api';
import { flattenRow, selectFields } from '../../../lib/salesforce/context/fields';
import { countQuery, idEquals, inLastDays, selectQuery } from '../../../lib/salesforce/context/soql';

const field = (name: string, type = 'string', extra: Partial<ObjectDescribe['fields'][number]> = {}) => ({
  name,
  label: name,
  type,
  ...extra,
});

const describeOf = (name: string, fields: ObjectDescribe['fields']): ObjectDescribe => ({
  name,
  label: name,
  labelPlural: `${name}s`,
  fields,
  childRelationships: [],
});

const none: Describes = { get: () => undefined };

describe('context SOQL', () => {
  it('refuses anything but a record id where an id goes, so nothing else can reach a query', () => {
    expect(() => idEquals('Id', "001' OR Name != '")).toThrow('not a record id');
    expect(() => idEquals('Id', '001000000000009')).not.toThrow();
  });

  it('composes a bounded, ordered query and a COUNT() with the same filters', () => {
    const spec = {
      objectName: 'Task',
      fields: ['Id', 'What.Name'],
      filters: [idEquals('AccountId', '0012x0000000001AAA'), inLastDays('ActivityDate', 90)],
      orderBy: [{ field: 'ActivityDate', order: 'DESC' as const }],
      limit: 15,
    };
    const select = parseQuery(selectQuery(spec));
    const count = parseQuery(countQuery(spec));
    expect(select).toMatchObject({ sObject: 'Task', limit: 15 });
    expect(count.where).toEqual(select.where);
    expect(countQuery(spec)).toMatch(/^SELECT COUNT\(\) FROM Task WHERE AccountId = '0012x0000000001AAA' AND ActivityDate >= LAST_N_DAYS:90$/);
  });
});

describe('context fields', () => {
  const account = describeOf('Account', [field('Name', 'string', { nameField: true })]);
  const describes: Describes = { get: (name) => (name === 'Account' ? account : undefined) };
  const task = describeOf('Task', [
    field('Subject'),
    field('Id', 'id'),
    field('IsDeleted', 'boolean'),
    field('BillingAddress', 'address'),
    field('OwnerId', 'reference', { label: 'Assigned To ID', referenceTo: ['User'], relationshipName: 'Owner' }),
    field('WhatId', 'reference', { label: 'Related To ID', referenceTo: ['Account', 'Case'], relationshipName: 'What' }),
    field('AccountId', 'reference', { label: 'Account ID', referenceTo: ['Account'], relationshipName: 'Account' }),
    field('CampaignId', 'reference', { label: 'Campaign ID', referenceTo: ['Campaign'], relationshipName: 'Campaign' }),
    field('CreatedById', 'reference', { label: 'Created By ID', referenceTo: ['User'], relationshipName: 'CreatedBy' }),
  ]);

  it('selects Id first, skips compound fields, and names parents it can name', () => {
    const paths = selectFields(task, describes, 'root').map((selected) => selected.path);
    expect(paths[0]).toBe('Id');
    expect(paths).not.toContain('BillingAddress');
    expect(paths).toEqual(expect.arrayContaining(['Owner.Name', 'What.Name', 'Account.Name', 'CreatedBy.Name']));
    // Campaign is not described (the rep may not read it): its name is not risked in the query.
    expect(paths).not.toContain('Campaign.Name');
  });

  it('leaves bookkeeping out of related-list rows', () => {
    const paths = selectFields(task, none, 'list').map((selected) => selected.path);
    expect(paths).not.toContain('IsDeleted');
    expect(paths).not.toContain('CreatedById');
    expect(paths).not.toContain('CreatedBy.Name');
    expect(paths).toContain('Owner.Name');
  });

  it('labels a parent name by its lookup', () => {
    const meta = Object.fromEntries(selectFields(task, describes, 'root').map((selected) => [selected.path, selected.meta.label]));
    expect(meta).toMatchObject({ 'Owner.Name': 'Assigned To', 'What.Name': 'Related To', 'Account.Name': 'Account' });
  });

  it('flattens parents to dotted paths, null under an empty parent, and drops nested attributes', () => {
    const row = {
      attributes: { type: 'Task', url: '/x' },
      Id: '00T2x0000000001AAA',
      Subject: 'Call',
      Owner: { attributes: { type: 'User' }, Name: 'Alex Rivera' },
      What: null,
    };
    expect(flattenRow(row, ['Id', 'Subject', 'Owner.Name', 'What.Name'])).toEqual({
      Id: '00T2x0000000001AAA',
      Subject: 'Call',
      'Owner.Name': 'Alex Rivera',
      'What.Name': null,
    });
  });
});
