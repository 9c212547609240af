import { useEffect } from 'react';
import { connectMail, mailActions, selectInserted, selectLog, selectTargetClient, useMailStore } from '../../lib/features/mail/store';
import { ConfirmBar } from '../shared/review/ConfirmBar';
import { ReviewCards } from '../shared/review/ReviewCards';
import { t } from '../../lib/i18n';

/**
 * "Log to Salesforce" for the email last put into Gmail or Outlook: a completed Task, shown field by field in the shared
 * review and written only when the rep confirms.
 */
export function MailLogSection() {
  useEffect(() => connectMail(), []);
  const inserted = useMailStore(selectInserted);
  const log = useMailStore(selectLog);
  const client = useMailStore(selectTargetClient);
  if (!inserted && log.kind === 'idle') return null;
  return (
    <section className="slds-box slds-theme_default slds-m-top_small" aria-labelledby="gw-log-heading" data-testid="gmail-log" data-state={log.kind}>
      <h2 id="gw-log-heading" className="slds-text-heading_small">
        {t('mailLog_title')}
      </h2>
      {inserted && <p className="slds-text-color_weak">{t('mailLog_inserted', { subject: inserted.subject || t('mailLog_noSubject'), client: client ?? t('mailLog_yourEmail') })}</p>}
      <LogBody />
    </section>
  );
}

function LogBody() {
  const inserted = useMailStore(selectInserted);
  const log = useMailStore(selectLog);
  switch (log.kind) {
    case 'idle':
      return inserted && !inserted.loggedTaskId ? (
        <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={mailActions.logEmail} data-testid="log-email">
          {t('mailLog_log')}
        </button>
      ) : null;
    case 'preparing':
      return <p role="status">{t('mailLog_preparing')}</p>;
    case 'problem':
      return (
        <p role="alert" className="slds-text-color_error" data-testid="log-problem">
          {log.message}
        </p>
      );
    case 'logged':
      return (
        <p role="status" data-testid="log-result" data-task-id={log.taskId}>
          {log.message}{' '}
          <a href={log.url} target="_blank" rel="noreferrer">
            {t('mailLog_openTask')}
          </a>
        </p>
      );
    case 'review':
      return (
        <div className="slds-m-top_x-small">
          <p>{t('mailLog_linkedTo', { records: log.review.linkedTo.join(t('mailLog_and')) || t('mailLog_noRecord') })}</p>
          <ReviewCards review={log.review} disabled={log.committing} onChange={mailActions.changeLog} lightningHost={null} />
          {log.problem && (
            <p role="alert" className="slds-text-color_error slds-m-top_x-small" data-testid="log-problem">
              {log.problem}
            </p>
          )}
          <ConfirmBar review={log.review} busy={log.committing} onConfirm={mailActions.confirmLog} onDiscard={mailActions.cancelLog} />
        </div>
      );
  }
}
