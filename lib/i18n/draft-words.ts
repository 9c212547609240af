import type { MailClientName } from '../messaging/mail-sender';
import type { OutputLanguage } from '../settings/languages';

/**
 * The words a draft carries in its own language, whatever the panel's: a copied draft's "Subject:" line, and the
 * prefix of a reply's subject.
 */
const SUBJECT_LABELS: Record<OutputLanguage, string> = { en: 'Subject:', de: 'Betreff:', fr: 'Objet :', es: 'Asunto:' };

/**
 * Outlook writes a reply's prefix in the language of its interface (German "AW:", French "RE :"); Gmail writes "Re:"
 * in every language, and so does Groundwork for Gmail, so that a German rep's reply looks like the ones Gmail makes.
 */
const OUTLOOK_REPLY_PREFIXES: Record<OutputLanguage, string> = { en: 'RE:', de: 'AW:', fr: 'RE :', es: 'RE:' };
const GMAIL_REPLY_PREFIX = 'Re:';
/** Prefixes a subject may already carry from earlier replies, in the languages above. */
const REPLY_PREFIX = /^\s*(re|aw|antw|rép|rif)\s?:/i;

/** A draft as copied or logged: its subject line, a blank line, the body. */
export function draftText(subject: string, body: string, language: OutputLanguage): string {
  return `${SUBJECT_LABELS[language]} ${subject}\n\n${body}`;
}

/** The subject of a reply in `language` going into `client`: the thread's subject, prefixed once. */
export function replySubject(threadSubject: string, language: OutputLanguage, client: MailClientName | null): string {
  const subject = threadSubject.trim();
  if (subject === '' || REPLY_PREFIX.test(subject)) return subject;
  const prefix = client === 'Outlook' ? OUTLOOK_REPLY_PREFIXES[language] : GMAIL_REPLY_PREFIX;
  return `${prefix} ${subject}`;
}
