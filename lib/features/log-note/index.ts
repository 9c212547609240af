/**
 * "Log this note": a note (typed, or selected text added by a right-click) on the record in view becomes a proposed
 * task, field updates, new contacts and follow-ups, each value with its quote; the rep confirms field by field, one
 * guarded commit writes it, and undo puts it back.
 */
export { createLogNoteFeature } from './handler';
export { afterCommit, type LogNoteDeps } from './service';
export * from './messages';
