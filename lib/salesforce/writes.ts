/**
 * Writing a confirmed review to Salesforce, exactly as confirmed, once.
 *
 * - One `/composite` request with allOrNone: the update of the record in view (PATCH with `If-Unmodified-Since`, the
 *   record's LastModifiedDate when its values were read, so a record changed meanwhile answers 412 and nothing is
 *   written), a read of its new LastModifiedDate (undo's own guard), then the creates, later ones pointing to earlier
 *   ones with `@{ref.id}`.
 * - Exactly once. A double click shares the commit already running (same idempotency key). A committed key is kept in
 *   a ledger (an interface: memory here, storage in the extension) and answers with the same result without writing.
 *   A lost response (the connection dropped, a 5xx) leaves the outcome unknown: before sending again, one composite
 *   GET looks for what the commit would have written (each created record by its values and link, created since the
 *   commit began; or the record in view already holding the new values). Found: it was written, and the result is
 *   rebuilt from what was found. Not found: allOrNone means nothing was written, so it is sent again, once. The ledger
 *   marks a key "sending" before the request goes, so a retry after the service worker stopped mid-commit also looks
 *   first. The probe cannot tell apart an identical record the rep created by hand within the same ten minutes.
 * - Salesforce's refusals (REQUIRED_FIELD_MISSING, STRING_TOO_LONG, …) go back onto the review's rows by the error's
 *   `fields`, the rep's edits kept.
 * - Undo deletes exactly the records the commit created and restores the fields it changed, in one allOrNone request,
 *   guarded by `If-Unmodified-Since` so that it never overwrites someone's later change. There is no other delete.
 */
import { z } from 'zod';
import { cardsToCommit, rowsToWrite, type Review, type ReviewCard, type ReviewRow } from '../proposals/review';
import type { WriteValue } from '../proposals/validate';
import { MAX_SUBREQUESTS, type OrgApi } from './context/api';
import { SalesforceProblem } from './problems';
import { SalesforceRequestError } from './transport';
import { isSoqlWritable, soqlString } from './soql-text';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * What writes need of an org client: GET composites (OrgClient.composite) and one raw REST request. `request` sends
 * JSON to a path below the API host and resolves to the parsed body (null for 204); a failure rejects with a
 * SalesforceProblem (kind `network` when no answer came).
 */
