/**
 * The labelled cases hold together with the sandbox org they are written against (seeded at the eval's clock): enough
 * of each kind, every record they name is in the org under that name, no question is answered by nothing unless that
 * is the point, no note is labelled with a value its record already holds, and a lead's values are in its text.
 */
import { describe, expect, it } from 'vitest';
import { LEAD_CASES } from '../../eval/cases/leads';
import { NOTE_CASES } from '../../eval/cases/notes';
import { QUESTION_CASES } from '../../eval/cases/questions';
import { RECORD_CASES } from '../../eval/cases/records';
import { REPLY_CASES } from '../../eval/cases/replies';
import type { OrgData } from '../../eval/cases/types';
import { EVAL_NOW } from '../../eval/world';
import { seedOrg } from '../../sandbox/salesforce/seed';

const db = seedOrg({ orgName: 'acme', orgId: '00D5g000004AcmeEAC', now: () => EVAL_NOW }).db;
const data: OrgData = (objectName) => [...(db.records.get(objectName)?.values() ?? [])];
const recordOf = (objectName: string, id: string) => db.records.get(objectName)?.get(id);
const nameOf = (objectName: string, id: string): string => {
  const record = recordOf(objectName, id);
  return String(record?.Name ?? record?.CaseNumber ?? '');
};

describe('the labelled cases', () => {
  it('has at least 30 notes, 15 selections, 30 questions, 10 records and 10 threads to reply to, each with its own id', () => {
    expect(NOTE_CASES.length).toBeGreaterThanOrEqual(30);
    expect(LEAD_CASES.length).toBeGreaterThanOrEqual(15);
    expect(QUESTION_CASES.length).toBeGreaterThanOrEqual(30);
    expect(RECORD_CASES.length).toBeGreaterThanOrEqual(10);
    expect(REPLY_CASES.length).toBeGreaterThanOrEqual(10);
    for (const cases of [NOTE_CASES, LEAD_CASES, QUESTION_CASES, RECORD_CASES, REPLY_CASES]) {
      expect(new Set(cases.map((item) => item.id)).size).toBe(cases.length);
    }
  });

  it('names records the org holds under those names', () => {
    const named = [...RECORD_CASES.map((item) => item.record), ...NOTE_CASES.map((item) => item.record), ...QUESTION_CASES.flatMap((item) => (item.inView ? [item.inView] : []))];
    for (const record of named) expect(`${record.objectName} ${nameOf(record.objectName, record.id)}`).toBe(`${record.objectName} ${record.name}`);
  });

  it("replies to Contacts the org holds under the sender's name and email, in threads whose newest message is theirs", () => {
    for (const item of REPLY_CASES) {
      const contact = recordOf('Contact', item.person.id);
      expect(`${String(contact?.FirstName)} ${String(contact?.LastName)} <${String(contact?.Email)}>`, item.id).toBe(`${item.person.name} <${item.person.email}>`);
      expect(item.thread.messages.at(-1)?.email, item.id).toBe(item.person.email);
    }
  });

  it('expects rows for every question but the one meant to return none', () => {
    for (const item of QUESTION_CASES) {
      const expect_ = item.expect;
      if (expect_.kind === 'records') {
        const ids = expect_.ids(data);
        expect(ids.length > 0 || item.id === 'hostile-question', item.id).toBe(true);
      } else if (expect_.kind === 'value') {
        expect(expect_.value(data), item.id).toBeGreaterThan(0);
      } else {
        expect(Object.keys(expect_.groups(data)).length, item.id).toBeGreaterThan(1);
      }
    }
  });

  it('labels only changes: no expected field value is what the record already holds', () => {
    for (const item of NOTE_CASES) {
      const record = recordOf(item.record.objectName, item.record.id);
      for (const [field, value] of Object.entries(item.expect.fields ?? {})) {
        if (typeof value === 'object') continue;
        expect(record?.[field], `${item.id}: ${field}`).not.toBe(value);
      }
    }
  });

  it('takes every expected lead value but the lead source from the selected text itself', () => {
    for (const item of LEAD_CASES) {
      for (const lead of item.leads) {
        for (const [field, value] of Object.entries(lead)) {
          if (field === 'LeadSource' || typeof value !== 'string') continue;
          expect(item.text, `${item.id}: ${field}`).toContain(value);
        }
      }
    }
  });
});
