/** A review's rows: each proposed value built against the org's describe, judged (validation, evidence) and re-judged. */
import { fieldOf, type WriteDescribes, type WriteField, type WriteObjectDescribe } from '../describe';
import { judgeEvidence, supportKindFor } from '../evidence';
import type { Evidenced } from '../schemas';
import { requiredFields, requiredOnCreate, requiredOnUpdate, sameValue, validateValue, writableField, type Operation, type WriteValue } from '../validate';
import type { Review, ReviewOptions, ReviewRow, RowOrigin } from './types';
import { t } from '../../i18n';

export interface RowInput {
  describe: WriteObjectDescribe;
  fieldName: string;
  operation: Operation;
  text: string;
  evidence: string;
  origin: RowOrigin;
  current?: WriteValue;
}

export interface Context {
  sourceText: string;
  now: Date;
  timeZone?: string;
}

function picklistLabels(field: WriteField): Map<string, string> {
  return new Map((field.picklistValues ?? []).map((entry) => [entry.value, entry.label ?? entry.value]));
}

function isRequired(describe: WriteObjectDescribe, field: WriteField, operation: Operation): boolean {
  return operation === 'create' ? requiredOnCreate(describe.name, field) : requiredOnUpdate(field);
}

/** Validation and (for the model's values) evidence of one row; `checked` starts true only when both hold. */
export function judgeRow(row: ReviewRow, field: WriteField | undefined, context: Context): ReviewRow {
  if (row.locked || !field) return { ...row, value: null, checked: false };
  const validation = validateValue(field, row.proposed, row.required);
  const value = validation.ok ? validation.value : null;
  const error = validation.ok ? undefined : validation.problem;
  const warning = validation.ok ? validation.warning : undefined;
  let verdict = { status: row.evidenceStatus, start: row.evidenceStart, end: row.evidenceEnd };
  if (row.origin === 'model') {
    const judged = judgeEvidence(row.proposed, row.evidence, context.sourceText, supportKindFor(field.name, field.type), {
      now: context.now,
      timeZone: context.timeZone,
      labels: picklistLabels(field),
    });
    verdict = { status: judged.status, start: judged.start, end: judged.end };
  }
  const evidenceHolds = verdict.status === 'ok' || verdict.status === 'groundwork' || verdict.status === 'edited';
  const noChange = row.current !== undefined && sameValue(row.current, value);
  return {
    ...row,
    value,
    error,
    warning: noChange ? t('reviewRow_alreadyValue') : warning,
    evidenceStatus: verdict.status,
    evidenceStart: verdict.start,
    evidenceEnd: verdict.end,
    checked: evidenceHolds && !error && !noChange && (value !== null || row.current !== undefined),
  };
}

export function buildRow(input: RowInput, context: Context): ReviewRow {
  const { describe, fieldName, operation } = input;
  const writable = writableField(describe, fieldName, operation);
  const field = writable.ok ? writable.field : fieldOf(describe, fieldName);
  const row: ReviewRow = {
    field: field?.name ?? fieldName,
    label: field?.label ?? fieldName,
    ...(input.current === undefined && operation !== 'update' ? {} : { current: input.current ?? null }),
    proposed: input.text,
    value: null,
    modelValue: input.text,
    modelEvidenceStatus: input.origin === 'model' ? 'missing' : 'groundwork',
    evidence: input.evidence,
    evidenceStatus: input.origin === 'model' ? 'missing' : 'groundwork',
    required: field ? isRequired(describe, field, operation) : false,
    locked: !writable.ok,
    checked: false,
    origin: input.origin,
    ...(writable.ok ? {} : { error: writable.problem }),
  };
  const judged = judgeRow(row, writable.ok ? writable.field : undefined, context);
  return { ...judged, modelEvidenceStatus: judged.evidenceStatus };
}

export function evidencedRow(describe: WriteObjectDescribe, fieldName: string, proposal: Evidenced, context: Context): ReviewRow {
  return buildRow(
    { describe, fieldName, operation: 'create', text: proposal.value, evidence: proposal.evidence, origin: 'model' },
    context,
  );
}

export function defaultRow(describe: WriteObjectDescribe, fieldName: string, text: string, context: Context): ReviewRow | null {
  const field = fieldOf(describe, fieldName);
  if (!field || !writableField(describe, fieldName, 'create').ok) return null;
  if (!validateValue(field, text, false).ok) return null;
  return buildRow({ describe, fieldName, operation: 'create', text, evidence: '', origin: 'groundwork' }, context);
}

/** Required fields the proposal did not fill: an empty row each, flagged, never invented. */
export function withRequiredRows(describe: WriteObjectDescribe, rows: ReviewRow[], context: Context): ReviewRow[] {
  const present = new Set(rows.map((row) => row.field.toLowerCase()));
  const missing = requiredFields(describe)
    .filter((field) => !present.has(field.name.toLowerCase()))
    .filter((field) => field.type !== 'reference' && field.type !== 'id')
    .map((field) =>
      buildRow({ describe, fieldName: field.name, operation: 'create', text: '', evidence: '', origin: 'model' }, context),
    );
  return [...rows, ...missing];
}

/** A row judged again as an update of a record with these current values; the rep's own edits stay theirs. */
export function asUpdateRow(row: ReviewRow, describe: WriteObjectDescribe, values: Record<string, WriteValue | undefined>, context: Context): ReviewRow {
  const field = fieldOf(describe, row.field);
  const rebuilt = buildRow(
    {
      describe,
      fieldName: row.field,
      operation: 'update',
      text: row.proposed,
      evidence: row.evidence,
      origin: row.origin,
      current: field ? (values[field.name] ?? null) : null,
    },
    context,
  );
  return row.origin === 'rep' ? { ...rebuilt, evidenceStatus: 'edited' as const, modelValue: row.modelValue } : rebuilt;
}

export const contextOfReview = (review: Review): Context => ({ sourceText: review.sourceText, now: new Date(review.now), timeZone: review.timeZone });

export function contextOf(sourceText: string, now: Date, options: ReviewOptions): Context {
  return { sourceText, now, ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
}

export function describeOrThrow(describes: WriteDescribes, objectName: string): WriteObjectDescribe {
  const describe = describes.get(objectName);
  if (!describe) throw new Error(`no describe of ${objectName}: you may not see that object`);
  return describe;
}
