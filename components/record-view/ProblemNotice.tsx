import { useState } from 'react';
import type { PanelProblem } from '../../lib/salesforce/problems';
import { Notice } from './Notice';

type Kind = PanelProblem['kind'];

const TITLES: Partial<Record<Kind, string>> = {
  'sign-in-required': 'Sign in with Salesforce to read this org',
  'sign-in-failed': 'The Salesforce sign-in did not finish',
  'signed-out': 'Sign in to Salesforce again',
  'user-mismatch': 'Two different Salesforce users',
  'api-disabled': 'API access is off for you in this org',
  'no-api-access': 'This org keeps browser sessions out of its API',
  'session-expired': 'Your Salesforce session ended',
};

/** Where the rep's next step is signing in: the panel offers the sign-in itself. */
const SIGN_IN_KINDS: ReadonlySet<Kind> = new Set(['sign-in-required', 'sign-in-failed', 'signed-out']);
/** States that ask the rep to act rather than report a failure. */
const CALM_KINDS: ReadonlySet<Kind> = new Set(['sign-in-required', 'signed-out']);

/** Why the record in view could not be read, and the one thing that helps: sign in, sign out, or retry. */
export function ProblemNotice({ problem, actions }: { problem: PanelProblem; actions: { retry(): void; signIn(): void; signOut(): void } }) {
  const title = TITLES[problem.kind] ?? 'Groundwork could not read this record';
  return (
    <Notice state={problem.kind} title={title} tone={CALM_KINDS.has(problem.kind) ? 'info' : 'error'}>
      <p data-testid="problem-message">{problem.message}</p>
      {SIGN_IN_KINDS.has(problem.kind) ? (
        <SignInButton onSignIn={actions.signIn} />
      ) : problem.kind === 'user-mismatch' ? (
        <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={actions.signOut} data-testid="sign-out">
          Sign out of Groundwork&apos;s sign-in
        </button>
      ) : (
        <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={actions.retry} data-testid="retry-button">
          Retry
        </button>
      )}
    </Notice>
  );
}

function SignInButton({ onSignIn }: { onSignIn(): void }) {
  const [pending, setPending] = useState(false);
  return (
    <>
      <button
        type="button"
        className="slds-button slds-button_brand slds-m-top_small"
        onClick={() => {
          setPending(true);
          onSignIn();
        }}
        disabled={pending}
        data-testid="sign-in"
      >
        {pending ? 'Signing in…' : 'Sign in with Salesforce'}
      </button>
      <p className="slds-text-body_small slds-m-top_x-small" aria-live="polite" data-testid="sign-in-help">
        {pending
          ? 'Finish in the Salesforce window that opened. Closing it cancels the sign-in.'
          : 'A Salesforce window opens to confirm it is you. Groundwork keeps the sign-in encrypted in this browser; sign out at any time.'}
      </p>
    </>
  );
}
