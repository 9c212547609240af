/**
 * The proposal workflow the write features configure: one change of a proposal at a time, work of a phase landing
 * only while the proposal is still in it, a phase the stopped worker left turned back into one the rep can redo, and
 * the proposal's outcome in the audit trail.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProposalPhase } from '../../../lib/proposals/messages';
import { ProposalWorkflow } from '../../../lib/proposals/workflow';
import { freshLog } from '../audit/audit-harness';
import { memoryStore } from '../memory-store';

const State = z.object({ phase: ProposalPhase, review: z.null(), problem: z.string().nullable(), note: z.string() });
type State = z.infer<typeof State>;

function setup() {
  const store = memoryStore();
  const shown: (State | null)[] = [];
  let alive = 0;
  const { log } = freshLog();
  const config = {
    store,
    schema: State,
    publish: (_windowId: number, state: State | null) => void shown.push(state),
    keepAlive: () => {
      alive += 1;
      return () => void (alive -= 1);
    },
    auditLog: log,
    interrupted: { proposing: 'The proposal was interrupted.', committing: 'Writing was interrupted.' },
  };
  return { store, shown, log, config, workflow: new ProposalWorkflow<State>(config), alive: () => alive };
}

const draft: State = { phase: 'draft', review: null, problem: null, note: 'Call with Rosa' };

describe('the proposal workflow', () => {
  it('runs one change of a key at a time, and goes on after a failure', async () => {
    const { workflow } = setup();
    const order: string[] = [];
    const slow = workflow.queued('k', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
      throw new Error('failed');
    });
    const fast = workflow.queued('k', async () => order.push('second'));
    await expect(slow).rejects.toThrow('failed');
    await fast;
    expect(order).toEqual(['first', 'second']);
  });

  it('keeps and shows each change; a change that gives nothing keeps the state as it was', async () => {
    const { workflow, store, shown } = setup();
    await workflow.update('k', 1, () => draft);
    await workflow.update('k', 1, () => null);
    expect(await store.get('k')).toEqual(draft);
    expect(shown).toEqual([draft]);
  });

  it('lands the work of a phase while the proposal is still in it, keeping the worker alive meanwhile', async () => {
    const { workflow, shown, alive } = setup();
    await workflow.update('k', 1, () => ({ ...draft, phase: 'proposing' }));
    let aliveDuringWork = 0;
    const { landed } = await workflow.run(
      'k',
      1,
      'proposing',
      async () => {
        aliveDuringWork = alive();
        return 'proposed';
      },
      (state, result) => ({ ...state, phase: 'review', note: result }),
    );
    expect(aliveDuringWork).toBe(1);
    expect(alive()).toBe(0);
    expect(landed).toMatchObject({ phase: 'review', note: 'proposed' });
    expect(shown.at(-1)).toMatchObject({ phase: 'review' });
  });

  it('drops the result of work whose proposal left that phase meanwhile (the rep cancelled)', async () => {
    const { workflow, store } = setup();
    await workflow.update('k', 1, () => ({ ...draft, phase: 'proposing' }));
    const { landed } = await workflow.run(
      'k',
      1,
      'proposing',
      async () => {
        await workflow.update('k', 1, (state) => (state ? { ...state, phase: 'draft' } : null));
        return 'late';
      },
      (state, result) => ({ ...state, phase: 'review', note: result }),
    );
    expect(landed).toBeNull();
    expect(await store.get('k')).toMatchObject({ phase: 'draft', note: 'Call with Rosa' });
  });

  it('turns a phase a stopped worker left unfinished back into one the rep can redo, with words saying so', async () => {
    const { config, store } = setup();
    await store.set('a', { ...draft, phase: 'proposing' });
    await store.set('b', { ...draft, phase: 'committing' });
    await store.set('c', { ...draft, phase: 'committed' });
    // A new worker: nothing of the old one's work runs.
    const restarted = new ProposalWorkflow<State>(config);
    expect(await restarted.recovered('a')).toMatchObject({ phase: 'draft', problem: 'The proposal was interrupted.' });
    expect(await restarted.recovered('b')).toMatchObject({ phase: 'review', problem: 'Writing was interrupted.' });
    expect(await restarted.recovered('c')).toMatchObject({ phase: 'committed', problem: null });
    expect(await store.get('a')).toMatchObject({ phase: 'draft' });
  });

  it('does not call work that is still running interrupted', async () => {
    const { workflow } = setup();
    await workflow.update('k', 1, () => ({ ...draft, phase: 'proposing' }));
    let seen: State | null = null;
    await workflow.run(
      'k',
      1,
      'proposing',
      async () => {
        seen = await workflow.recovered('k');
        return 'done';
      },
      (state) => ({ ...state, phase: 'review' }),
    );
    expect(seen).toMatchObject({ phase: 'proposing', problem: null });
  });

  it('drops a stored state its schema refuses', async () => {
    const { workflow, store } = setup();
    await store.set('k', { phase: 'exploded' });
    expect(await workflow.load('k')).toBeNull();
  });

  it("records the rep's cancel as the proposal's outcome in the audit trail", async () => {
    const { workflow, log } = setup();
    const { id } = await log.record({ feature: 'log-note', sent: 'note', received: '{}', outcome: 'pending' });
    await workflow.rejected([id]);
    expect((await log.query()).find((entry) => entry.id === id)?.outcome).toBe('rejected');
  });
});
