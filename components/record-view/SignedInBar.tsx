/** Shown while Groundwork reads the org through its own Salesforce sign-in: who that is, and the way out. */
export function SignedInBar({ user, onSignOut }: { user: { name: string; username: string }; onSignOut(): void }) {
  return (
    <div className="slds-box slds-box_x-small slds-theme_default slds-m-bottom_x-small gw-signed-in" data-testid="signed-in">
      <p className="slds-text-body_small gw-signed-in__who">
        Signed in to Salesforce as <strong data-testid="signed-in-name">{user.name}</strong>
        <span className="gw-signed-in__username"> ({user.username})</span>
      </p>
      <button type="button" className="slds-button slds-button_neutral" onClick={onSignOut} data-testid="sign-out">
        Sign out
      </button>
    </div>
  );
}
