import { z } from 'zod/mini';
import type { OrgApi } from '../../salesforce/context';
import { flattenRow } from '../../salesforce/context/fields';
import { idEquals, isTrue, newestFirst, queryUrl, textEquals } from '../../salesforce/context/soql';
import { composeSoql, type SoqlCondition, type SoqlWhere } from '../../salesforce/soql-compose';
import type { FieldValue, GraphRecord, RecordGraph, RelatedList } from '../../salesforce/record-graph';

/** Closed deals whose amount is within this factor of the deal in view count as "similar size". */
const SIZE_BAND = 2;
const SIMILAR_LIMIT = 8;
const FIELDS = ['Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsWon', 'Type', 'Account.Name'];

const QueryRows = z.object({ records: z.array(z.record(z.string(), z.unknown())) });

function amountBand(amount: FieldValue | undefined): SoqlCondition[] {
  if (typeof amount !== 'number' || amount <= 0) return [];
  const band = (operator: '>=' | '<=', value: number): SoqlCondition => ({ field: 'Amount', operator, value: { number: Math.round(value) } });
  return [band('>=', amount / SIZE_BAND), band('<=', amount * SIZE_BAND)];
}

/** `required AND … AND (scope OR …)`. */
function whereOf(required: SoqlCondition[], scope: SoqlCondition[]): SoqlWhere {
  const [only] = scope;
  return { and: [...required, only && scope.length === 1 ? only : { or: scope }] };
}

/**
 * Won and lost deals like the one in view: of the same account, or of the same industry and size band. One query,
 * through the same composite path as the context, run as the rep.
 */
export async function fetchSimilarDeals(api: Pick<OrgApi, 'apiVersion' | 'composite'>, graph: RecordGraph): Promise<RelatedList | null> {
  if (graph.root.objectName !== 'Opportunity') return null;
  const account = graph.related.find((list) => list.key === 'account')?.records[0];
  const accountId = account?.id ?? null;
  const industry = account?.fields.Industry;
  const sameAccount = accountId ? idEquals('AccountId', accountId) : null;
  const sameIndustry = typeof industry === 'string' && industry ? textEquals('Account.Industry', industry) : null;
  const scope = [sameAccount, sameIndustry].filter((condition): condition is SoqlCondition => condition !== null);
  if (scope.length === 0) return null;

  const required: SoqlCondition[] = [isTrue('IsClosed', true), { ...idEquals('Id', graph.root.id), operator: '!=' }, ...amountBand(graph.root.fields.Amount)];
  const soql = composeSoql({
    from: 'Opportunity',
    select: FIELDS,
    where: whereOf(required, scope),
    orderBy: [newestFirst('CloseDate')],
    limit: SIMILAR_LIMIT,
  });
  const responses = await api.composite([{ referenceId: 'similar', url: queryUrl(api.apiVersion, soql) }]);
  const response = responses.get('similar');
  if (!response || response.httpStatusCode >= 400) return null;
  const rows = QueryRows.parse(response.body).records;
  const records: GraphRecord[] = rows.map((row) => ({
    objectName: 'Opportunity',
    id: String(row.Id),
    fields: flattenRow(row, FIELDS.filter((field) => field !== 'Id')),
  }));
  return { key: 'similarDeals', label: 'Similar closed deals', objectName: 'Opportunity', records, totalSize: records.length };
}
