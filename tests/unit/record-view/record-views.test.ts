/**
 * Records read stay in session storage for the browser session (a revisit shows at once): a bounded number of them,
 * since each holds a record's whole context and the area holds 10 MB.
 */
import { mailClientOf } from '../../../lib/features/mail';
import { describe, expect, it } from 'vitest';
import { RecordViewService, SnapshotStore } from '../../../lib/features/record-view';
import { MAX_RECORD_VIEWS } from '../../../lib/features/record-view/service';
import { OrgRegistry } from '../../../lib/orgs';
import type { RecordRef } from '../../../lib/salesforce/record-url';
import { toId18 } from '../../../lib/salesforce/record-id';
import { memoryStore } from '../memory-store';

const ORG_ID = '00D000000000001';
const API_HOST = 'acme.my.salesforce.com';
const SID = `${ORG_ID}!session`;
const accountId = (index: number): string => toId18(`001000000${String(index).padStart(6, '0')}`) ?? '';
const pageOf = (id: string): string => `https://acme.lightning.force.com/lightning/r/Account/${id}/view`;

describe('records read this browser session', () => {
  it(`are at most ${MAX_RECORD_VIEWS}: the least recently read go first`, async () => {
    const session = memoryStore();
    const local = memoryStore();
    const orgs = new OrgRegistry(local);
    await orgs.enable({ orgId: ORG_ID, apiHost: API_HOST });
    const read: string[] = [];
    const records = new RecordViewService({
      store: session,
      orgs,
      snapshots: new SnapshotStore(local),
      cookies: { sidFor: async () => SID, allSids: async () => [{ domain: API_HOST, value: SID }] },
      activeTabOf: async () => null,
      signedInAs: async () => null,
      clientFor: () => ({
        apiVersion: '62.0',
        composite: async () => new Map(),
        context: async (ref: RecordRef) => {
          read.push(ref.recordId);
          return { root: { objectName: 'Account', id: ref.recordId, fields: { Name: `Account ${ref.recordId}` } }, rootName: `Account ${ref.recordId}`, objectLabel: 'Account', related: [], fieldMeta: {}, fetchedAt: '2026-11-21T17:00:00.000Z' };
        },
      }),
      redaction: async () => ({ deniedFields: [], patterns: [] }),
      mailClientOf: (url: string) => mailClientOf(url)?.name ?? null,
    });
    const readAll = async (count: number): Promise<void> => {
      for (let index = 0; index < count; index += 1) await records.reportLocation(1, 1, pageOf(accountId(index)));
      for (let attempt = 0; read.length < count && attempt < 500; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await readAll(MAX_RECORD_VIEWS + 1);
    const kept = session.keys().filter((key) => key.startsWith('record:'));
    expect(kept).toHaveLength(MAX_RECORD_VIEWS);
    expect(kept.some((key) => key.endsWith(accountId(0)))).toBe(false);
    expect(kept.some((key) => key.endsWith(accountId(MAX_RECORD_VIEWS)))).toBe(true);
  });
});
