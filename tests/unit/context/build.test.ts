import { describe, expect, it } from 'vitest';
import { buildContext, estimateTokens, restoreRedactions, type BuiltContext } from '../../../lib/context';
import type { GraphRecord, RecordGraph } from '../../../lib/salesforce/record-graph';
import { ACCOUNT_ID, globexGraph, NOW, PII } from './graph-fixture';

const build = (graph: RecordGraph = globexGraph(), maxTokens = 10_000, deniedFields?: string[]): BuiltContext =>
  buildContext(graph, { maxTokens, now: NOW, ...(deniedFields ? { deniedFields } : {}) });

const lineFor = (context: BuiltContext, recordId: string, field?: string) =>
  context.lines.find((line) => line.source.recordId === recordId && line.source.field === field);

const allRecords = (graph: RecordGraph): GraphRecord[] => [graph.root, ...graph.related.flatMap((list) => list.records)];

describe('buildContext: root record', () => {
  it('labels root fields with their describe labels and formats money, numbers and dates', () => {
    const { text } = build();
    expect(text).toMatch(/^r[0-9a-z]{3} Name: Globex Industries$/m);
    expect(text).toMatch(/^r[0-9a-z]{3} Annual Revenue: \$850,000,000$/m);
    expect(text).toMatch(/^r[0-9a-z]{3} Employees: 4,200$/m);
    expect(text).toMatch(/^r[0-9a-z]{3} Last Activity: 2026-05-12$/m);
    expect(text).toMatch(/^r[0-9a-z]{3} Created Date: 2024-02-01$/m);
    expect(text).toMatch(/^r[0-9a-z]{3} Owner: Alex Rivera$/m);
  });

  it("drops the object's name from its fields' labels under the record's heading, and keeps other labels whole", () => {
    const { text } = build();
    expect(text).toContain('# Account (the record in view)');
    expect(text).toMatch(/^r[0-9a-z]{3} Phone: \(415\) 555-0110$/m);
    expect(text).not.toMatch(/^r[0-9a-z]{3} Account (Name|Phone|Description):/m);
    expect(text).toMatch(/^r[0-9a-z]{3} Annual Revenue: /m);
  });

  it('says when the record was last modified only when that is not the day it was created', () => {
    const graph = globexGraph();
    expect(build(graph).text).toMatch(/^r[0-9a-z]{3} Last Modified Date: /m);
    graph.root.fields.LastModifiedDate = graph.root.fields.CreatedDate ?? null;
    const same = build(graph).text;
    expect(same).toMatch(/^r[0-9a-z]{3} Created Date: 2024-02-01$/m);
    expect(same).not.toContain('Last Modified Date');
  });

  it('joins the address parts into one line and keeps multi-line text on its line', () => {
    const { text } = build();
    expect(text).toContain('Billing Address: 500 Howard Street, San Francisco, CA 94105, United States');
    expect(text).toContain('Description: Industrial automation manufacturer with three plants. / Executive');
  });

  it('omits empty fields, unticked boxes, system fields, reference ids and record ids', () => {
    const { text } = build();
    for (const absent of ['Fax', 'Rating', 'Churn Risk', 'System Modstamp', 'Deleted', 'Owner ID', 'attributes', 'null']) {
      expect(text).not.toContain(absent);
    }
    for (const record of allRecords(globexGraph())) expect(text).not.toContain(record.id.slice(0, 15));
    expect(text).toContain('Strategic Account: Yes');
  });

  it('states how overdue an open opportunity or task is, and not for closed ones', () => {
    const { text } = build();
    expect(text).toContain('Globex - Plant 3 Sensors | Proposal/Price Quote | $48,500.50 | closes 2026-04-30, overdue by 15 days');
    expect(text).toContain('Send security questionnaire | Not Started | due 2026-05-03, overdue by 12 days | with Lena Park');
    expect(text).toContain('Globex - Pilot | Closed Won | $35,000 | closed 2024-09-30\n');
    expect(text).toContain('Call | Completed | on 2026-03-02 | with Omar Haddad');
  });
});

