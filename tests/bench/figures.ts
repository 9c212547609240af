/**
 * The figures measured in Node against the sandbox org: one function per figure, each on the same account (Globex
 * Industries) and the same org latency. Groundwork's side is lib/ code as the extension runs it (ours.ts); the naive
 * side is naive.ts.
 */
import { buildContext, estimateTokens, PROMPT_CONTEXT_TOKENS } from '../../lib/context';
import type { RecordRef } from '../../lib/salesforce/record-url';
import type { StoredRecord } from '../sandbox/salesforce/model';
import { ACME } from '../sandbox/salesforce/seed';
import { checkFacts, globexFacts, type RecordLookup } from './facts';
import { competentAccountContext } from './competent';
import { naiveAccountContext } from './naive';
import type { BenchOrg } from './org';
import { groundworkClient } from './ours';
import { createRecords } from '../../lib/salesforce/bulk-create';
import { API_VERSION } from '../../lib/salesforce/client';
import { describeStoreFor } from '../../lib/salesforce/describe-store';
import { memoryStore } from '../unit/memory-store';
import type { ContextFigures, Count, FigureOutput, TokenFigures } from './results';
import { repeat, summarise, timed } from './stats';
import { countTokens, TOKEN_COUNTER } from '../sandbox/anthropic/tokens';

