/** What Ask needs of the background and of an org, behind interfaces the tests and the evaluation fake. */
import type { AuditLog } from '../../audit';
import type { KeyValueStore } from '../../browser/store';
import type { RedactionRules } from '../../context/redact';
import type { generateJson, ModelSettings, streamGeneration, UseCase } from '../../model';
import type { LanguageRequest, PriceTable } from '../../settings';
import type { ApiSession, CookieJar } from '../../salesforce/session';
import type { RecordCard } from '../record-view';

/** What Ask needs of an org: OrgClient as the rep. */
export interface AskApi {
  describeAll(objectNames: readonly string[]): Promise<{ get(objectName: string): unknown }>;
  query(soql: string, batchSize?: number): Promise<unknown>;
  queryMore(nextRecordsUrl: string): Promise<unknown>;
  /** Describes a query proved out of date are read again next time. */
  forgetDescribes(objectNames: readonly string[]): void;
}

/** What the service needs of the background (a subset of FeatureDeps, so tests can fake it). */
export interface AskDeps {
  records: { recordInView(windowId: number): Promise<{ card: RecordCard } | null> };
  /** The org client of a session: the one every feature shares (lib/salesforce/org-clients.ts). */
  clientFor(session: ApiSession): AskApi;
  orgs: { isEnabled(orgId: string): Promise<boolean> };
  cookies: CookieJar;
  session: KeyValueStore;
  /** The rep's and the organization's redaction rules: denied fields and patterns never go to the model. */
  redaction(): Promise<RedactionRules>;
  browser: { activeTab(windowId: number): Promise<{ tabId: number; url: string | undefined } | null> };
  modelSettings(useCase: UseCase): Promise<ModelSettings>;
  /** Every model call Ask makes is recorded, priced with the effective table: it counts toward the budgets. */
  auditLog: Pick<AuditLog, 'record'>;
  prices(): Promise<PriceTable>;
  /** The language the rep's answers are written in, and why; without it, English, unsaid. */
  outputLanguages?(): Promise<{ output: LanguageRequest }>;
  keepAlive(): () => void;
  now(): Date;
}

export interface AskOptions {
  generateJson: typeof generateJson;
  stream: typeof streamGeneration;
  newId(): string;
  /** The LIMIT every query gets at most. */
  maxRows: number;
  /** Rows per page (Salesforce's batchSize: 200 to 2,000); "Load more" fetches the next. */
  pageSize: number;
}

/** Where a question is asked: the org's client as the rep, and the record in view, if any. */
export interface AskTarget {
  api: AskApi;
  orgId: string;
  record: RecordCard | null;
}
