import { z } from 'zod';
import { lightningHostFor } from './hosts';

/** A Salesforce failure as the panel shows it: its kind (what the rep can do) and the words. */
export const PanelProblem = z.object({
  kind: z.enum([
    'session-expired',
    'no-session',
    'no-api-access',
    'api-disabled',
    /** The org takes only its OAuth sign-in (API Access Control, or the admin's policy): the panel offers it. */
    'sign-in-required',
    /** A sign-in that did not finish (denied, closed, refused, answered for another request): offered again. */
    'sign-in-failed',
    /** Salesforce no longer honours the org's sign-in (revoked or expired): offered again. */
    'signed-out',
    /** The sign-in and the browser's Salesforce session are different users: neither is used until they match. */
    'user-mismatch',
    'not-found',
    'limit',
    'network',
    'server',
  ]),
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
  'session-expired': 'Your Salesforce session ended. Reload your Salesforce tab (log in again if Salesforce asks), then try again.',
  'no-api-access':
    'This org does not let browser sessions use its API (API Access Control), and Groundwork has no connected app to sign ' +
    "in with here. Ask your Salesforce admin for Groundwork's connected app: its consumer key goes in your organization's " +
    "Groundwork policy, or in Groundwork's options under Salesforce sign-in.",
  'api-disabled':
    'Salesforce has API access turned off for you in this org (API_DISABLED_FOR_ORG), and Groundwork reads Salesforce ' +
    'through the API. Ask your Salesforce admin for the "API Enabled" permission (Setup → your profile or a permission ' +
    "set → System Permissions). If the org's edition has no API access at all, the admin must add it for the whole org.",
  'sign-in-required':
    'This org does not let your browser session use its API, so Groundwork needs its own Salesforce sign-in here.',
  'sign-in-failed': 'The Salesforce sign-in did not finish. Nothing was signed in; try again.',
  'signed-out': "Groundwork's Salesforce sign-in for this org ended (it was revoked or it expired). Sign in again to continue.",
  'user-mismatch':
    "Groundwork's Salesforce sign-in is a different user from the one logged in to Salesforce in this browser, so Groundwork " +
    'uses neither. Sign out of Groundwork here, or log in to Salesforce as the signed-in user.',
  'not-found': 'This record no longer exists, or you do not have access to it.',
  limit: "Your org has used up today's Salesforce API requests. Try again later or ask your admin.",
  network: 'Salesforce could not be reached. Check your connection, then retry.',
  server: 'Salesforce had a problem answering. Retry in a moment.',
};

export function problem(kind: PanelProblem['kind']): SalesforceProblem {
  return new SalesforceProblem(kind, MESSAGES[kind]);
}

/**
 * The session of an org ended and reading the cookie again did not help: which tab to reload, by its host. Salesforce
 * gives a new session when a tab of the org's domain loads; clearing cookies is never needed.
 */
export function sessionEnded(apiHost: string): SalesforceProblem {
  return new SalesforceProblem(
    'session-expired',
    `Your Salesforce session for ${apiHost} ended. Reload your Salesforce tab on ${lightningHostFor(apiHost)} (log in again ` +
      'if Salesforce asks), then Retry.',
  );
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
    case 'API_DISABLED_FOR_ORG':
    case 'API_CURRENTLY_DISABLED':
      return problem('api-disabled');
    default:
      break;
  }
  if (error instanceof TypeError || /fetch|network/i.test(text)) return problem('network');
  return problem('server');
}
