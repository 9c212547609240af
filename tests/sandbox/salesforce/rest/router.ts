/** Routes a REST request below `/services/data/vXX.X` to its resource. Composite subrequests come through here too. */
import { batchRequest, compositeRequest, sobjectCollections, sobjectTree } from '../composite';
import { SalesforceError } from '../model';
import { DAILY_API_LIMIT } from '../org';
import { parameterizedSearch, searchResource } from '../search';
import { notFound } from '../writes';
import { basicInfo, describeObject, globalDescribe } from './describe';
import { errorResponse, json, methodNotAllowed, type RestContext, type RestRequest, type RestResponse } from './http';
import { queryResource } from './query';
import { createFromBody, relatedList, sobjectRow } from './records';
import { upsertCollection } from '../upsert';

const FIRST_VERSION = 31;
const LATEST_VERSION = 66;
const SEASONS = ['Summer', 'Winter', 'Spring'] as const;

/** `66.0` → `Spring '26`: three releases a year, 31.0 being Summer '14. */
function releaseLabel(major: number): string {
  const index = major - FIRST_VERSION;
  const season = SEASONS[index % 3] ?? 'Summer';
  const year = 14 + Math.floor(index / 3) + (season === 'Summer' ? 0 : 1);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function isSupportedVersion(version: string): boolean {
  const match = /^(\d+)\.0$/.exec(version);
  const major = Number(match?.[1]);
  return match !== null && major >= FIRST_VERSION && major <= LATEST_VERSION;
}

/** `GET /services/data/`: every version the org serves, oldest first. */
export function versionsList(): unknown[] {
  const versions = [];
  for (let major = FIRST_VERSION; major <= LATEST_VERSION; major++) {
    versions.push({ label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` });
  }
  return versions;
}

function resources(ctx: RestContext): Record<string, string> {
  const base = `/services/data/v${ctx.version}`;
  const names = ['tooling', 'metadata', 'jsonxform', 'chatter', 'tabs', 'appMenu', 'quickActions', 'queryAll', 'search',
    'composite', 'parameterizedSearch', 'theme', 'recent', 'limits', 'process', 'query', 'compactLayouts', 'sobjects',
    'actions', 'support', 'uiapi'];
  const out: Record<string, string> = {};
  for (const name of names.sort()) out[name] = `${base}/${name}`;
  out.identity = `https://${ctx.org.apiHost}/id/${ctx.org.orgId}/${ctx.user.id}`;
  return out;
}

function limit(max: number, used = 0): { Max: number; Remaining: number } {
  return { Max: max, Remaining: Math.max(0, max - used) };
}

function limits(ctx: RestContext): Record<string, unknown> {
  let records = 0;
  for (const table of ctx.org.db.records.values()) records += table.size;
  // Salesforce counts most records as 2 KB of data storage.
  const dataStorageUsedMb = Math.ceil((records * 2) / 1024);
  return {
    ActiveScratchOrgs: limit(3),
    ConcurrentAsyncGetReportInstances: limit(200),
    ConcurrentSyncReportRuns: limit(20),
    DailyAnalyticsDataflowJobExecutions: limit(60),
    DailyApiRequests: limit(DAILY_API_LIMIT, ctx.org.apiUsage),
    DailyAsyncApexExecutions: limit(250000),
    DailyBulkApiBatches: limit(15000),
    DailyBulkV2QueryFileStorageMB: limit(976562),
    DailyBulkV2QueryJobs: limit(10000),
    DailyGenericStreamingApiEvents: limit(10000),
    DailyStreamingApiEvents: limit(10000),
    DailyWorkflowEmails: limit(390),
    DataStorageMB: limit(10240, dataStorageUsedMb),
    FileStorageMB: limit(10240),
    HourlyAsyncReportRuns: limit(1200),
    HourlyDashboardRefreshes: limit(200),
    HourlyDashboardResults: limit(5000),
    HourlyDashboardStatuses: limit(999999999),
    HourlyODataCallout: limit(20000),
    HourlySyncReportRuns: limit(500),
    HourlyTimeBasedWorkflow: limit(50),
    MassEmail: limit(10),
    SingleEmail: limit(15),
  };
}

function onlyGet(req: RestRequest): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(req.method, ['GET', 'HEAD']);
}

function sobjects(ctx: RestContext, req: RestRequest, segments: string[]): RestResponse {
  const [name, second, third, ...rest] = segments;
  if (name === undefined) {
    onlyGet(req);
    return json(200, globalDescribe(ctx));
  }
  const object = ctx.org.object(name);
  if (!object || !ctx.access.canReadObject(object.name)) throw notFound();
  if (second === undefined) {
    if (req.method === 'POST') return createFromBody(ctx, object, req);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(req.method, ['GET', 'HEAD', 'POST']);
    return json(200, basicInfo(ctx, object));
  }
  if (second === 'describe' && third === undefined) {
    onlyGet(req);
    return json(200, describeObject(ctx, object));
  }
  if (third === undefined) return sobjectRow(ctx, object, second, req);
  if (rest.length === 0) return relatedList(ctx, object, second, third, req);
  throw notFound();
}

function composite(ctx: RestContext, req: RestRequest, segments: string[]): RestResponse {
  const [kind, objectName] = segments;
  if (kind === undefined) return compositeRequest(ctx, req);
  if (kind === 'tree' && objectName !== undefined && segments.length === 2) return sobjectTree(ctx, req, objectName);
  if (kind === 'sobjects' && segments.length <= 2) return sobjectCollections(ctx, req, objectName);
  if (kind === 'sobjects' && objectName !== undefined && segments[2] !== undefined && segments.length === 3) {
    return upsertCollection(ctx, req, objectName, segments[2]);
  }
  if (kind === 'batch' && segments.length === 1) return batchRequest(ctx, req);
  throw notFound();
}

/** Dispatches a request whose path is relative to `/services/data/vXX.X`. */
export function routeVersioned(ctx: RestContext, req: RestRequest): RestResponse {
  const segments = req.path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  const [resource, ...rest] = segments;
  switch (resource) {
    case undefined:
      onlyGet(req);
      return json(200, resources(ctx));
    case 'sobjects':
      return sobjects(ctx, req, rest);
    case 'query':
    case 'queryAll':
      if (rest.length > 1) throw notFound();
      return queryResource(ctx, req, resource === 'queryAll', rest[0]);
    case 'search':
      if (rest.length > 0) throw notFound();
      return searchResource(ctx, req);
    case 'parameterizedSearch':
      if (rest.length > 0) throw notFound();
      return parameterizedSearch(ctx, req);
    case 'composite':
      return composite(ctx, req, rest);
    case 'limits':
      if (rest.length > 0) throw notFound();
      onlyGet(req);
      return json(200, limits(ctx));
    default:
      throw notFound();
  }
}

const NON_DML_ERRORS = new Set(['JSON_PARSER_ERROR', 'METHOD_NOT_ALLOWED', 'NOT_FOUND', 'MALFORMED_QUERY']);

/** Like routeVersioned, but a SalesforceError becomes its error response (DML errors always list their fields). */
export function executeRest(ctx: RestContext, req: RestRequest): RestResponse {
  try {
    return routeVersioned(ctx, req);
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error;
    const dml = req.method !== 'GET' && req.method !== 'HEAD' && !NON_DML_ERRORS.has(error.errorCode);
    return errorResponse(error, { alwaysFields: dml && error.status === 400 });
  }
}
