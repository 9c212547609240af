import { useEffect } from 'react';
import type { PanelView } from '../../lib/features/record-view/messages';
import type { ContactState } from '../../lib/features/mail/messages';
import { connectMail, mailActions, selectContact, useMailStore } from '../../lib/features/mail/store';
import { ConfirmBar } from '../shared/review/ConfirmBar';
import { ReviewCards } from '../shared/review/ReviewCards';
import { t } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';

type MailView = Extract<PanelView, { kind: 'mail' }>;

/** What is kept for the sender in view: a review or a result for another sender is not shown here. */
function forSender(contact: ContactState, email: string | undefined): ContactState {
  if (!('email' in contact)) return contact;
  return contact.email.toLowerCase() === email?.toLowerCase() ? contact : { kind: 'idle' };
}

/**
 * "Create contact" for a sender no Contact or Lead has the address of: the values the email gives (name and address
 * from its header, title and phone from the signature) in the shared review, each with its quote, written only when
 * the rep confirms; then a link to the contact and Undo.
 */
export function MailContactSection({ view }: { view: MailView }) {
  useEffect(() => connectMail(), []);
  const contact = forSender(useMailStore(selectContact), view.sender?.email);
  const unknown = view.match?.kind === 'none';
  if (!unknown && contact.kind === 'idle') return null;
  return (
    <section className="slds-box slds-theme_default slds-m-top_small" aria-labelledby="gw-contact-heading" data-testid="create-contact" data-state={contact.kind}>
      <h2 id="gw-contact-heading" className="slds-text-heading_small">
        {contact.kind === 'created' ? t('contact_created') : t('contact_title')}
      </h2>
      <ContactBody contact={contact} />
    </section>
  );
}

function StartContact() {
  return (
    <>
      <p className="slds-text-color_weak">{t('contact_intro')}</p>
      <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={mailActions.proposeContact} data-testid="create-contact-start">
        {t('contact_create')}
      </button>
    </>
  );
}

function ContactBody({ contact }: { contact: ContactState }) {
  switch (contact.kind) {
    case 'idle':
      return <StartContact />;
    case 'preparing':
      return <p role="status">{t('contact_preparing')}</p>;
    case 'problem':
      return (
        <>
          <p role="alert" className="slds-text-color_error" data-testid="create-contact-problem">
            {contact.message}
          </p>
          <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={mailActions.proposeContact} data-testid="create-contact-start">
            {t('common_tryAgain')}
          </button>
        </>
      );
    case 'undone':
      return (
        <>
          <p role="status" data-testid="create-contact-result">
            {contact.message}
          </p>
          <StartContact />
        </>
      );
    case 'created':
      return (
        <div data-testid="create-contact-result" data-contact-id={contact.contactId}>
          <p role="status">
            {contact.message}{' '}
            <a href={contact.url} target="_blank" rel="noreferrer">
              {t('contact_open')}
            </a>
          </p>
          {contact.problem && (
            <p role="alert" className="slds-text-color_error slds-m-top_x-small" data-testid="create-contact-problem">
              {contact.problem}
            </p>
          )}
          <button type="button" className="slds-button slds-button_neutral slds-m-top_x-small" onClick={mailActions.undoContact} disabled={contact.undoing} data-testid="create-contact-undo">
            {contact.undoing ? t('commit_undoing') : t('commit_undo')}
          </button>
        </div>
      );
    case 'review':
      return (
        <div className="slds-m-top_x-small">
          <p data-testid="create-contact-account" data-account-id={contact.account.account?.id ?? ''}>
            {contact.account.account ? (
              <RichMessage text={t('contact_account', { reason: contact.account.reason })} parts={{ account: <strong>{contact.account.account.name}</strong> }} />
            ) : (
              contact.account.reason
            )}
          </p>
          <ReviewCards review={contact.review} disabled={contact.committing} onChange={mailActions.changeContact} lightningHost={null} />
          {contact.problem && (
            <p role="alert" className="slds-text-color_error slds-m-top_x-small" data-testid="create-contact-problem">
              {contact.problem}
            </p>
          )}
          <ConfirmBar review={contact.review} busy={contact.committing} onConfirm={mailActions.confirmContact} onDiscard={mailActions.cancelContact} />
        </div>
      );
  }
}
