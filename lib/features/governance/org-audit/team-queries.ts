/**
 * The team's usage as the org holds it: aggregate SOQL over Groundwork_AI_Event__c (composed by the product's SOQL
 * composer, values escaped), one query per breakdown, each grouped by its keys and by Outcome__c so that acceptance is
 * computed exactly as the browser's own usage view computes it (used / decided), not as an average over events that
 * have no verdict yet. What comes back are AggregateResult rows, parsed with zod and folded per breakdown.
 */
import { z } from 'zod/mini';
import { composeSoql, type SoqlSelectItem, type SoqlWhere } from '../../../salesforce/soql-compose';
import { escapeSoqlText } from '../../../salesforce/soql-text';
import { EVENT_OBJECT } from './events';
import { TeamGroup, type TeamOutcomes } from './team-messages';

export const ADMIN_PERMISSION_SET = 'Groundwork_AI_Admin';
/** An aggregate query answers at most 2,000 groups in one batch (it has no next page). */
export const MAX_GROUPS = 2000;

export const BREAKDOWNS = {
  byUser: [
    ['User__c', 'userId'],
    ['User__r.Name', 'userName'],
  ],
  byFeature: [['Feature__c', 'feature']],
  byDepartment: [
    ['User__r.Department', 'department'],
    ['User__r.UserRole.Name', 'role'],
  ],
  byPrompt: [
    ['Prompt_Id__c', 'promptId'],
    ['Prompt_Version__c', 'promptVersion'],
  ],
} as const satisfies Record<string, readonly (readonly [path: string, alias: string])[]>;
export type Breakdown = keyof typeof BREAKDOWNS;

const SUMS = [
  ['Cost_USD__c', 'cost'],
  ['Input_Tokens__c', 'inputTokens'],
  ['Output_Tokens__c', 'outputTokens'],
  ['Cache_Read_Tokens__c', 'cacheReadTokens'],
  ['Cache_Write_Tokens__c', 'cacheWriteTokens'],
] as const;

/** A datetime literal as SOQL writes it (no milliseconds). */
function datetimeLiteral(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${iso}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function inRange(range: { from: string; to: string }): SoqlWhere {
  return {
    and: [
      { field: 'Occurred_At__c', operator: '>=', value: { datetime: datetimeLiteral(range.from) } },
      { field: 'Occurred_At__c', operator: '<', value: { datetime: datetimeLiteral(range.to) } },
    ],
  };
}

/** One breakdown's query: its keys and the outcome, the number of events and failures, cost and tokens. */
export function breakdownSoql(breakdown: Breakdown, range: { from: string; to: string }): string {
  const keys = [...BREAKDOWNS[breakdown], ['Outcome__c', 'outcome'] as const];
  return composeSoql({
    select: [
      ...keys.map(([path, alias]): SoqlSelectItem => ({ field: path, alias })),
      { fn: 'COUNT', field: 'Id', alias: 'events' },
      { fn: 'COUNT', field: 'Error__c', alias: 'failed' },
      ...SUMS.map(([path, alias]): SoqlSelectItem => ({ fn: 'SUM', field: path, alias })),
    ],
    from: EVENT_OBJECT,
    where: inRange(range),
    groupBy: keys.map(([path]) => path),
    limit: MAX_GROUPS,
  });
}

/** Whether the user holds the admin permission set (a PermissionSetAssignment), and whether the set exists at all. */
export function adminCheckSoql(userId: string): string {
  return (
    `SELECT Id, (SELECT Id FROM Assignments WHERE AssigneeId = '${escapeSoqlText(userId)}') ` +
    `FROM PermissionSet WHERE Name = '${escapeSoqlText(ADMIN_PERMISSION_SET)}'`
  );
}

const AdminCheck = z.object({
  records: z.array(z.object({ Assignments: z.nullable(z.object({ totalSize: z.number() })) })),
});

/** 'admin', 'not-admin', or 'not-deployed' (no such permission set in the org: the metadata was never deployed). */
export function readAdminCheck(body: unknown): 'admin' | 'not-admin' | 'not-deployed' {
  const { records } = AdminCheck.parse(body);
  if (records.length === 0) return 'not-deployed';
  return records.some((record) => (record.Assignments?.totalSize ?? 0) > 0) ? 'admin' : 'not-admin';
}

const count = z.pipe(z.nullable(z.number()), z.transform((value) => value ?? 0));
const key = z.nullable(z.string());

const AggregateRow = z.object({
  attributes: z.object({ type: z.literal('AggregateResult') }),
  outcome: key,
  events: count,
  failed: count,
  cost: count,
  inputTokens: count,
  outputTokens: count,
  cacheReadTokens: count,
  cacheWriteTokens: count,
});

const OUTCOMES = ['accepted', 'edited', 'rejected', 'regenerated', 'pending'] as const;

/** The AggregateResult rows of one breakdown folded per key (the outcome split summed back), most costly first. */
export function foldBreakdown(breakdown: Breakdown, body: unknown): { groups: TeamGroup[]; truncated: boolean } {
  const aliases = BREAKDOWNS[breakdown].map(([, alias]) => alias);
  const Keys = z.object(Object.fromEntries(aliases.map((alias) => [alias, key])));
  const { records } = z.object({ records: z.array(z.unknown()) }).parse(body);
  const groups = new Map<string, TeamGroup>();
  for (const record of records) {
    const row = AggregateRow.parse(record);
    const keys: Record<string, string | null> = Keys.parse(record);
    const id = JSON.stringify(aliases.map((alias) => keys[alias]));
    const group = groups.get(id) ?? { keys, events: 0, failed: 0, costUsd: 0, tokens: 0, outcomes: { accepted: 0, edited: 0, rejected: 0, regenerated: 0, pending: 0 }, acceptanceRate: null };
    group.events += row.events;
    group.failed += row.failed;
    group.costUsd += row.cost;
    group.tokens += row.inputTokens + row.outputTokens + row.cacheReadTokens + row.cacheWriteTokens;
    const outcome = OUTCOMES.find((name) => name === row.outcome) ?? 'pending';
    group.outcomes[outcome] += row.events;
    groups.set(id, group);
  }
  const folded = [...groups.values()].map((group) => ({ ...group, acceptanceRate: acceptance(group.outcomes) }));
  folded.sort((a, b) => b.costUsd - a.costUsd || b.events - a.events);
  return { groups: folded, truncated: records.length >= MAX_GROUPS };
}

function acceptance(outcomes: TeamOutcomes): number | null {
  const used = outcomes.accepted + outcomes.edited;
  const decided = used + outcomes.rejected + outcomes.regenerated;
  return decided === 0 ? null : used / decided;
}

/** The whole team: every event has a feature, so the per-feature groups add up to it. */
export function totalOf(groups: readonly TeamGroup[]): TeamGroup {
  const total: TeamGroup = { keys: {}, events: 0, failed: 0, costUsd: 0, tokens: 0, outcomes: { accepted: 0, edited: 0, rejected: 0, regenerated: 0, pending: 0 }, acceptanceRate: null };
  for (const group of groups) {
    total.events += group.events;
    total.failed += group.failed;
    total.costUsd += group.costUsd;
    total.tokens += group.tokens;
    for (const outcome of OUTCOMES) total.outcomes[outcome] += group.outcomes[outcome];
  }
  return { ...total, acceptanceRate: acceptance(total.outcomes) };
}
