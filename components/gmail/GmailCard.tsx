import type { PanelView } from '../../lib/features/record-view/messages';
import type { SenderAccount } from '../../lib/salesforce/found-person';
import { Alert } from '../shared/Alert';

type GmailView = Extract<PanelView, { kind: 'gmail' }>;

/** With an email open in Gmail: the sender's Salesforce Contact or Lead, or the offer to create a Lead. */
export function GmailCard({ view }: { view: GmailView }) {
  if (!view.sender) {
    return (
      <section className="slds-card gw-section" data-testid="panel-state" data-state="gmail-no-message" role="status">
        <h2 className="slds-text-heading_small slds-m-bottom_x-small">Open an email</h2>
        <p>Open a message in Gmail and Groundwork shows its sender&apos;s Salesforce record here.</p>
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
            <p className="slds-text-color_weak slds-m-top_x-small">
              Creating a Lead from this email comes with &quot;Extract to Lead&quot;.
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

/** The sender's account with its open opportunities and cases, each a link into Salesforce. */
function AccountSummary({ account }: { account: SenderAccount }) {
  return (
    <section className="slds-m-top_small gw-sender-account" data-testid="sender-account" data-account-id={account.id} aria-labelledby="gw-sender-account">
      <h3 id="gw-sender-account" className="slds-text-title_caps">
        Account
      </h3>
      <p>
        <a href={account.url} target="_blank" rel="noreferrer" data-testid="sender-account-link">
          {account.name}
        </a>
      </p>
      <h3 className="slds-text-title_caps slds-m-top_x-small">Open opportunities</h3>
      {account.opportunities.length === 0 ? (
        <p className="slds-text-color_weak">None.</p>
      ) : (
        <ul className="gw-sender-account__list">
          {account.opportunities.map((opportunity) => (
            <li key={opportunity.id} data-testid="sender-opportunity" data-id={opportunity.id}>
              <a href={opportunity.url} target="_blank" rel="noreferrer">
                {opportunity.name}
              </a>
              <span className="slds-text-color_weak">
                {' '}
                · {[opportunity.stage, opportunity.amount, opportunity.closeDate ? `closes ${opportunity.closeDate}` : null].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {account.moreOpportunities && <p className="slds-text-color_weak">More are on the account.</p>}
      <h3 className="slds-text-title_caps slds-m-top_x-small">Open cases</h3>
      {account.cases.length === 0 ? (
        <p className="slds-text-color_weak">None.</p>
      ) : (
        <ul className="gw-sender-account__list">
          {account.cases.map((item) => (
            <li key={item.id} data-testid="sender-case" data-id={item.id}>
              <a href={item.url} target="_blank" rel="noreferrer">
                {item.caseNumber}
              </a>{' '}
              {item.subject}
              {item.status && <span className="slds-text-color_weak"> · {item.status}</span>}
            </li>
          ))}
        </ul>
      )}
      {account.moreCases && <p className="slds-text-color_weak">More are on the account.</p>}
    </section>
  );
}
