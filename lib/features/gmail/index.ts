export { GMAIL, gmailAccountOf } from './selectors';
export { openMessageSender, MailSender } from './open-message';
export { ComposeTracker, scanComposes, recipientsOf, subjectOf, NO_MEMORY, type Compose, type ComposeKind, type ComposeMemory } from './compose';
export { insertDraft, composeUrl, type DraftToInsert } from './insert';
export { InsertDraftCommand, InsertOutcome, isFromOwnExtension } from './messages';
