/** Shown while Groundwork reads the org through its own Salesforce sign-in: who that is, and the way out. */
export function SignedInBar({ user, onSignOut }: { user: { name: string; username: string }; onSignOut(): void }) {
  return (
    <p className="slds-text-body_small slds-m-bottom_x-small gw-signed-in" data-testid="signed-in">
      <span>
        Signed in to Salesforce as <strong data-testid="signed-in-name">{user.name}</strong> ({user.username})
      </span>
      <button type="button" className="slds-button slds-m-left_x-small" onClick={onSignOut} data-testid="sign-out">
        Sign out
      </button>
    </p>
  );
}
