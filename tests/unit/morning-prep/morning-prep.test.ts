/**
 * Morning prep asks Salesforce for today's events of the user the session belongs to. That user's id comes from the
 * network (OAuth userinfo): it must be a User id before it goes into a query, and the query is composed, not pasted.
 */
import { describe, expect, it } from 'vitest';
import { createMorningPrep, type MorningPrepDeps, type PrepClient } from '../../../lib/features/morning-prep/morning-prep';
import type { EffectiveSettings } from '../../../lib/settings';
import { Settings } from '../../../lib/settings';

const ORG = { orgId: '00D000000000001', apiHost: 'acme.my.salesforce.com' };
const OPPORTUNITY = '006000000000001AAA';

function prep(userId: unknown): { run: () => ReturnType<ReturnType<typeof createMorningPrep>['run']>; queries: string[]; briefs: string[] } {
  const queries: string[] = [];
  const briefs: string[] = [];
  const client: PrepClient = {
    apiVersion: '62.0',
    composite: async () => new Map(),
    context: async ({ recordId }) => ({ root: { objectName: 'Opportunity', id: recordId, fields: {} }, rootName: 'Deal', objectLabel: 'Opportunity', related: [], fieldMeta: {}, fetchedAt: '2026-11-21T07:00:00.000Z' }),
    request: async () => ({ user_id: userId, name: 'Sam Rivera' }),
    query: async (soql) => {
      queries.push(soql);
      return { records: [{ Id: '00U000000000001AAA', WhatId: OPPORTUNITY, WhoId: null }] };
    },
  };
  const settings = Settings.parse({ morningPrep: true });
  const deps: MorningPrepDeps = {
    settings: { effective: async () => ({ settings }) as EffectiveSettings },
    gate: { featureAllowed: async () => true, budgetRefusal: async () => null },
    orgs: { lastUsed: async () => ORG, isEnabled: async () => true },
    cookies: { sidFor: async () => `${ORG.orgId}!session`, allSids: async () => [] },
    generations: {
      kept: async () => [],
      generate: async (input) => {
        briefs.push(input.recordId);
        return { status: 'done' } as Awaited<ReturnType<MorningPrepDeps['generations']['generate']>>;
      },
    },
    clientFor: () => client,
  };
  return { run: () => createMorningPrep(deps).run(), queries, briefs };
}

describe('morning prep: whose events', () => {
  it("queries today's events of the session's user by a composed query, with the 18-character User id", async () => {
    const { run, queries, briefs } = prep('00558000001N0Ke');
    expect(await run()).toMatchObject({ stoppedBy: null, prepared: [OPPORTUNITY] });
    expect(queries).toEqual([
      "SELECT Id, WhatId, WhoId FROM Event WHERE OwnerId = '00558000001N0KeAAK' AND StartDateTime = TODAY ORDER BY StartDateTime ASC NULLS LAST LIMIT 20",
    ]);
    expect(briefs).toEqual([OPPORTUNITY]);
  });

  it.each([
    ['16 characters', '0050000000000011'],
    ['an Account id', '001000000000001AAA'],
    ['an 18-character id whose case suffix does not match', '00558000001N0KeAAA'],
    ['quote and SOQL', "005000000000001' OR OwnerId != '"],
    ['not text', 5],
  ])('refuses a userinfo user id that is not a User id (%s) and queries nothing', async (_name, userId) => {
    const { run, queries, briefs } = prep(userId);
    expect((await run()).stoppedBy).toBe('failed');
    expect(queries).toEqual([]);
    expect(briefs).toEqual([]);
  });
});
