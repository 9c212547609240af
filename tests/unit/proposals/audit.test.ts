import { beforeAll, describe, expect, it } from 'vitest';
import {
  asJson,
  fieldDecision,
  recordCommit,
  recordProposal,
  recordProposalOutcome,
  recordUndo,
  reviewDecision,
  type CardWrite,
  type WriteAuditLog,
} from '../../../lib/proposals/audit';
import { proposeAudited } from '../../../lib/proposals/model-call';
import { buildReview, editRow, NoteProposal, NoteProposalOutput, setCardIncluded, setRowChecked, type Review, type WriteDescribes } from '../../../lib/proposals';
import type { GenerationResult } from '../../../lib/model';
import { ModelProblem } from '../../../lib/model';
import { DEFAULT_PRICES } from '../../../lib/settings';
import { freshLog } from '../audit/audit-harness';
import { GLOBEX_EXPANSION_IN_VIEW, sandboxDescribes } from './describes-fixture';

const NOW = new Date(Date.UTC(2026, 10, 21, 17, 0, 0));
const ORG = '00D000000000001';
const NOTE = `Call with Rosa Diaz today.
Budget is approved at $520,000 and we moved to Proposal/Price Quote.`;

const OPPORTUNITY = GLOBEX_EXPANSION_IN_VIEW;

const PROPOSAL = NoteProposal.parse({
  activity: {
    subject: { value: 'Call with Rosa Diaz', evidence: 'Call with Rosa Diaz today' },
    description: { value: 'Budget approved; moved to proposal.', evidence: 'Budget is approved at $520,000' },
  },
  fieldUpdates: [
    { field: 'Amount', value: '520000', evidence: 'Budget is approved at $520,000' },
    { field: 'StageName', value: 'Proposal/Price Quote', evidence: 'we moved to Proposal/Price Quote' },
    { field: 'Secret__c', value: 'x', evidence: 'Call with Rosa Diaz' },
  ],
  newContacts: [],
  followUps: [{ subject: 'Send the quote', dueDate: '2026-11-24', evidence: 'moved to Proposal/Price Quote' }],
  namedOpportunities: [],
});

const RESULT: GenerationResult = {
  text: JSON.stringify(PROPOSAL),
  stopReason: 'end_turn',
  usage: { input: 2000, output: 500, cacheRead: 1000, cacheWrite: 0 },
  model: 'claude-sonnet-4-5',
  modelName: 'Claude Sonnet 4.5',
  latencyMs: 1800,
  firstTokenMs: 300,
  costUsd: 0,
};

let describes: WriteDescribes;
let review: Review;
beforeAll(async () => {
  describes = await sandboxDescribes();
  review = buildReview(PROPOSAL, describes, OPPORTUNITY, NOTE, NOW);
});

/** The rep edits the amount, leaves out the stage and the follow-up: a mix of every decision. */
function decided(): Review {
  const edited = editRow(review, describes, 'update', 'Amount', '515000');
  return setCardIncluded(setRowChecked(edited, 'update', 'StageName', false), 'follow_up_0', false);
}

const card = (from: Review, id: string) => {
  const found = from.cards.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
};