describe('buildContext: related lists', () => {
  it('writes one compact line per related record, chosen by object type', () => {
    const { text } = build();
    expect(text).toContain('Globex - Expansion | Negotiation/Review | $120,000 | closes 2026-12-15 | next step: Send revised MSA');
    expect(text).toContain('Lena Park | VP Operations | lena.park@globex.example | (415) 555-0181');
    expect(text).toContain('Omar Haddad | Plant Manager | omar.haddad@globex.example | mobile (415) 555-0199');
    expect(text).toContain('Case 00001019 | Operator training for Plant 2 | Closed | priority Low | opened 2025-12-01');
    expect(text).toContain('Quarterly business review | 2026-05-20 17:00 UTC | at Globex HQ | with Lena Park');
    expect(text).toContain('Pricing call | 2025-08-14 | They want a three-year term with a 10% discount.');
  });

  it("says a contact's department once when the title already names it, and beside a title that does not", () => {
    const graph = globexGraph();
    const [lena, omar] = graph.related.find((list) => list.key === 'contacts')?.records ?? [];
    if (!lena || !omar) throw new Error('the fixture has contacts');
    lena.fields.Department = 'Operations';
    omar.fields.Department = 'Plant Operations';
    const { text } = build(graph);
    expect(text).toContain('Lena Park | VP Operations | lena.park@globex.example');
    expect(text).toContain('Omar Haddad | Plant Manager | Plant Operations | omar.haddad@globex.example');
  });

  it('falls back to the name and three labelled fields for objects it has no recipe for', () => {
    expect(build().text).toContain('INV-2026-0042 | Total: $12,400 | Due Date: 2026-03-01 | Paid: Yes');
  });

  it('notes when a list shows fewer records than exist, and says when a list is empty', () => {
    const graph = globexGraph();
    graph.related.push({ key: 'openCases2', label: 'Escalations', objectName: 'Case', records: [], totalSize: 0 });
    const { text } = build(graph);
    expect(text).toContain('# Contacts (showing 3 of 5)\n');
    expect(text).toContain('# Open opportunities\n');
    expect(text).toContain('# Escalations: none');
  });

  it('is at most a quarter of the tokens of the same records as JSON', () => {
    const graph = globexGraph();
    const naive = JSON.stringify({ root: graph.root, related: graph.related }, null, 2);
    expect(build(graph).tokens * 4).toBeLessThanOrEqual(estimateTokens(naive));
  });
});

describe('buildContext: line ids', () => {
  it('gives every line a short unique id', () => {
    const { lines } = build();
    const ids = lines.map((line) => line.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][0-9a-z]{3}$/);
    for (const line of lines) expect(build().text).toContain(`${line.id} ${line.text}`);
  });

  it('keeps the same ids when the same graph is built twice', () => {
    expect(build().lines).toEqual(build().lines);
  });

  it('keeps every id when an unrelated record is added to the end of a list or a field is emptied', () => {
    const before = build();
    const graph = globexGraph();
    const contacts = graph.related[0];
    if (!contacts) throw new Error('fixture has contacts');
    contacts.records.push({ objectName: 'Contact', id: '003000000000009AAA', fields: { Name: 'New Person' } });
    graph.root.fields['Website'] = null;
    const after = build(graph);
    for (const line of before.lines) {
      if (line.source.field === 'Website') continue;
      expect(after.lines.find((other) => other.id === line.id)).toEqual(line);
    }
  });

  it('ties each line to its record and field', () => {
    const context = build();
    expect(lineFor(context, ACCOUNT_ID, 'AnnualRevenue')?.text).toBe('Annual Revenue: $850,000,000');
    expect(lineFor(context, '006000000000001AAA')?.source.objectName).toBe('Opportunity');
  });
});

