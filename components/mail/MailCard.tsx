import type { ReactNode } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import type { SenderAccount } from '../../lib/salesforce/found-person';
import { Alert } from '../shared/Alert';

type MailView = Extract<PanelView, { kind: 'mail' }>;

/** With an email open in Gmail or Outlook: the sender's Salesforce Contact or Lead, or the offer to create a Lead. */
export function MailCard({ view }: { view: MailView }) {
  if (!view.sender) {
    return (
      <section className="slds-card gw-section" data-testid="panel-state" data-state="gmail-no-message" role="status">
        <h2 className="slds-text-heading_small slds-m-bottom_x-small">Open an email</h2>
        <p>Open a message in {view.client} and Groundwork shows its sender&apos;s Salesforce record here.</p>
      </section>
    );
  }
  const { sender, match } = view;
  return (
    <article className="slds-card gw-section" data-testid="gmail-card" data-state={match?.kind ?? 'looking'} aria-labelledby="gw-sender">
      <header>
        <p className="slds-text-title_caps">Email from</p>
        <h2 id="gw-sender" className="slds-text-heading_small gw-record-card__name" data-testid="sender">
          {sender.name} <span className="slds-text-color_weak">&lt;{sender.email}&gt;</span>
        </h2>
      </header>
      <div className="slds-m-top_x-small" aria-live="polite">
        {(!match || match.kind === 'looking') && <p>Looking for {sender.email} in Salesforce…</p>}
        {match?.kind === 'no-org' && <p>Open a Salesforce record once, and Groundwork looks senders up in that org.</p>}
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
            <p>
              No Contact or Lead in {match.org.apiHost.split('.')[0]} has the address {sender.email}.
            </p>
          </div>
        )}
        {match?.kind === 'problem' && (
          <Alert tone="error" title="Groundwork could not look the sender up" testId="sender-problem" data={{ 'data-kind': match.problem.kind }}>
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
        <p className="slds-text-color_weak">None.</p>
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
      {more && <p className="slds-text-color_weak">More are on the account.</p>}
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
        Account
      </h3>
      <p>
        <a href={account.url} target="_blank" rel="noreferrer" data-testid="sender-account-link">
          {account.name}
        </a>
      </p>
      <OpenRecords
        title="Open opportunities"
        items={account.opportunities}
        more={account.moreOpportunities}
        testId="sender-opportunity"
        link={(deal) => deal.name}
        rest={(deal) => weak([deal.stage, deal.amount, deal.closeDate ? `closes ${deal.closeDate}` : null])}
      />
      <OpenRecords
        title="Open cases"
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
