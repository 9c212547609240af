import { Connection } from 'jsforce';
import { z } from 'zod';
import type { RecordHeadline } from '../messaging/protocol';
import { problem, toSalesforceProblem } from './problems';
import { keyPrefixOf } from './record-id';
import type { RecordRef } from './record-url';
import type { ApiSession } from './session';
import { TtlCache } from './ttl-cache';

/** Pinned: jsforce defaults to an old version, and field shapes differ between versions. */
export const API_VERSION = '62.0';
const DESCRIBE_TTL_MS = 15 * 60 * 1000;

const GlobalDescribe = z.object({
  sobjects: z.array(z.object({ name: z.string(), label: z.string(), keyPrefix: z.string().nullable() })),
});
type GlobalDescribe = z.infer<typeof GlobalDescribe>;

const ObjectDescribe = z.object({
  name: z.string(),
  label: z.string(),
  fields: z.array(z.object({ name: z.string(), label: z.string(), type: z.string(), nameField: z.boolean().optional() })),
});
export type ObjectDescribe = z.infer<typeof ObjectDescribe>;

const RetrievedRecord = z.record(z.string(), z.unknown());

/** Finds the current session again when Salesforce says the one in use expired. */
export type SessionSource = () => Promise<ApiSession | null>;

/** One org's API, reached with the rep's own session on the org's API host. */
export class OrgClient {
  private readonly connection: Connection;
  private readonly describes = new TtlCache<ObjectDescribe>(DESCRIBE_TTL_MS);
  private readonly globalDescribe = new TtlCache<GlobalDescribe>(DESCRIBE_TTL_MS);

  constructor(
    readonly session: ApiSession,
    rereadSession: SessionSource,
  ) {
    this.connection = new Connection({
      instanceUrl: `https://${session.apiHost}`,
      accessToken: session.sessionId,
      version: API_VERSION,
      // Called by jsforce on a 401: re-read the cookie once; the same (or no) cookie means the session is really gone.
      refreshFn: (connection, callback) => {
        void rereadSession().then(
          (fresh) => {
            if (!fresh || fresh.sessionId === connection.accessToken) {
              callback(problem('session-expired'));
              return;
            }
            callback(null, fresh.sessionId);
          },
          (error: unknown) => callback(toSalesforceProblem(error)),
        );
      },
    });
  }

  async describe(objectName: string): Promise<ObjectDescribe> {
    return this.describes.getOrLoad(objectName.toLowerCase(), () =>
      this.call(async () => ObjectDescribe.parse(await this.connection.sobject(objectName).describe())),
    );
  }

  async objectForKeyPrefix(prefix: string): Promise<string> {
    const global = await this.globalDescribe.getOrLoad('global', () =>
      this.call(async () => GlobalDescribe.parse(await this.connection.describeGlobal())),
    );
    const match = global.sobjects.find((sobject) => sobject.keyPrefix === prefix);
    if (!match) throw problem('not-found');
    return match.name;
  }

  /** The record's name and object, read with the rep's permissions. */
  async headline(ref: RecordRef): Promise<RecordHeadline> {
    const objectName = ref.sobject ?? (await this.objectForKeyPrefix(keyPrefixOf(ref.recordId)));
    const describe = await this.describe(objectName);
    const nameField = describe.fields.find((field) => field.nameField)?.name ?? 'Id';
    const record = await this.call(async () =>
      RetrievedRecord.parse(await this.connection.sobject(describe.name).retrieve(ref.recordId, { fields: [nameField] })),
    );
    const name = record[nameField];
    return {
      recordId: ref.recordId,
      objectName: describe.name,
      objectLabel: describe.label,
      name: typeof name === 'string' && name ? name : ref.recordId,
    };
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toSalesforceProblem(error);
    }
  }
}
