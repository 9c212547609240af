/**
 * Ask through its own background handler, as a panel drives it: the question planned by the model from the rep's
 * readable schema (lib/features/ask's prompt and schema text), the plan validated against describe and compiled to
 * SOQL by the product, run as the rep against the sandbox org, then "Summarize" streams the cited answer that the
 * product's grounding check reads. The rows are compared with the rows the case's criteria pick from the org's data.
 */
import 'fake-indexeddb/auto';
import { AuditLog, IdbAuditBackend } from '../../../lib/audit';
import { createAskHandler } from '../../../lib/features/ask/handler';
import { AskEvent, type AskState, type AskSummary } from '../../../lib/features/ask/messages';
import type { RecordCard } from '../../../lib/features/record-view/messages';
import { QUESTION_CASES } from '../cases/questions';
import type { OrgData, QuestionCase } from '../cases/types';
import { PRICES } from '../../../lib/model';
import { usageScores, type ModelPlan } from '../models';
import type { CaseOutcome } from '../scoring/scores';
import { citedShare, contextIds, normalise, wordCount } from '../scoring/text';
import { memoryStore } from '../../unit/memory-store';
import { EVAL_NOW, ORG_LIGHTNING_HOST, type MeteredCall, type World } from '../world';

const ANSWER_WORDS = 120;
const idKey = (id: string): string => id.slice(0, 15);

function cardOf(inView: NonNullable<QuestionCase['inView']>): RecordCard {
  return {
    recordId: inView.id,
    objectName: inView.objectName,
    objectLabel: inView.objectName,
    name: inView.name,
    keyFields: [],
    counts: [],
    people: [],
    changes: null,
    lastVisit: null,
    fetchedAt: EVAL_NOW.toISOString(),
  };
}

/** The org's records, read in process from the sandbox's data (not through the query under test). */
export function orgData(world: World): OrgData {
  const db = world.org.org('acme').seed.db;
  return (objectName) => [...(db.records.get(objectName)?.values() ?? [])];
}

const numbersOf = (row: AskState['rows'][number]): number[] => Object.values(row.values).filter((value): value is number => typeof value === 'number');
const near = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.01, Math.abs(b) * 1e-6);

/** How the returned rows compare with the expected ones: exactly right, and precision and recall of records. */
export function compareRows(state: AskState, item: QuestionCase, data: OrgData): { exact: boolean; precision: number; recall: number; miss: string | null } {
  const expect = item.expect;
  if (expect.kind === 'records') {
    const wanted = expect.ids(data).map(idKey);
    const got = state.rows.flatMap((row) => (row.link ? [idKey(row.link.id)] : []));
    const hits = got.filter((id) => wanted.includes(id)).length;
    const sameSet = hits === wanted.length && got.length === wanted.length;
    const exact = sameSet && (!expect.ordered || got.every((id, index) => id === wanted[index]));
    const miss = exact ? null : `returned ${got.length} rows, ${hits} of the ${wanted.length} expected${expect.ordered && sameSet ? ' (wrong order)' : ''}`;
    return { exact, precision: got.length === 0 ? Number(wanted.length === 0) : hits / got.length, recall: wanted.length === 0 ? 1 : hits / wanted.length, miss };
  }
  if (expect.kind === 'value') {
    const wanted = expect.value(data);
    const exact = state.rows.length === 1 && numbersOf(state.rows[0] ?? { link: null, values: {}, links: {} }).some((value) => near(value, wanted));
    return { exact, precision: Number(exact), recall: Number(exact), miss: exact ? null : `expected the figure ${wanted}, got ${JSON.stringify(state.rows.map((row) => row.values))}` };
  }
  const wanted = expect.groups(data);
  const got = new Map(
    state.rows.map((row) => {
      const key = Object.values(row.values).find((value) => typeof value === 'string');
      return [String(key ?? ''), numbersOf(row)[0] ?? Number.NaN] as const;
    }),
  );
  const exact = got.size === Object.keys(wanted).length && Object.entries(wanted).every(([key, value]) => near(got.get(key) ?? Number.NaN, value));
  return { exact, precision: Number(exact), recall: Number(exact), miss: exact ? null : `expected ${JSON.stringify(wanted)}, got ${JSON.stringify(Object.fromEntries(got))}` };
}

interface Asked {
  state: AskState | null;
  summary: AskSummary | null;
  planCalls: MeteredCall[];
  answerCalls: MeteredCall[];
}

