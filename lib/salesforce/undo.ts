/**
 * Undo of a commit: deletes exactly the records it created and restores the fields it changed, in one allOrNone
 * request, each restore guarded by `If-Unmodified-Since` so that it never overwrites someone's later change. There is
 * no other delete.
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
  const answer = await sendAllOrNone(api, subrequests);
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
