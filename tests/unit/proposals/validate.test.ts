import { beforeAll, describe, expect, it } from 'vitest';
import {
  fieldOf,
  requiredFields,
  validateValue,
  writableField,
  type WriteDescribes,
  type WriteField,
  type WriteObjectDescribe,
} from '../../../lib/proposals';
import { sandboxDescribes } from './describes-fixture';

let describes: WriteDescribes;
beforeAll(async () => {
  describes = await sandboxDescribes();
});

const object = (name: string): WriteObjectDescribe => {
  const found = describes.get(name);
  if (!found) throw new Error(`no describe of ${name}`);
  return found;
};
const field = (objectName: string, name: string): WriteField => {
  const found = fieldOf(object(objectName), name);
  if (!found) throw new Error(`no field ${objectName}.${name}`);
  return found;
};
const value = (objectName: string, name: string, text: string, required = false) =>
  validateValue(field(objectName, name), text, required);
const code = (objectName: string, name: string, text: string, required = false): string | undefined => {
  const result = value(objectName, name, text, required);
  return result.ok ? undefined : result.problem.code;
};

describe('which fields a proposal may write', () => {
  it('refuses fields outside describe, ids and look-ups, and fields the rep cannot write', () => {
    const opportunity = object('Opportunity');
    expect(writableField(opportunity, 'Amount', 'update').ok).toBe(true);
    expect(writableField(opportunity, 'Secret_Discount__c', 'update')).toMatchObject({ ok: false, problem: { code: 'INVALID_FIELD' } });
    expect(writableField(opportunity, 'AccountId', 'update')).toMatchObject({ ok: false, problem: { code: 'ID_NOT_ALLOWED' } });
    expect(writableField(opportunity, 'OwnerId', 'update')).toMatchObject({ ok: false, problem: { code: 'ID_NOT_ALLOWED' } });
    expect(writableField(opportunity, 'ExpectedRevenue', 'update')).toMatchObject({
      ok: false,
      problem: { code: 'INVALID_FIELD_FOR_INSERT_UPDATE' },
    });
    expect(writableField(object('Lead'), 'IsConverted', 'update').ok).toBe(false);
  });

  it('knows the fields a create requires: Lead LastName and Company; Task Subject', () => {
    expect(requiredFields(object('Lead')).map((f) => f.name)).toEqual(['LastName', 'Company']);
    expect(requiredFields(object('Task')).map((f) => f.name)).toEqual(['Subject']);
    expect(requiredFields(object('Opportunity')).map((f) => f.name)).toEqual(['Name', 'StageName', 'CloseDate']);
  });
});

describe('validateValue', () => {
  it('checks text length as Salesforce does (STRING_TOO_LONG)', () => {
    expect(value('Task', 'Subject', 'x'.repeat(255))).toEqual({ ok: true, value: 'x'.repeat(255) });
    expect(code('Task', 'Subject', 'x'.repeat(256))).toBe('STRING_TOO_LONG');
  });

  it('checks email addresses and phone numbers', () => {
    expect(value('Contact', 'Email', ' tom@globex.example ')).toEqual({ ok: true, value: 'tom@globex.example' });
    expect(code('Contact', 'Email', 'tom at globex')).toBe('INVALID_EMAIL_ADDRESS');
    expect(code('Contact', 'Email', 'tom@globex')).toBe('INVALID_EMAIL_ADDRESS');
    expect(value('Contact', 'Phone', '+1 (415) 555-0134 ext. 12').ok).toBe(true);
    expect(code('Contact', 'Phone', 'call me')).toBe('INVALID_PHONE');
    expect(code('Contact', 'Phone', '555')).toBe('INVALID_PHONE');
  });

  it('coerces numbers, currency and percent, and refuses what is not one', () => {
    expect(value('Opportunity', 'Amount', '$480k')).toEqual({ ok: true, value: 480_000 });
    expect(value('Opportunity', 'Amount', '1,250,000.50')).toEqual({ ok: true, value: 1_250_000.5 });
    expect(value('Opportunity', 'Amount', '1.2M')).toEqual({ ok: true, value: 1_200_000 });
    expect(value('Opportunity', 'Probability', '30%')).toEqual({ ok: true, value: 30 });
    expect(code('Opportunity', 'Probability', '1000%')).toBe('NUMBER_OUTSIDE_VALID_RANGE');
    expect(code('Opportunity', 'Amount', 'about half a million')).toBe('INVALID_NUMBER');
    expect(code('Opportunity', 'Amount', '1,2,3')).toBe('INVALID_NUMBER');
    expect(value('Lead', 'NumberOfEmployees', '1,150')).toEqual({ ok: true, value: 1150 });
    expect(code('Lead', 'NumberOfEmployees', '12.5')).toBe('INVALID_NUMBER');
    expect(value('Opportunity', 'Amount', '10.456')).toMatchObject({ ok: true, value: 10.46, warning: expect.any(String) });
  });

  it('reads yes and no for checkboxes', () => {
    expect(value('Contact', 'DoNotCall', 'Yes')).toEqual({ ok: true, value: true });
    expect(value('Contact', 'DoNotCall', 'no')).toEqual({ ok: true, value: false });
    expect(code('Contact', 'DoNotCall', 'maybe')).toBe('INVALID_BOOLEAN');
  });

  it('takes only real calendar days and real times', () => {
    expect(value('Task', 'ActivityDate', '2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(code('Task', 'ActivityDate', '2026-02-30')).toBe('INVALID_DATE');
    expect(code('Task', 'ActivityDate', 'next Tuesday')).toBe('INVALID_DATE');
    expect(value('Task', 'ReminderDateTime', '2026-11-24T09:30:00-08:00')).toEqual({ ok: true, value: '2026-11-24T17:30:00.000+0000' });
    expect(value('Task', 'ReminderDateTime', '2026-11-24T09:30')).toMatchObject({ ok: true, warning: expect.any(String) });
    expect(code('Task', 'ReminderDateTime', '2026-11-24T25:30:00Z')).toBe('INVALID_DATETIME');
  });

  it('enforces restricted picklists, maps labels to values, and warns on values outside an open picklist', () => {
    expect(value('Opportunity', 'StageName', 'proposal/price quote')).toEqual({ ok: true, value: 'Proposal/Price Quote' });
    expect(code('Opportunity', 'StageName', 'Signed')).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(value('Opportunity', 'ForecastCategoryName', 'Commit')).toEqual({ ok: true, value: 'Commit' });
    expect(value('Lead', 'LeadSource', 'Web')).toEqual({ ok: true, value: 'Web' });
    expect(value('Lead', 'LeadSource', 'Conference booth')).toMatchObject({ ok: true, value: 'Conference booth', warning: expect.any(String) });
  });

  it('refuses an empty required value and lets an optional one be empty', () => {
    expect(code('Lead', 'Company', '  ', true)).toBe('REQUIRED_FIELD_MISSING');
    expect(value('Lead', 'Title', '')).toEqual({ ok: true, value: null });
  });
});
