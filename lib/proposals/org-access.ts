/**
 * The org a proposal writes to, reached through the org client every feature shares (lib/salesforce/org-clients.ts):
 * the org of the record in view, or (after a right-click on any other site) the org of the last record the rep viewed.
 * The write describes come from that client's describe cache, fetched once for every feature.
 */
import type { FeatureDeps } from '../messaging/feature-handler';
import type { OrgClient } from '../salesforce/client';
import { lightningHostFor } from '../salesforce/hosts';
import { findApiSession, sessionOfOrg, type ApiSession } from '../salesforce/session';
import { loadWriteDescribes, type WriteDescribes } from './describe';

export interface WriteAccess {
  client: OrgClient;
  lightningHost: string;
  describes(objectNames: readonly string[]): Promise<WriteDescribes>;
}

export type WriteAccessDeps = Pick<FeatureDeps, 'cookies' | 'orgs' | 'clientFor'>;

function accessOf(deps: WriteAccessDeps, session: ApiSession): WriteAccess {
  const client = deps.clientFor(session);
  return { client, lightningHost: lightningHostFor(session.apiHost), describes: (objectNames) => loadWriteDescribes(client, objectNames) };
}

export function writeAccess(deps: WriteAccessDeps) {
  return {
    /** The org of a Salesforce page (the record in view). */
    async forPage(pageUrl: string): Promise<WriteAccess | null> {
      const session = await findApiSession(pageUrl, deps.cookies);
      return session ? accessOf(deps, session) : null;
    },
    /** The org of the last record the rep viewed (a context-menu click on any other site). */
    async forLastOrg(): Promise<WriteAccess | null> {
      const org = await deps.orgs.lastUsed();
      if (!org) return null;
      const session = await sessionOfOrg(org, deps.cookies);
      return session ? accessOf(deps, session) : null;
    },
  };
}
