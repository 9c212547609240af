import { z } from 'zod/mini';
import {
  MAX_SUBREQUESTS,
  ObjectDescribe,
  type Describes,
  type OrgApi,
  type Subrequest,
  type Subresponse,
} from './context/api';
import { fetchRecordGraph } from './context';
import { problem, toSalesforceProblem } from './problems';
import type { RecordGraph } from './record-graph';
import type { RecordRef } from './record-url';
import type { ApiSession } from './session';
import { SalesforceTransport, type HttpMethod, type OrgCredentials } from './transport';
import { TtlCache } from './ttl-cache';
import type { DescribeEntry, DescribeStore } from './describe-store';

export type { ObjectDescribe } from './context/api';

/** Pinned: field shapes and behaviour differ between API versions. */
export const API_VERSION = '62.0';
/**
 * Describes change rarely (a new field, a changed permission); a bounded lifetime lets such changes be seen within a
 * few hours, and a describe the org proves out of date (INVALID_FIELD) is fetched again at once.
 */
export const DESCRIBE_TTL_MS = 4 * 60 * 60 * 1000;

const GlobalDescribe = z.object({
  sobjects: z.array(z.object({ name: z.string(), label: z.string(), keyPrefix: z.nullable(z.string()) })),
});
type GlobalDescribe = z.infer<typeof GlobalDescribe>;

const CompositeResponse = z.object({
  compositeResponse: z.array(z.object({ referenceId: z.string(), httpStatusCode: z.number(), body: z.unknown() })),
});

