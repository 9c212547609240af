/**
 * A record's whole context in one `/composite` request, read as the rep: the root record with every field describe
 * shows them, its parents' names, and its related lists by object (plans.ts), each with a COUNT() so the graph says
 * when a list was cut. A subrequest that fails costs only its own list.
 */
import { z } from 'zod/mini';
import { problem, toSalesforceProblem } from '../problems';
import { RecordGraph, type FieldMeta, type GraphRecord, type RelatedList } from '../record-graph';
import { keyPrefixOf } from '../record-id';
import type { RecordRef } from '../record-url';
import { MAX_SUBREQUESTS, type Describes, type ObjectDescribe, type OrgApi, type Subrequest, type Subresponse } from './api';
import { flattenRow, selectFields, type SelectedField } from './fields';
import { CONTEXT_OBJECTS, STANDARD_KEY_PREFIXES, genericChildren, genericPlan, standardPlan, type ListSpec } from './plans';
import { countQuery, filterFields, idEquals, queryUrl, selectQuery, type QuerySpec } from './soql';

export type { OrgApi, ObjectDescribe, Describes, Subrequest, Subresponse } from './api';
export { MAX_SUBREQUESTS, ObjectDescribe as ObjectDescribeSchema } from './api';

const QueryResult = z.object({
  totalSize: z.number(),
  records: z.array(z.record(z.string(), z.unknown())),
});

const ErrorList = z.array(z.object({ errorCode: z.string(), message: z.string() }));

/** Errors that mean our describe is older than the org's schema or the rep's permissions. */
const STALE_DESCRIBE_ERRORS = new Set(['INVALID_FIELD', 'INVALID_TYPE']);

interface PlannedList {
  spec: ListSpec;
  fields: SelectedField[];
}

interface ContextRequest {
  subrequests: Subrequest[];
  rootFields: SelectedField[];
  lists: PlannedList[];
}

const ROOT_REF = 'root';
const listRef = (key: string): string => `list_${key}`;
const countRef = (key: string): string => `count_${key}`;

function combine(first: Describes, second: Describes): Describes {
  return { get: (name) => second.get(name) ?? first.get(name) };
}

async function resolveObjectName(api: OrgApi, ref: RecordRef): Promise<string> {
  if (ref.sobject) return ref.sobject;
  const prefix = keyPrefixOf(ref.recordId);
  return STANDARD_KEY_PREFIXES[prefix] ?? (await api.objectForKeyPrefix(prefix));
}

/** Single-object lookups of a root without a plan, whose describes give its parents' names. */
function lookupTargets(root: ObjectDescribe): string[] {
  return root.fields.flatMap((field) => (field.relationshipName && field.referenceTo?.length === 1 ? field.referenceTo : []));
}

async function planFor(api: OrgApi, root: ObjectDescribe, describes: Describes, id: string) {
  const planned = standardPlan(root.name, id);
  if (planned) return { lists: planned, describes };
  const wanted = [...genericChildren(root).map((relation) => relation.childSObject), ...lookupTargets(root)];
  const more = combine(describes, await api.describeAll(wanted.slice(0, MAX_SUBREQUESTS)));
  return { lists: genericPlan(root, more, id), describes: more };
}

/** A list is sent only when the rep can read its object and the fields it filters on. */
function readableList(spec: ListSpec, describes: Describes): ListSpec | null {
  const describe = describes.get(spec.objectName);
  if (!describe || describe.queryable === false) return null;
  const readable = new Set(describe.fields.map((field) => field.name));
  if (!spec.filters.flatMap(filterFields).every((name) => readable.has(name))) return null;
  return { ...spec, objectName: describe.name, orderBy: spec.orderBy.filter((clause) => readable.has(clause.field)) };
}


function subrequestCount(lists: readonly ListSpec[]): number {
  return 1 + lists.reduce((sum, list) => sum + (list.counted ? 2 : 1), 0);
}

function buildRequest(api: OrgApi, root: ObjectDescribe, specs: ListSpec[], describes: Describes, id: string): ContextRequest {
  const lists = specs.flatMap((spec) => readableList(spec, describes) ?? []);
  // Plans fit as written; the bound only guards generic plans and future edits. Later lists matter least.
  while (subrequestCount(lists) > MAX_SUBREQUESTS) lists.pop();
  const rootFields = selectFields(root, describes, 'root');
  const subrequests: Subrequest[] = [
    {
      referenceId: ROOT_REF,
      url: queryUrl(api.apiVersion, selectQuery({ objectName: root.name, fields: rootFields.map((f) => f.path), filters: [idEquals('Id', id)] })),
    },
  ];
  const planned = lists.map((spec): PlannedList => {
    const describe = describes.get(spec.objectName);
    const fields = describe ? selectFields(describe, describes, 'list') : [];
    const query: QuerySpec = { objectName: spec.objectName, fields: fields.map((f) => f.path), filters: spec.filters, orderBy: spec.orderBy, limit: spec.limit };
    subrequests.push({ referenceId: listRef(spec.key), url: queryUrl(api.apiVersion, selectQuery(query)) });
    if (spec.counted) subrequests.push({ referenceId: countRef(spec.key), url: queryUrl(api.apiVersion, countQuery(query)) });
    return { spec, fields };
  });
  return { subrequests, rootFields, lists: planned };
}

