import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, IdbAuditBackend, AuditLog } from '../../../lib/audit';
import { freshLog, generation, rawChain } from './audit-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function logWith(count: number) {
  const harness = freshLog();
  const entries = [];
  for (let index = 0; index < count; index += 1) {
    entries.push(await harness.log.record(generation({ received: `reply ${index}` })));
    harness.advance(HOUR);
  }
  const raw = await rawChain(harness.dbName);
  opened.push(raw);
  return { ...harness, entries, raw };
}

describe('the audit hash chain', () => {
  it('verifies an untouched log and reports its head hash', async () => {
    const { log, entries } = await logWith(4);
    const result = await log.verify();
    expect(result).toMatchObject({ ok: true, checked: 4 });
    expect(result.ok && result.head).toMatch(/^[0-9a-f]{64}$/);
    expect(result.ok && result.head).not.toBe(GENESIS_HASH);
    expect((await log.query()).map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
  });

  it('verifies an empty log', async () => {
    const { log } = freshLog();
    expect(await log.verify()).toEqual({ ok: true, checked: 0, head: GENESIS_HASH });
  });

  it('names the entry whose field was edited', async () => {
    const { log, raw, entries } = await logWith(4);
    const records = await raw.all();
    const target = records[1] as { entry: { costUsd: number } };
    target.entry.costUsd = 0;
    await raw.put(records[1] as Record<string, unknown>);

    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.broken).toMatchObject({ position: 1, seq: 1, entryId: entries[1]?.id, reason: 'altered' });
  });

  it('names the next entry when an edited entry had its own hash recomputed', async () => {
    const { log, raw, entries } = await logWith(4);
    const records = await raw.all();
    const target = records[1] as Record<string, unknown> & { entry: { received: string } };
    target.entry.received = 'something the model never said';
    // A careful forger fixes the edited record's hash; the next record still points at the old one.
    const { hashOf } = await import('../../../lib/audit/chain');
    target.hash = await hashOf(target);
    await raw.put(target);

    const result = await log.verify();
    expect(!result.ok && result.broken).toMatchObject({ position: 2, entryId: entries[2]?.id, reason: 'link' });
  });

  it('names the entry after a deleted one', async () => {
    const { log, raw, entries } = await logWith(4);
    await raw.delete(2);

    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.broken).toMatchObject({ position: 2, seq: 3, entryId: entries[3]?.id, reason: 'link' });
  });

  it('names the first moved entry when two entries are swapped', async () => {
    const { log, raw, entries } = await logWith(4);
    const records = await raw.all();
    const [second, third] = [records[1] as Record<string, unknown>, records[2] as Record<string, unknown>];
    await raw.put({ ...third, seq: 1 });
    await raw.put({ ...second, seq: 2 });

    const result = await log.verify();
    expect(!result.ok && result.broken).toMatchObject({ position: 1, seq: 1, entryId: entries[2]?.id, reason: 'link' });
  });

  it('notices the first entries deleted without a retention checkpoint', async () => {
    const { log, raw, entries } = await logWith(3);
    await raw.delete(0);

    const result = await log.verify();
    expect(!result.ok && result.broken).toMatchObject({ position: 0, entryId: entries[1]?.id, reason: 'start' });
  });

  it('reports a record that is no longer a valid audit record', async () => {
    const { log, raw } = await logWith(3);
    const records = await raw.all();
    await raw.put({ ...(records[1] as Record<string, unknown>), kind: 'something-else' });

    const result = await log.verify();
    expect(!result.ok && result.broken).toMatchObject({ position: 1, reason: 'unreadable' });
  });

  it('keeps appending correctly when two contexts write to the same database at once', async () => {
    const { log, dbName } = freshLog();
    const other = new AuditLog(new IdbAuditBackend(dbName));
    await Promise.all([
      ...Array.from({ length: 5 }, (_, index) => log.record(generation({ received: `a${index}` }))),
      ...Array.from({ length: 5 }, (_, index) => other.record(generation({ received: `b${index}` }))),
    ]);
    expect(await log.verify()).toMatchObject({ ok: true, checked: 10 });
  });
});

