import { composeQuery, getComposedField, type Condition, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { z } from 'zod';
import type { OrgApi } from '../../salesforce/context';
import { flattenRow } from '../../salesforce/context/fields';
import { idEquals, isTrue, newestFirst, queryUrl, textEquals } from '../../salesforce/context/soql';
import type { FieldValue, GraphRecord, RecordGraph, RelatedList } from '../../salesforce/record-graph';

/** Closed deals whose amount is within this factor of the deal in view count as "similar size". */
const SIZE_BAND = 2;
const SIMILAR_LIMIT = 8;
const FIELDS = ['Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsWon', 'Type', 'Account.Name'];

const QueryRows = z.object({ records: z.array(z.record(z.string(), z.unknown())) });

function amountBand(amount: FieldValue | undefined): Condition[] {
  if (typeof amount !== 'number' || amount <= 0) return [];
  const band = (operator: '>=' | '<=', value: number): Condition => ({
    field: 'Amount',
    operator,
    value: String(Math.round(value)),
    literalType: 'INTEGER',
  });
  return [band('>=', amount / SIZE_BAND), band('<=', amount * SIZE_BAND)];
}

/** `required AND … AND (scope OR …)`, as soql-parser-js's clause chain with parentheses on the scope group. */
function whereOf(required: Condition[], scope: Condition[]): WhereClause {
  const group = scope.map((condition, index) => ({
    ...condition,
    ...(index === 0 && scope.length > 1 ? { openParen: 1 } : {}),
    ...(index === scope.length - 1 && scope.length > 1 ? { closeParen: 1 } : {}),
  }));
  const links: { condition: Condition; operator: 'AND' | 'OR' }[] = [
    ...required.map((condition) => ({ condition, operator: 'AND' as const })),
    ...group.map((condition, index) => ({ condition, operator: index === 0 ? ('AND' as const) : ('OR' as const) })),
  ];
  const build = (index: number): WhereClause => {
    const link = links[index];
    if (!link) throw new Error('a WHERE clause needs a condition');
    const next = links[index + 1];
    return next ? { left: link.condition, operator: next.operator, right: build(index + 1) } : { left: link.condition };
  };
  return build(0);
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
  const scope = [sameAccount, sameIndustry].filter((condition): condition is Condition => condition !== null);
  if (scope.length === 0) return null;

  const required: Condition[] = [isTrue('IsClosed', true), { ...idEquals('Id', graph.root.id), operator: '!=' }, ...amountBand(graph.root.fields.Amount)];
  const soql = composeQuery({
    sObject: 'Opportunity',
    fields: FIELDS.map((path) => getComposedField(path)),
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