describe('buildContext: token budget', () => {
  const full = build();
  const datedRecords = new Map<string, string>([
    ['003000000000001AAA', '2026-04-02'], ['003000000000002AAA', '2025-11-20'], ['003000000000003AAA', '2024-01-15'],
    ['006000000000001AAA', '2026-12-15'], ['006000000000002AAA', '2026-04-30'], ['006000000000003AAA', '2024-09-30'],
    ['500000000000001AAA', '2026-05-13'], ['500000000000002AAA', '2025-12-01'], ['00T000000000001AAA', '2026-05-03'],
    ['00T000000000002AAA', '2026-03-02'], ['00U000000000001AAA', '2026-05-20'], ['002000000000001AAA', '2025-08-14'],
    ['a01000000000001AAA', '2026-02-01'],
  ]);

  it('fits the budget by leaving out the oldest related records, keeping the root whole', () => {
    const budget = Math.floor(full.tokens * 0.7);
    const trimmed = build(globexGraph(), budget);
    expect(trimmed.tokens).toBeLessThanOrEqual(budget);
    expect(trimmed.tokens).toBe(estimateTokens(trimmed.text));
    expect(trimmed.droppedLines).toBeGreaterThan(0);
    const rootLines = full.lines.filter((line) => line.source.recordId === ACCOUNT_ID);
    expect(trimmed.lines.filter((line) => line.source.recordId === ACCOUNT_ID)).toEqual(rootLines);

    const kept = new Set(trimmed.lines.map((line) => line.source.recordId));
    const dropped = [...datedRecords].filter(([id]) => !kept.has(id)).map(([, date]) => date);
    const keptDates = [...datedRecords].filter(([id]) => kept.has(id)).map(([, date]) => date);
    expect(dropped).toHaveLength(trimmed.droppedLines);
    expect((dropped.sort().at(-1) ?? '') <= (keptDates.sort()[0] ?? '')).toBe(true);
    expect(trimmed.text).toContain(`(${trimmed.droppedLines} older related records left out to fit the budget)`);
  });

  it('leaves nothing out when the whole context fits', () => {
    expect(full.droppedLines).toBe(0);
    expect(full.text).not.toContain('left out');
    expect(full.lines).toHaveLength(build(globexGraph(), full.tokens).lines.length);
  });

  it('keeps the root record even when it alone is over the budget', () => {
    const tiny = build(globexGraph(), 10);
    expect(tiny.lines.every((line) => line.source.recordId === ACCOUNT_ID)).toBe(true);
    expect(tiny.lines.length).toBeGreaterThan(10);
    expect(tiny.droppedLines).toBe(datedRecords.size);
    expect(tiny.text).not.toContain('# Contacts');
  });

  it('lists only the redactions of lines that were sent', () => {
    const tiny = build(globexGraph(), 10);
    expect(tiny.redactions.map((r) => r.kind)).toEqual(['denied-field']);
  });
});