/** A describe store over memory for the bench's full user, and a wait for its first save to land. */
function keptDescribes(org: BenchOrg) {
  const local = memoryStore();
  const user = { id: org.sf.primary.users.full.id };
  const session = { orgId: org.sid.slice(0, 15), apiHost: org.apiHost, sessionId: org.sid };
  const store = describeStoreFor(session, { local, apiVersion: API_VERSION, knownUser: async () => user, userOf: async () => user, now: Date.now });
  const saved = async (): Promise<void> => {
    for (let tries = 0; tries < 200 && !local.keys().some((key) => key.startsWith('describes:00D')); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { store, saved };
}

export const GLOBEX: RecordRef = { recordId: ACME.accounts.globex.id, sobject: 'Account' };

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

interface Run {
  ms: number;
  requests: number;
}

/** One measured run: the org's request log is cleared first, so the count is this run's alone. */
async function measured(org: BenchOrg, work: () => Promise<unknown>): Promise<Run> {
  org.sf.clearLog();
  const { ms } = await timed(work);
  return { ms, requests: org.apiRequests().length };
}

function countOf(runs: readonly Run[]): Count {
  // Request counts do not vary between runs; the highest is reported should one ever do.
  return { requests: Math.max(...runs.map((run) => run.requests)), ms: summarise(runs.map((run) => run.ms)).median };
}

/**
 * An Account's full context: Groundwork warm (describes cached, as for every record after the org's first) and cold (a
 * new client), against the naive and the competent integrations; the four run in turn, `runs` times.
 */
export async function contextFigure(org: BenchOrg, runs: number): Promise<FigureOutput<ContextFigures>> {
  const warmClient = groundworkClient(org);
  // Describes kept per org and user by an earlier client, as lib/salesforce/describe-store keeps them in local storage.
  const kept = keptDescribes(org);
  await groundworkClient(org, org.sid, kept.store).context(GLOBEX);
  await kept.saved();
  // Not measured: fills the describe cache, and gives both sides' code (and the sandbox's) a first, unjitted run.
  await warmClient.context(GLOBEX);
  await naiveAccountContext(org.fetch, org.apiHost, org.sid, GLOBEX.recordId);
  await competentAccountContext(org.fetch, org.apiHost, org.sid, GLOBEX.recordId);
  const results = await repeat(runs, async () => {
    const coldClient = groundworkClient(org);
    const cold = await measured(org, () => coldClient.context(GLOBEX));
    const restartedClient = groundworkClient(org, org.sid, kept.store);
    const restarted = await measured(org, () => restartedClient.context(GLOBEX));
    const warm = await measured(org, () => warmClient.context(GLOBEX));
    const naive = await measured(org, () => naiveAccountContext(org.fetch, org.apiHost, org.sid, GLOBEX.recordId));
    const competent = await measured(org, () => competentAccountContext(org.fetch, org.apiHost, org.sid, GLOBEX.recordId));
    return { cold, restarted, warm, naive, competent };
  });
  const ours = countOf(results.map((run) => run.warm));
  const naive = countOf(results.map((run) => run.naive));
  const competent = countOf(results.map((run) => run.competent));
  return {
    value: {
      ours,
      naive,
      competent,
      ratio_ms: round(naive.ms / ours.ms),
      ratio_ms_competent: round(competent.ms / ours.ms),
      ours_cold: countOf(results.map((run) => run.cold)),
      ours_first_record_kept_describes: countOf(results.map((run) => run.restarted)),
    },
    stats: {
      'context.ours.ms': summarise(results.map((run) => run.warm.ms)),
      'context.naive.ms': summarise(results.map((run) => run.naive.ms)),
      'context.competent.ms': summarise(results.map((run) => run.competent.ms)),
      'context.ours_cold.ms': summarise(results.map((run) => run.cold.ms)),
      'context.ours_first_record_kept_describes.ms': summarise(results.map((run) => run.restarted.ms)),
    },
  };
}

function recordLookup(org: BenchOrg): RecordLookup {
  const db = org.sf.org('acme').seed.db;
  return (objectName, id): StoredRecord => {
    const record = db.records.get(objectName)?.get(id);
    if (!record) throw new Error(`the sandbox has no ${objectName} ${id}`);
    return record;
  };
}

const PLANTED = [ACME.pii.ssn, ACME.pii.cardNumber, ACME.pii.iban];
const plantedIn = (prompt: string): number => PLANTED.filter((value) => prompt.includes(value)).length;

/**
 * Prompt input tokens for the same account, counted with the Claude tokenizer: Groundwork's context text (lib/context
 * buildContext, at the budget the extension uses) against the naive prompt (the raw JSON of its eight responses) and
 * the competent one (the raw JSON of its one composite response), and the fact checklist in each.
 */
export async function tokensFigure(org: BenchOrg): Promise<FigureOutput<TokenFigures>> {
  const client = groundworkClient(org);
  const prompts = {
    ours: buildContext(await client.context(GLOBEX), { maxTokens: PROMPT_CONTEXT_TOKENS }).text,
    naive: (await naiveAccountContext(org.fetch, org.apiHost, org.sid, GLOBEX.recordId)).prompt,
    competent: (await competentAccountContext(org.fetch, org.apiHost, org.sid, GLOBEX.recordId)).prompt,
  };
  const facts = globexFacts(recordLookup(org));
  const checked = {
    ours: checkFacts(prompts.ours, facts),
    naive: checkFacts(prompts.naive, facts),
    competent: checkFacts(prompts.competent, facts),
  };
  const counted = (count: (text: string) => number) => {
    const [ours, naive, competent] = [count(prompts.ours), count(prompts.naive), count(prompts.competent)];
    return { ours, naive, competent, ratio: round(ours / naive, 3), ratio_competent: round(ours / competent, 3) };
  };
  const real = counted(countTokens);
  const notes: Record<string, string> = {};
  const missing = (Object.keys(checked) as (keyof typeof checked)[]).flatMap((side) =>
    checked[side].missing.map((fact) => `the ${side === 'ours' ? "Groundwork" : side} prompt lacks: ${fact}`),
  );
  if (missing.length > 0) notes['tokens.facts'] = missing.join('; ');
  return {
    value: {
      ...real,
      counter: TOKEN_COUNTER,
      estimate: counted(estimateTokens),
      chars_div_4: counted((text) => Math.ceil(text.length / 4)),
      facts: {
        total: facts.length,
        ours: checked.ours.present,
        naive: checked.naive.present,
        competent: checked.competent.present,
        missing_ours: checked.ours.missing,
        missing_naive: checked.naive.missing,
        missing_competent: checked.competent.missing,
      },
      pii_in_clear: { ours: plantedIn(prompts.ours), naive: plantedIn(prompts.naive), competent: plantedIn(prompts.competent) },
    },
    notes,
  };
}

const LEAD_COUNT = 1000;

const benchLeads = (run: number): Record<string, string>[] =>
  Array.from({ length: LEAD_COUNT }, (_, index) => ({
    LastName: `Bench ${run}-${index}`,
    Company: `Bench Lead Co ${index % 50}`,
    LeadSource: 'Web',
  }));

/**
 * 1,000 leads through lib/salesforce/bulk-create.ts createRecords (its /composite/sobjects batches), counted in the org's
 * request log, and checked in the org: every lead must exist afterwards.
 */
export async function bulkLeadsFigure(org: BenchOrg, runs: number): Promise<FigureOutput<{ records: number | null; requests: number | null }>> {
  const leadsInOrg = () => org.sf.org('acme').seed.db.records.get('Lead')?.size ?? 0;
  const api = groundworkClient(org);
  const results = await repeat(runs, async (run) => {
    const before = leadsInOrg();
    let saved = 0;
    const result = await measured(org, async () => {
      saved = (await createRecords(api, 'Lead', benchLeads(run))).filter((one) => one.ok).length;
    });
    return { ...result, saved, created: leadsInOrg() - before };
  });
  const created = Math.min(...results.map((run) => Math.min(run.saved, run.created)));
  const notes: Record<string, string> = { 'bulk_leads.via': 'createRecords through OrgClient' };
  if (created !== LEAD_COUNT) notes.bulk_leads = `asked for ${LEAD_COUNT} leads, the org holds ${created} new ones`;
  return {
    value: { records: created, requests: Math.max(...results.map((run) => run.requests)) },
    stats: { 'bulk_leads.ms': summarise(results.map((run) => run.ms)) },
    notes,
  };
}

