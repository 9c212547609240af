import { describe, expect, it } from 'vitest';
import { badgeOf, tabsFor, type FeatureStates } from '../../../components/record-view/record-tabs';
import { iconShape } from '../../../components/shared/Icon';
import { visibleTabs } from '../../../components/shared/OverflowTabs';
import { Generation } from '../../../lib/features/generate/messages';
import { loadPlace, RecordPlace, setPlaceStorage, usePlaceStore } from '../../../lib/panel/place';
import { memoryStore } from '../memory-store';

const generation = (overrides: Partial<Generation>): Generation =>
  Generation.parse({
    id: 'g1',
    feature: 'brief',
    recordId: '001000000000001AAA',
    status: 'done',
    text: 'A brief.',
    citations: [],
    unsupported: [],
    validation: [],
    findings: [],
    problem: null,
    promptId: 'brief',
    promptVersion: '1',
    model: 'Demo model',
    contextHash: 'h',
    stale: false,
    startedAt: '2026-03-02T09:00:00.000Z',
    finishedAt: null,
    feedback: null,
    auditId: null,
    ...overrides,
  });

const place = (seen: Record<string, string> = {}): RecordPlace => ({ seen, scroll: {}, forms: {} });

describe('the record’s feature tabs', () => {
  it('offer deal insights on an opportunity only, leave out what the rep switched off, keep what the organization turned off', () => {
    expect(tabsFor('Account', null, [])).toEqual(['summary', 'brief', 'email', 'note', 'ask']);
    expect(tabsFor('Opportunity', { ask: false }, [])).toEqual(['summary', 'brief', 'insights', 'email', 'note']);
    expect(tabsFor('Opportunity', { ask: false }, ['ask'])).toContain('ask');
  });

  it('badge running work always, and a result or a problem until the rep has looked at it', () => {
    const streaming: FeatureStates = { generations: { brief: generation({ status: 'streaming' }) }, notes: null, ask: null };
    expect(badgeOf('brief', streaming, place(), 'brief')).toBe('running');
    const done: FeatureStates = { generations: { brief: generation({}) }, notes: null, ask: null };
    expect(badgeOf('brief', done, place(), 'summary')).toBe('new');
    expect(badgeOf('brief', done, place({ brief: 'g1:done' }), 'summary')).toBeNull();
    expect(badgeOf('brief', done, place(), 'brief')).toBeNull();
    const failed: FeatureStates = { generations: { brief: generation({ status: 'failed', text: '' }) }, notes: null, ask: null };
    expect(badgeOf('brief', failed, place(), 'summary')).toBe('problem');
    expect(badgeOf('summary', done, place(), 'brief')).toBeNull();
  });

  it('fit on one line: the tabs that do not fit go under More, the chosen one always shown', () => {
    const widths = [80, 50, 70, 55, 50, 45];
    expect(visibleTabs(widths, 400, 60, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(visibleTabs(widths, 300, 60, 0)).toEqual([0, 1, 2]);
    expect(visibleTabs(widths, 300, 60, 5)).toEqual([0, 1, 5]);
    for (let width = 100; width <= 400; width += 7) {
      for (let active = 0; active < widths.length; active += 1) {
        const shown = visibleTabs(widths, width, 60, active);
        expect(shown).toContain(active);
        const used = shown.reduce((sum, index) => sum + (widths[index] ?? 0), 0) + (shown.length < widths.length ? 60 : 0);
        if (shown.length > 1) expect(used).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe('SLDS icons drawn inline', () => {
  it('take each file’s own view box and paths', () => {
    expect(iconShape('<svg viewBox="0 0 52 52"><path d="M1 2"/><path fill="x" d="M3 4z"/></svg>')).toEqual({ viewBox: '0 0 52 52', paths: ['M1 2', 'M3 4z'] });
  });
});

describe('the panel’s place per record', () => {
  it('is read back through its schema: a damaged entry gives the empty place, not a crash', async () => {
    const store = memoryStore();
    setPlaceStorage(store);
    await store.set('panel:place:001000000000001AAA', { tab: 'brief', seen: { brief: 'g1:done' }, scroll: { brief: 120 }, forms: {} });
    await store.set('panel:place:001000000000002AAA', { tab: 42, seen: 'nope' });
    expect(await loadPlace('001000000000001AAA')).toMatchObject({ tab: 'brief', scroll: { brief: 120 } });
    expect(await loadPlace('001000000000002AAA')).toEqual({ seen: {}, scroll: {}, forms: {} });
    expect(Object.keys(usePlaceStore.getState().places)).toEqual(['001000000000001AAA', '001000000000002AAA']);
  });
});
