import { describe, expect, it } from 'vitest';
import { toSalesforceProblem } from '../../../lib/salesforce/problems';

const apiError = (errorCode: string, message: string) => Object.assign(new Error(message), { errorCode });

describe('toSalesforceProblem', () => {
  it.each([
    [apiError('INVALID_SESSION_ID', 'Session expired or invalid'), 'session-expired'],
    [apiError('INVALID_SESSION_ID', 'This session is not valid for use with the REST API'), 'no-api-access'],
    [apiError('NOT_FOUND', 'The requested resource does not exist'), 'not-found'],
    [apiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), 'limit'],
    [new TypeError('Failed to fetch'), 'network'],
    [apiError('ERROR_HTTP_503', 'Service Unavailable'), 'server'],
    ['a string thrown by mistake', 'server'],
  ])('maps %s to the %s problem', (error, kind) => {
    expect(toSalesforceProblem(error).kind).toBe(kind);
  });

  it('tells the rep what to do next in every case', () => {
    expect(toSalesforceProblem(apiError('INVALID_SESSION_ID', 'x')).message).toMatch(/reload the Salesforce tab/);
    expect(toSalesforceProblem(new TypeError('Failed to fetch')).message).toMatch(/retry/i);
  });
});
