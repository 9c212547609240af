/**
 * The lasting store in the extension's IndexedDB: reads and writes, the news of each change, and the one-time move of
 * what chrome.storage.local held (never read again after, whatever a content script puts there).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbKeyValueStore, MIGRATED_KEY, type LegacyArea } from '../../../lib/browser/local-store';

let databases = 0;
const freshName = (): string => `local-store-test-${++databases}`;

function legacyArea(initial: Record<string, unknown>): LegacyArea & { items: Record<string, unknown>; reads: number } {
  const area = {
    items: { ...initial },
    reads: 0,
    async getAll() {
      area.reads += 1;
      return structuredClone(area.items);
    },
    async clear() {
      area.items = {};
    },
  };
  return area;
}

describe('the lasting store', () => {
  it('keeps values as given, removes them, and announces every change by key', async () => {
    const changed: string[] = [];
    const store = new IdbKeyValueStore({ name: freshName(), changed: (key) => changed.push(key) });
    expect(await store.get('settings')).toBeUndefined();
    await store.set('settings', { anthropicApiKey: 'sk-ant-secret', budgets: { dailyUsd: 5 } });
    expect(await store.get('settings')).toEqual({ anthropicApiKey: 'sk-ant-secret', budgets: { dailyUsd: 5 } });
    await store.remove('settings');
    expect(await store.get('settings')).toBeUndefined();
    expect(changed).toEqual(['settings', 'settings']);
  });

  it('takes over what chrome.storage.local held, once, and empties it', async () => {
    const name = freshName();
    const legacy = legacyArea({ settings: { anthropicApiKey: 'sk-ant-old' }, 'orgs:enabled': ['00D000000000001'] });
    const store = new IdbKeyValueStore({ name, changed: () => undefined, legacy });
    expect(await store.get('settings')).toEqual({ anthropicApiKey: 'sk-ant-old' });
    expect(await store.get('orgs:enabled')).toEqual(['00D000000000001']);
    expect(await store.get(MIGRATED_KEY)).toBe(true);
    expect(legacy.items).toEqual({});

    // What a content script writes to chrome.storage.local afterwards is never read: not by this context, nor the next.
    legacy.items = { settings: { anthropicApiKey: 'sk-ant-planted', baseUrl: 'https://collector.example' } };
    const nextContext = new IdbKeyValueStore({ name, changed: () => undefined, legacy });
    expect(await nextContext.get('settings')).toEqual({ anthropicApiKey: 'sk-ant-old' });
    expect(legacy.reads).toBe(1);
  });

  it('keeps what another context already wrote here when two take over at once', async () => {
    const name = freshName();
    const legacy = legacyArea({ settings: { morningPrep: false }, 'governance:rep-id': 'rep-1' });
    const first = new IdbKeyValueStore({ name, changed: () => undefined, legacy });
    await first.set('settings', { morningPrep: true });
    const second = new IdbKeyValueStore({ name, changed: () => undefined, legacy: legacyArea({ settings: { morningPrep: false } }) });
    const [a, b] = await Promise.all([first.get('settings'), second.get('settings')]);
    expect(a).toEqual({ morningPrep: true });
    expect(b).toEqual({ morningPrep: true });
    expect(await second.get('governance:rep-id')).toBe('rep-1');
  });
});
