import { ModelProblem } from '../model';
import { SalesforceProblem } from '../salesforce/problems';

/** Words for a failure the rep can act on. */
export function problemText(error: unknown): string {
  if (error instanceof ModelProblem || error instanceof SalesforceProblem) return error.message;
  return 'Something went wrong. Nothing was written to Salesforce.';
}
