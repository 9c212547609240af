import type { PanelView } from '../../lib/features/record-view/messages';
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
