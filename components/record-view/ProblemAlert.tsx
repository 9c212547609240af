import { useState } from 'react';
import type { PanelProblem } from '../../lib/salesforce/problems';
import { Alert, type AlertAction } from '../shared/Alert';

type Kind = PanelProblem['kind'];

export interface ProblemActions {
  retry(): void;
  reloadTab(): void;
  signIn(): void;
  signOut(): void;
}

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
/** Problems the rep fixes in the Salesforce tab itself: logging in again there. */
const RELOAD_FIXES: ReadonlySet<Kind> = new Set(['session-expired', 'no-session']);

function stepsFor(kind: Kind, actions: ProblemActions, signIn: { pending: boolean; start(): void }): AlertAction[] {
  const tryAgain: AlertAction = { label: 'Try again', onClick: actions.retry, testId: 'retry-button' };
  if (SIGN_IN_KINDS.has(kind)) {
    const label = signIn.pending ? 'Signing in…' : 'Sign in with Salesforce';
    return [{ label, onClick: signIn.start, testId: 'sign-in', primary: true, disabled: signIn.pending }];
  }
  if (kind === 'user-mismatch') return [{ label: "Sign out of Groundwork's sign-in", onClick: actions.signOut, testId: 'sign-out' }];
  if (RELOAD_FIXES.has(kind)) return [{ label: 'Reload the Salesforce tab', onClick: actions.reloadTab, testId: 'reload-salesforce' }, tryAgain];
  return [tryAgain];
}

/**
 * Salesforce would not give the record: what happened, in words, with the one next step (sign in, sign out, reload
 * the Salesforce tab, or try again). When the record was already on screen it stays there below (as last read), so
 * one failed read never takes the rep's work away.
 */
export function ProblemAlert({ problem, kept, actions }: { problem: PanelProblem; kept: boolean; actions: ProblemActions }) {
  const [pending, setPending] = useState(false);
  const start = (): void => {
    setPending(true);
    actions.signIn();
  };
  const offersSignIn = SIGN_IN_KINDS.has(problem.kind);
  return (
    <Alert
      tone={CALM_KINDS.has(problem.kind) ? 'info' : 'error'}
      title={TITLES[problem.kind] ?? 'Groundwork could not read this record'}
      actions={stepsFor(problem.kind, actions, { pending, start })}
      testId="panel-state"
      data={{ 'data-state': problem.kind }}
    >
      <p data-testid="problem-message">{problem.message}</p>
      {offersSignIn && (
        <p className="slds-text-body_small slds-m-top_x-small" aria-live="polite" data-testid="sign-in-help">
          {pending
            ? 'Finish in the Salesforce window that opened. Closing it cancels the sign-in.'
            : 'A Salesforce window opens to confirm it is you. Groundwork keeps the sign-in encrypted in this browser; sign out at any time.'}
        </p>
      )}
      {kept && <p className="slds-text-color_weak">Below is the record as last read.</p>}
    </Alert>
  );
}
