/**
 * What the org sink has still to send, per org, read from the same places the sink reads (its durable cursor and the
 * chain after it): the options page shows it without asking the worker. Each entry counts once, however many of its
 * outcome amendments follow the cursor; records of no org (retention checkpoints, entries outside any org) need none.
 */
import type { AuditLog } from '../../../audit';
import type { KeyValueStore } from '../../../browser/store';
import { historyFrom } from './events';
import { ORG_AUDIT_STATE_KEY, OrgAuditState } from './sink';

const RECORDS_PER_READ = 1000;

export interface OrgAuditStatus {
  state: OrgAuditState | null;
  /** Events waiting to be sent, by org id, in the order the sink will send them. */
  waiting: { orgId: string; events: number }[];
}

export async function orgAuditStatus(log: Pick<AuditLog, 'recordsFrom' | 'historyOf'>, store: KeyValueStore): Promise<OrgAuditStatus> {
  const parsed = OrgAuditState.safeParse(await store.get(ORG_AUDIT_STATE_KEY));
  const state = parsed.success ? parsed.data : null;
  const waiting = new Map<string, Set<string>>();
  const seen = new Set<string>();
  let next = (state?.sentThroughSeq ?? -1) + 1;
  for (;;) {
    const records = await log.recordsFrom(next, RECORDS_PER_READ);
    if (records.length === 0) break;
    for (const record of records) {
      if (record.kind === 'retention' || seen.has(record.entryId)) continue;
      seen.add(record.entryId);
      const orgId = record.kind === 'entry' ? record.entry.orgId : historyFrom(await log.historyOf(record.entryId))?.entry.entry.orgId;
      if (orgId) waiting.set(orgId, (waiting.get(orgId) ?? new Set()).add(record.entryId));
    }
    next = (records.at(-1)?.seq ?? next) + 1;
  }
  return { state, waiting: [...waiting].map(([orgId, entries]) => ({ orgId, events: entries.size })) };
}
