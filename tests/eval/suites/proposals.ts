/**
 * What "Log this note" and "Extract to Lead" need of the background, for the evaluation: the product's audit log (on
 * an in-memory IndexedDB, so each proposal is recorded as in the extension), the model settings of the run, and the
 * org of the sandbox reached through the product's own write access (the rep's session, the shared org client).
 */
import 'fake-indexeddb/auto';
import { AuditLog, IdbAuditBackend } from '../../../lib/audit';
import type { FeatureDeps } from '../../../lib/messaging/feature-handler';
import { PRICES } from '../../../lib/model';
import { OrgRegistry } from '../../../lib/orgs';
import { writeAccess, type WriteAccess } from '../../../lib/proposals/org-access';
import { memoryStore } from '../../unit/memory-store';
import type { ModelPlan } from '../models';
import { EVAL_NOW, ORG_LIGHTNING_HOST, type World } from '../world';

export interface ProposalWorld {
  deps: Pick<FeatureDeps, 'auditLog' | 'modelSettings' | 'prices' | 'redaction' | 'now'>;
  access: WriteAccess;
}

export const pageOf = (record: { objectName: string; id: string }): string => `https://${ORG_LIGHTNING_HOST}/lightning/r/${record.objectName}/${record.id}/view`;

export async function proposalWorld(world: World, models: ModelPlan, name: string): Promise<ProposalWorld> {
  const auditLog = new AuditLog(new IdbAuditBackend(`groundwork-eval-${name}-${process.pid}`), { now: () => EVAL_NOW });
  const access = await writeAccess({ cookies: world.cookies, orgs: new OrgRegistry(memoryStore()), clientFor: world.clientFor }).forPage(`https://${ORG_LIGHTNING_HOST}/lightning/page/home`);
  if (!access) throw new Error('The sandbox org gave no session to the evaluation.');
  const deps = {
    auditLog,
    modelSettings: async (useCase: Parameters<ModelPlan['settings']>[0]) => models.settings(useCase),
    prices: async () => PRICES,
    // The rep's and the organization's rules as a new install has them: none beyond the built-in detectors.
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    now: () => EVAL_NOW,
  };
  return { deps, access };
}
