/**
 * "Update an opportunity by name": the look-up against the sandbox org over real HTTP (values escaped, one composite
 * request), and the review it gives — one match updates it, several wait for the rep's pick, none says so, and an id
 * never comes from anywhere but the look-up.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildReview,
  cardsToCommit,
  confirmationText,
  loadWriteDescribes,
  NoteProposal,
  setRowChecked,
  type RecordInView,
  type Review,
  type ReviewCard,
  type WriteDescribes,
} from '../../../lib/proposals';
import { findNamedOpportunities, namedOpportunityQuery } from '../../../lib/features/log-note/named-opportunities';
import { applyReviewChange } from '../../../lib/proposals/review-changes';
import type { NamedOpportunityUpdate } from '../../../lib/proposals/schemas';
import { ACME } from '../../sandbox/salesforce/seed';
import { START, V } from '../sandbox/salesforce-client';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';

let sandbox: SandboxClients;
let describes: WriteDescribes;
beforeAll(async () => {
  sandbox = await startSandboxClients();
  describes = await loadWriteDescribes(sandbox.client(), ['Task', 'Contact', 'Opportunity', 'Account']);
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.org.sf.reset();
  sandbox.org.clock.now = START;
});

const NOW = new Date(START);

/** The rep is on Globex's account page. */
const GLOBEX: RecordInView = {
  id: ACME.accounts.globex.id,
  objectName: 'Account',
  name: 'Globex Industries',
  lastModifiedDate: '2026-11-20T10:00:00.000+0000',
  fields: { Name: 'Globex Industries' },
};

const opportunityDescribe = () => {
  const describe = describes.get('Opportunity');
  if (!describe) throw new Error('the full user sees Opportunity');
  return describe;
};

function named(name: string, fieldUpdates: NamedOpportunityUpdate['fieldUpdates'], account?: string): NamedOpportunityUpdate {
  return {
    name: { value: name, evidence: name },
    ...(account ? { account: { value: account, evidence: account } } : {}),
    fieldUpdates,
  };
}

function proposal(namedOpportunities: NamedOpportunityUpdate[]): NoteProposal {
  return NoteProposal.parse({
    activity: { subject: { value: 'Call', evidence: '' }, description: { value: 'Call notes', evidence: '' } },
    fieldUpdates: [],
    newContacts: [],
    followUps: [],
    namedOpportunities,
  });
}

async function reviewOf(note: string, entries: NamedOpportunityUpdate[], record: RecordInView = GLOBEX): Promise<Review> {
  const lookups = await findNamedOpportunities(sandbox.client(), opportunityDescribe(), entries, note);
  return buildReview(proposal(entries), describes, record, note, NOW, { namedLookups: lookups });
}

