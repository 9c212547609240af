import { describe, expect, it } from 'vitest';
import { parseRecordUrl } from '../../../lib/salesforce/record-url';

const ACCOUNT_15 = '0015g00000ABcDe';
const ACCOUNT_18 = '0015g00000ABcDeAAL';

// [url, expected] — each row is one page a rep could be on.
const RECORD_PAGES: [string, { recordId: string; sobject?: string }][] = [
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_15}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/edit`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view/`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/related/Contacts/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view?0.source=alohaHeader`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view#section`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/lightning/r/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18 }],
  [`https://acme.lightning.force.com/lightning/r/${ACCOUNT_15}/view`, { recordId: ACCOUNT_18 }],
  [`https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAF/view`, { recordId: '0065g00000XyZ12AAF', sobject: 'Opportunity' }],
  [`https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdE/view`, { recordId: '0035g00000AbCdEAAV', sobject: 'Contact' }],
  [`https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000LmNoP/view`, { recordId: '00Q5g00000LmNoPEAV', sobject: 'Lead' }],
  [`https://acme.lightning.force.com/lightning/r/Case/5005g00000QrStU/view`, { recordId: '5005g00000QrStUAAV', sobject: 'Case' }],
  [`https://acme.lightning.force.com/lightning/r/Competitor__c/a0X5g00000AbCdE/view`, { recordId: 'a0X5g00000AbCdEEAV', sobject: 'Competitor__c' }],
  [`https://acme.lightning.force.com/lightning/r/ns__Invoice__c/a0Y5g00000AbCdE/view`, { recordId: 'a0Y5g00000AbCdEEAV', sobject: 'ns__Invoice__c' }],
  [`https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view?ws=%2Flightning%2Fr%2FCase%2F5005g00000QrStUAAV%2Fview`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://site-power-1234.scratch.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://trailhead-9.trailblaze.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://ACME.Lightning.Force.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  [`https://acme.lightning.force.com/one/one.app#/sObject/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18 }],
  [`https://acme.lightning.force.com/one/one.app#/sObject/${ACCOUNT_15}`, { recordId: ACCOUNT_18 }],
  [`https://acme.my.salesforce.com/${ACCOUNT_15}`, { recordId: ACCOUNT_18 }],
  [`https://acme.my.salesforce.com/${ACCOUNT_18}`, { recordId: ACCOUNT_18 }],
  [`https://acme.my.salesforce.com/${ACCOUNT_15}/e`, { recordId: ACCOUNT_18 }],
  [`https://acme.my.salesforce.com/${ACCOUNT_15}?retURL=%2F001%2Fo`, { recordId: ACCOUNT_18 }],
  [`https://acme--uat.sandbox.my.salesforce.com/${ACCOUNT_15}`, { recordId: ACCOUNT_18 }],
  [`https://acme.my.salesforce.com/lightning/r/Account/${ACCOUNT_18}/view`, { recordId: ACCOUNT_18, sobject: 'Account' }],
  ['https://acme.lightning.force.com/lightning/r/User/00558000001N0Ke/view', { recordId: '00558000001N0KeAAK', sobject: 'User' }],
  ['https://acme.lightning.force.com/lightning/r/Campaign/70130000001tcyI/view', { recordId: '70130000001tcyIAAQ', sobject: 'Campaign' }],
];

const NOT_RECORD_PAGES: string[] = [
  'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
  'https://acme.lightning.force.com/lightning/o/Account/home',
  'https://acme.lightning.force.com/lightning/page/home',
  'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
  'https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home',
  'https://acme.lightning.force.com/lightning/n/Custom_Tab',
  'https://acme.lightning.force.com/lightning/cmp/c__MyComponent',
  'https://acme.my.salesforce.com/001/o',
  'https://acme.my.salesforce.com/home/home.jsp',
  `https://acme.lightning.force.com.evil.example/lightning/r/Account/${ACCOUNT_18}/view`,
  `https://evil-acme.lightning.force.com.attacker.io/lightning/r/Account/${ACCOUNT_18}/view`,
  `https://lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`,
  `https://acmelightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`,
  `http://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`,
  `https://user:pass@acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/view`,
  `https://mail.google.com/mail/u/0/#inbox/${ACCOUNT_18}`,
  `https://example.com/lightning/r/Account/${ACCOUNT_18}/view`,
  'https://acme.lightning.force.com/lightning/r/Account/001abc/view',
  'https://acme.lightning.force.com/lightning/r/Account/0015g00000ABcDeZZZ/view',
  'https://acme.lightning.force.com/lightning/r/Account/000000000000000/view',
  `https://acme.lightning.force.com/lightning/r/Acc-ount/${ACCOUNT_18}/view`,
  `https://acme.lightning.force.com/lightning/r/Account/${ACCOUNT_18}/unknownAction`,
  'not a url',
  '',
  'https://acme.my.salesforce.com/',
  `https://help.salesforce.com/${ACCOUNT_15}`,
  `https://acme.my.site.com/s/detail/${ACCOUNT_18}`,
];

describe('parseRecordUrl', () => {
  it.each(RECORD_PAGES)('finds the record on %s', (url, expected) => {
    expect(parseRecordUrl(url)).toEqual(expected);
  });

  it.each(NOT_RECORD_PAGES)('says there is no record on %s', (url) => {
    expect(parseRecordUrl(url)).toBeNull();
  });

  it('covers at least 40 URLs', () => {
    expect(RECORD_PAGES.length + NOT_RECORD_PAGES.length).toBeGreaterThanOrEqual(40);
  });
});
