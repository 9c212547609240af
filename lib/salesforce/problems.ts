import { z } from 'zod/mini';
import { lightningHostFor } from './hosts';
import { t, type MessageKey } from '../i18n';

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

const MESSAGES: Record<PanelProblem['kind'], MessageKey> = {
  'no-session': 'sfProblem_noSession',
  'session-expired': 'sfProblem_sessionExpired',
  'no-api-access': 'sfProblem_noApiAccess',
  'api-disabled': 'sfProblem_apiDisabled',
  'sign-in-required': 'sfProblem_signInRequired',
  'sign-in-failed': 'sfProblem_signInFailed',
  'signed-out': 'sfProblem_signedOut',
  'user-mismatch': 'sfProblem_userMismatch',
  'not-found': 'sfProblem_notFound',
  limit: 'sfProblem_limit',
  network: 'sfProblem_network',
  server: 'sfProblem_server',
};

export function problem(kind: PanelProblem['kind']): SalesforceProblem {
  return new SalesforceProblem(kind, t(MESSAGES[kind]));
}

/**
 * The session of an org ended and reading the cookie again did not help: which tab to reload, by its host. Salesforce
 * gives a new session when a tab of the org's domain loads; clearing cookies is never needed.
 */
export function sessionEnded(apiHost: string): SalesforceProblem {
  return new SalesforceProblem(
    'session-expired',
    t('sfProblem_sessionEnded', { apiHost, lightningHost: lightningHostFor(apiHost) }),
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
