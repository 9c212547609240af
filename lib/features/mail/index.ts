/**
 * Email in Gmail and Outlook on the web: the open message's sender as a Salesforce Contact or Lead, "Draft reply"
 * grounded in their record and the thread, "Insert into Gmail / Outlook" at the rep's cursor, and "Log to Salesforce"
 * for the email put in. One feature over a small adapter per client (`clients/`); the content scripts' side (compose
 * tracking, insertion, reading the thread: `page.ts`) lives here too.
 */
export { MAIL_CLIENTS, MAIL_MATCHES, mailClientOf, isMailUrl, conversationIdOf } from './clients';
export type { MailClient, ComposeKind } from './client';
export { InsertDraftCommand, InsertOutcome, isFromOwnExtension } from './content-messages';
export { createMailHandler, type MailDeps } from './handler';
export * from './messages';
