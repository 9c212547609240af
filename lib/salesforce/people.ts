import { z } from 'zod';
import type { OrgApi } from './context';
import { queryUrl, selectQuery, textEquals, isTrue, newestFirst } from './context/soql';
import { toSalesforceProblem } from './problems';
import type { FoundPerson } from './found-person';

const PersonRow = z.object({
  Id: z.string(),
  Name: z.string().nullable(),
  Title: z.string().nullable().optional(),
  Company: z.string().nullable().optional(),
  Account: z.object({ Name: z.string().nullable() }).nullable().optional(),
});
const PeopleResult = z.object({ records: z.array(PersonRow) });

/**
 * The Contact, else the unconverted Lead, whose email is this address — one composite request with a query per
 * object, run as the rep.
 */
export async function findPersonByEmail(api: Pick<OrgApi, 'apiVersion' | 'composite'>, email: string, lightningHost: string): Promise<FoundPerson | null> {
  const contactQuery = selectQuery({
    objectName: 'Contact',
    fields: ['Id', 'Name', 'Title', 'Account.Name'],
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
      url: `https://${lightningHost}/lightning/r/${objectName}/${row.Id}/view`,
    };
  }
  return null;
}