describe('buildContext: redaction and the denylist', () => {
  it('redacts SSNs, cards and IBANs in related records and keeps phone and order numbers', () => {
    const context = build();
    const caseLine = lineFor(context, '500000000000001AAA');
    expect(caseLine?.text).toContain('corporate card used for the duplicate payment, [CARD-1], and gave her SSN [SSN-1]');
    expect(caseLine?.text).toContain('Refund to IBAN [IBAN-1] against order number 7310 2294 5581 0046');
    expect(caseLine?.text).toContain('Call back on (415) 555-0142.');
    for (const value of [PII.card, PII.ssn, PII.iban, PII.contactSsn, PII.taxId]) expect(context.text).not.toContain(value);
    expect(context.redactions.filter((r) => r.kind !== 'denied-field')).toEqual([
      { kind: 'card', placeholder: '[CARD-1]', original: PII.card, lineId: caseLine?.id },
      { kind: 'ssn', placeholder: '[SSN-1]', original: PII.ssn, lineId: caseLine?.id },
      { kind: 'iban', placeholder: '[IBAN-1]', original: PII.iban, lineId: caseLine?.id },
    ]);
  });

  it('puts the originals back into what the model returns', () => {
    const context = build();
    const reply = 'Refund card [CARD-1] (holder SSN [ssn-1]) or IBAN [IBAN-1]; tax id stays [REDACTED: Tax ID].';
    expect(restoreRedactions(reply, context.redactions)).toBe(
      `Refund card ${PII.card} (holder SSN ${PII.ssn}) or IBAN ${PII.iban}; tax id stays [REDACTED: Tax ID].`,
    );
  });

  it('withholds encrypted fields and fields named like tax ids, without keeping their values', () => {
    const context = build();
    expect(lineFor(context, ACCOUNT_ID, 'Tax_ID__c')?.text).toBe('Tax ID: [REDACTED: Tax ID]');
    expect(context.redactions).toContainEqual({
      kind: 'denied-field', placeholder: '[REDACTED: Tax ID]', objectName: 'Account', field: 'Tax_ID__c',
      lineId: lineFor(context, ACCOUNT_ID, 'Tax_ID__c')?.id,
    });
    expect(JSON.stringify(context)).not.toContain(PII.taxId);
    expect(JSON.stringify(context)).not.toContain(PII.contactSsn);
  });

  it('withholds fields whose names match passport or social security patterns, whatever their type', () => {
    const graph = globexGraph();
    Object.assign(graph.root.fields, {
      Passport_Number__c: 'X1234567', Social_Security_Number__c: '219446630', NationalID__c: 'AB123456C',
    });
    const context = build(graph);
    for (const value of ['X1234567', '219446630', 'AB123456C']) expect(JSON.stringify(context)).not.toContain(value);
    expect(context.text).toContain('Passport Number: [REDACTED: Passport Number]');
  });

  it("withholds the rep's own fields, by name on any object or as Object.Field", () => {
    const anyObject = build(globexGraph(), 10_000, ['phone']);
    expect(anyObject.text).not.toContain('555-0110');
    expect(anyObject.text).toContain('Phone: [REDACTED: Account Phone]');
    expect(anyObject.text).toContain('Lena Park | VP Operations | lena.park@globex.example | [REDACTED: Business Phone]');

    const oneObject = build(globexGraph(), 10_000, ['Contact.Email']);
    expect(oneObject.text).not.toContain('lena.park@globex.example');
    expect(oneObject.text).toContain('Phone: (415) 555-0110');
  });

  it('leaves a withheld field out of generic lines instead of spending a slot on it', () => {
    const context = build(globexGraph(), 10_000, ['Invoice__c.Total__c']);
    expect(context.text).toContain('INV-2026-0042 | Due Date: 2026-03-01 | Paid: Yes | Memo: Quarterly maintenance');
  });
});

describe('buildContext: saying things once', () => {
  const build = (graph: RecordGraph): string => buildContext(graph, { maxTokens: 10_000, now: NOW }).text;

  it('says a shipping address that repeats the billing address in three words', () => {
    const graph = globexGraph();
    const fields = graph.root.fields;
    Object.assign(fields, {
      ShippingStreet: fields.BillingStreet,
      ShippingCity: fields.BillingCity,
      ShippingState: fields.BillingState,
      ShippingPostalCode: fields.BillingPostalCode,
      ShippingCountry: fields.BillingCountry,
    });
    graph.fieldMeta.Account = { ...graph.fieldMeta.Account, ShippingStreet: { label: 'Shipping Street', type: 'textarea' } };
    const text = build(graph);
    expect(text).toContain('Shipping Address: same as Billing Address');
    expect(text.match(/500 Howard Street/g)).toHaveLength(1);
  });

  it('names a related opportunity’s owner only when it is not the owner of the record in view', () => {
    const graph = globexGraph();
    const open = graph.related.find((list) => list.key === 'openOpportunities');
    const [mine, theirs] = open?.records ?? [];
    if (!mine || !theirs) throw new Error('the fixture has two open opportunities');
    mine.fields['Owner.Name'] = graph.root.fields['Owner.Name'] ?? null;
    theirs.fields['Owner.Name'] = 'Sam Lee';
    const text = build(graph);
    expect(text).toMatch(/Globex - Plant 3 Sensors[^\n]*owner Sam Lee/);
    expect(text).not.toMatch(/Globex - Expansion[^\n]*owner/);
  });
});
