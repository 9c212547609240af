import { ModelProblem } from '../model';
import { SalesforceProblem } from '../salesforce/problems';
import { t } from '../i18n';

/** Words for a failure the rep can act on. */
export function problemText(error: unknown): string {
  if (error instanceof ModelProblem || error instanceof SalesforceProblem) return error.message;
  return t('problem_unexpected');
}
