/**
 * The org a Gmail tab works with: the one the rep used last (as the sender match does), reached with the session of
 * that org's API host through the org client every feature shares. Gmail tabs have no Salesforce session of their own.
 */
import type { OrgRegistry } from '../../orgs';
import type { WriteApi } from '../../salesforce/write-request';
import type { RecordGraph } from '../../salesforce/record-graph';
import type { RecordRef } from '../../salesforce/record-url';
import { sessionOfOrg, type ApiSession, type CookieJar } from '../../salesforce/session';

/** What the Gmail features need of an org's API (OrgClient has all of it). */
export interface MailOrgApi extends WriteApi {
  context(ref: RecordRef): Promise<RecordGraph>;
  query(soql: string): Promise<unknown>;
  describeAll(objectNames: readonly string[]): Promise<{ get(objectName: string): unknown }>;
}

export type ClientFor = (session: ApiSession) => MailOrgApi;

export class MailOrgs {
  constructor(
    private readonly orgs: OrgRegistry,
    private readonly cookies: CookieJar,
    private readonly clientFor: ClientFor,
  ) {}

  /** The last used org's API and host, or null when there is none or its session is gone. */
  async current(): Promise<{ api: MailOrgApi; apiHost: string; orgId: string } | null> {
    const org = await this.orgs.lastUsed();
    if (!org) return null;
    const session = await this.sessionOf(org);
    if (!session) return null;
    return { api: this.clientFor(session), apiHost: org.apiHost, orgId: org.orgId };
  }

  private sessionOf(org: { orgId: string; apiHost: string }): Promise<ApiSession | null> {
    return sessionOfOrg(org, this.cookies);
  }
}
