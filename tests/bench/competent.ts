/**
 * The competent integration the benchmark also compares against: what a developer who knows Salesforce's REST API
 * writes without Groundwork's context layer. The whole context is one request: a composite call of three queries, the
 * account with its related lists as parent-to-child subqueries (the owner through its relationship), and the
 * account's tasks and events by AccountId (the Tasks and Events subqueries of an Account hold only the activities whose
 * WhatId is the account itself, not those logged on its contacts and deals). The raw JSON of the response goes into
 * the prompt, as received. Its fields are the ones a sales summary needs; every list is ordered, newest first, and
 * capped, as a careful developer would, so a large account cannot blow up the prompt.
 */
import { API_VERSION_PATH } from './org';

/** Rows per related list: enough for a summary, bounded for an account with thousands. */
export const COMPETENT_ROWS_PER_LIST = 20;
const LIMIT = `LIMIT ${COMPETENT_ROWS_PER_LIST}`;

const queries = (accountId: string): Record<string, string> => ({
  account: [
    'SELECT Id, Name, Type, Industry, AnnualRevenue, NumberOfEmployees, Phone, Website, Description, Owner.Name,',
    `(SELECT Name, Title, Email, Phone FROM Contacts ORDER BY LastModifiedDate DESC ${LIMIT}),`,
    `(SELECT Name, StageName, Amount, CloseDate, IsClosed, IsWon, NextStep FROM Opportunities ORDER BY CloseDate DESC ${LIMIT}),`,
    `(SELECT CaseNumber, Subject, Status, Priority, CreatedDate FROM Cases ORDER BY CreatedDate DESC ${LIMIT}),`,
    `(SELECT Title, Body, CreatedDate FROM Notes ORDER BY CreatedDate DESC ${LIMIT})`,
    `FROM Account WHERE Id = '${accountId}'`,
  ].join(' '),
  tasks: `SELECT Subject, Status, Priority, ActivityDate, Who.Name, What.Name FROM Task WHERE AccountId = '${accountId}' ORDER BY ActivityDate DESC ${LIMIT}`,
  events: `SELECT Subject, StartDateTime, Location, Who.Name, What.Name FROM Event WHERE AccountId = '${accountId}' ORDER BY StartDateTime DESC ${LIMIT}`,
});

export interface CompetentResult {
  requests: number;
  /** What the competent integration puts into the prompt: the composite response's JSON, as received. */
  prompt: string;
}

/** An Account's context in one composite request, through `fetch` with the rep's session as a Bearer token. */
export async function competentAccountContext(fetcher: typeof fetch, apiHost: string, sid: string, accountId: string): Promise<CompetentResult> {
  const compositeRequest = Object.entries(queries(accountId)).map(([referenceId, soql]) => ({
    method: 'GET',
    url: `${API_VERSION_PATH}/query?q=${encodeURIComponent(soql)}`,
    referenceId,
  }));
  const response = await fetcher(`https://${apiHost}${API_VERSION_PATH}/composite`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sid}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ allOrNone: false, compositeRequest }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`competent composite call failed: ${response.status} ${text.slice(0, 300)}`);
  const failed = (JSON.parse(text) as { compositeResponse: { httpStatusCode: number; referenceId: string }[] }).compositeResponse.filter(
    (part) => part.httpStatusCode >= 300,
  );
  if (failed.length > 0) throw new Error(`competent composite call: ${failed.map((part) => part.referenceId).join(', ')} failed: ${text.slice(0, 300)}`);
  return { requests: 1, prompt: text };
}