describe('recording a proposal', () => {
  it('records the redacted text sent, the model\'s JSON, model, tokens, cost by the rep\'s price table, prompt id and version, pending', async () => {
    const { log } = freshLog();
    const id = await recordProposal(log, {
      feature: 'log-note',
      prompt: { id: 'extract-note', version: 1 },
      sent: '<context>\nSSN [SSN-1]\n</context>',
      result: RESULT,
      prices: { 'claude-sonnet-4-5': { input: 6, output: 30, cacheRead: 0.6, cacheWrite: 7.5 } },
      orgId: ORG,
      recordId: OPPORTUNITY.id,
      objectName: 'Opportunity',
    });
    const [entry] = await log.query();
    expect(entry).toMatchObject({
      id,
      feature: 'log-note',
      promptId: 'extract-note',
      promptVersion: '1',
      model: 'claude-sonnet-4-5',
      tokens: { input: 2000, output: 500, cacheRead: 1000, cacheWrite: 0 },
      latencyMs: 1800,
      sent: '<context>\nSSN [SSN-1]\n</context>',
      received: RESULT.text,
      outcome: 'pending',
      orgId: ORG,
      recordId: OPPORTUNITY.id,
      objectName: 'Opportunity',
    });
    // The rep's table: $6 / $30 per million, cache reads $0.60 (not the defaults' $3 / $15).
    expect(entry?.costUsd).toBeCloseTo((2000 * 6 + 500 * 30 + 1000 * 0.6) / 1_000_000, 8);
  });

  it('amends the proposal with the rep\'s decision: accepted, edited, or rejected when cancelled', async () => {
    const { log } = freshLog();
    const call = { feature: 'extract-lead' as const, prompt: { id: 'extract-lead', version: 1 }, sent: 'x', result: RESULT, prices: DEFAULT_PRICES };
    const accepted = await recordProposal(log, call);
    const cancelled = await recordProposal(log, call);
    await recordProposalOutcome(log, accepted, 'accepted');
    await recordProposalOutcome(log, cancelled, 'rejected');
    await recordProposalOutcome(log, null, 'rejected');
    expect((await log.query()).map((entry) => [entry.id, entry.outcome])).toEqual([
      [accepted, 'accepted'],
      [cancelled, 'rejected'],
    ]);
  });

  it('records a failed model call with its error and raw text, and still fails', async () => {
    const { log } = freshLog();
    const deps = {
      auditLog: log,
      prices: async () => DEFAULT_PRICES,
      modelSettings: async () => {
        throw new ModelProblem('malformed-output', 'The model answered in a form Groundwork cannot read.', { rawText: '{"activity":' });
      },
    };
    const prompt = { id: 'extract-note', version: 1, variant: 'A' as const, system: [], user: [{ text: '<context>note</context>', cacheable: true }], userText: '<context>note</context>', maxTokens: 100 };
    // The call fails: the attempt is on record, with what was to be sent.
    await expect(proposeAudited(deps, NoteProposalOutput, prompt, { feature: 'log-note' })).rejects.toThrow(ModelProblem);
    const [entry] = await log.query();
    expect(entry).toMatchObject({
      feature: 'log-note',
      promptId: 'extract-note',
      sent: '<context>note</context>',
      received: '{"activity":',
      error: expect.stringContaining('cannot read'),
    });
  });

  it('never lets a failing audit store stop the rep\'s work', async () => {
    const broken: WriteAuditLog = {
      record: async () => {
        throw new Error('IndexedDB is gone');
      },
      updateOutcome: async () => {
        throw new Error('IndexedDB is gone');
      },
    };
    await expect(recordProposal(broken, { feature: 'log-note', prompt: { id: 'extract-note', version: 1 }, sent: '', prices: DEFAULT_PRICES })).resolves.toBeNull();
    await expect(recordProposalOutcome(broken, 'id-1', 'accepted')).resolves.toBeUndefined();
    await expect(recordCommit(broken, review, [])).resolves.toBe(0);
  });
});

describe('the rep\'s decision per field', () => {
  it('is accepted when written as proposed, edited when the rep changed it, rejected when left out', () => {
    const mixed = decided();
    const update = card(mixed, 'update');
    const rowOf = (field: string) => update.rows.find((row) => row.field === field) ?? update.rows[0]!;
    expect(fieldDecision(mixed, update, rowOf('Amount'))).toBe('edited');
    expect(fieldDecision(mixed, update, rowOf('StageName'))).toBe('rejected');
    expect(fieldDecision(mixed, update, rowOf('Secret__c'))).toBe('rejected');
    const activity = card(mixed, 'activity');
    expect(activity.rows.map((row) => fieldDecision(mixed, activity, row))).toEqual(activity.rows.map(() => 'accepted'));
    const followUp = card(mixed, 'follow_up_0');
    expect(followUp.rows.every((row) => fieldDecision(mixed, followUp, row) === 'rejected')).toBe(true);
  });

  it('sums up the proposal: edited when any written value is the rep\'s, rejected when nothing is written', () => {
    expect(reviewDecision(review)).toBe('accepted');
    expect(reviewDecision(setCardIncluded(review, 'follow_up_0', false))).toBe('accepted');
    expect(reviewDecision(decided())).toBe('edited');
    const nothing = review.cards.reduce(
      (acc, c) => (c.operation === 'create' ? setCardIncluded(acc, c.id, false) : c.rows.reduce((r, x) => setRowChecked(r, c.id, x.field, false), acc)),
      review,
    );
    expect(reviewDecision(nothing)).toBe('rejected');
  });
});

