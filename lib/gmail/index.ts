export { GMAIL } from './selectors';
export { openMessageSender, MailSender } from './open-message';
