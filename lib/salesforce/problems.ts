import { z } from 'zod';

/** A Salesforce failure as the panel shows it: its kind (what the rep can do) and the words. */
export const PanelProblem = z.object({
  kind: z.enum(['session-expired', 'no-session', 'no-api-access', 'not-found', 'limit', 'network', 'server']),
  message: z.string(),
});
export type PanelProblem = z.infer<typeof PanelProblem>;

/** A Salesforce failure in words the rep can act on. */
export class SalesforceProblem extends Error {
  constructor(
    readonly kind: PanelProblem['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'SalesforceProblem';
  }

  toPanelProblem(): PanelProblem {
    return { kind: this.kind, message: this.message };
  }
}

const MESSAGES: Record<PanelProblem['kind'], string> = {
  'no-session': 'Groundwork cannot find your Salesforce session. Log in to Salesforce in this browser, then reload the tab.',
  'session-expired': 'Your Salesforce session expired — reload the Salesforce tab (log in again if asked), then try again.',
  'no-api-access':
    'This org does not allow API access from browser sessions. Ask your Salesforce admin about API Access Control.',
  'not-found': 'This record no longer exists, or you do not have access to it.',
  limit: "Your org has used up today's Salesforce API requests. Try again later or ask your admin.",
  network: 'Salesforce could not be reached. Check your connection, then retry.',
  server: 'Salesforce had a problem answering. Retry in a moment.',
};

export function problem(kind: PanelProblem['kind']): SalesforceProblem {
  return new SalesforceProblem(kind, MESSAGES[kind]);
}

interface ErrorLike {
  errorCode?: unknown;
  name?: unknown;
  message?: unknown;
}

/** Turns whatever a REST call threw (a SalesforceRequestError, a fetch failure) into a SalesforceProblem. */
export function toSalesforceProblem(error: unknown): SalesforceProblem {
  if (error instanceof SalesforceProblem) return error;
  const { errorCode, message } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const text = typeof message === 'string' ? message : '';
  if (text.includes('not valid for use with the REST API')) return problem('no-api-access');
  switch (errorCode) {
    case 'INVALID_SESSION_ID':
      return problem('session-expired');
    case 'NOT_FOUND':
    case 'ENTITY_IS_DELETED':
    case 'INSUFFICIENT_ACCESS':
      return problem('not-found');
    case 'REQUEST_LIMIT_EXCEEDED':
      return problem('limit');
    default:
      break;
  }
  if (error instanceof TypeError || /fetch|network/i.test(text)) return problem('network');
  return problem('server');
}
