/**
 * Writing a plan to Salesforce, exactly as planned, once.
 *
 * - One `/composite` request with allOrNone: each update (PATCH with `If-Unmodified-Since`, the record's
 *   LastModifiedDate when its values were read, so a record changed meanwhile answers 412 and nothing is written),
 *   then the creates, later ones pointing to earlier ones with `@{ref.id}`; each written record is read back for its
 *   new LastModifiedDate, which guards its undo (undo.ts).
 * - Exactly once. A double click shares the commit already running (same idempotency key). A committed key is kept in
 *   the ledger (ledger.ts) and answers with the same result without writing. A lost response (the connection dropped,
 *   a 5xx) leaves the outcome unknown: before sending again, one composite GET looks for what the commit would have
 *   written (each created record by its values and link, created since the commit began; or the updated record
 *   already holding the new values). Found: it was written, and the result is rebuilt from what was found. Not found:
 *   allOrNone means nothing was written, so it is sent again, once. The ledger marks a key "sending" before the
 *   request goes, so a retry after the service worker stopped mid-commit also looks first. The probe cannot tell apart
 *   an identical record the rep created by hand within the same ten minutes.
 * - Salesforce's refusals (REQUIRED_FIELD_MISSING, STRING_TOO_LONG, …) come back by item, with the fields they name.
 */
import { z } from 'zod/mini';
import { MAX_SUBREQUESTS } from './context/api';
import type { CommitLedger } from './ledger';
import { SalesforceProblem } from './problems';
import { isSoqlWritable, soqlString } from './soql-text';
import type { Committed, PlannedWrite, SalesforceError, WritePlan, WriteValue } from './write-plan';
import { errorsOf, httpDate, sendAllOrNone, sobjectUrl, type CompositeAnswer, type HttpMethod, type Subrequest, type WriteApi } from './write-request';
import { t } from '../i18n';

/** What one item sent and what Salesforce answered for it, for the audit trail. */
export interface WriteExchange {
  itemId: string;
  /** The subrequest as sent (method, url, body, headers). */
  payload: { method: HttpMethod; url: string; body?: Record<string, WriteValue>; httpHeaders?: Record<string, string> };
  httpStatusCode: number;
  answer: unknown;
}

export type PlanOutcome =
  | {
      kind: 'committed';
      committed: Committed;
      /** Answered from the ledger or the probe: nothing sent this time. */
      replayed: boolean;
      /** Per item, the request and its answer (absent when replayed: nothing was sent). */
      exchanges?: WriteExchange[];
    }
  /** An updated record changed after it was read (412): nothing written. */
  | { kind: 'record-changed' }
  /** Salesforce refused: nothing written; its errors by item. */
  | { kind: 'rejected'; errors: Map<string, SalesforceError[]>; exchanges: WriteExchange[] }
  | { kind: 'nothing-to-write' }
  /** The plan's update of the record in view is for another record than the one in view now. */
  | { kind: 'wrong-record' }
  /** No answer even after looking and one retry: whether it was written is unknown; retrying with the same key is safe. */
  | { kind: 'unknown'; problem: SalesforceProblem };

export interface CommitOptions {
  /** The record the panel shows now; the plan's update of the record in view must be for this record. */
  recordInView: { id: string } | null;
  /** One key per confirmation click's intent: the same key never writes twice. */
  idempotencyKey: string;
  ledger: CommitLedger;
  /** Field types by object, for the probe after a lost response. */
  fieldType: (objectName: string, field: string) => string | undefined;
  clock?: () => Date;
}

const AFTER_PREFIX = 'after_';

function bodyOf(item: PlannedWrite, written: ReadonlySet<string>): Record<string, WriteValue> {
  const body: Record<string, WriteValue> = {};
  for (const { field, value } of item.fields) body[field] = value;
  if (item.operation === 'create') {
    for (const [field, link] of Object.entries(item.links)) {
      if (link.kind === 'record') body[field] = link.id;
      else if (written.has(link.itemId)) body[field] = `@{${link.itemId}.id}`;
    }
  }
  return body;
}

/**
 * The written record's LastModifiedDate, read in the same request: what undo will require to be unchanged. A created
 * record is named by the reference to its create (`@{ref.id}`, which must reach Salesforce unencoded).
 */
