/**
 * The org sink: when the administrator's policy turns it on, every entry of the rep's audit chain becomes a
 * Groundwork_AI_Event__c record in the org it concerns, written through the rep's own session.
 *
 * The queue is the chain itself: a durable cursor (the last seq sent) in extension storage says where sending stands,
 * so nothing waits in memory, a stopped worker loses nothing, and the local chain stays the source of truth. Sending
 * reads the records after the cursor, folds each entry with its outcome amendments, and upserts up to 200 events a
 * request by their external ID (sObject Collections), so a resend never duplicates. The cursor moves only after the org
 * answered; offline, on a server error or an expired session the events wait for the next try (the next activity, or
 * the alarm). An org that does not let the rep create events (the object is not deployed, or the rep lacks the
 * Groundwork AI User permission set) is remembered, with a message for the rep, and tried again on the alarm only.
 */
import { z } from 'zod/mini';
import type { AuditLog } from '../../../audit';
import type { KeyValueStore } from '../../../browser/store';
import { toSalesforceProblem } from '../../../salesforce/problems';
import { eventFields, EVENT_KEY_FIELD, EVENT_OBJECT, historyFrom, type EntryHistory, type EventValue, type OrgAuditContent } from './events';
import { t } from '../../../i18n';

export const ORG_AUDIT_STATE_KEY = 'org-audit:state';
export const ORG_AUDIT_ALARM = 'governance:org-audit';
export const ORG_AUDIT_ALARM_MINUTES = 5;
/** sObject Collections take at most 200 records a request. */
export const EVENTS_PER_REQUEST = 200;
const RECORDS_PER_READ = 1000;
const API_VERSION = '62.0';

/** The org's REST API through the rep's session (OrgClient fits). */
export interface OrgRequester {
  request(method: 'PATCH', path: string, body: unknown): Promise<unknown>;
}

export interface OrgAuditSinkDeps {
  log: Pick<AuditLog, 'recordsFrom' | 'historyOf'>;
  store: KeyValueStore;
  policy(): Promise<{ enabled: boolean; content: OrgAuditContent }>;
  /** The redaction applied to text before it goes to the model. */
  redact(): Promise<(text: string) => string>;
  /** A client for an org the rep enabled and is logged in to; null when there is no session for it now. */
  clientFor(orgId: string): Promise<OrgRequester | null>;
  now(): Date;
}

const Denied = z.object({ orgId: z.string(), message: z.string(), at: z.string(), dismissed: z._default(z.boolean(), false) });

export const OrgAuditState = z.object({
  /** The last chain seq whose event reached the org (or needs none); sending goes on after it. */
  sentThroughSeq: z.number().check(z.int()),
  sent: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  /** Events the org refused one by one (a validation rule…): not retried, counted and explained. */
  rejected: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  lastRejection: z._default(z.nullable(z.string()), null),
  /** Why the last try stopped (offline, session…), cleared by the next success. */
  waiting: z._default(z.nullable(z.string()), null),
  denied: z._default(z.nullable(Denied), null),
  lastSentAt: z._default(z.nullable(z.string()), null),
});
export type OrgAuditState = z.infer<typeof OrgAuditState>;

/** What a failed request means for the queue. */
type Failure = { kind: 'denied' | 'wait'; message: string };

const deniedMessage = (): string => t('orgSink_denied');

function classify(error: unknown): Failure {
  const { status, errorCode } = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown; errorCode?: unknown };
  const code = typeof errorCode === 'string' ? errorCode : '';
  if (['NOT_FOUND', 'INVALID_TYPE', 'INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY'].includes(code) || status === 403 || status === 404) {
    return { kind: 'denied', message: deniedMessage() };
  }
  // In the rep's words (offline, session expired, limits), as the panel says them.
  return { kind: 'wait', message: toSalesforceProblem(error).message };
}

const UpsertResults = z.array(
  z.object({ success: z.boolean(), errors: z._default(z.array(z.object({ statusCode: z.optional(z.string()), message: z.optional(z.string()) })), []) }),
);

interface Batch {
  orgId: string;
  histories: EntryHistory[];
  /** The seq the cursor may move to once this batch is in. */
  throughSeq: number;
}

