import { useState } from 'react';
import type { PanelProblem } from '../../lib/salesforce/problems';
import { Alert, type AlertAction } from '../shared/Alert';
import { t, type MessageKey } from '../../lib/i18n';

type Kind = PanelProblem['kind'];

export interface ProblemActions {
  retry(): void;
  reloadTab(): void;
  signIn(): void;
  signOut(): void;
}

const TITLES: Partial<Record<Kind, MessageKey>> = {
  'sign-in-required': 'problem_signInRequired',
  'sign-in-failed': 'problem_signInFailed',
  'signed-out': 'problem_signedOut',
  'user-mismatch': 'problem_userMismatch',
  'api-disabled': 'problem_apiDisabled',
  'no-api-access': 'problem_noApiAccess',
  'session-expired': 'problem_sessionExpired',
};

/** Where the rep's next step is signing in: the panel offers the sign-in itself. */
const SIGN_IN_KINDS: ReadonlySet<Kind> = new Set(['sign-in-required', 'sign-in-failed', 'signed-out']);
/** States that ask the rep to act rather than report a failure. */
const CALM_KINDS: ReadonlySet<Kind> = new Set(['sign-in-required', 'signed-out']);
/** Problems the rep fixes in the Salesforce tab itself: logging in again there. */
const RELOAD_FIXES: ReadonlySet<Kind> = new Set(['session-expired', 'no-session']);

function stepsFor(kind: Kind, actions: ProblemActions, signIn: { pending: boolean; start(): void }): AlertAction[] {
  const tryAgain: AlertAction = { label: t('common_tryAgain'), onClick: actions.retry, testId: 'retry-button' };
  if (SIGN_IN_KINDS.has(kind)) {
    const label = signIn.pending ? t('problem_signingIn') : t('problem_signInButton');
    return [{ label, onClick: signIn.start, testId: 'sign-in', primary: true, disabled: signIn.pending }];
  }
  if (kind === 'user-mismatch') return [{ label: t('problem_signOutButton'), onClick: actions.signOut, testId: 'sign-out' }];
  if (RELOAD_FIXES.has(kind)) return [{ label: t('problem_reloadTab'), onClick: actions.reloadTab, testId: 'reload-salesforce' }, tryAgain];
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
      title={t(TITLES[problem.kind] ?? 'problem_couldNotRead')}
      actions={stepsFor(problem.kind, actions, { pending, start })}
      testId="panel-state"
      data={{ 'data-state': problem.kind }}
    >
      <p data-testid="problem-message">{problem.message}</p>
      {offersSignIn && (
        <p className="slds-text-body_small slds-m-top_x-small" aria-live="polite" data-testid="sign-in-help">
          {pending
            ? t('problem_signInPending')
            : t('problem_signInHelp')}
        </p>
      )}
      {kept && <p className="slds-text-color_weak">{t('problem_keptRecord')}</p>}
    </Alert>
  );
}
