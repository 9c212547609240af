import type { ReactNode } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import type { SenderAccount } from '../../lib/salesforce/found-person';
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
        {match?.kind === 'found' && match.account && <AccountSummary account={match.account} />}
        {match?.kind === 'found' && match.accountProblem && (
          <Alert tone="warning" testId="sender-account-problem">
            {match.accountProblem}
          </Alert>
        )}
        {match?.kind === 'none' && (
          <div data-testid="sender-unknown">
            <p>{t('mail_unknown', { org: match.org.apiHost.split('.')[0] ?? match.org.apiHost, email: sender.email })}</p>
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

/** A heading and the first few open records under it, each line starting with its link; "None." when empty. */
function OpenRecords<T extends { id: string; url: string }>({ title, items, more, testId, link, rest }: {
  title: string;
  items: readonly T[];
  more: boolean;
  testId: string;
  link: (item: T) => string;
  rest: (item: T) => ReactNode;
}) {
  return (
    <>
      <h3 className="slds-text-title_caps slds-m-top_x-small">{title}</h3>
      {items.length === 0 ? (
        <p className="slds-text-color_weak">{t('mailAccount_none')}</p>
      ) : (
        <ul className="gw-sender-account__list">
          {items.map((item) => (
            <li key={item.id} data-testid={testId} data-id={item.id}>
              <a href={item.url} target="_blank" rel="noreferrer">
                {link(item)}
              </a>{' '}
              {rest(item)}
            </li>
          ))}
        </ul>
      )}
      {more && <p className="slds-text-color_weak">{t('mailAccount_more')}</p>}
    </>
  );
}

const weak = (parts: readonly (string | null)[]): ReactNode => {
  const text = parts.filter(Boolean).join(' · ');
  return text ? <span className="slds-text-color_weak">· {text}</span> : null;
};

/** The sender's account with its open opportunities and cases, each a link into Salesforce. */
function AccountSummary({ account }: { account: SenderAccount }) {
  return (
    <section className="slds-m-top_small" data-testid="sender-account" data-account-id={account.id} aria-labelledby="gw-sender-account">
      <h3 id="gw-sender-account" className="slds-text-title_caps">
        {t('mailAccount_title')}
      </h3>
      <p>
        <a href={account.url} target="_blank" rel="noreferrer" data-testid="sender-account-link">
          {account.name}
        </a>
      </p>
      <OpenRecords
        title={t('mailAccount_openOpportunities')}
        items={account.opportunities}
        more={account.moreOpportunities}
        testId="sender-opportunity"
        link={(deal) => deal.name}
        rest={(deal) => weak([deal.stage, deal.amount, deal.closeDate ? t('mailAccount_closes', { date: deal.closeDate }) : null])}
      />
      <OpenRecords
        title={t('mailAccount_openCases')}
        items={account.cases}
        more={account.moreCases}
        testId="sender-case"
        link={(item) => item.caseNumber}
        rest={(item) => (
          <>
            {item.subject} {weak([item.status])}
          </>
        )}
      />
    </section>
  );
}