async function ask(world: World, models: ModelPlan, item: QuestionCase, windowId: number): Promise<Asked> {
  const events: AskEvent[] = [];
  const panel = { windowId, send: (event: AskEvent) => void events.push(AskEvent.parse(event)) };
  const card = item.inView ? cardOf(item.inView) : null;
  const pageUrl = item.inView ? `https://${ORG_LIGHTNING_HOST}/lightning/r/${item.inView.objectName}/${item.inView.id}/view` : `https://${ORG_LIGHTNING_HOST}/lightning/page/home`;
  const handler = createAskHandler({
    records: { recordInView: async () => (card ? { card } : null) },
    clientFor: world.clientFor,
    orgs: { isEnabled: async () => true },
    cookies: world.cookies,
    session: memoryStore(),
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    browser: { activeTab: async () => ({ tabId: windowId, url: pageUrl }) },
    modelSettings: async (useCase) => models.settings(useCase),
    auditLog: new AuditLog(new IdbAuditBackend(`groundwork-eval-ask-${windowId}-${process.pid}`), { now: () => EVAL_NOW }),
    prices: async () => PRICES,
    keepAlive: () => () => {},
    now: () => EVAL_NOW,
  });
  const planCalls: MeteredCall[] = [];
  await world.metered(planCalls, () => handler.handle({ type: 'ask', question: item.question }, panel));
  const state = events.flatMap((event) => (event.type === 'state' && event.state ? [event.state] : [])).at(-1) ?? null;
  const answerCalls: MeteredCall[] = [];
  if (state?.phase === 'done') await world.metered(answerCalls, () => handler.handle({ type: 'summarize' }, panel));
  const summary = events.flatMap((event) => (event.type === 'summary' ? [event.summary] : [])).at(-1) ?? null;
  return { state, summary, planCalls, answerCalls };
}

function planOutcome(item: QuestionCase, asked: Asked, data: OrgData, models: ModelPlan): CaseOutcome {
  const { state } = asked;
  const rows = state ? compareRows(state, item, data) : { exact: false, precision: 0, recall: 0, miss: 'no answer' };
  const why = state?.phase === 'refused' ? `refused: ${state.problems.join(' ')}` : state?.phase === 'failed' ? `failed: ${state.error ?? ''}` : null;
  return {
    caseId: item.id,
    scores: {
      planned: Number(state?.phase === 'done'),
      rows_exact: Number(rows.exact),
      row_precision: rows.precision,
      row_recall: rows.recall,
      ...usageScores(asked.planCalls, models.pricedAs('ask-plan')),
    },
    fields: {},
    calls: asked.planCalls,
    output: [state?.prepared?.soql ?? '(no query)', why ?? `${state?.rows.length ?? 0} rows`].join('\n'),
    misses: [...(why ? [why] : []), ...(rows.miss ? [rows.miss] : [])],
  };
}

/** The answer must lead with what was found: a returned record's name or figure, or that nothing matched. */
function answersTheQuestion(state: AskState, text: string): boolean {
  const normal = normalise(text);
  if (state.rows.length === 0) return /\b(no|none|nothing|not find|did not match|didn't match)\b/.test(normal);
  return state.rows.some((row) => Object.values(row.values).some((value) => {
    if (typeof value === 'number') return normal.replace(/[$,]/g, '').includes(String(Math.round(value)));
    return typeof value === 'string' && value.length > 2 && normal.includes(normalise(value));
  }));
}

function answerOutcome(item: QuestionCase, asked: Asked, models: ModelPlan): CaseOutcome | null {
  const { state, summary } = asked;
  if (!state || state.phase !== 'done' || !summary) return null;
  const done = summary.status === 'done';
  const words = wordCount(summary.text);
  const answers = done && answersTheQuestion(state, summary.text);
  return {
    caseId: item.id,
    scores: {
      unsupported_claims: summary.unsupported.length,
      cited_lines: state.rows.length === 0 ? 1 : citedShare(summary.text, contextIds(asked.answerCalls.at(-1)?.sent ?? '')),
      required_elements: Number(answers),
      within_length: Number(done && words <= ANSWER_WORDS),
      words,
      ...usageScores(asked.answerCalls, models.pricedAs('ask-answer')),
    },
    fields: {},
    calls: asked.answerCalls,
    output: done ? summary.text : `(${summary.status}: ${summary.problem?.message ?? ''})`,
    misses: [
      ...summary.unsupported.map((claim) => `unsupported ${claim.kind}: "${claim.text}"`),
      ...(answers ? [] : ['does not name a returned record or figure']),
      ...(words > ANSWER_WORDS ? [`${words} words (at most ${ANSWER_WORDS})`] : []),
    ],
  };
}

/** Every question: the plan's outcome (ask-plan) and, when it ran, the answer's (ask-answer). */
export async function runAsk(world: World, models: ModelPlan): Promise<{ plan: CaseOutcome[]; answer: CaseOutcome[] }> {
  const data = orgData(world);
  const plan: CaseOutcome[] = [];
  const answer: CaseOutcome[] = [];
  for (const [index, item] of QUESTION_CASES.entries()) {
    const asked = await ask(world, models, item, index + 1);
    plan.push(planOutcome(item, asked, data, models));
    const answered = answerOutcome(item, asked, models);
    if (answered) answer.push(answered);
  }
  return { plan, answer };
}
