import { describe, expect, it, vi } from 'vitest';
import { editDistance, GenerationService, type GenerationAudit, type GenerationDeps, type GenerationOutcome } from '../../../lib/features/generate';
import { MAX_KEPT_GENERATIONS } from '../../../lib/features/generate/service';
import { Generation } from '../../../lib/features/generate/messages';
import { recordsToBrief } from '../../../lib/features/morning-prep/morning-prep';
import { memoryStore } from '../memory-store';

const SLOT = 'record:00D000000000001EAA:abcd:001000000000001AAA';

function stored(overrides: Partial<Generation> = {}): Generation {
  return Generation.parse({
    id: 'g1',
    feature: 'email',
    recordId: '001000000000001AAA',
    status: 'done',
    text: 'Subject: Renewal\n\nHi Dana,\n\nThe quote follows this week.\n\nBest,\nAlex',
    citations: [],
    unsupported: [],
    validation: [],
    findings: [],
    problem: null,
    promptId: 'email',
    promptVersion: '1',
    model: 'claude-sonnet-5-5',
    contextHash: 'h',
    stale: false,
    startedAt: '2026-03-02T09:00:00.000Z',
    finishedAt: '2026-03-02T09:00:05.000Z',
    feedback: null,
    auditId: 'audit-1',
    ...overrides,
  });
}

function setup(initial: Generation, slots = memoryStore()) {
  const store = memoryStore();
  const outcomes: [string, GenerationOutcome][] = [];
  const amendmentIds = new Set<string>();
  const audit: GenerationAudit = {
    record: async () => 'audit-2',
    // As the audit log does: an amendment id recorded once.
    recordOutcome: async (id, outcome, details) => {
      if (details?.amendmentId && amendmentIds.has(details.amendmentId)) return;
      if (details?.amendmentId) amendmentIds.add(details.amendmentId);
      outcomes.push([id, outcome]);
    },
  };
  const deps: GenerationDeps = {
    store,
    slots,
    audit,
    modelSettings: vi.fn(),
    promptVariant: async () => 'A',
    stream: vi.fn(),
    prohibitedPhrases: async () => [],
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    keepAlive: () => () => undefined,
    now: () => new Date('2026-03-02T10:00:00.000Z'),
    newId: () => 'g2',
  };
  const service = new GenerationService(deps);
  return { service, store, deps, outcomes, seed: () => store.set(`generation:${SLOT}:${initial.feature}`, initial) };
}