const card = (review: Review, id: string): ReviewCard => {
  const found = review.cards.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no card ${id}: ${review.cards.map((c) => c.id).join(', ')}`);
  return found;
};

const stageTo = (value: string, evidence: string) => ({ field: 'StageName', value, evidence });

describe('a named opportunity with one match', () => {
  const note = 'Umbrella Health — Clinic Seats Renewal moved to Negotiation/Review after the call.';
  const entry = named('Clinic Seats Renewal', [stageTo('Negotiation/Review', 'moved to Negotiation/Review')], 'Umbrella Health');

  it('is found by its account and name and becomes an update of that record, current → proposed', async () => {
    const review = await reviewOf(note, [entry]);
    const named0 = card(review, 'named_0');
    expect(named0.target).toMatchObject({ id: ACME.opportunities.umbrellaRenewal.id, name: 'Umbrella Health - Clinic Seats Renewal' });
    expect(named0.rows[0]).toMatchObject({ field: 'StageName', current: 'Proposal/Price Quote', value: 'Negotiation/Review', checked: true });
    expect(confirmationText(review)).toMatch(/update 1 field on Umbrella Health - Clinic Seats Renewal/i);
  });

  it('costs one composite request whose SOQL holds the escaped words, never an id', async () => {
    await reviewOf(note, [entry]);
    expect(sandbox.apiRequests().filter((request) => request.path.endsWith('/composite'))).toHaveLength(1);
    const [soql] = sandbox.soqlSent();
    expect(soql).toContain("Name LIKE '%Clinic Seats Renewal%'");
    expect(soql).toContain("Account.Name LIKE '%Umbrella Health%'");
    expect(soql).not.toMatch(/\bId\s*=/);
  });

  it('prefers the one exact name over longer names holding the same words', async () => {
    await sandbox.org.send('POST', `${V}/sobjects/Opportunity`, {
      body: { Name: 'Umbrella Health - Clinic Seats Renewal Phase 2', StageName: 'Prospecting', CloseDate: '2027-03-01', AccountId: ACME.accounts.umbrella.id },
    });
    const review = await reviewOf(note, [entry]);
    expect(card(review, 'named_0').target?.id).toBe(ACME.opportunities.umbrellaRenewal.id);
  });
});

describe('a named opportunity with several matches', () => {
  const note = 'The Renewal is now Closed Won.';
  const entry = named('Renewal', [stageTo('Closed Won', 'is now Closed Won')]);

  it('waits for the rep to pick: no target, nothing to commit, rows cannot be ticked', async () => {
    const review = await reviewOf(note, [entry]);
    const named0 = card(review, 'named_0');
    expect(named0.target).toBeUndefined();
    expect(named0.lookup?.matches.map((match) => match.id).sort()).toEqual(
      [ACME.opportunities.globexRenewal.id, ACME.opportunities.umbrellaRenewal.id].sort(),
    );
    expect(cardsToCommit(review).some((candidate) => candidate.id === 'named_0')).toBe(false);
    expect(card(setRowChecked(review, 'named_0', 'StageName', true), 'named_0').rows[0]?.checked).toBe(false);
  });

  it('after the pick, updates the picked record against its own values', async () => {
    const review = await reviewOf(note, [entry]);
    const picked = applyReviewChange(review, describes, { type: 'pick', cardId: 'named_0', matchId: ACME.opportunities.umbrellaRenewal.id });
    const named0 = card(picked, 'named_0');
    expect(named0.target?.id).toBe(ACME.opportunities.umbrellaRenewal.id);
    expect(named0.rows[0]).toMatchObject({ current: 'Proposal/Price Quote', value: 'Closed Won', checked: true });
    expect(confirmationText(picked)).toMatch(/update 1 field on Umbrella Health - Clinic Seats Renewal/i);
  });

  it('ignores a pick of any id that is not among the matches', async () => {
    const review = await reviewOf(note, [entry]);
    const forged = applyReviewChange(review, describes, { type: 'pick', cardId: 'named_0', matchId: ACME.opportunities.wayneFraud.id });
    expect(forged).toEqual(review);
  });
});

describe('a named opportunity that cannot be found', () => {
  it('says no opportunity has that name, and writes nothing for it', async () => {
    const review = await reviewOf('Wonka Factory Tour moved to Closed Won.', [named('Wonka Factory Tour', [stageTo('Closed Won', 'moved to Closed Won')])]);
    const named0 = card(review, 'named_0');
    expect(named0.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(named0.error?.message).toContain('No opportunity named “Wonka Factory Tour” was found');
    expect(named0.rows.every((row) => !row.checked && row.locked)).toBe(true);
    expect(cardsToCommit(review).some((candidate) => candidate.id === 'named_0')).toBe(false);
  });

  it('does not look up a name the note does not contain', async () => {
    const review = await reviewOf('Call went well.', [named('Fraud Analytics', [stageTo('Closed Won', 'Call went well')])]);
    expect(card(review, 'named_0').error?.code).toBe('LOOKUP_FAILED');
    expect(sandbox.soqlSent()).toEqual([]);
  });
});

describe('the record in view named by its own name', () => {
  it('joins the changes to the record’s own update card instead of a second update of the same record', async () => {
    const record: RecordInView = {
      id: ACME.opportunities.globexExpansion.id,
      objectName: 'Opportunity',
      name: 'Globex Industries - Plant Automation Expansion',
      lastModifiedDate: '2026-11-20T10:00:00.000+0000',
      fields: { StageName: 'Negotiation/Review', NextStep: 'Send redlined MSA', AccountId: ACME.accounts.globex.id },
    };
    const note = 'Globex Industries - Plant Automation Expansion: next step is the pilot readout.';
    const review = await reviewOf(note, [named('Plant Automation Expansion', [{ field: 'NextStep', value: 'Pilot readout', evidence: 'next step is the pilot readout' }], 'Globex Industries')], record);
    expect(review.cards.map((candidate) => candidate.kind)).not.toContain('named-update');
    expect(card(review, 'update').rows).toEqual([expect.objectContaining({ field: 'NextStep', current: 'Send redlined MSA', proposed: 'Pilot readout' })]);
  });
});

describe('hostile names', () => {
  it('reach SOQL escaped: quotes, wildcards and backslashes match literally and never break the query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''), async (name) => {
        const note = `Update on ${name} today.`;
        const [lookup] = await findNamedOpportunities(sandbox.client(), opportunityDescribe(), [named(name, [])], note);
        expect(lookup?.problem).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('matches a percent sign literally, not as a wildcard', () => {
    const soql = namedOpportunityQuery(opportunityDescribe(), named("100% O'Brien_deal", []));
    expect(soql).toContain("Name LIKE '%100\\% O\\'Brien\\_deal%'");
  });
});
