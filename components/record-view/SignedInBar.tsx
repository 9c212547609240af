import { t } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';
/** Shown while Groundwork reads the org through its own Salesforce sign-in: who that is, and the way out. */
export function SignedInBar({ user, onSignOut }: { user: { name: string; username: string }; onSignOut(): void }) {
  return (
    <div className="slds-box slds-box_x-small slds-theme_default slds-m-bottom_x-small gw-signed-in" data-testid="signed-in">
      <p className="slds-text-body_small gw-signed-in__who">
        <RichMessage
          text={t('signedIn_as')}
          parts={{
            name: <strong data-testid="signed-in-name">{user.name}</strong>,
            username: <span className="gw-signed-in__username">{user.username}</span>,
          }}
        />
      </p>
      <button type="button" className="slds-button slds-button_neutral" onClick={onSignOut} data-testid="sign-out">
        {t('signedIn_signOut')}
      </button>
    </div>
  );
}