export interface WriteApi extends Pick<OrgApi, 'apiVersion' | 'composite'> {
  request(method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------------------------
// Results

export interface CreatedRecord {
  cardId: string;
  objectName: string;
  id: string;
  title: string;
}

export interface UpdatedField {
  field: string;
  before: WriteValue;
  after: WriteValue;
}

export interface UpdatedRecord {
  cardId: string;
  objectName: string;
  id: string;
  name: string;
  fields: UpdatedField[];
  /** LastModifiedDate right after the commit: undo writes only if nobody changed the record since. */
  lastModifiedDate: string | null;
}

export const Committed = z.object({
  idempotencyKey: z.string(),
  committedAt: z.string(),
  created: z.array(z.object({ cardId: z.string(), objectName: z.string(), id: z.string(), title: z.string() })),
  updated: z.array(
    z.object({
      cardId: z.string(),
      objectName: z.string(),
      id: z.string(),
      name: z.string(),
      fields: z.array(
        z.object({
          field: z.string(),
          before: z.union([z.string(), z.number(), z.boolean(), z.null()]),
          after: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        }),
      ),
      lastModifiedDate: z.string().nullable(),
    }),
  ),
});
export type Committed = z.infer<typeof Committed>;

export interface ChangedField {
  field: string;
  label: string;
  /** The value the review showed. */
  before: WriteValue;
  /** The value in Salesforce now. */
  now: WriteValue;
}

/** What one card sent and what Salesforce answered for it, for the audit trail. */
export interface CardExchange {
  cardId: string;
  /** The subrequest as sent (method, url, body, headers). */
  payload: { method: HttpMethod; url: string; body?: Record<string, WriteValue>; httpHeaders?: Record<string, string> };
  httpStatusCode: number;
  answer: unknown;
}

export type CommitOutcome =
  | {
      kind: 'committed';
      committed: Committed;
      /** Answered from the ledger or the probe: nothing sent this time. */
      replayed: boolean;
      /** Per card, the request and its answer (absent when replayed: nothing was sent). */
      exchanges?: CardExchange[];
    }
  /** The record changed after the proposal: nothing written; the review shows the new values for the rep to confirm again. */
  | { kind: 'record-changed'; review: Review; changes: ChangedField[] }
  /** Salesforce refused: nothing written; the errors are on the review's rows and cards. */
  | { kind: 'rejected'; review: Review; exchanges: CardExchange[] }
  | { kind: 'nothing-to-write' }
  /** The review is for another record than the one in view. */
  | { kind: 'wrong-record' }
  /** No answer even after looking and one retry: whether it was written is unknown; retrying with the same key is safe. */
  | { kind: 'unknown'; problem: SalesforceProblem };

// ---------------------------------------------------------------------------------------------------------------
// The ledger

export type LedgerEntry = { state: 'sending'; startedAt: string } | { state: 'committed'; committed: Committed };

/** Where commits are remembered by idempotency key (storage.session in the extension; it must survive the worker). */
export interface CommitLedger {
  get(key: string): Promise<LedgerEntry | undefined>;
  set(key: string, entry: LedgerEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryLedger(): CommitLedger {
  const entries = new Map<string, LedgerEntry>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, entry) => {
      entries.set(key, entry);
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Building the request

interface Subrequest {
  method: HttpMethod;
  url: string;
  referenceId: string;
  body?: Record<string, WriteValue>;
  httpHeaders?: Record<string, string>;
}

const AFTER_PREFIX = 'after_';

/** `2026-11-21T17:00:00.000+0000` → a Date (the REST API's offset has no colon). */
export function parseSalesforceDateTime(value: string): Date | null {
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The HTTP date for `If-Unmodified-Since`. */
export function httpDate(salesforceDateTime: string): string {
  const date = parseSalesforceDateTime(salesforceDateTime);
  if (!date) throw new Error(`not a Salesforce date-time: ${salesforceDateTime}`);
  return date.toUTCString();
}

const sobjectUrl = (apiVersion: string, objectName: string, id?: string): string =>
  `/services/data/v${apiVersion}/sobjects/${encodeURIComponent(objectName)}${id ? `/${encodeURIComponent(id)}` : ''}`;

/** Cards in write order: updates, then creates that others may point to (contacts), then the rest. */
function ordered(cards: ReviewCard[]): ReviewCard[] {
  const rank = (card: ReviewCard): number => (card.operation === 'update' ? 0 : card.kind === 'contact' ? 1 : 2);
  return [...cards].sort((a, b) => rank(a) - rank(b));
}

function bodyOf(card: ReviewCard, written: ReadonlySet<string>): Record<string, WriteValue> {
  const body: Record<string, WriteValue> = {};
  for (const row of rowsToWrite(card)) body[row.field] = row.value;
  if (card.operation === 'create') {
    for (const [field, link] of Object.entries(card.links)) {
      if (link.kind === 'record') body[field] = link.id;
      else if (written.has(link.cardId)) body[field] = `@{${link.cardId}.id}`;
    }
  }
  return body;
}

function buildSubrequests(apiVersion: string, cards: ReviewCard[]): Subrequest[] {
  const written = new Set(cards.map((card) => card.id));
  return cards.flatMap((card): Subrequest[] => {
    if (card.operation === 'create') {
      return [{ method: 'POST', url: sobjectUrl(apiVersion, card.objectName), referenceId: card.id, body: bodyOf(card, written) }];
    }
    const target = card.target;
    if (!target) return [];
    return [
      {
        method: 'PATCH',
        url: sobjectUrl(apiVersion, target.objectName, target.id),
        referenceId: card.id,
        body: bodyOf(card, written),
        httpHeaders: { 'If-Unmodified-Since': httpDate(target.lastModifiedDate) },
      },
      {
        method: 'GET',
        url: `${sobjectUrl(apiVersion, target.objectName, target.id)}?fields=LastModifiedDate`,
        referenceId: `${AFTER_PREFIX}${card.id}`,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the answer

const SalesforceErrors = z.array(
  z.looseObject({
    errorCode: z.string().optional(),
    statusCode: z.string().optional(),
    message: z.string().default(''),
    fields: z.array(z.string()).nullish(),
  }),
);

const CompositeAnswer = z.object({
  compositeResponse: z.array(z.object({ referenceId: z.string(), httpStatusCode: z.number(), body: z.unknown() })),
});
type CompositeAnswer = z.infer<typeof CompositeAnswer>;

const CreateAnswer = z.object({ id: z.string() });

interface SalesforceError {
  code: string;
  message: string;
  fields: string[];
}

function errorsOf(body: unknown): SalesforceError[] {
  const parsed = SalesforceErrors.safeParse(body);
  if (!parsed.success) return [{ code: 'UNKNOWN_EXCEPTION', message: 'Salesforce refused this change.', fields: [] }];
  return parsed.data.map((error) => ({
    code: error.errorCode ?? error.statusCode ?? 'UNKNOWN_EXCEPTION',
    message: error.message,
    fields: error.fields ?? [],
  }));
}

/** Salesforce's errors onto the review: on the rows their `fields` name, else on the card. Edits stay as they were. */
function withSalesforceErrors(review: Review, answer: CompositeAnswer): Review {
  const failures = new Map<string, SalesforceError[]>();
  for (const response of answer.compositeResponse) {
    if (response.httpStatusCode < 300 || response.referenceId.startsWith(AFTER_PREFIX)) continue;
    const errors = errorsOf(response.body).filter((error) => error.code !== 'PROCESSING_HALTED');
    if (errors.length > 0) failures.set(response.referenceId, errors);
  }
  const cards = review.cards.map((card) => {
    const errors = failures.get(card.id);
    if (!errors) return card;
    let cardError: SalesforceError | undefined;
    const rows = card.rows.map((row): ReviewRow => {
      const error = errors.find((candidate) => candidate.fields.some((field) => field.toLowerCase() === row.field.toLowerCase()));
      return error ? { ...row, error: { code: error.code, message: error.message } } : row;
    });
    for (const error of errors) {
      const onRow = error.fields.some((field) => rows.some((row) => row.field.toLowerCase() === field.toLowerCase()));
      if (!onRow) cardError ??= error;
    }
    return { ...card, rows, ...(cardError ? { error: { code: cardError.code, message: cardError.message } } : {}) };
  });
  return { ...review, cards };
}

function committedFrom(key: string, cards: ReviewCard[], idsByCard: Map<string, string>, modifiedByCard: Map<string, string | null>, at: Date): Committed {
  return {
    idempotencyKey: key,
    committedAt: at.toISOString(),
    created: cards
      .filter((card) => card.operation === 'create')
      .map((card) => ({ cardId: card.id, objectName: card.objectName, id: idsByCard.get(card.id) ?? '', title: card.title })),
    updated: cards
      .filter((card) => card.operation === 'update' && card.target)
      .map((card) => ({
        cardId: card.id,
        objectName: card.target?.objectName ?? card.objectName,
        id: card.target?.id ?? '',
        name: card.target?.name ?? card.title,
        fields: rowsToWrite(card).map((row) => ({ field: row.field, before: row.current ?? null, after: row.value })),
        lastModifiedDate: modifiedByCard.get(card.id) ?? null,
      })),
  };
}

const LastModified = z.looseObject({ LastModifiedDate: z.string().nullish() });

// ---------------------------------------------------------------------------------------------------------------
// The record changed: read it again

async function readRecord(api: WriteApi, objectName: string, id: string, fields: string[]): Promise<Record<string, unknown> | null> {
  const wanted = [...new Set(['LastModifiedDate', ...fields])].join(',');
  const answers = await api.composite([{ referenceId: 'record', url: `${sobjectUrl(api.apiVersion, objectName, id)}?fields=${wanted}` }]);
  const answer = answers.get('record');
  return answer && answer.httpStatusCode < 300 ? (answer.body as Record<string, unknown>) : null;
}

const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/** The review with the update card's current values and stamp read again; rows whose value changed say so. */
async function refreshedReview(api: WriteApi, review: Review): Promise<{ review: Review; changes: ChangedField[] }> {
  const changes: ChangedField[] = [];
  const cards: ReviewCard[] = [];
  for (const card of review.cards) {
    const target = card.target;
    if (card.operation !== 'update' || !target) {
      cards.push(card);
      continue;
    }
    const fresh = await readRecord(api, target.objectName, target.id, card.rows.filter((row) => !row.locked).map((row) => row.field));
    if (!fresh) {
      cards.push({ ...card, error: { code: 'NOT_FOUND', message: 'This record no longer exists, or you no longer have access to it.' } });
      continue;
    }
    const rows = card.rows.map((row): ReviewRow => {
      if (row.locked || !(row.field in fresh)) return row;
      const now = asValue(fresh[row.field]);
      if (now === (row.current ?? null)) return row;
      changes.push({ field: row.field, label: row.label, before: row.current ?? null, now });
      return { ...row, current: now, warning: `Changed in Salesforce since the proposal (was ${String(row.current ?? 'empty')}).` };
    });
    const stamp = typeof fresh.LastModifiedDate === 'string' ? fresh.LastModifiedDate : target.lastModifiedDate;
    cards.push({ ...card, rows, target: { ...target, lastModifiedDate: stamp } });
  }
  const record = review.record;
  const update = cards.find((card) => card.operation === 'update' && card.target?.id === record?.id);
  const refreshedRecord =
    record && update?.target
      ? {
          ...record,
          lastModifiedDate: update.target.lastModifiedDate,
          fields: { ...record.fields, ...Object.fromEntries(update.rows.map((row) => [row.field, row.current])) },
        }
      : record;
  return { review: { ...review, cards, record: refreshedRecord }, changes };
}

// ---------------------------------------------------------------------------------------------------------------
// Was it written? (after a lost response)

/** The margin for clock differences between the browser and Salesforce when asking "created since the commit began". */
const PROBE_MARGIN_MS = 10 * 60 * 1000;
const PROBE_TYPES = new Set(['string', 'email', 'phone', 'picklist', 'date', 'url']);
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A query finding the record a create card would have made: its short values and record links, created since `since`. */
function probeQuery(card: ReviewCard, fieldTypes: (objectName: string, field: string) => string | undefined, since: Date): string {
  const conditions: string[] = [];
  for (const row of rowsToWrite(card)) {
    const type = fieldTypes(card.objectName, row.field);
    if (typeof row.value !== 'string' || !type || !PROBE_TYPES.has(type) || row.value.length > 255 || !isSoqlWritable(row.value)) continue;
    if (type !== 'date') conditions.push(`${row.field} = ${soqlString(row.value)}`);
    else if (DATE.test(row.value)) conditions.push(`${row.field} = ${row.value}`);
  }
  for (const [field, link] of Object.entries(card.links)) {
    if (link.kind === 'record' && RECORD_ID.test(link.id)) conditions.push(`${field} = ${soqlString(link.id)}`);
  }
  const stamp = new Date(since.getTime() - PROBE_MARGIN_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  conditions.push(`CreatedDate >= ${stamp}`);
  return `SELECT Id FROM ${card.objectName} WHERE ${conditions.join(' AND ')} ORDER BY CreatedDate DESC LIMIT 1`;
}

type ProbeResult = { kind: 'written'; committed: Committed } | { kind: 'not-written' } | { kind: 'unclear' };

async function probe(
  api: WriteApi,
  key: string,
  cards: ReviewCard[],
  since: Date,
  fieldTypes: (objectName: string, field: string) => string | undefined,
  clock: () => Date,
): Promise<ProbeResult> {
  const creates = cards.filter((card) => card.operation === 'create');
  const updates = cards.filter((card) => card.operation === 'update' && card.target);
  const subrequests = [
    ...creates.map((card) => ({
      referenceId: card.id,
      url: `/services/data/v${api.apiVersion}/query?q=${encodeURIComponent(probeQuery(card, fieldTypes, since))}`,
    })),
    ...updates.map((card) => ({
      referenceId: card.id,
      url: `${sobjectUrl(api.apiVersion, card.target?.objectName ?? '', card.target?.id)}?fields=${['LastModifiedDate', ...rowsToWrite(card).map((row) => row.field)].join(',')}`,
    })),
  ];
  if (subrequests.length > MAX_SUBREQUESTS) return { kind: 'unclear' };
  const answers = await api.composite(subrequests);
  const ids = new Map<string, string>();
  const modified = new Map<string, string | null>();
  let found = 0;
  for (const card of creates) {
    const records = (answers.get(card.id)?.body as { records?: { Id?: unknown }[] } | undefined)?.records ?? [];
    const id = records[0]?.Id;
    if (typeof id === 'string') {
      ids.set(card.id, id);
      found += 1;
    }
  }
  for (const card of updates) {
    const body = answers.get(card.id)?.body as Record<string, unknown> | undefined;
    const holds = !!body && rowsToWrite(card).every((row) => asValue(body[row.field]) === row.value);
    const stamp = typeof body?.LastModifiedDate === 'string' ? body.LastModifiedDate : null;
    const changedSince = stamp !== null && card.target !== undefined && stamp !== card.target.lastModifiedDate;
    modified.set(card.id, stamp);
    if (holds && changedSince) found += 1;
  }
  if (found === 0) return { kind: 'not-written' };
  if (found < creates.length + updates.length) return { kind: 'unclear' };
  return { kind: 'written', committed: committedFrom(key, cards, ids, modified, clock()) };
}

// ---------------------------------------------------------------------------------------------------------------
// The commit

export interface CommitOptions {
  /** The record the panel shows now; the review's update must be for this record. */
  recordInView: { id: string; objectName: string; lastModifiedDate: string } | null;
  /** One key per confirmation click's intent: the same key never writes twice. */
  idempotencyKey: string;
  ledger: CommitLedger;
  /** Field types by object, for the probe after a lost response (a review's describes). */
  fieldType: (objectName: string, field: string) => string | undefined;
  clock?: () => Date;
}

const running = new Map<string, Promise<CommitOutcome>>();

const ambiguous = (error: unknown): error is SalesforceProblem =>
  error instanceof SalesforceProblem && (error.kind === 'network' || error.kind === 'server');

async function send(api: WriteApi, subrequests: Subrequest[]): Promise<CompositeAnswer> {
  const body = { allOrNone: true, compositeRequest: subrequests };
  try {
    return CompositeAnswer.parse(await api.request('POST', `/services/data/v${api.apiVersion}/composite`, body));
  } catch (error) {
    // OrgClient answers a 5xx with a SalesforceRequestError: the write may or may not have happened, as with no answer.
    if (error instanceof SalesforceRequestError && error.status >= 500) throw new SalesforceProblem('server', error.message);
    throw error;
  }
}

/** Each card's subrequest (the update's, not its read-back) with Salesforce's answer to it. */
function exchangesOf(subrequests: Subrequest[], answer: CompositeAnswer): CardExchange[] {
  const byRef = new Map(answer.compositeResponse.map((response) => [response.referenceId, response]));
  return subrequests
    .filter((subrequest) => !subrequest.referenceId.startsWith(AFTER_PREFIX))
    .map((subrequest) => {
      const response = byRef.get(subrequest.referenceId);
      return {
        cardId: subrequest.referenceId,
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

async function interpret(
  api: WriteApi,
  review: Review,
  cards: ReviewCard[],
  exchange: { subrequests: Subrequest[]; answer: CompositeAnswer },
  key: string,
  at: Date,
): Promise<CommitOutcome> {
  const { answer } = exchange;
  const byRef = new Map(answer.compositeResponse.map((response) => [response.referenceId, response]));
  const changed = cards.some((card) => card.operation === 'update' && byRef.get(card.id)?.httpStatusCode === 412);
  if (changed) {
    const { review: refreshed, changes } = await refreshedReview(api, review);
    return { kind: 'record-changed', review: refreshed, changes };
  }
  if (answer.compositeResponse.some((response) => response.httpStatusCode >= 300)) {
    return { kind: 'rejected', review: withSalesforceErrors(review, answer), exchanges: exchangesOf(exchange.subrequests, answer) };
  }
  const ids = new Map<string, string>();
  const modified = new Map<string, string | null>();
  for (const card of cards) {
    const body = byRef.get(card.id)?.body;
    if (card.operation === 'create') ids.set(card.id, CreateAnswer.parse(body).id);
    else modified.set(card.id, LastModified.safeParse(byRef.get(`${AFTER_PREFIX}${card.id}`)?.body).data?.LastModifiedDate ?? null);
  }
  return {
    kind: 'committed',
    committed: committedFrom(key, cards, ids, modified, at),
    replayed: false,
    exchanges: exchangesOf(exchange.subrequests, answer),
  };
}

async function commitOnce(api: WriteApi, review: Review, options: CommitOptions): Promise<CommitOutcome> {
  const clock = options.clock ?? ((): Date => new Date());
  const key = options.idempotencyKey;
  const remembered = await options.ledger.get(key);
  if (remembered?.state === 'committed') return { kind: 'committed', committed: remembered.committed, replayed: true };

  const cards = ordered(cardsToCommit(review));
  if (cards.length === 0) return { kind: 'nothing-to-write' };
  // The record in view's own update must be for the record the panel shows; a duplicate's update (the rep chose it
  // among the look-up's matches) has its target from that look-up.
  const update = cards.find((card) => card.kind === 'update');
  const inView = options.recordInView;
  if (update && (!inView || update.target?.id !== inView.id || review.record?.id !== inView.id)) return { kind: 'wrong-record' };
  const subrequests = buildSubrequests(api.apiVersion, cards);
  if (subrequests.length > MAX_SUBREQUESTS) {
    throw new Error(`a review commits at most ${MAX_SUBREQUESTS} subrequests; use createRecords for large batches`);
  }

  // An earlier attempt may have been written without its answer reaching us: look before sending again.
  if (remembered?.state === 'sending') {
    const found = await probe(api, key, cards, new Date(remembered.startedAt), options.fieldType, clock);
    if (found.kind === 'written') {
      await options.ledger.set(key, { state: 'committed', committed: found.committed });
      return { kind: 'committed', committed: found.committed, replayed: true };
    }
    if (found.kind === 'unclear') return { kind: 'unknown', problem: new SalesforceProblem('server', UNCLEAR) };
  }

  const startedAt = remembered?.state === 'sending' ? new Date(remembered.startedAt) : clock();
  await options.ledger.set(key, { state: 'sending', startedAt: startedAt.toISOString() });
  let answer: CompositeAnswer;
  try {
    answer = await send(api, subrequests);
  } catch (error) {
    if (!ambiguous(error)) {
      await options.ledger.delete(key);
      throw error;
    }
    const found = await probe(api, key, cards, startedAt, options.fieldType, clock).catch(() => ({ kind: 'unclear' as const }));
    if (found.kind === 'written') {
      await options.ledger.set(key, { state: 'committed', committed: found.committed });
      return { kind: 'committed', committed: found.committed, replayed: true };
    }
    if (found.kind === 'unclear') return { kind: 'unknown', problem: error };
    try {
      answer = await send(api, subrequests);
    } catch (second) {
      if (ambiguous(second)) return { kind: 'unknown', problem: second };
      await options.ledger.delete(key);
      throw second;
    }
  }
  const outcome = await interpret(api, review, cards, { subrequests, answer }, key, clock());
  if (outcome.kind === 'committed') await options.ledger.set(key, { state: 'committed', committed: outcome.committed });
  else await options.ledger.delete(key);
  return outcome;
}

const UNCLEAR =
  'Some of these changes may already be in Salesforce. Check the record before trying again: Groundwork will not send them twice.';

/** Writes what the review says is confirmed, once (see the top of this file). */
export function commitReview(api: WriteApi, review: Review, options: CommitOptions): Promise<CommitOutcome> {
  const key = options.idempotencyKey;
  const already = running.get(key);
  if (already) return already;
  const commit = commitOnce(api, review, options).finally(() => running.delete(key));
  running.set(key, commit);
  return commit;
}

/** Field types from describes, for CommitOptions.fieldType. */
export function fieldTypesOf(describes: { get(objectName: string): { fields: { name: string; type: string }[] } | undefined }) {
  return (objectName: string, field: string): string | undefined =>
    describes.get(objectName)?.fields.find((candidate) => candidate.name.toLowerCase() === field.toLowerCase())?.type;
}

// ---------------------------------------------------------------------------------------------------------------
// Undo

/** One record of an undo as sent and answered (for the audit trail). */
export interface UndoExchange {
  action: 'restore' | 'delete';
  objectName: string;
  recordId: string;
  payload: Subrequest;
  httpStatusCode: number;
  answer: unknown;
}

export type UndoOutcome = { exchanges: UndoExchange[] } & (
  | { kind: 'undone' }
  /** Someone changed an updated record after the commit: nothing undone, so their change is not overwritten. */
  | { kind: 'record-changed'; recordId: string }
  | { kind: 'failed'; errors: { referenceId: string; code: string; message: string }[] }
);

/** Deletes what the commit created and restores what it changed, in one allOrNone request. */
export async function undoCommit(api: WriteApi, committed: Committed): Promise<UndoOutcome> {
  const subrequests: Subrequest[] = [
    ...committed.updated.map((record, index): Subrequest => ({
      method: 'PATCH',
      url: sobjectUrl(api.apiVersion, record.objectName, record.id),
      referenceId: `restore_${index}`,
      body: Object.fromEntries(record.fields.map((field) => [field.field, field.before])),
      ...(record.lastModifiedDate ? { httpHeaders: { 'If-Unmodified-Since': httpDate(record.lastModifiedDate) } } : {}),
    })),
    // Newest first: a follow-up task goes before the contact it points to.
    ...[...committed.created].reverse().map((record, index): Subrequest => ({
      method: 'DELETE',
      url: sobjectUrl(api.apiVersion, record.objectName, record.id),
      referenceId: `delete_${index}`,
    })),
  ];
  if (subrequests.length === 0) return { kind: 'undone', exchanges: [] };
  if (subrequests.length > MAX_SUBREQUESTS) throw new Error('this commit is too large to undo in one request');
  const answer = await send(api, subrequests);
  const created = [...committed.created].reverse();
  const exchanges = subrequests.map((subrequest): UndoExchange => {
    const response = answer.compositeResponse.find((candidate) => candidate.referenceId === subrequest.referenceId);
    const [action, at] = subrequest.referenceId.split('_') as ['restore' | 'delete', string];
    const record = action === 'restore' ? committed.updated[Number(at)] : created[Number(at)];
    return {
      action,
      objectName: record?.objectName ?? '',
      recordId: record?.id ?? '',
      payload: subrequest,
      httpStatusCode: response?.httpStatusCode ?? 0,
      answer: response?.body ?? null,
    };
  });
  const changed = answer.compositeResponse.find((response) => response.httpStatusCode === 412);
  if (changed) {
    const index = Number(changed.referenceId.replace('restore_', ''));
    return { kind: 'record-changed', recordId: committed.updated[index]?.id ?? '', exchanges };
  }
  const errors = answer.compositeResponse
    .filter((response) => response.httpStatusCode >= 300)
    .flatMap((response) => errorsOf(response.body).map((error) => ({ referenceId: response.referenceId, code: error.code, message: error.message })))
    .filter((error) => error.code !== 'PROCESSING_HALTED');
  return errors.length > 0 ? { kind: 'failed', errors, exchanges } : { kind: 'undone', exchanges };
}

// ---------------------------------------------------------------------------------------------------------------
// Many records at once

export const MAX_COLLECTION_RECORDS = 200;

export type CreateResult =
  | { index: number; ok: true; id: string }
  | { index: number; ok: false; errors: { code: string; message: string; fields: string[] }[] };

const SaveResults = z.array(
  z.object({
    id: z.string().nullish(),
    success: z.boolean(),
    errors: z.array(z.looseObject({ statusCode: z.string().optional(), message: z.string().default(''), fields: z.array(z.string()).nullish() })).default([]),
  }),
);

/**
 * Creates many records of one object through `/composite/sobjects`, 200 to a request (1,000 leads: 5 requests), each
 * record on its own (allOrNone false): one bad row does not stop the others. Results come back in input order; a
 * request that got no answer marks its rows with the problem, so the caller retries only rows without an id (see
 * README: a retry of an unanswered chunk should first check for the rows, as commitReview does).
 */
export async function createRecords(
  api: WriteApi,
  objectName: string,
  records: readonly Record<string, WriteValue>[],
): Promise<CreateResult[]> {
  const results: CreateResult[] = [];
  for (let start = 0; start < records.length; start += MAX_COLLECTION_RECORDS) {
    const chunk = records.slice(start, start + MAX_COLLECTION_RECORDS);
    const body = { allOrNone: false, records: chunk.map((record) => ({ attributes: { type: objectName }, ...record })) };
    let saved: z.infer<typeof SaveResults>;
    try {
      saved = SaveResults.parse(await api.request('POST', `/services/data/v${api.apiVersion}/composite/sobjects`, body));
    } catch (error) {
      const problem = error instanceof SalesforceProblem ? error : new SalesforceProblem('server', 'Salesforce gave no usable answer.');
      chunk.forEach((_, offset) =>
        results.push({ index: start + offset, ok: false, errors: [{ code: problem.kind.toUpperCase(), message: problem.message, fields: [] }] }),
      );
      continue;
    }
    chunk.forEach((_, offset) => {
      const result = saved[offset];
      if (result?.success && result.id) {
        results.push({ index: start + offset, ok: true, id: result.id });
      } else {
        const errors = (result?.errors ?? []).map((error) => ({
          code: error.statusCode ?? 'UNKNOWN_EXCEPTION',
          message: error.message,
          fields: error.fields ?? [],
        }));
        results.push({ index: start + offset, ok: false, errors });
      }
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// Record trees: many records, each chunk all or nothing

/** At most this many records in one `/composite/tree` request (Salesforce's limit). */
export const MAX_TREE_RECORDS = 200;

const TreeAnswer = z.object({
  hasErrors: z.boolean(),
  results: z.array(
    z.looseObject({
      referenceId: z.string(),
      id: z.string().nullish(),
      errors: z
        .array(z.looseObject({ statusCode: z.string().optional(), message: z.string().default(''), fields: z.array(z.string()).nullish() }))
        .optional(),
    }),
  ),
});

/** One tree request: what it sent and what came back, for the audit trail and the rep's row-by-row report. */
export interface TreeChunk {
  /** Index of the chunk's first record in the input. */
  start: number;
  payload: { records: Record<string, unknown>[] };
  /** The parsed answer; null when none came (the rows carry the problem). */
  answer: unknown;
}

export interface TreeOutcome {
  /** In input order. */
  results: CreateResult[];
  chunks: TreeChunk[];
}

const treeRef = (index: number): string => `r${index}`;

/** A chunk's rows from Salesforce's tree answer: all created, or none (a tree request is all or nothing). */
function treeResults(start: number, size: number, answer: z.infer<typeof TreeAnswer>): CreateResult[] {
  const byRef = new Map(answer.results.map((result) => [result.referenceId, result]));
  return Array.from({ length: size }, (_, offset): CreateResult => {
    const index = start + offset;
    const result = byRef.get(treeRef(index));
    if (!answer.hasErrors && result?.id) return { index, ok: true, id: result.id };
    const own = (result?.errors ?? []).map((error) => ({ code: error.statusCode ?? 'UNKNOWN_EXCEPTION', message: error.message, fields: error.fields ?? [] }));
    // The others of a refused chunk were rolled back with it: they are fine, and go again with the retry.
    const errors = own.length > 0 ? own : [{ code: 'ROLLED_BACK', message: 'Not created: another row sent with it was refused.', fields: [] }];
    return { index, ok: false, errors };
  });
}

function unansweredResults(start: number, size: number, error: unknown): CreateResult[] {
  const problem = error instanceof SalesforceProblem ? error : new SalesforceProblem('server', 'Salesforce gave no usable answer.');
  return Array.from({ length: size }, (_, offset) => ({
    index: start + offset,
    ok: false as const,
    errors: [{ code: problem.kind.toUpperCase(), message: problem.message, fields: [] }],
  }));
}

/** Salesforce refuses a whole tree with a 400 carrying the same answer shape: its body is the answer. */
function treeAnswerOf(error: unknown): z.infer<typeof TreeAnswer> | null {
  const body = typeof error === 'object' && error !== null && 'body' in error ? error.body : undefined;
  const parsed = TreeAnswer.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * Creates many records of one object through `/composite/tree/{object}`, at most 200 to a request (250 leads: two
 * requests). Each request is all or nothing: a refused chunk creates none of its rows and reports each row (its own
 * error, or "rolled back with it"), while the chunks before and after it stand. The caller retries only the rows
 * without an id, so a retry never duplicates a chunk that succeeded.
 */
export async function createTree(
  api: WriteApi,
  objectName: string,
  records: readonly Record<string, WriteValue>[],
  chunkSize: number = MAX_TREE_RECORDS,
): Promise<TreeOutcome> {
  const size = Math.min(Math.max(1, chunkSize), MAX_TREE_RECORDS);
  const results: CreateResult[] = [];
  const chunks: TreeChunk[] = [];
  const path = `/services/data/v${api.apiVersion}/composite/tree/${encodeURIComponent(objectName)}`;
  for (let start = 0; start < records.length; start += size) {
    const chunk = records.slice(start, start + size);
    const payload = { records: chunk.map((record, offset) => ({ attributes: { type: objectName, referenceId: treeRef(start + offset) }, ...record })) };
    let answer: z.infer<typeof TreeAnswer> | null;
    try {
      answer = TreeAnswer.parse(await api.request('POST', path, payload));
    } catch (error) {
      answer = treeAnswerOf(error);
      if (!answer) {
        chunks.push({ start, payload, answer: null });
        results.push(...unansweredResults(start, chunk.length, error));
        continue;
      }
    }
    chunks.push({ start, payload, answer });
    results.push(...treeResults(start, chunk.length, answer));
  }
  return { results, chunks };
}
