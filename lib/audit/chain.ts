import { z } from 'zod/mini';
import { AuditEntry, OUTCOMES } from './entry';
import { t, type MessageKey } from '../i18n';

/**
 * The audit log is a hash chain: every record carries the hash of the one before it and its own hash over its content
 * (canonical JSON, SHA-256 through WebCrypto). Editing a record breaks its own hash; deleting, inserting or moving one
 * breaks the link of the record after it. Retention removes the oldest records and appends a chained checkpoint that
 * names where the remaining chain starts, so the log stays verifiable.
 *
 * Limits, said plainly: with no secret involved, someone who can rewrite the whole database can also recompute every
 * hash, and cutting records off the end leaves no broken link. Comparing `head` with a copy kept elsewhere (an export)
 * catches both.
 */

export const GENESIS_HASH = '0'.repeat(64);
const Hash = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const Linked = {
  /** Storage order; not hashed, since order is what the links protect. */
  seq: z.number().check(z.int(), z.nonnegative()),
  /** This record's own id (an outcome amendment has one too). */
  id: z.string().check(z.minLength(1)),
  at: z.iso.datetime(),
  prevHash: Hash,
  hash: Hash,
};

export const EntryRecord = z.object({ ...Linked, kind: z.literal('entry'), entryId: z.string().check(z.minLength(1)), entry: AuditEntry });
export const OutcomeRecord = z.object({
  ...Linked,
  kind: z.literal('outcome'),
  entryId: z.string().check(z.minLength(1)),
  outcome: z.enum(OUTCOMES),
  /** Characters the rep changed before using the output (with accepted or edited). */
  editDistance: z.optional(z.number().check(z.int(), z.nonnegative())),
});
/** Written by retention: every record before the one whose prevHash is `firstPrevHash` was deleted on purpose. */
export const RetentionRecord = z.object({
  ...Linked,
  kind: z.literal('retention'),
  firstPrevHash: Hash,
  removed: z.number().check(z.int(), z.nonnegative()),
  cutoff: z.iso.datetime(),
});
export const ChainRecord = z.discriminatedUnion('kind', [EntryRecord, OutcomeRecord, RetentionRecord]);
export type ChainRecord = z.infer<typeof ChainRecord>;
export type EntryRecord = z.infer<typeof EntryRecord>;
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;
export type RetentionRecord = z.infer<typeof RetentionRecord>;

/** A record before it is linked: the store fills in seq, prevHash and hash. */
export type UnlinkedRecord =
  | Omit<EntryRecord, 'seq' | 'prevHash' | 'hash'>
  | Omit<OutcomeRecord, 'seq' | 'prevHash' | 'hash'>
  | Omit<RetentionRecord, 'seq' | 'prevHash' | 'hash'>;

/** JSON with object keys sorted (by UTF-16 code units) and undefined members left out: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The hash of a record as stored: over everything but its seq and its own hash, so an added field counts too. */
export async function hashOf(record: object): Promise<string> {
  const content: Record<string, unknown> = { ...record };
  delete content.seq;
  delete content.hash;
  return sha256Hex(canonicalJson(content));
}

export async function link<T extends UnlinkedRecord>(record: T, seq: number, prevHash: string): Promise<T & { seq: number; prevHash: string; hash: string }> {
  const linked = { ...record, seq, prevHash };
  return { ...linked, hash: await hashOf(linked) };
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

export type BreakReason = 'altered' | 'link' | 'start' | 'unreadable';

export interface BrokenLink {
  /** 0-based position in the log as it is stored now. */
  position: number;
  seq: number | null;
  /** The record's id; for an entry or its outcome, also the entry's. */
  id: string | null;
  entryId: string | null;
  reason: BreakReason;
  message: string;
}

export type VerifyResult = { ok: true; checked: number; head: string } | { ok: false; checked: number; broken: BrokenLink };

const MESSAGES: Record<BreakReason, MessageKey> = {
  altered: 'chain_altered',
  link: 'chain_link',
  start: 'chain_start',
  unreadable: 'chain_unreadable',
};

/**
 * Walks the records in storage order and names the first broken link. The chain may start at the genesis hash or,
 * after retention, where the latest retention checkpoint says it starts; since that checkpoint is known only at the
 * end, the start is judged last (and still reported first, being position 0).
 */
export async function verifyRecords(records: AsyncIterable<unknown>): Promise<VerifyResult> {
  let position = 0;
  let previousHash: string | null = null;
  let firstPrevHash: string | null = null;
  let firstRecord: { seq: number | null; id: string | null; entryId: string | null } | null = null;
  let latestAnchor: string | null = null;
  let broken: BrokenLink | null = null;

  for await (const raw of records) {
    const parsed = ChainRecord.safeParse(raw);
    const identity = identify(raw);
    if (!parsed.success) {
      broken ??= breakAt(position, identity, 'unreadable');
    } else {
      const record = parsed.data;
      if (record.kind === 'retention') latestAnchor = record.firstPrevHash;
      if (!broken && (await hashOf(raw as object)) !== record.hash) broken = breakAt(position, identity, 'altered');
      if (!broken && previousHash !== null && record.prevHash !== previousHash) broken = breakAt(position, identity, 'link');
      if (position === 0) firstPrevHash = record.prevHash;
      previousHash = record.hash;
    }
    if (position === 0) firstRecord = identity;
    position += 1;
  }

  const startOk = firstRecord === null || firstPrevHash === GENESIS_HASH || (firstPrevHash !== null && firstPrevHash === latestAnchor);
  if (firstRecord && !startOk && (broken === null || broken.position > 0)) broken = breakAt(0, firstRecord, 'start');
  if (broken) return { ok: false, checked: position, broken };
  return { ok: true, checked: position, head: previousHash ?? GENESIS_HASH };
}

function identify(raw: unknown): { seq: number | null; id: string | null; entryId: string | null } {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    seq: typeof fields.seq === 'number' ? fields.seq : null,
    id: typeof fields.id === 'string' ? fields.id : null,
    entryId: typeof fields.entryId === 'string' ? fields.entryId : null,
  };
}

function breakAt(position: number, identity: ReturnType<typeof identify>, reason: BreakReason): BrokenLink {
  return { position, ...identity, reason, message: t(MESSAGES[reason]) };
}
