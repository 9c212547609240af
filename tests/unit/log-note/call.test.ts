import { beforeAll, describe, expect, it } from 'vitest';
import { attributeEvidence, mergeProposals, noteSource } from '../../../lib/features/log-note/call';
import type { Transcript } from '../../../lib/features/log-note/messages';
import { buildReview, type WriteDescribes } from '../../../lib/proposals';
import type { NoteProposal } from '../../../lib/proposals/schemas';
import { GLOBEX_EXPANSION_IN_VIEW, sandboxDescribes } from '../proposals/describes-fixture';

const NOW = new Date(Date.UTC(2026, 10, 21, 17, 0, 0));

const TRANSCRIPT: Transcript = {
  fileName: 'globex-call.vtt',
  format: 'webvtt',
  lines: [
    { at: 3, speaker: 'Rosa Diaz', text: 'Thanks for joining. Our budget is approved at $480,000.' },
    { at: 252, speaker: 'Sam Ortiz', text: 'Great. I heard $450,000 last week.' },
    { at: 260, speaker: 'Rosa Diaz', text: 'No, the budget is approved at $520,000 now.' },
  ],
};

const OPPORTUNITY = GLOBEX_EXPANSION_IN_VIEW;

const part = (overrides: Partial<NoteProposal>): NoteProposal => ({
  activity: { subject: { value: 'Call with Rosa', evidence: 'Thanks for joining.' }, description: { value: 'Budget discussed.', evidence: 'Thanks for joining.' } },
  fieldUpdates: [],
  newContacts: [],
  followUps: [],
  namedOpportunities: [],
  ...overrides,
});

let describes: WriteDescribes;
beforeAll(async () => {
  describes = await sandboxDescribes();
});

describe('a call transcript in Log this note', () => {
  it('puts the rep’s own note before the turns, and knows where each turn is', () => {
    const source = noteSource({ text: 'Good call.', transcript: TRANSCRIPT });
    expect(source.text.startsWith('Good call.\n\n[0:03] Rosa Diaz: Thanks')).toBe(true);
    for (const span of source.spans) expect(source.text.slice(span.start, span.end)).toMatch(new RegExp(`${span.line.speaker}: `));
    expect(noteSource({ text: 'Just a note', transcript: null })).toEqual({ text: 'Just a note', spans: [] });
  });

  it('joins the parts of a long call: the opening subject, every summary in order, the later value of a field, each person once', () => {
    const contact = { firstName: { value: 'Tom', evidence: 'Tom' }, lastName: { value: 'Becker', evidence: 'Becker' } };
    const merged = mergeProposals([
      part({ fieldUpdates: [{ field: 'Amount', value: '480000', evidence: '$480,000' }], newContacts: [contact] }),
      part({
        activity: { subject: { value: 'Later subject', evidence: 'x' }, description: { value: 'Budget raised.', evidence: 'x' }, activityDate: { value: '2026-11-21', evidence: 'today' } },
        fieldUpdates: [{ field: 'Amount', value: '520000', evidence: '$520,000' }],
        newContacts: [{ ...contact, title: { value: 'Engineer', evidence: 'Engineer' } }],
        followUps: [{ subject: 'Send spec', dueDate: '2026-11-24', evidence: 'spec' }],
      }),
    ]);
    expect(merged.activity).toEqual({
      subject: { value: 'Call with Rosa', evidence: 'Thanks for joining.' },
      description: { value: 'Budget discussed.\n\nBudget raised.', evidence: 'Thanks for joining.' },
      activityDate: { value: '2026-11-21', evidence: 'today' },
    });
    expect(merged.fieldUpdates).toEqual([{ field: 'Amount', value: '520000', evidence: '$520,000' }]);
    expect(merged.newContacts).toEqual([contact]);
    expect(merged.followUps).toHaveLength(1);
  });

  it('ties each quote in the review to the speaker who said it and the time, and logs the call as a Call task', () => {
    const source = noteSource({ text: '', transcript: TRANSCRIPT });
    const proposal = part({ fieldUpdates: [{ field: 'Amount', value: '520000', evidence: 'the budget is approved at $520,000 now' }] });
    const review = attributeEvidence(buildReview(proposal, describes, OPPORTUNITY, source.text, NOW, { activitySubtype: 'Call' }), source.spans);
    const amount = review.cards.find((card) => card.kind === 'update')?.rows.find((row) => row.field === 'Amount');
    expect(amount).toMatchObject({ evidenceStatus: 'ok', evidenceSpeaker: 'Rosa Diaz at 4:20', checked: true });
    const activity = review.cards.find((card) => card.kind === 'activity');
    expect(activity?.rows.find((row) => row.field === 'Subject')).toMatchObject({ evidenceSpeaker: 'Rosa Diaz at 0:03' });
    expect(activity?.rows.find((row) => row.field === 'TaskSubtype')).toMatchObject({ value: 'Call', origin: 'groundwork' });
  });

  it('ties no speaker to a quote that is not in the transcript', () => {
    const source = noteSource({ text: '', transcript: TRANSCRIPT });
    const proposal = part({ fieldUpdates: [{ field: 'Amount', value: '999000', evidence: 'Rosa agreed to $999,000' }] });
    const review = attributeEvidence(buildReview(proposal, describes, OPPORTUNITY, source.text, NOW), source.spans);
    const amount = review.cards.find((card) => card.kind === 'update')?.rows.find((row) => row.field === 'Amount');
    expect(amount?.evidenceStatus).toBe('not-found');
    expect(amount?.evidenceSpeaker).toBeUndefined();
  });
});
