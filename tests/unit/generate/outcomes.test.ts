import { describe, expect, it, vi } from 'vitest';
import { editDistance, GenerationService, type GenerationAudit, type GenerationDeps, type GenerationOutcome } from '../../../lib/features/generate';
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

function setup(initial: Generation) {
  const store = memoryStore();
  const outcomes: [string, GenerationOutcome][] = [];
  const audit: GenerationAudit = {
    record: async () => 'audit-2',
    recordOutcome: async (id, outcome) => {
      outcomes.push([id, outcome]);
    },
  };
  const deps: GenerationDeps = {
    store,
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
  return { service, outcomes, seed: () => store.set(`generation:${SLOT}:${initial.feature}`, initial) };
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

  it('ignores reports on an output still streaming', async () => {
    const { service, outcomes, seed } = setup(stored({ status: 'streaming' }));
    await seed();
    expect(await service.report(SLOT, 'email', 'g1', { kind: 'feedback', value: 'up' })).toBeNull();
    expect(outcomes).toEqual([]);
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
