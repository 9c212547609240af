/**
 * What the background keeps in memory for a click's sake: the effective settings (kept while their version holds) and
 * the budget's spend (kept until the audit log appends). Neither may ever be used stale.
 */
import { describe, expect, it } from 'vitest';
import { cachedSpend, settingsSource } from '../../../lib/features/governance/sources';
import { saveSettings } from '../../../lib/settings';
import { freshLog, generation } from '../audit/audit-harness';
import { memoryStore } from '../memory-store';

/** A store that counts its reads, to see what a use costs. */
function countingStore() {
  const store = memoryStore();
  let reads = 0;
  return {
    store: { ...store, get: (key: string) => ((reads += 1), store.get(key)) },
    reads: () => reads,
  };
}

describe('settings kept with their version', () => {
  it('reads storage once while the version holds, and again as soon as it changes', async () => {
    const { store, reads } = countingStore();
    let version = 'a';
    const source = settingsSource(store, memoryStore(), async () => version);
    await saveSettings(store, { prohibitedPhrases: ['guarantee'] });
    const first = await source.effective();
    const readsAfterFirst = reads();
    await source.effective();
    await source.effective();
    expect(reads()).toBe(readsAfterFirst);
    expect(first.settings.prohibitedPhrases).toEqual(['guarantee']);

    await saveSettings(store, { prohibitedPhrases: ['promise'] });
    // Until the change's news is out, the kept settings are what the version says; then they are read again.
    version = 'b';
    expect((await source.effective()).settings.prohibitedPhrases).toEqual(['promise']);
  });

  it('reads on every use without a version, as the extension pages do', async () => {
    const { store, reads } = countingStore();
    const source = settingsSource(store, memoryStore());
    await source.effective();
    const once = reads();
    await source.effective();
    expect(reads()).toBeGreaterThan(once);
  });

  it('does not keep a failed read', async () => {
    const store = memoryStore();
    let fail = true;
    const failing = { ...store, get: async (key: string) => (fail ? Promise.reject(new Error('IndexedDB closed')) : store.get(key)) };
    const source = settingsSource(failing, memoryStore(), async () => 'same');
    await expect(source.effective()).rejects.toThrow(/closed/);
    fail = false;
    await expect(source.effective()).resolves.toHaveProperty('settings');
  });
});

describe('the spend kept until the audit log appends', () => {
  it('answers later windows from the kept entries, and counts a new entry at once', async () => {
    const { log, clock } = freshLog('2026-03-02T09:00:00.000Z');
    await log.record(generation({ costUsd: 0.5 }));
    const spend = cachedSpend(log);
    const monthBack = (days: number) => new Date(clock.now.getTime() - days * 86_400_000).toISOString();
    expect((await spend.query({ from: monthBack(32) })).map((entry) => entry.costUsd)).toEqual([0.5]);
    expect(await spend.query({ from: new Date(clock.now.getTime() + 1000).toISOString() })).toEqual([]);
    await log.record(generation({ costUsd: 0.25 }));
    expect((await spend.query({ from: monthBack(32) })).map((entry) => entry.costUsd)).toEqual([0.5, 0.25]);
  });
});