function readBack(apiVersion: string, item: PlannedWrite, objectName: string, id: string | null): Subrequest {
  const url = id === null ? `${sobjectUrl(apiVersion, objectName)}/@{${item.id}.id}` : sobjectUrl(apiVersion, objectName, id);
  return { method: 'GET', url: `${url}?fields=LastModifiedDate`, referenceId: `${AFTER_PREFIX}${item.id}` };
}

function buildSubrequests(apiVersion: string, items: PlannedWrite[]): Subrequest[] {
  const written = new Set(items.map((item) => item.id));
  return items.flatMap((item): Subrequest[] => {
    if (item.operation === 'create') {
      return [
        { method: 'POST', url: sobjectUrl(apiVersion, item.objectName), referenceId: item.id, body: bodyOf(item, written) },
        readBack(apiVersion, item, item.objectName, null),
      ];
    }
    const target = item.target;
    if (!target) return [];
    return [
      {
        method: 'PATCH',
        url: sobjectUrl(apiVersion, target.objectName, target.id),
        referenceId: item.id,
        body: bodyOf(item, written),
        httpHeaders: { 'If-Unmodified-Since': httpDate(target.lastModifiedDate) },
      },
      readBack(apiVersion, item, target.objectName, target.id),
    ];
  });
}

const CreateAnswer = z.object({ id: z.string() });
const LastModified = z.looseObject({ LastModifiedDate: z.nullish(z.string()) });

function committedFrom(key: string, items: PlannedWrite[], idsByItem: Map<string, string>, modifiedByItem: Map<string, string | null>, at: Date): Committed {
  return {
    idempotencyKey: key,
    committedAt: at.toISOString(),
    created: items
      .filter((item) => item.operation === 'create')
      .map((item) => ({ itemId: item.id, objectName: item.objectName, id: idsByItem.get(item.id) ?? '', title: item.title, lastModifiedDate: modifiedByItem.get(item.id) ?? null })),
    updated: items
      .filter((item) => item.operation === 'update' && item.target)
      .map((item) => ({
        itemId: item.id,
        objectName: item.target?.objectName ?? item.objectName,
        id: item.target?.id ?? '',
        name: item.title,
        fields: item.fields.map((field) => ({ field: field.field, before: field.before ?? null, after: field.value })),
        lastModifiedDate: modifiedByItem.get(item.id) ?? null,
      })),
  };
}

const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

// Was it written? (after a lost response)

