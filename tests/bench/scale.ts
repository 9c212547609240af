/**
 * Scale curves, with the product's own code in Node against the sandbox org at the bench's latency:
 * - context: an Account with 5, 50 and 500 related records (a fifth each contacts, deals, cases, tasks and events), of
 *   which three are the facts a rep must not miss (the nearest open deal, an overdue high-priority task, a high-priority
 *   open case): Groundwork's context time (warm, median of `runs`) and prompt tokens (Claude tokenizer), whether those
 *   three are in the prompt, and the competent integration's tokens for the same account;
 * - Ask: a query over 2,150 and 50,000 matching rows paged as the panel pages it (lib/features/ask run.ts, pages of
 *   ASK_PAGE_SIZE up to ASK_MAX_ROWS): the time per page and the heap the kept rows take.
 * The rows are created through the REST API (lib/salesforce/bulk-create) with the org's latency off while seeding.
 */
import { buildContext, PROMPT_CONTEXT_TOKENS } from '../../lib/context';
import { ASK_MAX_ROWS, ASK_PAGE_SIZE } from '../../lib/features/ask';
import { describesForPlan } from '../../lib/features/ask/load';
import type { ResultRow } from '../../lib/features/ask/results';
import { loadMore, prepareQuery, runQuery } from '../../lib/features/ask/run';
import { validatePlan } from '../../lib/features/ask/validate';
import { createRecords } from '../../lib/salesforce/bulk-create';
import type { OrgClient } from '../../lib/salesforce/client';
import { countTokens } from '../sandbox/anthropic/tokens';
import { plan as askPlan } from '../unit/ask/fixtures';
import { competentAccountContext } from './competent';
import type { BenchOrg } from './org';
import { groundworkClient } from './ours';
import type { FigureOutput, ScaleFigures } from './results';
import { repeat, summarise, timed } from './stats';

const SIZES = [5, 50, 500] as const;
const ASK_ROWS = [2150, 50_000] as const;
const DAY_MS = 86_400_000;

const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

async function created(client: OrgClient, objectName: string, records: Record<string, string | number | boolean>[]): Promise<string[]> {
  const results = await createRecords(client, objectName, records);
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) throw new Error(`seeding ${objectName}: ${failed.length} of ${records.length} refused (${JSON.stringify(failed[0])})`);
  return results.flatMap((result) => (result.ok ? [result.id] : []));
}

/** An account with `size` related records; the three that matter are named so the prompt can be searched for them. */
async function seedAccount(client: OrgClient, size: number) {
  const tag = `Scale${size}`;
  const [accountId = ''] = await created(client, 'Account', [{ Name: `${tag} Holdings`, Industry: 'Manufacturing' }]);
  const each = Math.max(1, Math.floor(size / 5));
  const must = { deal: `${tag} priority renewal`, task: `${tag} send signed order form`, case: `${tag} production line down` };
  const range = (count: number) => Array.from({ length: count }, (_, index) => index);
  await created(client, 'Contact', range(each).map((index) => ({ LastName: `Person ${index}`, FirstName: tag, Title: 'Engineer', AccountId: accountId })));
  await created(client, 'Opportunity', [
    { Name: must.deal, StageName: 'Negotiation/Review', Amount: 250000, CloseDate: day(9), AccountId: accountId },
    ...range(each - 1).map((index) => ({ Name: `${tag} past deal ${index}`, StageName: index % 2 ? 'Closed Won' : 'Closed Lost', Amount: 1000 + index, CloseDate: day(-30 - (index % 300)), AccountId: accountId })),
  ]);
  await created(client, 'Case', [
    { Subject: must.case, Status: 'Working', Priority: 'High', AccountId: accountId },
    ...range(each - 1).map((index) => ({ Subject: `${tag} closed question ${index}`, Status: 'Closed', Priority: 'Low', AccountId: accountId })),
  ]);
  await created(client, 'Task', [
    { Subject: must.task, Status: 'Not Started', Priority: 'High', ActivityDate: day(-4), WhatId: accountId },
    ...range(each - 1).map((index) => ({ Subject: `${tag} logged call ${index}`, Status: 'Completed', Priority: 'Normal', ActivityDate: day(-30 - index), WhatId: accountId })),
  ]);
  await created(client, 'Event', range(each).map((index) => {
    const start = new Date(Date.now() - (60 + index) * DAY_MS);
    return { Subject: `${tag} past meeting ${index}`, StartDateTime: start.toISOString(), EndDateTime: new Date(start.getTime() + 3_600_000).toISOString(), WhatId: accountId };
  }));
  return { accountId, must };
}

