import { isApiHost, isLightningHost, salesforcePageUrl } from './hosts';
import { toId18 } from './record-id';

export interface RecordRef {
  /** Always the 18-character id. */
  recordId: string;
  /** The object's API name when the URL names it; otherwise resolve it from the id's key prefix. */
  sobject?: string;
}

const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** `/lightning/r/<Object>/<Id>/<view|edit|clone|related/<List>/view>` */
const LIGHTNING_RECORD_WITH_OBJECT = /^\/lightning\/r\/([^/]+)\/([^/]+)\/(?:view|edit|clone|related\/[^/]+\/view)\/?$/;
/** `/lightning/r/<Id>/view` */
const LIGHTNING_RECORD_BY_ID = /^\/lightning\/r\/([^/]+)\/(?:view|edit)\/?$/;
/** `one.app#/sObject/<Id>/view` */
const ONE_APP_RECORD = /^\/sObject\/([^/?]+)(?:\/(?:view|edit))?\/?(?:\?.*)?$/;
/** Classic: `/<id>` or `/<id>/e`. */
const CLASSIC_RECORD = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})(?:\/e)?\/?$/;

function recordRef(id: string | undefined, sobject?: string): RecordRef | null {
  if (!id) return null;
  const recordId = toId18(id);
  if (!recordId) return null;
  if (sobject === undefined) return { recordId };
  return OBJECT_NAME.test(sobject) ? { recordId, sobject } : null;
}

function decodeSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function parseLightningPath(pathname: string, hash: string): RecordRef | null {
  const withObject = LIGHTNING_RECORD_WITH_OBJECT.exec(pathname);
  if (withObject) return recordRef(decodeSegment(withObject[2]), decodeSegment(withObject[1]));
  const byId = LIGHTNING_RECORD_BY_ID.exec(pathname);
  if (byId) return recordRef(decodeSegment(byId[1]));
  if (pathname === '/one/one.app') {
    const legacy = ONE_APP_RECORD.exec(hash.replace(/^#/, ''));
    return legacy ? recordRef(decodeSegment(legacy[1])) : null;
  }
  return null;
}

/**
 * The record a Salesforce page shows, from its URL alone; null for anything that is not a record page (list views,
 * home, setup, other sites, look-alike hosts, malformed ids).
 */
export function parseRecordUrl(url: string): RecordRef | null {
  const page = salesforcePageUrl(url);
  if (!page) return null;
  if (isLightningHost(page.hostname)) return parseLightningPath(page.pathname, page.hash);
  if (isApiHost(page.hostname)) {
    if (page.pathname.startsWith('/lightning/') || page.pathname === '/one/one.app') {
      return parseLightningPath(page.pathname, page.hash);
    }
    const classic = CLASSIC_RECORD.exec(page.pathname);
    return classic ? recordRef(classic[1]) : null;
  }
  return null;
}