describe('recording a commit', () => {
  const writes = (taskId: string): CardWrite[] => [
    {
      cardId: 'update',
      payload: { method: 'PATCH', url: `/services/data/v62.0/sobjects/Opportunity/${OPPORTUNITY.id}`, body: { Amount: 515000 } },
      answer: null,
      recordId: OPPORTUNITY.id,
    },
    {
      cardId: 'activity',
      payload: { method: 'POST', url: '/services/data/v62.0/sobjects/Task', body: { Subject: 'Call with Rosa Diaz' } },
      answer: { id: taskId, success: true, errors: [] },
      recordId: taskId,
    },
  ];

  it('records one write entry per proposed field: payload, Salesforce\'s answer, before and after, the decision', async () => {
    const { log } = freshLog();
    const mixed = decided();
    const count = await recordCommit(log, mixed, writes('00T000000000001AAA'), { orgId: ORG });
    const entries = await log.query({ features: ['write'] });
    expect(count).toBe(mixed.cards.reduce((sum, c) => sum + c.rows.length, 0));
    expect(entries).toHaveLength(count);

    const amount = entries.find((entry) => entry.write?.objectName === 'Opportunity' && 'Amount' in (entry.write?.before ?? {}));
    expect(amount).toMatchObject({
      feature: 'write',
      outcome: 'edited',
      orgId: ORG,
      recordId: OPPORTUNITY.id,
      write: { operation: 'update', recordId: OPPORTUNITY.id, before: { Amount: 480_000 }, after: { Amount: 515_000 }, answer: null },
    });
    expect(JSON.parse(amount?.sent ?? '{}')).toMatchObject({ method: 'PATCH', body: { Amount: 515000 } });

    const stage = entries.find((entry) => 'StageName' in (entry.write?.before ?? {}));
    expect(stage).toMatchObject({ outcome: 'rejected', write: { before: { StageName: 'Negotiation/Review' }, after: {} } });

    const subject = entries.find((entry) => entry.write?.objectName === 'Task' && entry.write.after.Subject === 'Call with Rosa Diaz');
    expect(subject).toMatchObject({ outcome: 'accepted', recordId: '00T000000000001AAA', write: { operation: 'create', answer: { id: '00T000000000001AAA' } } });

    // The field outside describe was refused before the rep saw it, and says so.
    const secret = entries.find((entry) => entry.error?.includes('Refused before review'));
    expect(secret).toMatchObject({ outcome: 'rejected', write: { after: {} } });
    // The follow-up the rep left out: every field rejected, nothing sent.
    const followUp = entries.filter((entry) => entry.write?.objectName === 'Task' && entry.sent === '');
    expect(followUp.length).toBeGreaterThan(0);
    expect(followUp.every((entry) => entry.outcome === 'rejected')).toBe(true);
    expect(await log.verify()).toMatchObject({ ok: true });
  });

  it('records a refused write with Salesforce\'s error and nothing after', async () => {
    const { log } = freshLog();
    const refused: CardWrite = {
      cardId: 'activity',
      payload: { method: 'POST', url: '/services/data/v62.0/sobjects/Task', body: { Subject: 'x' } },
      answer: [{ errorCode: 'STRING_TOO_LONG', message: 'Subject: data value too large', fields: ['Subject'] }],
      error: 'Salesforce refused it (HTTP 400); nothing was written.',
    };
    await recordCommit(log, review, [refused], {}, new Set(['activity']));
    const entries = await log.query();
    expect(entries).toHaveLength(card(review, 'activity').rows.length);
    expect(entries.every((entry) => entry.error?.includes('refused') && Object.keys(entry.write?.after ?? {}).length === 0)).toBe(true);
    expect(entries[0]?.write?.answer).toEqual([{ errorCode: 'STRING_TOO_LONG', message: 'Subject: data value too large', fields: ['Subject'] }]);
  });

  it('records an undo: each restored record with the values going back, each deleted record, as taken back by the rep', async () => {
    const { log } = freshLog();
    const committed = {
      idempotencyKey: 'k1',
      committedAt: NOW.toISOString(),
      created: [{ itemId: 'activity', objectName: 'Task', id: '00T000000000001AAA', title: 'Call with Rosa Diaz', lastModifiedDate: '2026-11-21T17:00:00.000+0000' }],
      updated: [
        {
          itemId: 'update',
          objectName: 'Opportunity',
          id: OPPORTUNITY.id,
          name: OPPORTUNITY.name,
          fields: [{ field: 'Amount', before: 480_000, after: 515_000 }],
          lastModifiedDate: '2026-11-21T17:00:00.000+0000',
        },
      ],
    };
    const restore = { method: 'PATCH' as const, url: `/services/data/v62.0/sobjects/Opportunity/${OPPORTUNITY.id}`, referenceId: 'restore_0', body: { Amount: 480_000 } };
    const remove = { method: 'DELETE' as const, url: '/services/data/v62.0/sobjects/Task/00T000000000001AAA', referenceId: 'delete_0' };
    const count = await recordUndo(
      log,
      committed,
      [
        { action: 'restore', objectName: 'Opportunity', recordId: OPPORTUNITY.id, payload: restore, httpStatusCode: 204, answer: null },
        { action: 'delete', objectName: 'Task', recordId: '00T000000000001AAA', payload: remove, httpStatusCode: 400, answer: [{ errorCode: 'ENTITY_IS_DELETED' }] },
      ],
      { orgId: ORG },
    );
    expect(count).toBe(2);
    const [restored, deleted] = await log.query({ features: ['write'] }).then((entries) => [...entries].sort((a, b) => a.objectName?.localeCompare(b.objectName ?? '') ?? 0));
    expect(restored).toMatchObject({
      outcome: 'rejected',
      orgId: ORG,
      recordId: OPPORTUNITY.id,
      write: { operation: 'restore', before: { Amount: 515_000 }, after: { Amount: 480_000 } },
    });
    expect(JSON.parse(restored?.sent ?? '{}')).toMatchObject({ method: 'PATCH', body: { Amount: 480_000 } });
    expect(deleted).toMatchObject({ outcome: 'rejected', write: { operation: 'delete', answer: [{ errorCode: 'ENTITY_IS_DELETED' }] } });
    expect(deleted?.error).toContain('did not undo it (HTTP 400)');
    expect(await log.verify()).toMatchObject({ ok: true });
  });

  it('keeps answers as plain JSON', () => {
    expect(asJson(undefined)).toBeNull();
    expect(asJson({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(asJson(BigInt(1))).toBeNull();
  });
});