describe('outcome updates', () => {
  it('are chained amendments: the entry reads with its latest outcome and thumbs, and the chain verifies', async () => {
    const { log, entries, raw } = await logWith(2);
    const first = entries[0]?.id ?? '';
    await log.updateOutcome(first, 'edited');
    await log.updateOutcome(first, 'accepted');
    await log.updateOutcome(first, 'feedback-up');

    const [entry, untouched] = await log.query();
    expect(entry).toMatchObject({ id: first, outcome: 'accepted', feedback: 'up' });
    expect(untouched?.outcome).toBe('pending');
    expect(await log.verify()).toMatchObject({ ok: true, checked: 5 });
    // The recorded entry itself is never rewritten.
    expect((await raw.all())[0]).toMatchObject({ kind: 'entry', entry: { outcome: 'pending' } });
  });

  it('are caught when an amendment is edited', async () => {
    const { log, entries, raw } = await logWith(2);
    await log.updateOutcome(entries[0]?.id ?? '', 'rejected');
    const records = await raw.all();
    await raw.put({ ...(records[2] as Record<string, unknown>), outcome: 'accepted' });

    const result = await log.verify();
    expect(!result.ok && result.broken).toMatchObject({ position: 2, reason: 'altered', entryId: entries[0]?.id });
  });

  it('given the same amendment id twice (a report sent again after a stopped worker), are recorded once', async () => {
    const { log, entries } = await logWith(1);
    const first = entries[0]?.id ?? '';
    await log.updateOutcome(first, 'edited', { editDistance: 9, amendmentId: 'report-1' });
    await log.updateOutcome(first, 'edited', { editDistance: 9, amendmentId: 'report-1' });
    await log.updateOutcome(first, 'feedback-up', { amendmentId: 'report-2' });
    const history = await log.historyOf(first);
    expect(history.map((record) => record.kind === 'outcome' && `${record.id}:${record.outcome}`)).toEqual([false, 'report-1:edited', 'report-2:feedback-up']);
    expect(await log.verify()).toMatchObject({ ok: true, checked: 3 });
  });

  it('refuse an unknown entry', async () => {
    const { log } = await logWith(1);
    await expect(log.updateOutcome('no-such-entry', 'accepted')).rejects.toThrow('No audit entry');
  });
});

describe('retention', () => {
  it('deletes entries older than the window and the chain still verifies from its checkpoint', async () => {
    const { log, clock } = freshLog('2026-01-01T12:00:00.000Z');
    for (const daysAgo of [120, 100, 91, 89, 10, 0]) {
      await log.record(generation({ time: new Date(clock.now.getTime() - daysAgo * DAY).toISOString(), received: `${daysAgo} days ago` }));
    }
    const result = await log.applyRetention(90, clock.now);

    expect(result).toEqual({ removed: 3 });
    expect((await log.query()).map((entry) => entry.received)).toEqual(['89 days ago', '10 days ago', '0 days ago']);
    expect(await log.verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it('fails verification after retention when a kept entry is edited or the first kept one is deleted', async () => {
    const { log, clock, dbName } = freshLog('2026-01-01T12:00:00.000Z');
    for (const daysAgo of [100, 50, 40, 30]) await log.record(generation({ time: new Date(clock.now.getTime() - daysAgo * DAY).toISOString() }));
    await log.applyRetention(90, clock.now);
    const raw = await rawChain(dbName);
    opened.push(raw);
    const [firstKept, secondKept] = await raw.all();

    await raw.put({ ...(secondKept as Record<string, unknown>), at: clock.now.toISOString() });
    expect(await log.verify()).toMatchObject({ ok: false, broken: { position: 1, reason: 'altered' } });
    await raw.put(secondKept as Record<string, unknown>);
    expect(await log.verify()).toMatchObject({ ok: true });

    await raw.delete((firstKept as { seq: number }).seq);
    expect(await log.verify()).toMatchObject({ ok: false, broken: { position: 0, reason: 'start' } });
  });

  it('can remove every entry, leaving only its checkpoint, and the log goes on verifiably', async () => {
    const { log, advance } = freshLog('2026-01-01T12:00:00.000Z');
    await log.record(generation());
    await log.record(generation());
    advance(200 * DAY);

    expect(await log.applyRetention(90)).toEqual({ removed: 2 });
    expect(await log.query()).toEqual([]);
    await log.record(generation({ received: 'after' }));
    expect(await log.verify()).toMatchObject({ ok: true, checked: 2 });
  });

  it('runs again later over an earlier checkpoint, and does nothing when nothing is old enough', async () => {
    const { log, advance } = freshLog('2026-01-01T00:00:00.000Z');
    await log.record(generation());
    advance(30 * DAY);
    await log.record(generation());
    advance(70 * DAY);
    expect(await log.applyRetention(90)).toEqual({ removed: 1 });
    advance(30 * DAY);
    await log.record(generation());
    expect(await log.applyRetention(90)).toEqual({ removed: 1 });
    expect(await log.applyRetention(90)).toEqual({ removed: 0 });
    // Left: the first checkpoint (recorded within the window), the newest entry and the second checkpoint.
    expect(await log.verify()).toMatchObject({ ok: true, checked: 3 });
  });
});

describe('canonical JSON', () => {
  it('is the same text whatever the key order, and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"e":"x","f":2}]},"b":1}');
    expect(canonicalJson({ a: { c: undefined, d: [1, { e: 'x', f: 2 }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 'x' }] } }));
  });
});

describe('recording', () => {
  it('rejects an entry that does not validate and stores nothing', async () => {
    const { log } = freshLog();
    await expect(log.record(generation({ tokens: { input: -1, output: 0, cacheRead: 0, cacheWrite: 0 } }))).rejects.toThrow();
    expect(await log.query()).toEqual([]);
  });

  it('fills in the id, the time and the defaults', async () => {
    const { log } = freshLog('2026-03-02T09:00:00Z');
    const entry = await log.record({ feature: 'gmail-insert' });
    expect(entry).toMatchObject({
      id: 'id-1',
      time: '2026-03-02T09:00:00.000Z',
      outcome: 'pending',
      trigger: 'rep',
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      costUsd: 0,
    });
  });
});
