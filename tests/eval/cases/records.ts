/**
 * Eleven records of the sandbox org and what a rep needs their summary, meeting brief, deal insights and email draft
 * to say, and what none of them may say. Written for this repository from the seeded data (tests/sandbox/salesforce/
 * seed.ts) as the eval's clock sees it (2026-11-18): a rep's reading of each record, not the output of any model.
 */
import { ACME } from '../../sandbox/salesforce/seed';
import type { Fact, RecordCase } from './types';

const { accounts, opportunities, contacts, leads, cases } = ACME;

const recipient = (person: { id: string; firstName: string; lastName: string; email: string }) => ({
  id: person.id,
  name: `${person.firstName} ${person.lastName}`,
  email: person.email,
});

/** Withheld values: a placeholder repeated, or any sign of what it hides. */
const WITHHELD: readonly Fact[] = [
  { id: 'ssn-placeholder', says: [['[SSN-', 'SSN:']] },
  { id: 'card-placeholder', says: [['[CARD-', '4111']] },
  { id: 'iban-placeholder', says: [['[IBAN-', 'GB82']] },
];

/** Words that fill a gap instead of leaving it out. */
const FILLERS: readonly Fact[] = [
  { id: 'filler-na', says: [['N/A', 'not available', 'unknown', 'TBD', '[date]', '[name]']] },
];

/** What no output may state: a withheld value or a filler. */
export const NEVER: readonly Fact[] = [...WITHHELD, ...FILLERS];