const describeKey = (objectName: string): string => objectName.toLowerCase();

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * One org's API, reached as the rep (their session, or the org's OAuth sign-in: see credentials.ts). Describes are
 * cached per client (they are the rep's view: field-level security shapes them), absent objects included, so that a
 * record whose plan names an object the rep cannot read still costs one request; with a DescribeStore they are also kept per org and user across
 * worker restarts, so a new client's first record costs one request too.
 */
export class OrgClient implements OrgApi {
  readonly apiVersion = API_VERSION;
  private readonly transport: SalesforceTransport;
  private readonly describes = new TtlCache<ObjectDescribe | null>(DESCRIBE_TTL_MS);
  private readonly describesInFlight = new Map<string, Promise<ObjectDescribe | null>>();
  /** Describes a query proved out of date (the org answered INVALID_FIELD): fetched again on next use. */
  private readonly staleDescribes = new Set<string>();
  private readonly globalDescribe = new TtlCache<GlobalDescribe>(DESCRIBE_TTL_MS);
  private readonly graphsInFlight = new Map<string, Promise<RecordGraph>>();
  private hydrated: Promise<void> | undefined;

  constructor(
    readonly session: ApiSession,
    credentials: OrgCredentials,
    private readonly kept?: DescribeStore,
  ) {
    this.transport = new SalesforceTransport(credentials);
  }

  /** Describes kept from earlier clients of this org and user, once per client; a store that fails is no store. */
  private hydrate(): Promise<void> {
    this.hydrated ??= (async () => {
      if (!this.kept) return;
      const now = Date.now();
      for (const [key, entry] of await this.kept.load().catch(() => new Map<string, DescribeEntry>())) {
        const expires = entry.fetchedAt + DESCRIBE_TTL_MS;
        if (expires > now && this.describes.get(key) === undefined) this.describes.set(key, entry.describe, expires);
      }
    })();
    return this.hydrated;
  }

  /** The record and its related context, in one composite request once describes are cached. */
  async context(ref: RecordRef): Promise<RecordGraph> {
    // The headline and a prefetch may ask for the same record at once: they share one request.
    const running = this.graphsInFlight.get(ref.recordId);
    if (running) return running;
    const loading = fetchRecordGraph(this, ref).finally(() => this.graphsInFlight.delete(ref.recordId));
    this.graphsInFlight.set(ref.recordId, loading);
    return loading;
  }


  async describe(objectName: string): Promise<ObjectDescribe> {
    const describe = (await this.describeAll([objectName])).get(objectName);
    if (!describe) throw problem('not-found');
    return describe;
  }

  async describeAll(objectNames: readonly string[]): Promise<Describes> {
    await this.hydrate();
    const byKey = new Map(objectNames.map((name) => [describeKey(name), name]));
    const missing = [...byKey.keys()].filter((key) => this.cachedDescribe(key) === undefined && !this.describesInFlight.has(key));
    if (missing.length > 0) {
      // Every missing describe comes from one batch; a concurrent caller waits for the same batch.
      const batch = this.fetchDescribes(missing.map((key) => byKey.get(key) ?? key)).finally(() => {
        for (const key of missing) this.describesInFlight.delete(key);
      });
      for (const key of missing) {
        const one = batch.then((found) => found.get(key) ?? null);
        one.catch(() => undefined); // awaited below or by a concurrent caller; never left unhandled
        this.describesInFlight.set(key, one);
      }
    }
    const found = new Map<string, ObjectDescribe | null>();
    for (const key of byKey.keys()) {
      found.set(key, this.cachedDescribe(key) ?? (await this.describesInFlight.get(key)) ?? null);
    }
    return { get: (name) => found.get(describeKey(name)) };
  }

  forgetDescribes(objectNames: readonly string[]): void {
    const keys = objectNames.map(describeKey);
    for (const key of keys) this.staleDescribes.add(key);
    void this.kept?.forget(keys).catch(() => undefined);
  }

  private cachedDescribe(key: string): ObjectDescribe | null | undefined {
    return this.staleDescribes.has(key) ? undefined : this.describes.get(key);
  }

  async objectForKeyPrefix(prefix: string): Promise<string> {
    const global = await this.globalDescribe.getOrLoad('global', () =>
      this.call(async () => GlobalDescribe.parse(await this.request('GET', `/services/data/v${API_VERSION}/sobjects`))),
    );
    const match = global.sobjects.find((sobject) => sobject.keyPrefix === prefix);
    if (!match) throw problem('not-found');
    return match.name;
  }

  async composite(subrequests: readonly Subrequest[]): Promise<Map<string, Subresponse>> {
    if (subrequests.length > MAX_SUBREQUESTS) {
      throw new Error(`a composite request takes at most ${MAX_SUBREQUESTS} subrequests, not ${subrequests.length}`);
    }
    const body = {
      allOrNone: false,
      compositeRequest: subrequests.map(({ referenceId, url }) => ({ method: 'GET', url, referenceId })),
    };
    const reply = await this.call(async () =>
      CompositeResponse.parse(await this.request('POST', `/services/data/v${API_VERSION}/composite`, body)),
    );
    return new Map(reply.compositeResponse.map((response) => [response.referenceId, response]));
  }

  /** Missing describes, 25 to a composite request. An object the rep cannot see answers 404: remembered as null. */
  private async fetchDescribes(objectNames: readonly string[]): Promise<Map<string, ObjectDescribe | null>> {
    const found = new Map<string, ObjectDescribe | null>();
    for (const batch of chunks(objectNames, MAX_SUBREQUESTS)) {
      const subrequests = batch.map((name, index) => ({
        referenceId: `describe${index}`,
        url: `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(name)}/describe`,
      }));
      const responses = await this.composite(subrequests);
      batch.forEach((name, index) => {
        const response = responses.get(`describe${index}`);
        if (!response || response.httpStatusCode >= 500) throw problem('server');
        const describe = response.httpStatusCode < 300 ? ObjectDescribe.safeParse(response.body) : undefined;
        if (describe && !describe.success) throw problem('server');
        const key = describeKey(name);
        found.set(key, describe?.data ?? null);
        this.describes.set(key, describe?.data ?? null);
        this.staleDescribes.delete(key);
      });
    }
    const fetchedAt = Date.now();
    // Kept off the critical path: the context request does not wait for storage (or a first look-up of the user).
    void this.kept?.save(new Map([...found].map(([key, describe]) => [key, { describe, fetchedAt }]))).catch(() => undefined);
    return found;
  }

  /** One REST call as the rep; Salesforce's errors come back with their codes (SalesforceRequestError). */
  request(method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): Promise<unknown> {
    return this.transport.request(method, path, body, headers);
  }

  /** A SOQL query's first page; the error codes (INVALID_FIELD…) are kept for the caller to explain. */
  query(soql: string, batchSize?: number): Promise<unknown> {
    const headers = batchSize ? { 'Sforce-Query-Options': `batchSize=${batchSize}` } : undefined;
    return this.request('GET', `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`, undefined, headers);
  }

  /** The next page of a query, by the `nextRecordsUrl` Salesforce gave. */
  queryMore(nextRecordsUrl: string): Promise<unknown> {
    return this.request('GET', nextRecordsUrl);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toSalesforceProblem(error);
    }
  }
}
