import type { PanelView } from '../../lib/features/record-view/messages';
import { Alert } from '../shared/Alert';
import { t } from '../../lib/i18n';

type MailView = Extract<PanelView, { kind: 'mail' }>;

/** With an email open in Gmail or Outlook: the sender's Salesforce Contact or Lead, or the offer to create a Lead. */
export function MailCard({ view }: { view: MailView }) {
  if (!view.sender) {
    return (
      <section className="slds-card gw-section" data-testid="panel-state" data-state="gmail-no-message" role="status">
        <h2 className="slds-text-heading_small slds-m-bottom_x-small">{t('mail_openTitle')}</h2>
        <p>{t('mail_openBody', { client: view.client })}</p>
      </section>
    );
  }
  const { sender, match } = view;
  return (
    <article className="slds-card gw-section" data-testid="gmail-card" data-state={match?.kind ?? 'looking'} aria-labelledby="gw-sender">
      <header>
        <p className="slds-text-title_caps">{t('mail_from')}</p>
        <h2 id="gw-sender" className="slds-text-heading_small gw-record-card__name" data-testid="sender">
          {sender.name} <span className="slds-text-color_weak">&lt;{sender.email}&gt;</span>
        </h2>
      </header>
      <div className="slds-m-top_x-small" aria-live="polite">
        {(!match || match.kind === 'looking') && <p>{t('mail_looking', { email: sender.email })}</p>}
        {match?.kind === 'no-org' && <p>{t('mail_noOrg')}</p>}
        {match?.kind === 'found' && (
          <p data-testid="sender-match">
            {match.objectName}:{' '}
            <a href={match.url} target="_blank" rel="noreferrer" data-testid="sender-record-link">
              {match.name}
            </a>
            {match.detail && <span className="slds-text-color_weak"> · {match.detail}</span>}
          </p>
        )}
        {match?.kind === 'none' && (
          <div data-testid="sender-unknown">
            <p>{t('mail_unknown', { org: match.org.apiHost.split('.')[0] ?? match.org.apiHost, email: sender.email })}</p>
            <p className="slds-text-color_weak slds-m-top_x-small">{t('mail_createLeadHint')}</p>
          </div>
        )}
        {match?.kind === 'problem' && (
          <Alert tone="error" title={t('mail_lookupProblem')} testId="sender-problem" data={{ 'data-kind': match.problem.kind }}>
            {match.problem.message}
          </Alert>
        )}
      </div>
    </article>
  );
}
