/**
 * What 1,000 generations leave behind, with the product's own code in Node: the generation service (lib/features/
 * generate) keeping finished outputs in a local store, the real audit log (lib/audit, IndexedDB through
 * fake-indexeddb) recording each through the governance's generation audit, and the org audit sink
 * (lib/features/governance/org-audit) copying those entries into the sandbox org. Each generation is a summary of a
 * different record (the worst case for per-record storage), streamed by the real model client from the sandbox's demo
 * model.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditLog, IdbAuditBackend } from '../../lib/audit';
import { GenerationService, MAX_KEPT_GENERATIONS } from '../../lib/features/generate/service';
import { createGenerationAudit } from '../../lib/features/governance/generation-audit';
import { OrgAuditSink } from '../../lib/features/governance/org-audit';
import { streamGeneration } from '../../lib/model';
import { settingsSource } from '../../lib/features/governance/sources';
import { createMessagesApi } from '../sandbox/anthropic';
import { memoryStore } from '../unit/memory-store';
import { GLOBEX } from './figures';
import type { BenchOrg } from './org';
import { groundworkClient } from './ours';
import type { FigureOutput, StorageFigures } from './results';

const GENERATIONS = 1000;

/** Bytes of everything in a store, as JSON (what extension storage keeps). */
async function storeKb(store: ReturnType<typeof memoryStore>): Promise<number> {
  let bytes = 0;
  for (const key of store.keys()) bytes += key.length + JSON.stringify(await store.get(key)).length;
  return Math.round(bytes / 100) / 10;
}

async function auditKb(log: AuditLog): Promise<number> {
  return Math.round(JSON.stringify(await log.query({})).length / 100) / 10;
}

/** The org's permission set `name` assigned to `username`, as the admin would (the sink writes as the rep). */
async function assign(org: BenchOrg, permissionSet: string, username: string): Promise<void> {
  const query = async (soql: string): Promise<string | undefined> => {
    const response = await org.fetch(`https://${org.apiHost}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
      headers: { Authorization: `Bearer ${org.sid}` },
    });
    return ((await response.json()) as { records: { Id: string }[] }).records[0]?.Id;
  };
  const set = await query(`SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'`);
  const user = await query(`SELECT Id FROM User WHERE Username = '${username}'`);
  await org.fetch(`https://${org.apiHost}/services/data/v62.0/sobjects/PermissionSetAssignment`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${org.sid}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ AssigneeId: user, PermissionSetId: set }),
  });
}

export async function storageFigure(org: BenchOrg): Promise<FigureOutput<StorageFigures>> {
  const graph = await groundworkClient(org).context(GLOBEX);
  const api = createMessagesApi({ firstTokenMs: 0, chunkDelayMs: 0 });
  const server = createServer((req, res) => void api.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const local = memoryStore();
  const log = new AuditLog(new IdbAuditBackend(`bench-audit-${Date.now()}`));
  const orgId = org.sf.primary.orgId;
  const restricted = org.sf.primary.restrictedSid;
  try {
    const service = new GenerationService({
      store: local,
      slots: memoryStore(),
      modelSettings: async () => ({ apiKey: 'sk-ant-bench-key-000001', baseUrl, model: 'claude-sonnet-5-5', maxRetries: 0 }),
      promptVariant: async () => 'A',
      stream: streamGeneration,
      prohibitedPhrases: async () => [],
      redaction: async () => ({ deniedFields: [], patterns: [] }),
      audit: createGenerationAudit(log, {
        ...settingsSource(memoryStore(), memoryStore()),
        org: async () => ({ orgId, apiHost: org.apiHost }),
      }),
      keepAlive: () => () => undefined,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    const api = { apiVersion: '62.0', composite: () => Promise.reject(new Error('not used by summaries')) };
    for (let index = 0; index < GENERATIONS; index++) {
      const recordId = `001${String(index).padStart(12, '0')}AAA`;
      await service.generate({ slotKey: `record:${orgId}:bench:${recordId}`, recordId, graph, lastVisit: null, changes: [], api }, 'summary', null);
    }
    const kept = local.keys().filter((key) => key.startsWith('generation:')).length;

    org.sf.deploy('acme');
    await assign(org, 'Groundwork_AI_User', org.sf.primary.users.restricted.username);
    const sink = new OrgAuditSink({
      log,
      store: memoryStore(),
      policy: async () => ({ enabled: true, content: 'metadata' }),
      redact: async () => (text) => text,
      clientFor: async (id) => (id === orgId ? groundworkClient(org, restricted) : null),
      now: () => new Date(),
    });
    org.sf.clearLog();
    await sink.flush();
    const upserts = org.apiRequests().filter((entry) => entry.method === 'PATCH' && entry.path.includes('/composite/sobjects/')).length;
    const events = org.sf.org('acme').seed.db.records.get('Groundwork_AI_Event__c')?.size ?? 0;
    return {
      value: {
        storage_kb_after_1000: await storeKb(local),
        generations_kept: kept,
        generations_kept_max: MAX_KEPT_GENERATIONS,
        audit_kb_after_1000: await auditKb(log),
        org_audit_requests_for_1000: upserts,
      },
      notes: events === GENERATIONS ? {} : { org_audit: `the org holds ${events} events for ${GENERATIONS} generations` },
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