function errorsOf(response: Subresponse): { errorCode: string; message: string }[] {
  const parsed = ErrorList.safeParse(response.body);
  return parsed.success ? parsed.data : [];
}

function isStale(response: Subresponse): boolean {
  return errorsOf(response).some((error) => STALE_DESCRIBE_ERRORS.has(error.errorCode));
}

function succeeded(response: Subresponse | undefined): response is Subresponse {
  return response !== undefined && response.httpStatusCode < 300;
}

function toRecord(objectName: string, row: Record<string, unknown>, fields: readonly SelectedField[]): GraphRecord {
  const flat = flattenRow(row, fields.map((field) => field.path));
  return { objectName, id: typeof row.Id === 'string' ? row.Id : '', fields: flat };
}

function readRoot(api: OrgApi, root: ObjectDescribe, request: ContextRequest, responses: Map<string, Subresponse>): GraphRecord {
  const response = responses.get(ROOT_REF);
  if (!response) throw problem('server');
  if (!succeeded(response)) {
    if (isStale(response)) api.forgetDescribes([root.name]);
    const [first] = errorsOf(response);
    throw toSalesforceProblem(first ?? { errorCode: 'UNKNOWN_EXCEPTION' });
  }
  const [row] = QueryResult.parse(response.body).records;
  if (!row) throw problem('not-found');
  return toRecord(root.name, row, request.rootFields);
}

function readList(api: OrgApi, list: PlannedList, responses: Map<string, Subresponse>): RelatedList | null {
  const { spec, fields } = list;
  const response = responses.get(listRef(spec.key));
  if (!succeeded(response)) {
    if (response && isStale(response)) api.forgetDescribes([spec.objectName]);
    return null;
  }
  const result = QueryResult.safeParse(response.body);
  if (!result.success) return null;
  const records = result.data.records.map((row) => toRecord(spec.objectName, row, fields));
  if (spec.omitWhenEmpty && records.length === 0) return null;
  const count = responses.get(countRef(spec.key));
  const counted = succeeded(count) ? QueryResult.safeParse(count.body) : undefined;
  const totalSize = Math.max(records.length, counted?.success ? counted.data.totalSize : 0);
  return { key: spec.key, label: spec.label, objectName: spec.objectName, records, totalSize };
}

function addMeta(meta: RecordGraph['fieldMeta'], objectName: string, fields: readonly SelectedField[]): void {
  const forObject: Record<string, FieldMeta> = meta[objectName] ?? {};
  for (const field of fields) forObject[field.path] = field.meta;
  meta[objectName] = forObject;
}

/**
 * The record graph of `ref`, read through `api` as the rep. Costs exactly one request once the describes it needs are
 * cached (the first record also fetches them, together, in one more). Throws a SalesforceProblem when the record
 * itself cannot be read ('not-found' when it does not exist or is not shared with the rep).
 */
export async function fetchRecordGraph(api: OrgApi, ref: RecordRef, now: () => Date = () => new Date()): Promise<RecordGraph> {
  const objectName = await resolveObjectName(api, ref);
  const describes = await api.describeAll([objectName, ...CONTEXT_OBJECTS]);
  const root = describes.get(objectName);
  if (!root) throw problem('not-found');
  const plan = await planFor(api, root, describes, ref.recordId);
  const request = buildRequest(api, root, plan.lists, plan.describes, ref.recordId);
  const responses = await api.composite(request.subrequests);

  const rootRecord = readRoot(api, root, request, responses);
  const fieldMeta: RecordGraph['fieldMeta'] = {};
  addMeta(fieldMeta, root.name, request.rootFields);
  const related: RelatedList[] = [];
  for (const list of request.lists) {
    const read = readList(api, list, responses);
    if (!read) continue;
    related.push(read);
    addMeta(fieldMeta, list.spec.objectName, list.fields);
  }
  return RecordGraph.parse({
    root: rootRecord,
    rootName: recordName(rootRecord, root),
    objectLabel: root.label,
    related,
    fieldMeta,
    fetchedAt: now().toISOString(),
  });
}

/** The root record's name as the rep knows it (its describe's name field), for the record card. */
function recordName(record: GraphRecord, root: ObjectDescribe): string {
  const nameField = root.fields.find((field) => field.nameField)?.name;
  const name = nameField ? record.fields[nameField] : undefined;
  return typeof name === 'string' && name ? name : record.id;
}