export class OrgAuditSink {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: OrgAuditSinkDeps) {}

  async state(): Promise<OrgAuditState | null> {
    const parsed = OrgAuditState.safeParse(await this.deps.store.get(ORG_AUDIT_STATE_KEY));
    return parsed.success ? parsed.data : null;
  }

  /** The rep dismissed the message about a refusing org: it is not shown again unless it happens anew. */
  async dismissNotice(): Promise<void> {
    const state = await this.state();
    if (state?.denied) await this.save({ ...state, denied: { ...state.denied, dismissed: true } });
  }

  /**
   * Sends what waits: the first time, everything the local chain still holds. `retryDenied` (the alarm) tries an org
   * that refused before; activity does not.
   */
  flush(options: { retryDenied?: boolean } = {}): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain(options).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  private async drain(options: { retryDenied?: boolean }): Promise<void> {
    const policy = await this.deps.policy();
    if (!policy.enabled) return;
    let state = (await this.state()) ?? OrgAuditState.parse({ sentThroughSeq: -1 });
    if (state.denied && !options.retryDenied) return;
    const redact = await this.deps.redact();
    for (;;) {
      const batch = await this.nextBatch(state.sentThroughSeq);
      if (!batch) return;
      if (batch.histories.length === 0) {
        state = await this.save({ ...state, sentThroughSeq: batch.throughSeq });
        continue;
      }
      const outcome = await this.send(batch, policy.content, redact);
      if ('kind' in outcome) {
        const denied = outcome.kind === 'denied' ? { orgId: batch.orgId, message: outcome.message, at: this.deps.now().toISOString(), dismissed: state.denied?.dismissed ?? false } : state.denied;
        await this.save({ ...state, waiting: outcome.kind === 'wait' ? outcome.message : null, denied });
        return;
      }
      state = await this.save({
        ...state,
        sentThroughSeq: batch.throughSeq,
        sent: state.sent + outcome.sent,
        rejected: state.rejected + outcome.rejected.length,
        lastRejection: outcome.rejected.at(-1) ?? state.lastRejection,
        waiting: null,
        denied: null,
        lastSentAt: this.deps.now().toISOString(),
      });
    }
  }

  /**
   * The next entries to send, all of one org (up to 200, each once however many amendments it has). Records that need
   * no event (retention checkpoints, entries of no org) only move the cursor. Null when nothing follows the cursor.
   */
  private async nextBatch(afterSeq: number): Promise<Batch | null> {
    const records = await this.deps.log.recordsFrom(afterSeq + 1, RECORDS_PER_READ);
    if (records.length === 0) return null;
    const batch: Batch = { orgId: '', histories: [], throughSeq: afterSeq };
    const seen = new Set<string>();
    for (const record of records) {
      if (record.kind !== 'retention' && !seen.has(record.entryId)) {
        const history = historyFrom(await this.deps.log.historyOf(record.entryId));
        const orgId = history?.entry.entry.orgId;
        if (history && orgId) {
          if (batch.histories.length > 0 && (batch.orgId !== orgId || batch.histories.length >= EVENTS_PER_REQUEST)) break;
          batch.orgId = orgId;
          batch.histories.push(history);
          seen.add(record.entryId);
        }
      }
      batch.throughSeq = record.seq;
    }
    return batch;
  }

  private async send(batch: Batch, content: OrgAuditContent, redact: (text: string) => string): Promise<{ sent: number; rejected: string[] } | Failure> {
    const client = await this.deps.clientFor(batch.orgId).catch(() => null);
    if (!client) return { kind: 'wait', message: t('orgSink_notLoggedIn') };
    const records = batch.histories.map((history): Record<string, EventValue | { type: string }> => ({
      attributes: { type: EVENT_OBJECT },
      ...eventFields(history, content, redact),
    }));
    let reply: unknown;
    try {
      reply = await client.request('PATCH', `/services/data/v${API_VERSION}/composite/sobjects/${EVENT_OBJECT}/${EVENT_KEY_FIELD}`, { allOrNone: false, records });
    } catch (error) {
      return classify(error);
    }
    const results = UpsertResults.safeParse(reply);
    if (!results.success || results.data.length !== records.length) return { kind: 'wait', message: t('orgSink_unreadable') };
    const rejected = results.data.filter((result) => !result.success).map((result) => result.errors.map((error) => error.message ?? error.statusCode).join('; '));
    // Every record refused for want of access means the rep cannot create events at all.
    if (rejected.length === records.length && results.data.every((result) => result.errors.some((error) => error.statusCode?.startsWith('INSUFFICIENT_ACCESS')))) {
      return { kind: 'denied', message: deniedMessage() };
    }
    return { sent: records.length - rejected.length, rejected };
  }

  private async save(state: OrgAuditState): Promise<OrgAuditState> {
    await this.deps.store.set(ORG_AUDIT_STATE_KEY, state);
    return state;
  }
}