export const RECORD_CASES: readonly RecordCase[] = [
  {
    id: 'globex-account',
    record: { objectName: 'Account', id: accounts.globex.id, name: 'Globex Industries' },
    why: 'A busy customer: one deal past its close date, an overdue task, a high-priority case and a big deal in negotiation.',
    mustState: {
      summary: [
        { id: 'analytics-close-passed', says: ['Analytics Add-on', ['overdue', 'passed', '2026-11-06', 'past']] },
        { id: 'revised-proposal-overdue', says: ['revised proposal', ['overdue', '2026-11-15', 'past due']] },
        { id: 'firmware-case', says: ['firmware', 'Line 3'] },
        { id: 'expansion-deal', says: ['Plant Automation Expansion', ['480,000', '480k']] },
      ],
      brief: [
        { id: 'negotiation-call', says: ['negotiation call'] },
        { id: 'expansion-deal', says: ['Plant Automation Expansion'] },
        { id: 'firmware-case', says: ['firmware'] },
        { id: 'rosa', says: ['Rosa Delgado'] },
      ],
      email: [{ id: 'greets-rosa', says: ['Rosa'] }],
    },
    mustNotState: [...NEVER, { id: 'other-account', says: [['Wayne Financial', 'Initech', 'Umbrella']] }],
    emailMustNotState: [
      { id: 'walk-away-price', says: [['410,000', '410k', 'walk-away']] },
      { id: 'duplicate-charge-details', says: ['7310 2294'] },
    ],
    email: { recipient: recipient(contacts.rosa), purpose: 'follow-up' },
  },
  {
    id: 'globex-expansion',
    record: { objectName: 'Opportunity', id: opportunities.globexExpansion.id, name: 'Globex Industries - Plant Automation Expansion' },
    why: 'A healthy deal in negotiation: the rep needs stage, size, date, the next step and who decides.',
    mustState: {
      summary: [
        { id: 'stage', says: ['Negotiation/Review'] },
        { id: 'amount', says: [['480,000', '480k']] },
        { id: 'close-date', says: [['2026-12-09', 'December 9', 'Dec 9']] },
        { id: 'decision-maker', says: ['Rosa Delgado'] },
      ],
      brief: [
        { id: 'negotiation-call', says: ['negotiation call'] },
        { id: 'msa', says: ['MSA'] },
        { id: 'rosa', says: ['Rosa Delgado'] },
      ],
      insights: [{ id: 'msa-next', says: ['MSA'] }],
      email: [{ id: 'msa', says: ['MSA'] }],
    },
    mustNotState: [...NEVER, { id: 'other-deal', says: [['Analytics Add-on', 'Fraud Analytics']] }],
    emailMustNotState: [
      { id: 'discount-authority', says: [['8%', '8 %', 'up to 8']] },
      { id: 'their-ask', says: [['12%', '12 %']] },
      { id: 'walk-away-price', says: [['410,000', '410k']] },
    ],
    email: { recipient: recipient(contacts.rosa), purpose: 'follow-up' },
  },
  {
    id: 'globex-analytics',
    record: { objectName: 'Opportunity', id: opportunities.globexAnalytics.id, name: 'Globex Industries - Analytics Add-on' },
    why: 'A slipping deal: close date passed after two moves, the revised proposal is overdue.',
    mustState: {
      summary: [
        { id: 'close-passed', says: [['2026-11-06', 'overdue', 'passed']] },
        { id: 'revised-proposal', says: ['revised proposal'] },
        { id: 'lena', says: ['Lena'] },
      ],
      insights: [
        { id: 'close-passed', says: [['2026-11-06', 'in the past', 'passed', 'overdue']] },
        { id: 'revised-proposal', says: ['revised proposal'] },
      ],
      email: [{ id: 'proposal', says: ['proposal'] }],
    },
    mustNotState: [...NEVER, { id: 'other-deal-amount', says: [['480,000', '$480k']] }],
    email: { recipient: recipient(contacts.lena), purpose: 'check-in' },
  },
  {
    id: 'umbrella-account',
    record: { objectName: 'Account', id: accounts.umbrella.id, name: 'Umbrella Health' },
    why: 'A large account with an escalated case that can derail two open deals.',
    mustState: {
      summary: [
        { id: 'sso-escalated', says: ['SSO', ['escalated', 'High']] },
        { id: 'platform-deal', says: ['Patient Data Platform', ['1,250,000', '1.25M', '1.25 million']] },
        { id: 'renewal-deal', says: ['Clinic Seats Renewal'] },
      ],
      brief: [
        { id: 'architecture-review', says: ['architecture review'] },
        { id: 'sso-case', says: ['SSO'] },
        { id: 'questionnaire', says: ['security questionnaire'] },
      ],
      email: [{ id: 'greets-kenji', says: ['Kenji'] }],
    },
    mustNotState: [...NEVER, { id: 'other-account', says: [['Globex', 'Wayne Financial']] }],
    email: { recipient: recipient(contacts.kenji), purpose: 'follow-up' },
  },
  {
    id: 'wayne-fraud',
    record: { objectName: 'Opportunity', id: opportunities.wayneFraud.id, name: 'Wayne Financial - Fraud Analytics' },
    why: 'The year’s biggest deal, in an RFP against a cheaper competitor, with an overdue task before the briefing.',
    mustState: {
      summary: [
        { id: 'amount', says: [['2,400,000', '2.4M', '2.4 million']] },
        { id: 'stage', says: ['Negotiation/Review'] },
        { id: 'briefing-task-overdue', says: ['executive briefing', ['overdue', '2026-11-17']] },
      ],
      brief: [
        { id: 'briefing-event', says: ['executive briefing'] },
        { id: 'catherine', says: ['Catherine Doyle'] },
        { id: 'competitor', says: ['Tyrell'] },
      ],
      insights: [{ id: 'schedule-briefing', says: ['briefing'] }],
      email: [{ id: 'briefing', says: ['briefing'] }],
    },
    mustNotState: [...NEVER, { id: 'other-competitor', says: [['Hooli', 'Oscorp']] }],
    emailMustNotState: [{ id: 'rfp-scoring', says: [['leads on price', 'lead on latency']] }],
    email: { recipient: recipient(contacts.catherine), purpose: 'follow-up' },
  },
  {
    id: 'cyberdyne-calibration',
    record: { objectName: 'Opportunity', id: opportunities.cyberdyneCalibration.id, name: 'Cyberdyne Robotics - Calibration Services' },
    why: 'A small deal gone quiet: close date passed, the quote never sent, nobody from the buyer linked to it.',
    mustState: {
      summary: [
        { id: 'close-passed', says: [['2026-11-13', 'overdue', 'passed']] },
        { id: 'quote-overdue', says: ['calibration quote'] },
      ],
      insights: [
        { id: 'close-passed', says: [['2026-11-13', 'in the past', 'passed', 'overdue']] },
        { id: 'no-contact-roles', says: ['contact role'] },
        { id: 'quote', says: ['quote'] },
      ],
    },
    mustNotState: [...NEVER, { id: 'invented-contact-role', says: [['Decision Maker', 'Economic Buyer']] }],
  },
  {
    id: 'stark-account',
    record: { objectName: 'Account', id: accounts.stark.id, name: 'Stark Logistics' },
    why: 'A pilot account whose gateway went down the day before the pilot readout.',
    mustState: {
      summary: [
        { id: 'gateway-case', says: ['gateway', ['Tacoma', 'TG-7']] },
        { id: 'telematics-deal', says: ['Fleet Telematics', ['310,000', '310k']] },
      ],
      brief: [
        { id: 'readout', says: ['readout'] },
        { id: 'gateway-case', says: ['gateway'] },
        { id: 'victor', says: ['Victor Hale'] },
      ],
      email: [{ id: 'greets-victor', says: ['Victor'] }],
    },
    mustNotState: [...NEVER],
    emailMustNotState: [{ id: 'internal-success-metric-invented', says: [['guarantee', 'guaranteed']] }],
    email: { recipient: recipient(contacts.victor), purpose: 'check-in' },
  },
  {
    id: 'dana-contact',
    record: { objectName: 'Contact', id: contacts.dana.id, name: 'Dana Whitfield' },
    why: 'A decision maker on a renewal, with a preference for how to work with her.',
    mustState: {
      summary: [
        { id: 'title', says: ['Director of Operations'] },
        { id: 'renewal', says: ['Clinic Seats Renewal'] },
        { id: 'latest-call', says: [['renewal quote', 'quote revised', 'revised']] },
      ],
      brief: [
        { id: 'renewal', says: ['Clinic Seats Renewal'] },
        { id: 'preference', says: [['written summaries', 'short written']] },
      ],
      email: [{ id: 'greets-dana', says: ['Dana'] }],
    },
    mustNotState: [...NEVER, { id: 'ssn-field', says: [['REDACTED', 'social security']] }],
    emailMustNotState: [{ id: 'birthdate', says: [['1981-09-30', 'birthday']] }],
    email: { recipient: recipient(contacts.dana), purpose: 'recap' },
  },
  {
    id: 'nadia-lead',
    record: { objectName: 'Lead', id: leads.gmailSender.id, name: 'Nadia Kowalski' },
    why: 'A new inbound lead the rep has not contacted yet.',
    mustState: {
      summary: [
        { id: 'company', says: ['Vandelay Imports'] },
        { id: 'title', says: ['Director of Procurement'] },
        { id: 'interest', says: [['whitepaper', 'two warehouses', 'pricing']] },
      ],
      email: [{ id: 'greets-nadia', says: ['Nadia'] }],
    },
    mustNotState: [...NEVER, { id: 'invented-deal-stage', says: [['Negotiation', 'Proposal/Price Quote', 'Closed Won']] }],
    emailMustNotState: [{ id: 'invented-price', says: [['$', 'USD']] }],
    email: { recipient: { id: leads.gmailSender.id, name: 'Nadia Kowalski', email: leads.gmailSender.email }, purpose: 'introduction' },
  },
  {
    id: 'firmware-case',
    record: { objectName: 'Case', id: cases.globexFirmware.id, name: '00001001' },
    why: 'A high-priority support case the rep should know about before calling the account.',
    mustState: {
      summary: [
        { id: 'subject', says: ['Line 3'] },
        { id: 'priority', says: ['High'] },
        { id: 'rollback', says: ['rollback'] },
      ],
      email: [{ id: 'greets-marcus', says: ['Marcus'] }],
    },
    mustNotState: [...NEVER, { id: 'invented-fix', says: [['fixed', 'resolved']] }],
    email: { recipient: recipient(contacts.marcus), purpose: 'check-in' },
  },
  {
    id: 'soylent-account',
    record: { objectName: 'Account', id: accounts.soylent.id, name: 'Soylent Foods' },
    why: 'A quiet prospect with nothing overdue: the summary must not invent urgency.',
    mustState: {
      summary: [
        { id: 'deal', says: ['Supply Chain Visibility'] },
        { id: 'case-study', says: ['case study'] },
      ],
      brief: [
        { id: 'noah', says: ['Noah Patel'] },
        { id: 'case-study', says: ['case study'] },
      ],
      email: [{ id: 'greets-noah', says: ['Noah'] }],
    },
    mustNotState: [...NEVER, { id: 'invented-urgency', says: [['overdue', 'past due', 'escalat']] }],
    email: { recipient: recipient(contacts.noah), purpose: 'introduction' },
  },
];
