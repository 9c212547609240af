/**
 * Many records of one object at once: `/composite/sobjects` (each record on its own) and `/composite/tree` (each
 * chunk all or nothing), 200 to a request.
 */
import { z } from 'zod/mini';
import { t } from '../i18n';
import { SalesforceProblem } from './problems';
import type { WriteValue } from './write-plan';
import type { WriteApi } from './write-request';

export const MAX_COLLECTION_RECORDS = 200;

export type CreateResult =
  | { index: number; ok: true; id: string }
  | { index: number; ok: false; errors: { code: string; message: string; fields: string[] }[] };

const SaveResults = z.array(
  z.object({
    id: z.nullish(z.string()),
    success: z.boolean(),
    errors: z._default(z.array(z.looseObject({ statusCode: z.optional(z.string()), message: z._default(z.string(), ''), fields: z.nullish(z.array(z.string())) })), []),
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
      results.push(...unansweredResults(start, chunk.length, error));
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

// Record trees: many records, each chunk all or nothing.

/** At most this many records in one `/composite/tree` request (Salesforce's limit). */
export const MAX_TREE_RECORDS = 200;

const TreeAnswer = z.object({
  hasErrors: z.boolean(),
  results: z.array(
    z.looseObject({
      referenceId: z.string(),
      id: z.nullish(z.string()),
      errors: z.optional(
        z.array(z.looseObject({ statusCode: z.optional(z.string()), message: z._default(z.string(), ''), fields: z.nullish(z.array(z.string())) })),
      ),
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
    const errors = own.length > 0 ? own : [{ code: 'ROLLED_BACK', message: t('write_rolledBack'), fields: [] }];
    return { index, ok: false, errors };
  });
}

function unansweredResults(start: number, size: number, error: unknown): CreateResult[] {
  const problem = error instanceof SalesforceProblem ? error : new SalesforceProblem('server', t('write_noUsableAnswer'));
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
