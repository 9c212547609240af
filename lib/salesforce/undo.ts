/**
 * Undo of a commit: deletes exactly the records it created and restores the fields it changed, in one allOrNone
 * request. There is no other delete. Every record is guarded by its LastModifiedDate read right after the commit:
 * - none may lack one: a commit whose stamps are unknown is not undone at all (undoing could overwrite a change
 *   nobody can see);
 * - the records are read first, and any changed or deleted since the commit stops the undo, named;
 * - every subrequest carries `If-Unmodified-Since` with that stamp, so a change in the moment between the read and the
 *   write answers 412 and nothing is written.
 */
import { MAX_SUBREQUESTS } from './context/api';
import { errorsOf, httpDate, sendAllOrNone, sobjectUrl, type Subrequest, type WriteApi } from './write-request';
import type { Committed } from './write-plan';

/** One record of an undo as sent and answered (for the audit trail). */
export interface UndoExchange {
  action: 'restore' | 'delete';
  objectName: string;
  recordId: string;
  payload: Subrequest;
  httpStatusCode: number;
  answer: unknown;
}

/** A record the undo would touch, as the rep knows it. */
export interface UndoTarget {
  objectName: string;
  id: string;
  name: string;
}

export type UndoOutcome = { exchanges: UndoExchange[] } & (
  | { kind: 'undone' }
  /** Someone changed (or deleted) these records after the commit: nothing undone, so their changes stay. */
  | { kind: 'record-changed'; records: UndoTarget[] }
  /** The commit did not learn these records' LastModifiedDate: nothing undone, nothing sent. */
  | { kind: 'unguarded'; records: UndoTarget[] }
  | { kind: 'failed'; errors: { referenceId: string; code: string; message: string }[] }
);

interface Step extends UndoTarget {
  action: 'restore' | 'delete';
  referenceId: string;
  stamp: string | null;
  body?: Subrequest['body'];
}

/** What the undo does, in order: restores first, then deletes, newest first (a follow-up before its contact). */
function stepsOf(committed: Committed): Step[] {
  return [
    ...committed.updated.map((record, index): Step => ({
      action: 'restore',
      referenceId: `restore_${index}`,
      objectName: record.objectName,
      id: record.id,
      name: record.name,
      stamp: record.lastModifiedDate,
      body: Object.fromEntries(record.fields.map((field) => [field.field, field.before])),
    })),
    ...[...committed.created].reverse().map((record, index): Step => ({
      action: 'delete',
      referenceId: `delete_${index}`,
      objectName: record.objectName,
      id: record.id,
      name: record.title,
      stamp: record.lastModifiedDate,
    })),
  ];
}

type GuardedStep = Step & { stamp: string };

const targetOf = ({ objectName, id, name }: Step): UndoTarget => ({ objectName, id, name });

/** The records changed or gone since the commit, as they are now. */
async function changedSince(api: WriteApi, steps: readonly GuardedStep[]): Promise<GuardedStep[]> {
  const answers = await api.composite(
    steps.map((step) => ({ referenceId: step.referenceId, url: `${sobjectUrl(api.apiVersion, step.objectName, step.id)}?fields=LastModifiedDate` })),
  );
  return steps.filter((step) => {
    const answer = answers.get(step.referenceId);
    const now = (answer?.body as { LastModifiedDate?: unknown } | null | undefined)?.LastModifiedDate;
    return answer?.httpStatusCode !== 200 || now !== step.stamp;
  });
}

function subrequestOf(api: WriteApi, step: GuardedStep): Subrequest {
  return {
    method: step.action === 'restore' ? 'PATCH' : 'DELETE',
    url: sobjectUrl(api.apiVersion, step.objectName, step.id),
    referenceId: step.referenceId,
    ...(step.body ? { body: step.body } : {}),
    httpHeaders: { 'If-Unmodified-Since': httpDate(step.stamp) },
  };
}

/** Deletes what the commit created and restores what it changed, in one allOrNone request, guarded (see above). */
export async function undoCommit(api: WriteApi, committed: Committed): Promise<UndoOutcome> {
  const steps = stepsOf(committed);
  if (steps.length === 0) return { kind: 'undone', exchanges: [] };
  if (steps.length > MAX_SUBREQUESTS) throw new Error('this commit is too large to undo in one request');
  const guarded = steps.flatMap((step) => (step.stamp === null ? [] : [{ ...step, stamp: step.stamp }]));
  if (guarded.length < steps.length) {
    return { kind: 'unguarded', records: steps.filter((step) => step.stamp === null).map(targetOf), exchanges: [] };
  }
  const changed = await changedSince(api, guarded);
  if (changed.length > 0) return { kind: 'record-changed', records: changed.map(targetOf), exchanges: [] };

  const subrequests = guarded.map((step) => subrequestOf(api, step));
  const answer = await sendAllOrNone(api, subrequests);
  const byRef = new Map(answer.compositeResponse.map((response) => [response.referenceId, response]));
  const exchanges = steps.map((step, index): UndoExchange => ({
    action: step.action,
    objectName: step.objectName,
    recordId: step.id,
    payload: subrequests[index] as Subrequest,
    httpStatusCode: byRef.get(step.referenceId)?.httpStatusCode ?? 0,
    answer: byRef.get(step.referenceId)?.body ?? null,
  }));
  const refused = steps.filter((step) => byRef.get(step.referenceId)?.httpStatusCode === 412);
  if (refused.length > 0) return { kind: 'record-changed', records: refused.map(targetOf), exchanges };
  const errors = answer.compositeResponse
    .filter((response) => response.httpStatusCode >= 300)
    .flatMap((response) => errorsOf(response.body).map((error) => ({ referenceId: response.referenceId, code: error.code, message: error.message })))
    .filter((error) => error.code !== 'PROCESSING_HALTED');
  return errors.length > 0 ? { kind: 'failed', errors, exchanges } : { kind: 'undone', exchanges };
}