/** The margin for clock differences between the browser and Salesforce when asking "created since the commit began". */
const PROBE_MARGIN_MS = 10 * 60 * 1000;
const PROBE_TYPES = new Set(['string', 'email', 'phone', 'picklist', 'date', 'url']);
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A query finding the record a create would have made: its short values and record links, created since `since`. */
function probeQuery(item: PlannedWrite, fieldTypes: CommitOptions['fieldType'], since: Date): string {
  const conditions: string[] = [];
  for (const { field, value } of item.fields) {
    const type = fieldTypes(item.objectName, field);
    if (typeof value !== 'string' || !type || !PROBE_TYPES.has(type) || value.length > 255 || !isSoqlWritable(value)) continue;
    if (type !== 'date') conditions.push(`${field} = ${soqlString(value)}`);
    else if (DATE.test(value)) conditions.push(`${field} = ${value}`);
  }
  for (const [field, link] of Object.entries(item.links)) {
    if (link.kind === 'record' && RECORD_ID.test(link.id)) conditions.push(`${field} = ${soqlString(link.id)}`);
  }
  const stamp = new Date(since.getTime() - PROBE_MARGIN_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  conditions.push(`CreatedDate >= ${stamp}`);
  return `SELECT Id, LastModifiedDate FROM ${item.objectName} WHERE ${conditions.join(' AND ')} ORDER BY CreatedDate DESC LIMIT 1`;
}

type ProbeResult = { kind: 'written'; committed: Committed } | { kind: 'not-written' } | { kind: 'unclear' };

async function probe(api: WriteApi, key: string, items: PlannedWrite[], since: Date, fieldTypes: CommitOptions['fieldType'], clock: () => Date): Promise<ProbeResult> {
  const creates = items.filter((item) => item.operation === 'create');
  const updates = items.filter((item) => item.operation === 'update' && item.target);
  const subrequests = [
    ...creates.map((item) => ({
      referenceId: item.id,
      url: `/services/data/v${api.apiVersion}/query?q=${encodeURIComponent(probeQuery(item, fieldTypes, since))}`,
    })),
    ...updates.map((item) => ({
      referenceId: item.id,
      url: `${sobjectUrl(api.apiVersion, item.target?.objectName ?? '', item.target?.id)}?fields=${['LastModifiedDate', ...item.fields.map((field) => field.field)].join(',')}`,
    })),
  ];
  if (subrequests.length > MAX_SUBREQUESTS) return { kind: 'unclear' };
  const answers = await api.composite(subrequests);
  const ids = new Map<string, string>();
  const modified = new Map<string, string | null>();
  let found = 0;
  for (const item of creates) {
    const records = (answers.get(item.id)?.body as { records?: { Id?: unknown; LastModifiedDate?: unknown }[] } | undefined)?.records ?? [];
    const [record] = records;
    if (typeof record?.Id === 'string') {
      ids.set(item.id, record.Id);
      modified.set(item.id, typeof record.LastModifiedDate === 'string' ? record.LastModifiedDate : null);
      found += 1;
    }
  }
  for (const item of updates) {
    const body = answers.get(item.id)?.body as Record<string, unknown> | undefined;
    const holds = !!body && item.fields.every((field) => asValue(body[field.field]) === field.value);
    const stamp = typeof body?.LastModifiedDate === 'string' ? body.LastModifiedDate : null;
    const changedSince = stamp !== null && item.target !== undefined && stamp !== item.target.lastModifiedDate;
    modified.set(item.id, stamp);
    if (holds && changedSince) found += 1;
  }
  if (found === 0) return { kind: 'not-written' };
  if (found < creates.length + updates.length) return { kind: 'unclear' };
  return { kind: 'written', committed: committedFrom(key, items, ids, modified, clock()) };
}

// The commit

const running = new Map<string, Promise<PlanOutcome>>();

const ambiguous = (error: unknown): error is SalesforceProblem =>
  error instanceof SalesforceProblem && (error.kind === 'network' || error.kind === 'server');

/** Each item's subrequest (an update's, not its read-back) with Salesforce's answer to it. */
function exchangesOf(subrequests: Subrequest[], answer: CompositeAnswer): WriteExchange[] {
  const byRef = new Map(answer.compositeResponse.map((response) => [response.referenceId, response]));
  return subrequests
    .filter((subrequest) => !subrequest.referenceId.startsWith(AFTER_PREFIX))
    .map((subrequest) => {
      const response = byRef.get(subrequest.referenceId);
      return {
        itemId: subrequest.referenceId,
        payload: {
          method: subrequest.method,
          url: subrequest.url,
          ...(subrequest.body ? { body: subrequest.body } : {}),
          ...(subrequest.httpHeaders ? { httpHeaders: subrequest.httpHeaders } : {}),
        },
        httpStatusCode: response?.httpStatusCode ?? 0,
        answer: response?.body ?? null,
      };
    });
}

/** Salesforce's refusals by item (the halted rest of an allOrNone request left out). */
function refusals(answer: CompositeAnswer): Map<string, SalesforceError[]> {
  const failures = new Map<string, SalesforceError[]>();
  for (const response of answer.compositeResponse) {
    if (response.httpStatusCode < 300 || response.referenceId.startsWith(AFTER_PREFIX)) continue;
    const errors = errorsOf(response.body).filter((error) => error.code !== 'PROCESSING_HALTED');
    if (errors.length > 0) failures.set(response.referenceId, errors);
  }
  return failures;
}

function interpret(items: PlannedWrite[], subrequests: Subrequest[], answer: CompositeAnswer, key: string, at: Date): PlanOutcome {
  const byRef = new Map(answer.compositeResponse.map((response) => [response.referenceId, response]));
  if (items.some((item) => item.operation === 'update' && byRef.get(item.id)?.httpStatusCode === 412)) {
    return { kind: 'record-changed' };
  }
  if (answer.compositeResponse.some((response) => response.httpStatusCode >= 300)) {
    return { kind: 'rejected', errors: refusals(answer), exchanges: exchangesOf(subrequests, answer) };
  }
  const ids = new Map<string, string>();
  const modified = new Map<string, string | null>();
  for (const item of items) {
    if (item.operation === 'create') ids.set(item.id, CreateAnswer.parse(byRef.get(item.id)?.body).id);
    modified.set(item.id, LastModified.safeParse(byRef.get(`${AFTER_PREFIX}${item.id}`)?.body).data?.LastModifiedDate ?? null);
  }
  return { kind: 'committed', committed: committedFrom(key, items, ids, modified, at), replayed: false, exchanges: exchangesOf(subrequests, answer) };
}

async function commitOnce(api: WriteApi, plan: WritePlan, options: CommitOptions): Promise<PlanOutcome> {
  const clock = options.clock ?? ((): Date => new Date());
  const key = options.idempotencyKey;
  const remembered = await options.ledger.get(key);
  if (remembered?.state === 'committed') return { kind: 'committed', committed: remembered.committed, replayed: true };

  const items = plan.items;
  if (items.length === 0) return { kind: 'nothing-to-write' };
  // The record in view's own update must be for the record the panel shows; another record's update (a duplicate the
  // rep chose among the look-up's matches) has its target from that look-up.
  const own = items.find((item) => item.ofRecordInView);
  const inView = options.recordInView;
  if (own && (!inView || own.target?.id !== inView.id || plan.recordId !== inView.id)) return { kind: 'wrong-record' };
  const subrequests = buildSubrequests(api.apiVersion, items);
  if (subrequests.length > MAX_SUBREQUESTS) {
    throw new Error(`a plan commits at most ${MAX_SUBREQUESTS} subrequests; use createRecords for large batches`);
  }

  // An earlier attempt may have been written without its answer reaching us: look before sending again.
  if (remembered?.state === 'sending') {
    const found = await probe(api, key, items, new Date(remembered.startedAt), options.fieldType, clock);
    if (found.kind === 'written') {
      await options.ledger.set(key, { state: 'committed', committed: found.committed });
      return { kind: 'committed', committed: found.committed, replayed: true };
    }
    if (found.kind === 'unclear') return { kind: 'unknown', problem: new SalesforceProblem('server', t('commit_unclear')) };
  }

  const startedAt = remembered?.state === 'sending' ? new Date(remembered.startedAt) : clock();
  await options.ledger.set(key, { state: 'sending', startedAt: startedAt.toISOString() });
  let answer: CompositeAnswer;
  try {
    answer = await sendAllOrNone(api, subrequests);
  } catch (error) {
    if (!ambiguous(error)) {
      await options.ledger.delete(key);
      throw error;
    }
    const found = await probe(api, key, items, startedAt, options.fieldType, clock).catch(() => ({ kind: 'unclear' as const }));
    if (found.kind === 'written') {
      await options.ledger.set(key, { state: 'committed', committed: found.committed });
      return { kind: 'committed', committed: found.committed, replayed: true };
    }
    if (found.kind === 'unclear') return { kind: 'unknown', problem: error };
    try {
      answer = await sendAllOrNone(api, subrequests);
    } catch (second) {
      if (ambiguous(second)) return { kind: 'unknown', problem: second };
      await options.ledger.delete(key);
      throw second;
    }
  }
  const outcome = interpret(items, subrequests, answer, key, clock());
  if (outcome.kind === 'committed') await options.ledger.set(key, { state: 'committed', committed: outcome.committed });
  else await options.ledger.delete(key);
  return outcome;
}

/** Writes the plan, once (see the top of this file). */
export function commitPlan(api: WriteApi, plan: WritePlan, options: CommitOptions): Promise<PlanOutcome> {
  const key = options.idempotencyKey;
  const already = running.get(key);
  if (already) return already;
  const commit = commitOnce(api, plan, options).finally(() => running.delete(key));
  running.set(key, commit);
  return commit;
}

/** Field types from describes, for CommitOptions.fieldType. */
export function fieldTypesOf(describes: { get(objectName: string): { fields: { name: string; type: string }[] } | undefined }) {
  return (objectName: string, field: string): string | undefined =>
    describes.get(objectName)?.fields.find((candidate) => candidate.name.toLowerCase() === field.toLowerCase())?.type;
}