describe('edit distance', () => {
  it('counts the characters changed, skipping the common start and end', () => {
    expect(editDistance('Hi Dana, thanks', 'Hi Dana, thanks')).toBe(0);
    expect(editDistance('Hi Dana, thanks', 'Hi Dana, many thanks')).toBe(5);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('what the rep did with an output', () => {
  it('records a draft used as written as accepted, and once only', async () => {
    const { service, outcomes, seed } = setup(stored());
    await seed();
    const finalText = 'Subject: Renewal\n\nHi Dana,\n\nThe quote follows this week.\n\nBest,\nAlex';
    const used = await service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'copy', finalText });
    await service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'gmail-open', finalText });
    expect(used).toMatchObject({ outcome: 'accepted', editDistance: 0 });
    expect(outcomes).toEqual([['audit-1', 'accepted']]);
  });

  it('records an edited draft as edited with the distance, and keeps the edit without an amendment', async () => {
    const { service, outcomes, seed } = setup(stored());
    await seed();
    const kept = await service.report(SLOT, 'email', 'g1', { kind: 'edit', subject: 'Renewal', body: 'Hi Dana,\n\nThe quote follows on Monday.' });
    expect(kept?.edited).toEqual({ subject: 'Renewal', body: 'Hi Dana,\n\nThe quote follows on Monday.' });
    const used = await service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'gmail-insert', finalText: 'Subject: Renewal\n\nHi Dana,\n\nThe quote follows on Monday.' });
    expect(used?.outcome).toBe('edited');
    expect(used?.editDistance).toBeGreaterThan(0);
    expect(outcomes).toEqual([['audit-1', 'edited']]);
  });

  it('records thumbs once per change and keeps a later reason without a second amendment', async () => {
    const { service, outcomes, seed } = setup(stored({ feature: 'summary', text: 'A summary.' }));
    await seed();
    await service.report(SLOT, 'summary', 'g1', { kind: 'feedback', value: 'down' });
    const withReason = await service.report(SLOT, 'summary', 'g1', { kind: 'feedback', value: 'down', reason: 'Missed the open case' });
    expect(withReason).toMatchObject({ feedback: 'down', feedbackReason: 'Missed the open case' });
    await service.report(SLOT, 'summary', 'g1', { kind: 'feedback', value: 'up' });
    expect(outcomes).toEqual([
      ['audit-1', 'feedback-down'],
      ['audit-1', 'feedback-up'],
    ]);
  });

  it('applies reports in order, so an edit and a copy a moment apart both stay', async () => {
    const { service, seed } = setup(stored());
    await seed();
    const edit = service.report(SLOT, 'email', 'g1', { kind: 'edit', subject: 'Renewal', body: 'Changed' });
    const used = service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'copy', finalText: 'Subject: Renewal\n\nChanged' });
    await Promise.all([edit, used]);
    expect(await used).toMatchObject({ outcome: 'edited', edited: { subject: 'Renewal', body: 'Changed' } });
  });

  it('ignores a report on an output since replaced: the new output is not what the rep copied', async () => {
    const { service, outcomes, seed } = setup(stored());
    await seed();
    expect(await service.report(SLOT, 'email', 'g0-replaced', { kind: 'used', via: 'copy', finalText: 'Subject: Old\n\nOld draft' })).toBeNull();
    expect(outcomes).toEqual([]);
  });

  it('records a copy that reached the worker just ahead of Regenerate on the output it was about, then marks that output regenerated', async () => {
    const { service, deps, outcomes, seed } = setup(stored());
    await seed();
    // The audit's write of the copy takes a while, as an IndexedDB write does.
    const record = deps.audit.recordOutcome;
    deps.audit.recordOutcome = async (id, outcome, details) => {
      if (outcome === 'edited') await new Promise((resolve) => setTimeout(resolve, 20));
      await record(id, outcome, details);
    };
    const graph = { root: { objectName: 'Account', id: '001000000000001AAA', fields: {} }, rootName: 'Umbrella', objectLabel: 'Account', related: [], fieldMeta: {}, fetchedAt: '2026-03-02T09:00:00.000Z' };
    const target = { slotKey: SLOT, recordId: '001000000000001AAA', graph, lastVisit: null, changes: [], api: { apiVersion: '62.0', composite: async () => new Map() } };
    const used = service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'copy', finalText: 'Subject: Renewal\n\nChanged' }, 'report-1');
    // The model is not reached in this test: what matters is what the audit heard before the output was replaced.
    const regenerated = service.generate(target, 'email', null).catch(() => null);
    await Promise.all([used, regenerated]);
    expect(outcomes).toEqual([
      ['audit-1', 'edited'],
      ['audit-1', 'regenerated'],
    ]);
  });

  it('records a copy once when the worker stopped between the audit amendment and saving the output, and the panel sent it again', async () => {
    const { service, store, outcomes, seed } = setup(stored());
    await seed();
    const finalText = 'Subject: Renewal\n\nHi Dana,\n\nThe quote follows on Monday.\n\nBest,\nAlex';
    const save = store.set.bind(store);
    store.set = () => Promise.reject(new Error('the worker stopped'));
    await expect(service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'copy', finalText }, 'report-1')).rejects.toThrow('the worker stopped');
    store.set = save;
    const again = await service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'copy', finalText }, 'report-1');
    expect(again).toMatchObject({ outcome: 'edited' });
    expect(outcomes).toEqual([['audit-1', 'edited']]);
    // Sent a third time after it was saved (the acknowledgement was lost): nothing more is recorded.
    await service.report(SLOT, 'email', 'g1', { kind: 'used', via: 'copy', finalText }, 'report-1');
    expect(outcomes).toEqual([['audit-1', 'edited']]);
  });

  it('finds the output a report names after the worker restarted, whatever record is in view then', async () => {
    const slots = memoryStore();
    const first = setup(stored(), slots);
    await first.seed();
    const graph = { root: { objectName: 'Account', id: '001000000000001AAA', fields: {} }, rootName: 'Umbrella', objectLabel: 'Account', related: [], fieldMeta: {}, fetchedAt: '2026-03-02T09:00:00.000Z' };
    expect(await first.service.kept({ slotKey: SLOT, graph }, ['email'])).toHaveLength(1);
    const restarted = new GenerationService({ ...first.deps });
    expect(await restarted.slotOf('g1')).toBe(SLOT);
    expect(await restarted.slotOf('unknown')).toBeUndefined();
  });

  it('ignores reports on an output still streaming', async () => {
    const { service, outcomes, seed } = setup(stored({ status: 'streaming' }));
    await seed();
    expect(await service.report(SLOT, 'email', 'g1', { kind: 'feedback', value: 'up' })).toBeNull();
    expect(outcomes).toEqual([]);
  });
});

describe('generations kept', () => {
  it(`are at most ${MAX_KEPT_GENERATIONS}: the least recently written go first, those kept before the bound too`, async () => {
    const { service, store } = setup(stored());
    const slot = (index: number): string => `record:00D000000000001EAA:abcd:001000000000${String(index).padStart(3, '0')}AAA`;
    // One more generation than the bound, kept before there was one.
    for (let index = 0; index <= MAX_KEPT_GENERATIONS; index += 1) await store.set(`generation:${slot(index)}:email`, stored());
    // Thumbs on the oldest write it again through the service: it stays, the next oldest goes.
    await service.report(slot(0), 'email', 'g1', { kind: 'feedback', value: 'up' });
    expect(store.keys().filter((key) => key.startsWith('generation:'))).toHaveLength(MAX_KEPT_GENERATIONS);
    expect(await store.get(`generation:${slot(0)}:email`)).toMatchObject({ feedback: 'up' });
    expect(await store.get(`generation:${slot(1)}:email`)).toBeUndefined();
  });
});

describe('morning prep', () => {
  it('briefs each event’s related record once: its What, else its Who, else the event', () => {
    const what = '006000000000001AAA';
    const who = '003000000000001AAA';
    const event = '00U000000000003AAA';
    expect(
      recordsToBrief([
        { Id: '00U000000000001AAA', WhatId: what, WhoId: who },
        { Id: '00U000000000002AAA', WhatId: null, WhoId: who },
        { Id: event, WhatId: null, WhoId: null },
        { Id: '00U000000000004AAA', WhatId: what, WhoId: null },
      ]),
    ).toEqual([what, who, event]);
  });
});
