/**
 * The record view: which record each tab shows, what each window's panel displays (the record card, what changed
 * since the last visit, "What will be sent"), read through the rep's own session and prefetched as it comes into view.
 */
export { RecordViewService, recordSlotKey, type OrgReader, type RecordViewDeps } from './service';
export { createRecordViewHandler } from './handler';
export { PanelSignIn } from './sign-in';
export { changeLines } from './card';
export { SnapshotStore } from './snapshots';
export * from './messages';
