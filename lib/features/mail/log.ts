/**
 * "Log to Salesforce" for an email the rep put into Gmail: a completed Task, reviewed field by field like every other
 * write (lib/extraction's review model) and committed by lib/salesforce/writes.ts. Every value is set by code from the
 * email itself (nothing comes from the model), and so are the links: WhoId is the matched Contact or Lead, WhatId the
 * Contact's account (a Lead's Task may not have one).
 */
import { z } from 'zod/mini';
import { todayOf } from '../../proposals/dates';
import { fieldOf, writeDescribes, type WriteObjectDescribe } from '../../proposals/describe';
import { ReviewCardSchema, type ReviewChange } from '../../proposals/messages';
import { applyReviewChange } from '../../proposals/review-changes';
import type { Link, Review, ReviewCard, ReviewRow } from '../../proposals/review';
import { requiredOnCreate, validateValue, writableField } from '../../proposals/validate';
import { t } from '../../i18n';

/** A review as kept in session storage while the rep looks at it (lib/extraction's Review, one Task card). */
export const LogReview = z.object({
  kind: z.literal('note'),
  cards: z.array(ReviewCardSchema).check(z.length(1)),
  record: z.null(),
  sourceText: z.string(),
  now: z.string(),
  timeZone: z.optional(z.string()),
  /** The Task's describe as the rep sees it, so edits are validated again without another request. */
  describe: z.custom<WriteObjectDescribe>((value) => typeof value === 'object' && value !== null && 'fields' in value),
  /** The links set by code, in words: "Dana Whitfield (Contact)", "Umbrella Health (Account)". */
  linkedTo: z.array(z.string()),
});
export type LogReview = z.infer<typeof LogReview>;

/** The review as lib/extraction and writes.ts take it (the extra fields are ignored there). */
export const asReview = (review: LogReview): Review => review;

/** Carries the review's own fields (describe, links in words) across a change made by lib/proposals. */
export const merged = (review: LogReview, changed: Review): LogReview => ({ ...review, cards: changed.cards });

/** The rep's edit, tick or untick, validated again against the describe the review carries. */
export const changedReview = (review: LogReview, change: ReviewChange): LogReview =>
  merged(review, applyReviewChange(review, writeDescribes([review.describe]), change));

export interface EmailToLog {
  subject: string;
  body: string;
  to: readonly string[];
}

export interface LogTarget {
  who: { id: string; objectName: 'Contact' | 'Lead'; name: string };
  /** The Contact's account, when it has one. */
  what: { id: string; objectName: string; name: string } | null;
}

/** Task.Subject is 255 characters at most. */
const SUBJECT_MAX = 255;

export function taskSubject(subject: string): string {
  const line = `Email: ${subject.replace(/\s+/g, ' ').trim() || '(no subject)'}`;
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/** A row whose value Groundwork set from the email: ticked when this rep may write it and the value is valid. */
function codeRow(describe: WriteObjectDescribe, name: string, text: string): ReviewRow | null {
  const writable = writableField(describe, name, 'create');
  if (!writable.ok) return null;
  const required = requiredOnCreate(describe.name, writable.field);
  const validation = validateValue(writable.field, text, required);
  return {
    field: writable.field.name,
    label: writable.field.label,
    proposed: text,
    value: validation.ok ? validation.value : null,
    modelValue: text,
    modelEvidenceStatus: 'groundwork',
    evidence: '',
    evidenceStatus: 'groundwork',
    ...(validation.ok ? (validation.warning ? { warning: validation.warning } : {}) : { error: validation.problem }),
    required,
    locked: false,
    checked: validation.ok,
    origin: 'groundwork',
  };
}

/** Whether the Task's look-up may point to this object and this rep can set it. */
function canLink(describe: WriteObjectDescribe, field: string, objectName: string): boolean {
  const look = fieldOf(describe, field);
  return !!look?.createable && (look.referenceTo ?? []).some((target) => target.toLowerCase() === objectName.toLowerCase());
}

function linksFor(task: WriteObjectDescribe, target: LogTarget): { links: Record<string, Link>; linkedTo: string[] } {
  const links: Record<string, Link> = {};
  const linkedTo: string[] = [];
  if (canLink(task, 'WhoId', target.who.objectName)) {
    links.WhoId = { kind: 'record', id: target.who.id };
    linkedTo.push(`${target.who.name} (${target.who.objectName})`);
  }
  // Salesforce refuses a WhatId on a Lead's task: only a Contact's account or opportunity goes there.
  if (target.what && target.who.objectName === 'Contact' && canLink(task, 'WhatId', target.what.objectName)) {
    links.WhatId = { kind: 'record', id: target.what.id };
    linkedTo.push(`${target.what.name} (${target.what.objectName})`);
  }
  return { links, linkedTo };
}

/** The email's Description: who it went to, then the body as inserted. */
export function taskDescription(email: EmailToLog): string {
  const to = email.to.length > 0 ? `To: ${email.to.join(', ')}\n\n` : '';
  return `${to}${email.body}`.slice(0, 32_000);
}

export function buildEmailLogReview(task: WriteObjectDescribe, email: EmailToLog, target: LogTarget, now: Date, timeZone?: string): LogReview {
  const rows = [
    codeRow(task, 'Subject', taskSubject(email.subject)),
    codeRow(task, 'Description', taskDescription(email)),
    codeRow(task, 'Status', 'Completed'),
    codeRow(task, 'ActivityDate', todayOf(now, timeZone)),
  ].filter((row): row is ReviewRow => row !== null);
  const { links, linkedTo } = linksFor(task, target);
  const card: ReviewCard = {
    id: 'email',
    kind: 'activity',
    objectName: task.name,
    objectLabel: task.label,
    objectLabelPlural: task.labelPlural || `${task.label}s`,
    operation: 'create',
    title: taskSubject(email.subject),
    links,
    rows,
    included: task.createable,
    autoExcluded: false,
    ...(task.createable ? {} : { error: { code: 'NOT_CREATEABLE', message: t('review_cannotCreate', { objects: task.labelPlural || 'Task' }) } }),
    duplicates: [],
  };
  return {
    kind: 'note',
    cards: [card],
    record: null,
    sourceText: taskDescription(email),
    now: now.toISOString(),
    ...(timeZone ? { timeZone } : {}),
    describe: task,
    linkedTo,
  };
}
