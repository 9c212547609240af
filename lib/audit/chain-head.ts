/**
 * The chain's head: the hash of its last record and how many records it has held since it began (retention removes
 * the oldest but never renumbers). An export carries the head it was taken at; comparing a log with an earlier export's
 * head shows whether the log still continues what was exported, which a log checked on its own cannot show: cutting
 * records off its end, or rebuilding it with every hash recomputed, leaves a chain that verifies.
 */
import { z } from 'zod/mini';
import { ChainRecord, GENESIS_HASH } from './chain';

export const ChainHead = z.object({
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Records appended since the chain began: the head is record number `records` (none: the genesis hash). */
  records: z.number().check(z.int(), z.nonnegative()),
});
export type ChainHead = z.infer<typeof ChainHead>;

export const EMPTY_HEAD: ChainHead = { hash: GENESIS_HASH, records: 0 };

export type Continuation =
  /** The record the earlier head names is here, unchanged; `added` records came after it. */
  | { kind: 'continues'; added: number }
  /** The log ends before the earlier head: records were cut off its end. */
  | { kind: 'truncated'; exported: number; now: number }
  /** The log holds a different record where the earlier head was: it was rebuilt or rewritten. */
  | { kind: 'rewritten'; record: number }
  /** Retention has removed that part of the log since, so it can no longer be compared. */
  | { kind: 'removed-by-retention'; record: number };

export function headOf(last: unknown): ChainHead {
  if (last === null || last === undefined) return EMPTY_HEAD;
  const record = ChainRecord.parse(last);
  return { hash: record.hash, records: record.seq + 1 };
}

/**
 * Whether the log continues an earlier head. `at(seq)` gives the stored record with that seq (null when there is none),
 * `firstSeq` the lowest seq still stored.
 */
export async function compareHeads(
  earlier: ChainHead,
  now: ChainHead,
  log: { at(seq: number): Promise<unknown>; firstSeq(): Promise<number | null> },
): Promise<Continuation> {
  if (earlier.records === 0) return { kind: 'continues', added: now.records };
  if (now.records < earlier.records) return { kind: 'truncated', exported: earlier.records, now: now.records };
  const seq = earlier.records - 1;
  const first = await log.firstSeq();
  if (first !== null && seq < first) return { kind: 'removed-by-retention', record: earlier.records };
  const stored = ChainRecord.safeParse(await log.at(seq));
  if (!stored.success || stored.data.hash !== earlier.hash) return { kind: 'rewritten', record: earlier.records };
  return { kind: 'continues', added: now.records - earlier.records };
}