/** The heap in use after a full collection (the bench runs with --expose-gc; without it the figure is rougher). */
function settledHeap(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/** The seeding runs with the org's latency off (it is not what is measured); the measuring with it back on. */
async function seeded<T>(org: BenchOrg, latencyMs: number, seed: () => Promise<T>): Promise<T> {
  org.sf.setLatency(0);
  try {
    return await seed();
  } finally {
    org.sf.setLatency(latencyMs);
  }
}

async function contextAtScale(org: BenchOrg, client: OrgClient, size: number, runs: number, latencyMs: number) {
  const { accountId, must } = await seeded(org, latencyMs, () => seedAccount(client, size));
  const ref = { recordId: accountId, sobject: 'Account' };
  await client.context(ref); // describes cached, code warm
  const samples = await repeat(runs, async () => (await timed(() => client.context(ref))).ms);
  const text = buildContext(await client.context(ref), { maxTokens: PROMPT_CONTEXT_TOKENS }).text;
  const competent = (await competentAccountContext(org.fetch, org.apiHost, org.sid, accountId)).prompt;
  const kept = Object.values(must).filter((fact) => text.includes(fact)).length;
  return { ms: summarise(samples), tokens: countTokens(text), competent_tokens: countTokens(competent), must_facts_kept: `${kept}/3` };
}

async function askAtScale(org: BenchOrg, client: OrgClient, rows: number, latencyMs: number) {
  const tag = `AskScale${rows}`;
  await seeded(org, latencyMs, async () => {
    for (let start = 0; start < rows; start += 5000) {
      const count = Math.min(5000, rows - start);
      await created(client, 'Task', Array.from({ length: count }, (_, index) => ({ Subject: `${tag} row ${start + index}`, Status: 'Completed' })));
    }
  });
  const plan = askPlan('Task', { fields: ['Subject', 'Status'], filters: [{ field: 'Subject', operator: 'LIKE', value: `${tag} %` }] });
  const validated = validatePlan(plan, await describesForPlan(client, plan), { recordInView: null, maxLimit: ASK_MAX_ROWS });
  if (!validated.ok) throw new Error(`the Ask plan was refused: ${JSON.stringify(validated.problems)}`);
  const prepared = prepareQuery(validated.plan);
  const api = { query: (soql: string) => client.query(soql, ASK_PAGE_SIZE), queryMore: (url: string) => client.queryMore(url) };
  const heapBefore = settledHeap();
  const pageMs: number[] = [];
  const first = await timed(() => runQuery(api, prepared));
  pageMs.push(first.ms);
  let kept: ResultRow[] = first.value.rows;
  let next = first.value.nextRecordsUrl;
  while (next) {
    const cursor = next;
    const page = await timed(() => loadMore(api, prepared, cursor));
    pageMs.push(page.ms);
    // As the panel's state keeps them: appended, never more than the query's limit.
    kept = [...kept, ...page.value.rows].slice(0, ASK_MAX_ROWS);
    next = page.value.nextRecordsUrl;
  }
  return {
    ms_per_page: summarise(pageMs),
    pages: pageMs.length,
    rows_matched: first.value.totalSize,
    rows_shown: kept.length,
    heap_mb: Math.round(((settledHeap() - heapBefore) / 1_048_576) * 10) / 10,
    rows_kb: Math.round(JSON.stringify(kept).length / 100) / 10,
    soql: prepared.soql,
  };
}

export async function scaleFigure(org: BenchOrg, runs: number, latencyMs: number): Promise<FigureOutput<ScaleFigures>> {
  const client = groundworkClient(org);
  const stats: NonNullable<FigureOutput<ScaleFigures>['stats']> = {};
  const notes: Record<string, string> = {};
  const context = {} as ScaleFigures['context'];
  const ask = {} as ScaleFigures['ask'];
  for (const size of SIZES) {
    const { ms, ...rest } = await contextAtScale(org, client, size, runs, latencyMs);
    stats[`scale.context.${size}.ms`] = ms;
    context[size] = { ms: ms.median, ...rest };
  }
  for (const rows of ASK_ROWS) {
    const { ms_per_page, soql, ...rest } = await askAtScale(org, client, rows, latencyMs);
    stats[`scale.ask.${rows}.ms_per_page`] = ms_per_page;
    ask[rows] = { ms_per_page: ms_per_page.median, ...rest };
    notes[`scale.ask.${rows}`] = `query: ${soql}`;
  }
  return { value: { context, ask }, stats, notes };
}
