import type { Generation } from '../../lib/features/generate/messages';
import { Alert, type AlertAction } from '../shared/Alert';
import { t, type MessageKey } from '../../lib/i18n';

type Problem = NonNullable<Generation['problem']>;

/** Problems the rep fixes in Groundwork's settings, and where. */
const SETTINGS_FOR: Record<string, { section: string; label: MessageKey }> = {
  'no-key': { section: 'key', label: 'blocker_openSettings' },
  'bad-key': { section: 'key', label: 'generateProblem_checkKey' },
  'browser-access-disabled': { section: 'key', label: 'blocker_openSettings' },
  'request-too-large': { section: 'key', label: 'generateProblem_otherModel' },
  'spend-limit': { section: 'budgets', label: 'generateProblem_seeBudgets' },
};

/** Problems that go away by trying again. */
const RETRYABLE = new Set(['rate-limited', 'overloaded', 'timeout', 'network', 'server', 'malformed-output']);

/**
 * A failed generation, as an error of its own (never inside the "AI-generated" frame), with the next step as a button:
 * open the settings where the problem is fixed, or try again.
 */
export function GenerationProblemAlert({ problem, partial, onRetry, onSettings }: { problem: Problem; partial: boolean; onRetry(): void; onSettings(section: string): void }) {
  const settings = SETTINGS_FOR[problem.kind];
  const actions: AlertAction[] = [];
  if (settings) actions.push({ label: t(settings.label), onClick: () => onSettings(settings.section), testId: 'problem-open-settings' });
  if (RETRYABLE.has(problem.kind)) actions.push({ label: t('common_tryAgain'), onClick: onRetry, testId: 'problem-retry' });
  return (
    <Alert tone="error" title={partial ? t('generateProblem_stoppedPartWay') : t('generateProblem_nothingWritten')} actions={actions} testId="generation-problem" data={{ 'data-kind': problem.kind }}>
      {problem.message}
    </Alert>
  );
}
