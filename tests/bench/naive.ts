/**
 * The naive integration the benchmark compares against, as the project's source material describes it: one REST call
 * per related object, one after another, no cache, no prefetch, and the raw JSON of each response pasted into the
 * prompt. Its field lists are the ones a reasonable integration would pick for a sales summary (not `FIELDS(ALL)`); the
 * record itself comes whole from the sObject endpoint, as `sobject('Account').retrieve(id)` returns it.
 */
import { API_VERSION_PATH } from './org';

export interface NaiveResult {
  /** One per REST call. */
  requests: number;
  /** What the naive integration pastes into the prompt. */
  prompt: string;
}

interface NaiveCall {
  label: string;
  path: (accountId: string, account: Record<string, unknown>) => string;
}

const soql = (query: string): string => `${API_VERSION_PATH}/query?q=${encodeURIComponent(query)}`;

/** An Account's context, one object at a time; the owner's query needs the account's OwnerId, hence the order. */
const ACCOUNT_CALLS: readonly NaiveCall[] = [
  { label: 'Account', path: (id) => `${API_VERSION_PATH}/sobjects/Account/${id}` },
  {
    label: 'Owner',
    path: (_id, account) => soql(`SELECT Id, Name, Email, Title, Phone FROM User WHERE Id = '${String(account.OwnerId)}'`),
  },
  {
    label: 'Contacts',
    path: (id) => soql(`SELECT Id, Name, Title, Department, Email, Phone FROM Contact WHERE AccountId = '${id}'`),
  },
  {
    label: 'Opportunities',
    path: (id) =>
      soql(
        'SELECT Id, Name, StageName, Amount, CloseDate, Probability, IsClosed, IsWon, NextStep, Description ' +
          `FROM Opportunity WHERE AccountId = '${id}'`,
      ),
  },
  {
    label: 'Cases',
    path: (id) => soql(`SELECT Id, CaseNumber, Subject, Status, Priority, Description, CreatedDate FROM Case WHERE AccountId = '${id}'`),
  },
  {
    label: 'Tasks',
    path: (id) =>
      soql(`SELECT Id, Subject, Status, Priority, ActivityDate, Description, Who.Name, What.Name FROM Task WHERE AccountId = '${id}'`),
  },
  {
    label: 'Events',
    path: (id) =>
      soql(
        'SELECT Id, Subject, StartDateTime, EndDateTime, Location, Description, Who.Name, What.Name ' +
          `FROM Event WHERE AccountId = '${id}'`,
      ),
  },
  { label: 'Notes', path: (id) => soql(`SELECT Id, Title, Body, CreatedDate FROM Note WHERE ParentId = '${id}'`) },
];

/** An Account's context the naive way, through `fetch` with the rep's session as a Bearer token. */
export async function naiveAccountContext(fetcher: typeof fetch, apiHost: string, sid: string, accountId: string): Promise<NaiveResult> {
  const sections: string[] = [];
  let account: Record<string, unknown> = {};
  for (const call of ACCOUNT_CALLS) {
    const response = await fetcher(`https://${apiHost}${call.path(accountId, account)}`, {
      headers: { Authorization: `Bearer ${sid}`, Accept: 'application/json' },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`naive ${call.label} call failed: ${response.status} ${text.slice(0, 200)}`);
    if (call.label === 'Account') account = JSON.parse(text) as Record<string, unknown>;
    // The raw body, as received: attributes, nulls and all.
    sections.push(`${call.label}:\n${text}`);
  }
  return { requests: ACCOUNT_CALLS.length, prompt: sections.join('\n\n') };
}
