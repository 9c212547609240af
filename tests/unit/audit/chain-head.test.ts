/**
 * What Verify cannot see, an earlier export can: a log with records cut off its end, or rebuilt with every hash
 * recomputed, still verifies on its own; compared with the head an earlier export names, it does not continue it.
 */
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, parseExport } from '../../../lib/audit';
import { hashOf } from '../../../lib/audit/chain';
import { freshLog, generation, rawChain } from './audit-harness';

async function logWith(entries: number) {
  const harness = freshLog();
  for (let index = 0; index < entries; index += 1) {
    await harness.log.record(generation({ recordId: `001000000000${String(index).padStart(3, '0')}AAA` }));
    harness.advance(60_000);
  }
  return harness;
}

/** The head named in a JSON export of the log. */
async function exportedHead(log: Awaited<ReturnType<typeof logWith>>['log']) {
  const read = parseExport(await log.exportJson({ features: ['write'] }));
  if ('problem' in read || !read.chain) throw new Error('the export names no head');
  return read.chain;
}

describe('the chain head', () => {
  it('is the last hash and the number of records, named in every export whatever its filters', async () => {
    const { log } = await logWith(3);
    const verified = await log.verify();
    const head = await log.head();
    expect(verified).toEqual({ ok: true, checked: 3, head: head.hash });
    expect(head.records).toBe(3);
    expect(await exportedHead(log)).toEqual(head);
    const csv = (await log.exportCsv()).trim().split('\r\n');
    expect(csv[0]?.endsWith(',chainHead,chainRecords')).toBe(true);
    expect(csv.slice(1).every((row) => row.endsWith(`,${head.hash},3`))).toBe(true);
    expect(await freshLog().log.head()).toEqual({ hash: GENESIS_HASH, records: 0 });
  });

  it('shows that the log continues an earlier export, with how many records came since', async () => {
    const { log } = await logWith(2);
    const earlier = await exportedHead(log);
    await log.record(generation());
    await log.updateOutcome((await log.query())[0]?.id ?? '', 'accepted');
    expect(await log.compareWith(earlier)).toEqual({ kind: 'continues', added: 2 });
  });

  it('catches records cut off the end, which Verify alone passes', async () => {
    const { log, dbName } = await logWith(4);
    const earlier = await exportedHead(log);
    const raw = await rawChain(dbName);
    await raw.delete(3);
    await raw.delete(2);
    raw.close();
    expect((await log.verify()).ok).toBe(true);
    expect(await log.compareWith(earlier)).toEqual({ kind: 'truncated', exported: 4, now: 2 });
  });

  it('catches a log rebuilt with an entry changed and every hash recomputed, which Verify alone passes', async () => {
    const { log, dbName } = await logWith(3);
    const earlier = await exportedHead(log);
    const raw = await rawChain(dbName);
    let previous = GENESIS_HASH;
    for (const record of await raw.all()) {
      const entry = record.entry as { costUsd: number };
      const rebuilt: Record<string, unknown> = { ...record, prevHash: previous, entry: { ...entry, costUsd: 0 } };
      rebuilt.hash = await hashOf(rebuilt);
      previous = String(rebuilt.hash);
      await raw.put(rebuilt);
    }
    raw.close();
    expect((await log.verify()).ok).toBe(true);
    expect(await log.compareWith(earlier)).toEqual({ kind: 'rewritten', record: 3 });
  });

  it('says when retention has since removed the part an export named', async () => {
    const { log, advance } = await logWith(2);
    const earlier = await exportedHead(log);
    advance(40 * 86_400_000);
    await log.record(generation());
    await log.applyRetention(30);
    expect(await log.compareWith(earlier)).toEqual({ kind: 'removed-by-retention', record: 2 });
  });
});
