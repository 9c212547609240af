import { z } from 'zod/mini';
import type { OrgRegistry } from '../../orgs';
import type { OrgClient } from '../../salesforce/client';
import { idEquals, selectQuery, soonestFirst } from '../../salesforce/context/soql';
import { UserInfo } from '../../salesforce/current-user';
import type { RecordGraph } from '../../salesforce/record-graph';
import type { RecordRef } from '../../salesforce/record-url';
import { sessionOfOrg, type ApiSession, type CookieJar } from '../../salesforce/session';
import type { GenerationService } from '../generate';
import type { SettingsGate, SettingsSource } from '../governance';
import { recordSlotKey } from '../record-view';

export const MORNING_PREP_ALARM = 'governance:morning-prep';
/**
 * Hourly: the first run of the day prepares the day's briefs and later runs pick up meetings added since; a brief that
 * is kept and still matches its record costs no model call, so a repeated run only reads.
 */
export const MORNING_PREP_PERIOD_MINUTES = 60;
/** A rep's day rarely holds more meetings than this; more would spend a morning's budget in the background. */
const MAX_EVENTS = 20;

/** What morning prep needs of an org's API (OrgClient fits). */
export interface PrepClient {
  readonly apiVersion: string;
  composite: OrgClient['composite'];
  context(ref: RecordRef): Promise<RecordGraph>;
  request(method: 'GET', path: string): Promise<unknown>;
  query(soql: string): Promise<unknown>;
}

export interface MorningPrepDeps {
  settings: SettingsSource;
  gate: Pick<SettingsGate, 'featureAllowed' | 'budgetRefusal'>;
  orgs: Pick<OrgRegistry, 'lastUsed' | 'isEnabled'>;
  cookies: CookieJar;
  generations: Pick<GenerationService, 'kept' | 'generate'>;
  /** The org client of a session: the one every feature shares (lib/salesforce/org-clients.ts). */
  clientFor(session: ApiSession): PrepClient;
}

/** Why a run did nothing or stopped early, for the log and the tests; null when it went through. */
export type PrepStop = 'off' | 'brief-off' | 'no-org' | 'no-session' | 'budget' | 'failed' | null;

export interface PrepResult {
  prepared: string[];
  /** Records whose kept brief still matched: nothing to do. */
  upToDate: string[];
  stoppedBy: PrepStop;
}

const Events = z.object({
  records: z.array(z.object({ Id: z.string(), WhatId: z.nullish(z.string()), WhoId: z.nullish(z.string()) })),
});

/** The records to brief: each of today's events' related record (its What, else its Who, else the event), once. */
export function recordsToBrief(events: z.infer<typeof Events>['records']): string[] {
  const ids = events.map((event) => event.WhatId ?? event.WhoId ?? event.Id);
  return [...new Set(ids.filter((id) => id.length === 18))];
}

/**
 * Morning prep (opt-in): prepares meeting briefs for the rep's events of today in the org they last used, so that
 * opening the event's record shows its brief at once, from the cache. Background work stops first: each brief asks
 * the budget with the background trigger, and the run ends at the first refusal.
 */
export function createMorningPrep(deps: MorningPrepDeps): { run(): Promise<PrepResult> } {
  let running: Promise<PrepResult> | null = null;
  return {
    // An alarm and the setting being switched on may come together: they share one run.
    run() {
      running ??= prepare(deps).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

async function prepare(deps: MorningPrepDeps): Promise<PrepResult> {
  const result: PrepResult = { prepared: [], upToDate: [], stoppedBy: null };
  const effective = await deps.settings.effective();
  if (!effective.settings.morningPrep) return { ...result, stoppedBy: 'off' };
  if (!(await deps.gate.featureAllowed('brief'))) return { ...result, stoppedBy: 'brief-off' };
  const org = await deps.orgs.lastUsed();
  if (!org || !(await deps.orgs.isEnabled(org.orgId))) return { ...result, stoppedBy: 'no-org' };
  const session = await sessionOfOrg(org, deps.cookies);
  if (!session) return { ...result, stoppedBy: 'no-session' };
  const client = deps.clientFor(session);
  try {
    for (const recordId of await todaysRecords(client)) {
      if (await deps.gate.budgetRefusal('background')) return { ...result, stoppedBy: 'budget' };
      const outcome = await prepareBrief(deps, client, session, recordId);
      result[outcome === 'prepared' ? 'prepared' : 'upToDate'].push(recordId);
    }
  } catch {
    // A session that expired overnight or an org that is down: the next run tries again.
    return { ...result, stoppedBy: 'failed' };
  }
  return result;
}

/**
 * Today's events owned by the rep. The rep's user id comes from the OAuth userinfo endpoint, which answers the session
 * itself; TODAY is the rep's own day in Salesforce's SOQL (the user's time zone).
 */
async function todaysRecords(client: PrepClient): Promise<string[]> {
  const { user_id: userId } = UserInfo.parse(await client.request('GET', '/services/oauth2/userinfo'));
  const soql = selectQuery({
    objectName: 'Event',
    fields: ['Id', 'WhatId', 'WhoId'],
    filters: [idEquals('OwnerId', userId), { field: 'StartDateTime', operator: '=', value: { dateLiteral: 'TODAY' } }],
    orderBy: [soonestFirst('StartDateTime')],
    limit: MAX_EVENTS,
  });
  return recordsToBrief(Events.parse(await client.query(soql)).records);
}

/** Generates the record's brief unless the one kept still matches the record as it is now. */
async function prepareBrief(deps: MorningPrepDeps, client: PrepClient, session: ApiSession, recordId: string): Promise<'prepared' | 'up-to-date'> {
  const graph = await client.context({ recordId });
  const slotKey = await recordSlotKey(session, recordId);
  const [kept] = await deps.generations.kept({ slotKey, graph }, ['brief']);
  if (kept && kept.status === 'done' && !kept.stale) return 'up-to-date';
  const generation = await deps.generations.generate({ slotKey, recordId, graph, lastVisit: null, changes: [], api: client }, 'brief', null, 'background');
  // A refusal (budget, key) is the same for every other record: stop rather than fail each one.
  if (generation.status === 'failed') throw new Error(generation.problem?.message ?? 'The brief failed.');
  return 'prepared';
}
