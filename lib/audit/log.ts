import { AppendConflict, IdbAuditBackend, type AuditBackend } from './backend';
import { ChainRecord, GENESIS_HASH, link, verifyRecords, type UnlinkedRecord, type VerifyResult } from './chain';
import { AuditEntry, AuditFilters, matchesFilters, NewAuditEntry, type AuditUser, type Outcome } from './entry';
import { compareHeads, headOf, type ChainHead, type Continuation } from './chain-head';
import { entriesToCsv, entriesToJson } from './export';

export interface AuditLogOptions {
  now?: () => Date;
  newId?: () => string;
  /**
   * The Salesforce user of an org's session in this browser: entries that name an org but no user are stamped with it,
   * so every feature's entries say who acted without each feature looking it up.
   */
  userOf?: (orgId: string) => Promise<AuditUser | null>;
}

/** What an outcome amendment says besides the outcome. */
export interface OutcomeDetails {
  /** Characters the rep changed before using the output (with accepted or edited). */
  editDistance?: number;
  /** The amendment's own id, given by whoever reports it: the same id appended twice is recorded once. */
  amendmentId?: string;
}

const VERIFY_PAGE = 500;
const APPEND_ATTEMPTS = 20;
const DAY_MS = 86_400_000;

/**
 * The audit trail: every generation and write, hash-chained. Only the background worker should write (it is the one
 * place that generates and writes); extension pages may read, verify and export. Appends are serialized here, and a
 * second writer elsewhere is caught by the seq key and retried.
 */
export class AuditLog {
  private readonly now: () => Date;
  private readonly userOf: AuditLogOptions['userOf'];
  private readonly newId: () => string;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly appended = new Set<(record: ChainRecord) => void>();

  constructor(
    private readonly backend: AuditBackend,
    options: AuditLogOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.userOf = options.userOf;
  }

  /** Records an entry (validated; id and time filled in when missing) and returns it as stored. */
  async record(input: NewAuditEntry): Promise<AuditEntry> {
    const parsed = NewAuditEntry.parse(input);
    const user = parsed.user ?? (parsed.orgId && this.userOf ? await this.userOf(parsed.orgId).catch(() => null) : null);
    const entry = AuditEntry.parse({
      ...parsed,
      ...(user ? { user } : {}),
      id: parsed.id ?? this.newId(),
      time: new Date(parsed.time ?? this.now()).toISOString(),
    });
    await this.append({ kind: 'entry', id: this.newId(), at: entry.time, entryId: entry.id, entry });
    return entry;
  }

  /**
   * What the rep did with an entry, appended as a chained amendment (entries are never rewritten): the latest
   * amendment is the outcome; thumbs are kept apart as `feedback`.
   */
  async updateOutcome(entryId: string, outcome: Outcome, details: OutcomeDetails = {}): Promise<void> {
    const history = await this.historyOf(entryId);
    if (!history.some((record) => record.kind === 'entry')) throw new Error(`No audit entry ${entryId}.`);
    const { editDistance, amendmentId } = details;
    // A report sent again (the worker stopped before it said it was recorded) is recorded once.
    if (amendmentId !== undefined && history.some((record) => record.id === amendmentId)) return;
    const id = amendmentId ?? this.newId();
    await this.append({ kind: 'outcome', id, at: this.now().toISOString(), entryId, outcome, ...(editDistance === undefined ? {} : { editDistance }) });
  }

  /** Calls back after every record this context appends (the org sink sends on activity); returns the unsubscribe. */
  onAppend(listener: (record: ChainRecord) => void): () => void {
    this.appended.add(listener);
    return () => this.appended.delete(listener);
  }

  /** Up to `limit` valid records from seq `fromSeq` on, in seq order (damaged ones are left to verify). */
  async recordsFrom(fromSeq: number, limit: number): Promise<ChainRecord[]> {
    return parsedRecords(await this.backend.page(fromSeq, limit));
  }

  /** An entry's record and its outcome amendments, in seq order. */
  async historyOf(entryId: string): Promise<ChainRecord[]> {
    return parsedRecords(await this.backend.byEntry(entryId));
  }


  /** Entries matching the filters, oldest first, with their outcome amendments folded in. */
  async query(filters: AuditFilters = {}): Promise<AuditEntry[]> {
    const wanted = AuditFilters.parse(filters);
    // Amendments come after their entry, so everything from `from` on holds both.
    const from = wanted.from === undefined ? undefined : new Date(wanted.from).toISOString();
    const entries = new Map<string, AuditEntry>();
    for (const raw of await this.backend.since(from)) {
      const parsed = ChainRecord.safeParse(raw);
      if (!parsed.success) continue;
      const record = parsed.data;
      if (record.kind === 'entry') entries.set(record.entryId, { ...record.entry });
      else if (record.kind === 'outcome') {
        const entry = entries.get(record.entryId);
        if (!entry) continue;
        if (record.outcome === 'feedback-up' || record.outcome === 'feedback-down') entry.feedback = record.outcome === 'feedback-up' ? 'up' : 'down';
        else entry.outcome = record.outcome;
        if (record.editDistance !== undefined) entry.editDistance = record.editDistance;
      }
    }
    return [...entries.values()].filter((entry) => matchesFilters(entry, wanted));
  }

