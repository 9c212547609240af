/**
 * Gmail: the open message's sender as a Salesforce Contact or Lead, "Draft reply" grounded in their record and the
 * thread, "Insert into Gmail" at the rep's cursor, and "Log to Salesforce" for the email put into Gmail. The content
 * script's side (compose tracking, insertion, reading the thread) lives here too.
 */
export { GMAIL, gmailAccountOf } from './selectors';
export { openMessageSender } from './open-message';
export { ComposeTracker, scanComposes, recipientsOf, subjectOf, NO_MEMORY, type Compose, type ComposeKind, type ComposeMemory } from './compose';
export { insertDraft, composeUrl, type DraftToInsert } from './insert';
export { InsertDraftCommand, InsertOutcome, isFromOwnExtension } from './content-messages';
export { createGmailHandler, type GmailDeps } from './handler';
export * from './messages';
