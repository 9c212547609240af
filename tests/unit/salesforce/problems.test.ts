import { describe, expect, it } from 'vitest';
import { sessionEnded, toSalesforceProblem } from '../../../lib/salesforce/problems';

const apiError = (errorCode: string, message: string) => Object.assign(new Error(message), { errorCode });

describe('toSalesforceProblem', () => {
  it.each([
    [apiError('INVALID_SESSION_ID', 'Session expired or invalid'), 'session-expired'],
    [apiError('INVALID_SESSION_ID', 'This session is not valid for use with the REST API'), 'no-api-access'],
    [apiError('NOT_FOUND', 'The requested resource does not exist'), 'not-found'],
    [apiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), 'limit'],
    [apiError('API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'), 'api-disabled'],
    [new TypeError('Failed to fetch'), 'network'],
    [apiError('ERROR_HTTP_503', 'Service Unavailable'), 'server'],
    ['a string thrown by mistake', 'server'],
  ])('maps %s to the %s problem', (error, kind) => {
    expect(toSalesforceProblem(error).kind).toBe(kind);
  });

  it('tells the rep what to do next in every case', () => {
    expect(toSalesforceProblem(apiError('INVALID_SESSION_ID', 'x')).message).toMatch(/Reload your Salesforce tab/);
    expect(toSalesforceProblem(apiError('API_DISABLED_FOR_ORG', 'x')).message).toMatch(/Ask your Salesforce admin for the "API Enabled" permission/);
    expect(toSalesforceProblem(new TypeError('Failed to fetch')).message).toMatch(/retry/i);
  });
});

describe('sessionEnded', () => {
  it('names the tab to reload, never clearing cookies', () => {
    const { kind, message } = sessionEnded('acme--uat.sandbox.my.salesforce.com');
    expect(kind).toBe('session-expired');
    expect(message).toContain('Reload your Salesforce tab on acme--uat.sandbox.lightning.force.com');
    expect(message).not.toMatch(/cookie/i);
  });
});
