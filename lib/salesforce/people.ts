import { z } from 'zod/mini';
import type { OrgApi } from './context';
import { queryUrl, selectQuery, textEquals, inSelected, isTrue, newestFirst, soonestFirst } from './context/soql';
import { toSalesforceProblem } from './problems';
import type { FoundPerson, SenderAccount } from './found-person';
import type { Subresponse } from './context/api';
import { t } from '../i18n';

/** Open opportunities and cases listed per account on the Gmail card; one more is read to know there are more. */
const OPEN_SHOWN = 5;
/** Accounts that hold a contact with the address: the found contact's own is among them. */
const ACCOUNTS_READ = 5;

const PersonRow = z.object({
  Id: z.string(),
  Name: z.nullable(z.string()),
  Title: z.optional(z.nullable(z.string())),
  Company: z.optional(z.nullable(z.string())),
  AccountId: z.optional(z.nullable(z.string())),
  Account: z.optional(z.nullable(z.object({ Name: z.nullable(z.string()) }))),
});
const PeopleResult = z.object({ records: z.array(PersonRow) });

const children = <T extends z.ZodMiniType>(row: T) => z.optional(z.nullable(z.object({ records: z.array(row) })));
const AccountRow = z.object({
  Id: z.string(),
  Name: z.nullable(z.string()),
  Opportunities: children(
    z.object({ Id: z.string(), Name: z.nullable(z.string()), StageName: z.nullable(z.string()), Amount: z.nullable(z.number()), CloseDate: z.nullable(z.string()) }),
  ),
  Cases: children(z.object({ Id: z.string(), CaseNumber: z.nullable(z.string()), Subject: z.nullable(z.string()), Status: z.nullable(z.string()) })),
});
type AccountRow = z.infer<typeof AccountRow>;
const AccountsResult = z.object({ records: z.array(AccountRow) });

/**
 * The accounts of the contacts with this address, each with its open opportunities and open cases: one SOQL query,
 * a semi-join and two child subqueries.
 */
function accountsQuery(email: string): string {
  return selectQuery({
    objectName: 'Account',
    fields: ['Id', 'Name'],
    filters: [inSelected('Id', 'AccountId', 'Contact', textEquals('Email', email))],
    children: [
      {
        relationshipName: 'Opportunities',
        fields: ['Id', 'Name', 'StageName', 'Amount', 'CloseDate'],
        filters: [isTrue('IsClosed', false)],
        orderBy: [soonestFirst('CloseDate')],
        limit: OPEN_SHOWN + 1,
      },
      {
        relationshipName: 'Cases',
        fields: ['Id', 'CaseNumber', 'Subject', 'Status'],
        filters: [isTrue('IsClosed', false)],
        orderBy: [newestFirst('CreatedDate')],
        limit: OPEN_SHOWN + 1,
      },
    ],
    limit: ACCOUNTS_READ,
  });
}

const recordUrl = (lightningHost: string, objectName: string, id: string): string => `https://${lightningHost}/lightning/r/${objectName}/${id}/view`;

/** How an amount is written for the rep (their locale, the org's currency). */
export type AmountText = (amount: number) => string;

function senderAccount(row: AccountRow, lightningHost: string, amountText: AmountText): SenderAccount {
  const opportunities = row.Opportunities?.records ?? [];
  const cases = row.Cases?.records ?? [];
  return {
    id: row.Id,
    name: row.Name ?? row.Id,
    url: recordUrl(lightningHost, 'Account', row.Id),
    opportunities: opportunities.slice(0, OPEN_SHOWN).map((opportunity) => ({
      id: opportunity.Id,
      name: opportunity.Name ?? opportunity.Id,
      stage: opportunity.StageName,
      amount: opportunity.Amount === null ? null : amountText(opportunity.Amount),
      closeDate: opportunity.CloseDate,
      url: recordUrl(lightningHost, 'Opportunity', opportunity.Id),
    })),
    cases: cases.slice(0, OPEN_SHOWN).map((item) => ({
      id: item.Id,
      caseNumber: item.CaseNumber ?? item.Id,
      subject: item.Subject,
      status: item.Status,
      url: recordUrl(lightningHost, 'Case', item.Id),
    })),
    moreOpportunities: opportunities.length > OPEN_SHOWN,
    moreCases: cases.length > OPEN_SHOWN,
  };
}

/** The contact's account from the accounts answer, or why it could not be read (the rep may not see cases, say). */
function accountOf(
  response: Subresponse | undefined,
  accountId: string | null | undefined,
  lightningHost: string,
  amountText: AmountText,
): Pick<FoundPerson, 'account' | 'accountProblem'> {
  if (!accountId || !response) return { account: null, accountProblem: null };
  if (response.httpStatusCode >= 400) {
    const problem = toSalesforceProblem(Array.isArray(response.body) ? response.body[0] : response.body);
    return { account: null, accountProblem: t('mailPerson_accountUnreadable', { reason: problem.message }) };
  }
  const row = AccountsResult.parse(response.body).records.find((account) => account.Id === accountId);
  return { account: row ? senderAccount(row, lightningHost, amountText) : null, accountProblem: null };
}

const NO_ACCOUNT = { account: null, accountProblem: null };

/**
 * The Contact, else the unconverted Lead, whose email is this address — one composite request with a query per
 * object, run as the rep. With `amountText`, the same request reads a Contact's account with its open opportunities
 * and cases (the Gmail card).
 */
export async function findPersonByEmail(
  api: Pick<OrgApi, 'apiVersion' | 'composite'>,
  email: string,
  lightningHost: string,
  amountText?: AmountText,
): Promise<FoundPerson | null> {
  const contactQuery = selectQuery({
    objectName: 'Contact',
    fields: ['Id', 'Name', 'Title', 'AccountId', 'Account.Name'],
    filters: [textEquals('Email', email)],
    orderBy: [newestFirst('LastModifiedDate')],
    limit: 1,
  });
  const leadQuery = selectQuery({
    objectName: 'Lead',
    fields: ['Id', 'Name', 'Title', 'Company'],
    filters: [textEquals('Email', email), isTrue('IsConverted', false)],
    orderBy: [newestFirst('LastModifiedDate')],
    limit: 1,
  });
  const responses = await api.composite([
    { referenceId: 'contact', url: queryUrl(api.apiVersion, contactQuery) },
    { referenceId: 'lead', url: queryUrl(api.apiVersion, leadQuery) },
    ...(amountText ? [{ referenceId: 'accounts', url: queryUrl(api.apiVersion, accountsQuery(email)) }] : []),
  ]);
  for (const [referenceId, objectName] of [['contact', 'Contact'], ['lead', 'Lead']] as const) {
    const response = responses.get(referenceId);
    if (!response) continue;
    if (response.httpStatusCode >= 400) throw toSalesforceProblem(Array.isArray(response.body) ? response.body[0] : response.body);
    const row = PeopleResult.parse(response.body).records[0];
    if (!row) continue;
    const where = objectName === 'Contact' ? row.Account?.Name : row.Company;
    return {
      kind: 'found',
      objectName,
      recordId: row.Id,
      name: row.Name ?? email,
      detail: [row.Title, where].filter((part): part is string => Boolean(part)).join(', '),
      url: recordUrl(lightningHost, objectName, row.Id),
      ...(objectName === 'Contact' && amountText ? accountOf(responses.get('accounts'), row.AccountId, lightningHost, amountText) : NO_ACCOUNT),
    };
  }
  return null;
}
