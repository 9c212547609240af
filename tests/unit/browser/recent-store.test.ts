/** The bound on one kind of key: most recently written kept, the oldest removed with their values, others untouched. */
import { describe, expect, it } from 'vitest';
import { keepRecent } from '../../../lib/browser/recent-store';
import { memoryStore } from '../memory-store';

describe('keepRecent', () => {
  it('keeps the most recently written keys of its kind and removes the oldest with their values', async () => {
    const raw = memoryStore();
    const store = keepRecent(raw, { prefix: 'generation:', max: 3, indexKey: 'index:generations' });
    for (const name of ['a', 'b', 'c']) await store.set(`generation:${name}`, name);
    await store.set('generation:a', 'a again');
    await store.set('generation:d', 'd');
    expect(await raw.get('generation:b')).toBeUndefined();
    expect(await store.get('generation:a')).toBe('a again');
    expect(await raw.get('index:generations')).toEqual(['generation:c', 'generation:a', 'generation:d']);
  });

  it('leaves keys of other kinds alone, however many', async () => {
    const raw = memoryStore();
    const store = keepRecent(raw, { prefix: 'record:', max: 1, indexKey: 'index:records' });
    for (let tab = 0; tab < 5; tab += 1) await store.set(`tab:${tab}`, tab);
    await store.set('record:1', 1);
    await store.set('record:2', 2);
    expect(raw.keys().filter((key) => key.startsWith('tab:'))).toHaveLength(5);
    expect(raw.keys().filter((key) => key.startsWith('record:'))).toEqual(['record:2']);
  });

  it('loses no entry of its index when many writes run at once, and forgets a removed key', async () => {
    const raw = memoryStore();
    const store = keepRecent(raw, { prefix: 'write-ledger:', max: 50, indexKey: 'index:write-ledger' });
    await Promise.all(Array.from({ length: 60 }, (_, index) => store.set(`write-ledger:${index}`, index)));
    const kept = raw.keys().filter((key) => key.startsWith('write-ledger:'));
    expect(kept).toHaveLength(50);
    expect([...((await raw.get('index:write-ledger')) as string[])].sort()).toEqual([...kept].sort());
    await store.remove(kept[0] ?? '');
    expect(await raw.get('index:write-ledger')).toHaveLength(49);
  });

  it('counts the keys of its kind written before the bound existed, and drops those first', async () => {
    const raw = memoryStore();
    for (const name of ['old-1', 'old-2']) await raw.set(`generation:${name}`, name);
    const store = keepRecent(raw, { prefix: 'generation:', max: 2, indexKey: 'index:generations' });
    await store.set('generation:new', 'new');
    expect(raw.keys().filter((key) => key.startsWith('generation:')).sort()).toEqual(['generation:new', 'generation:old-2']);
  });
});