  /** Every export names the chain's head when it was taken, whatever its filters: a later log is compared with it. */
  async exportJson(filters: AuditFilters = {}): Promise<string> {
    const chain = await this.head();
    return entriesToJson(await this.query(filters), { filters, exportedAt: this.now().toISOString(), chain });
  }

  async exportCsv(filters: AuditFilters = {}): Promise<string> {
    const chain = await this.head();
    return entriesToCsv(await this.query(filters), chain);
  }

  /** The hash of the last record and how many records the chain has held. */
  async head(): Promise<ChainHead> {
    return headOf(await this.backend.last());
  }

  /** Whether this log still continues the head an earlier export was taken at (unchanged up to it, nothing cut off). */
  async compareWith(earlier: ChainHead): Promise<Continuation> {
    return compareHeads(earlier, await this.head(), {
      at: async (seq) => {
        const [record] = await this.backend.page(seq, 1);
        return seqOf(record) === seq ? record : null;
      },
      firstSeq: async () => seqOf((await this.backend.page(0, 1))[0]),
    });
  }

  /** Checks the whole chain; names the first broken link, or gives the head hash to compare with a kept copy. */
  async verify(): Promise<VerifyResult> {
    return verifyRecords(this.pages());
  }

  /**
   * Deletes the oldest records, up to the first one recorded within the last `days` days, and appends a chained
   * checkpoint naming where the chain now starts. Removing a prefix (not any old record) keeps the rest linked; a
   * record stamped out of order merely waits for a later run.
   */
  async applyRetention(days: number, now: Date = this.now()): Promise<{ removed: number }> {
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    return this.serialized(async () => {
      let removed = 0;
      let firstPrevHash: string | null = null;
      let firstKeptSeq: number | null = null;
      for await (const raw of this.pages()) {
        const record = ChainRecord.safeParse(raw);
        // A damaged record before the cutoff stops retention: deleting it would hide the damage from verify.
        if (!record.success) return { removed: 0 };
        if (Date.parse(record.data.at) >= Date.parse(cutoff)) {
          firstPrevHash = record.data.prevHash;
          firstKeptSeq = record.data.seq;
          break;
        }
        removed += 1;
      }
      if (removed === 0) return { removed: 0 };
      const last = ChainRecord.parse(await this.backend.last());
      const seq = last.seq + 1;
      // Nothing kept but the checkpoint itself: the chain starts at it, after the last removed record.
      const anchor = firstPrevHash ?? last.hash;
      const checkpoint = await link(
        { kind: 'retention', id: this.newId(), at: now.toISOString(), firstPrevHash: anchor, removed, cutoff },
        seq,
        last.hash,
      );
      await this.backend.append(checkpoint, { deleteBelowSeq: firstKeptSeq ?? seq });
      return { removed };
    });
  }

  private async *pages(): AsyncGenerator<unknown> {
    let fromSeq = 0;
    for (;;) {
      const page = await this.backend.page(fromSeq, VERIFY_PAGE);
      for (const raw of page) yield raw;
      const lastSeq = seqOf(page.at(-1));
      if (page.length < VERIFY_PAGE || lastSeq === null) return;
      fromSeq = lastSeq + 1;
    }
  }

  private append(record: UnlinkedRecord): Promise<void> {
    return this.serialized(async () => {
      for (let attempt = 1; ; attempt += 1) {
        const last = await this.backend.last();
        const previous = last === null ? null : ChainRecord.safeParse(last);
        if (previous && !previous.success) throw new Error('The last audit record is damaged; run Verify.');
        const linked = await link(record, previous ? previous.data.seq + 1 : 0, previous ? previous.data.hash : GENESIS_HASH);
        // Validated, but stored as hashed: a parsed copy could differ in ways the hash would notice.
        ChainRecord.parse(linked);
        try {
          await this.backend.append(linked);
          for (const listener of this.appended) listener(linked);
          return;
        } catch (error) {
          if (!(error instanceof AppendConflict) || attempt >= APPEND_ATTEMPTS) throw error;
          // Back off by a random while, so two writers racing for the same seq do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    });
  }

  /** Runs one chain operation at a time in this context, so two appends never take the same previous hash. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function parsedRecords(raws: unknown[]): ChainRecord[] {
  return raws.flatMap((raw) => {
    const parsed = ChainRecord.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

function seqOf(raw: unknown): number | null {
  const seq = typeof raw === 'object' && raw !== null ? (raw as { seq?: unknown }).seq : undefined;
  return typeof seq === 'number' ? seq : null;
}

/** The log in this browser profile's IndexedDB. */
export function openAuditLog(options: AuditLogOptions & { dbName?: string } = {}): AuditLog {
  return new AuditLog(new IdbAuditBackend(options.dbName), options);
}
