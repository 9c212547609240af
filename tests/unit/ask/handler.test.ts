/**
 * The Ask handler end to end in the background, against the sandbox org over real HTTP (OrgClient as the rep) with the
 * model faked: the planning prompt, validation before any query, the rows, "Load more", the kept state a reopened
 * panel gets, and the cited, grounding-checked summary with Stop.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASK_PAGE_SIZE, createAskHandler } from '../../../lib/features/ask/handler';
import { AskEvent, type AskState } from '../../../lib/features/ask/messages';
import type { QueryPlan } from '../../../lib/features/ask/plan';
import type { AskDeps, AskOptions } from '../../../lib/features/ask/deps';
import type { KeyValueStore } from '../../../lib/browser/store';
import type { RecordCard } from '../../../lib/features/record-view/messages';
import { CHANNELS } from '../../../lib/features/channels';
import { parsePayload } from '../../../lib/messaging/channels';
import type { ChannelHandler, PanelConnection } from '../../../lib/messaging/feature-handler';
import type { AuditLog } from '../../../lib/audit';
import { modelProblem, PRICES, textOf, type GenerationRequest, type GenerationResult, type StreamEvents } from '../../../lib/model';
import { freshLog } from '../audit/audit-harness';
import { ACME } from '../../sandbox/salesforce/seed';
import { startSandboxClients, type SandboxClients } from '../salesforce/org-client-harness';
import { API_HOST, LIGHTNING_HOST } from '../sandbox/salesforce-client';
import { plan } from './fixtures';

let sandbox: SandboxClients;
beforeAll(async () => {
  sandbox = await startSandboxClients();
});
afterAll(async () => {
  await sandbox.close();
});

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return structuredClone(this.data.get(key));
  }
  async set(key: string, value: unknown): Promise<void> {
    this.data.set(key, structuredClone(value));
  }
  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }
}

const globexCard: RecordCard = {
  recordId: ACME.accounts.globex.id,
  objectName: 'Account',
  objectLabel: 'Account',
  name: 'Globex Industries',
  keyFields: [],
  counts: [],
  people: [],
  changes: null,
  lastVisit: null,
  fetchedAt: '2026-11-21T17:00:00.000Z',
};

interface World {
  handler: ChannelHandler<'ask'>;
  panel: PanelConnection & { events: AskEvent[] };
  store: MemoryStore;
  planRequests: GenerationRequest[];
  answerRequests: GenerationRequest[];
  script: { plans: unknown[]; answer: string; hang: boolean };
  /** The redaction rules in force (the rep's and the organization's), changed by a test as an admin would. */
  rules: { deniedFields: string[]; patterns: RegExp[] };
  audit: AuditLog;
}

function result(text: string): GenerationResult {
  return { text, stopReason: 'end_turn', usage: { input: 1000, output: 100, cacheRead: 0, cacheWrite: 0 }, model: 'claude-sonnet-4-5', modelName: 'claude-test', latencyMs: 1, firstTokenMs: 1, costUsd: 0 };
}

function world(user: 'full' | 'restricted' = 'full', card: RecordCard | null = globexCard, clientFor?: AskDeps['clientFor'], more: Partial<AskDeps> = {}): World {
  const sid = user === 'full' ? sandbox.org.sf.primary.sid : sandbox.org.sf.primary.restrictedSid;
  const store = new MemoryStore();
  const planRequests: GenerationRequest[] = [];
  const answerRequests: GenerationRequest[] = [];
  const script = { plans: [] as unknown[], answer: '', hang: false };
  const rules = { deniedFields: [] as string[], patterns: [] as RegExp[] };
  const audit = freshLog().log;
  const deps: AskDeps = {
    records: { recordInView: async () => (card ? { card } : null) },
    orgs: { isEnabled: async () => true },
    cookies: { sidFor: async () => sid, allSids: async () => [{ domain: API_HOST, value: sid }] },
    clientFor: clientFor ?? ((session) => sandbox.client(session.sessionId)),
    session: store,
    redaction: async () => rules,
    browser: { activeTab: async () => ({ tabId: 7, url: `https://${LIGHTNING_HOST}/lightning/r/Account/${ACME.accounts.globex.id}/view` }) },
    modelSettings: async () => ({ apiKey: 'sk-test', model: 'claude-test' }),
    auditLog: audit,
    prices: async () => PRICES,
    keepAlive: () => () => {},
    now: () => new Date('2026-11-21T17:00:00Z'),
    ...more,
  };
  const options: Partial<AskOptions> = {
    generateJson: async <T,>(_settings: unknown, request: GenerationRequest): Promise<{ value: T; result: GenerationResult }> => {
      planRequests.push(request);
      const next = script.plans.shift();
      if (next === undefined) throw modelProblem('malformed-output');
      return { value: next as T, result: result(JSON.stringify(next)) };
    },
    stream: async (_settings: unknown, request: GenerationRequest, events: StreamEvents, signal: AbortSignal) => {
      answerRequests.push(request);
      for (const piece of script.answer.split(/(?<= )/)) events.onText(piece);
      if (script.hang) {
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        throw modelProblem('cancelled');
      }
      return result(script.answer);
    },
  };
  const events: AskEvent[] = [];
  const panel = { windowId: 3, send: (payload: unknown) => events.push(AskEvent.parse(payload)), events };
  return { handler: createAskHandler(deps, options), panel, store, planRequests, answerRequests, script, rules, audit };
}

const lastState = (w: World): AskState | null => {
  const states = w.panel.events.filter((event) => event.type === 'state');
  const last = states.at(-1);
  return last?.type === 'state' ? last.state : null;
};
const queriesSent = (): string[] =>
  sandbox.apiRequests().filter((entry) => /\/query(\?|\/)/.test(entry.path)).map((entry) => decodeURIComponent(entry.path.replace(/\+/g, ' ')));

const openDealsThisQuarter: QueryPlan = plan('Opportunity', {
  fields: ['Name', 'StageName', 'CloseDate', 'Amount'],
  filters: [
    { field: 'IsClosed', operator: '=', value: false },
    { field: 'CloseDate', operator: '=', value: 'THIS_QUARTER' },
  ],
  scope: { relation: 'AccountId' },
});

beforeEach(() => sandbox.org.sf.reset());

describe('the Ask handler', () => {
  it('plans from the rep’s readable schema with the question delimited, then shows the SOQL it ran and the rows', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: "Which of this account's open deals close this quarter?" }, w.panel);

    const phases = w.panel.events.flatMap((event) => (event.type === 'state' && event.state ? [event.state.phase] : []));
    expect(phases).toEqual(['planning', 'running', 'done']);
    const state = lastState(w);
    expect(state?.rows.map((row) => row.link?.id)).toContain(ACME.opportunities.globexExpansion.id);
    expect(state?.scopeName).toBe('Globex Industries');
    expect(queriesSent().at(-1)).toContain(state?.prepared?.soql);

    const [request] = w.planRequests;
    expect(request?.useCase).toBe('ask-plan');
    expect(textOf(request?.user ?? [])).toContain("<question>\nWhich of this account's open deals close this quarter?\n</question>");
    expect(textOf(request?.user ?? [])).toContain('- StageName "Stage" (picklist');
    expect(textOf(request?.user ?? [])).toContain('THIS_QUARTER');
    expect(textOf(request?.user ?? [])).toContain('<today>\n2026-11-21\n</today>');
    expect(textOf(request?.user ?? [])).toContain('Account “Globex Industries”');
  });

  it('never shows the model a field the rep cannot read, and refuses a plan naming one before any query runs', async () => {
    const w = world('restricted');
    w.script.plans.push(plan('Account', { fields: ['Name', 'AnnualRevenue'], filters: [{ field: 'AnnualRevenue', operator: '>', value: 1_000_000 }] }));
    await w.handler.handle({ type: 'ask', question: 'Which accounts make over a million?' }, w.panel);
    const userText = textOf(w.planRequests[0]?.user ?? []);
    const accountSchema = /Account "Accounts"\n[\s\S]*?\n\n/.exec(userText)?.[0] ?? '';
    expect(accountSchema).toContain('- Name "Account Name"');
    expect(accountSchema).not.toContain('AnnualRevenue');
    for (const hidden of ['SSN__c', 'Birthdate', 'Probability', 'ExpectedRevenue']) expect(userText).not.toContain(hidden);
    const state = lastState(w);
    expect(state?.phase).toBe('refused');
    expect(state?.problems.join(' ')).toMatch(/AnnualRevenue/);
    expect(queriesSent()).toEqual([]);
  });

  it('explains a reply that is not a plan and a model problem in words', async () => {
    const w = world();
    await w.handler.handle({ type: 'ask', question: 'What is the meaning of life?' }, w.panel);
    expect(lastState(w)?.phase).toBe('refused');
    expect(lastState(w)?.problems[0]).toMatch(/Try asking it another way/);
  });

  it('keeps the question asked as the draft, for a reopened panel to show in the box', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'draft', text: 'Open deals this quarter?' }, w.panel);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    const reopened = { windowId: 3, events: [] as AskEvent[], send(payload: unknown) { this.events.push(AskEvent.parse(payload)); } };
    await w.handler.handle({ type: 'open' }, reopened);
    const [event] = reopened.events;
    expect(event?.type === 'state' && event.draft).toBe('Open deals this quarter?');
  });

  it('keeps the last question, plan, SOQL and rows for a reopened panel; malformed requests never reach it', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'draft', text: 'half a quest' }, w.panel);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    await w.handler.handle({ type: 'draft', text: 'next quest' }, w.panel);
    expect(parsePayload(CHANNELS, 'ask', 'request', { type: 'nonsense' })).toBeNull();
    const reopened = { windowId: 3, events: [] as AskEvent[], send(payload: unknown) { this.events.push(AskEvent.parse(payload)); } };
    await w.handler.handle({ type: 'open' }, reopened);
    expect(reopened.events).toHaveLength(1);
    const [event] = reopened.events;
    expect(event?.type === 'state' && event.draft).toBe('next quest');
    expect(event?.type === 'state' && event.state).toEqual(lastState(w));
    expect(event?.type === 'state' && event.state?.prepared?.soql).toMatch(/^SELECT Id, Name, StageName, CloseDate, Amount FROM Opportunity WHERE/);
  });

  it(`pages through the bulk account's contacts ${ASK_PAGE_SIZE} at a time with Load more`, async () => {
    const bulkCard = { ...globexCard, recordId: ACME.bulk.accountId, name: 'Northwind' };
    const w = world('full', bulkCard);
    w.script.plans.push(plan('Contact', { fields: ['LastName'], scope: { relation: 'AccountId' } }));
    await w.handler.handle({ type: 'ask', question: 'All contacts of this account' }, w.panel);
    expect(lastState(w)?.rows).toHaveLength(ASK_PAGE_SIZE);
    expect(lastState(w)?.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\//);
    await w.handler.handle({ type: 'load-more' }, w.panel);
    const state = lastState(w);
    expect(state?.rows).toHaveLength(2 * ASK_PAGE_SIZE);
    expect(new Set(state?.rows.map((row) => row.link?.id)).size).toBe(2 * ASK_PAGE_SIZE);
    expect(state?.loadingMore).toBe(false);
  });

  it('streams a summary citing rows, flags what the rows do not support, and sends the rows as cited lines', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    const first = lastState(w)?.rows[0];
    const name = String(first?.values.Name);
    w.script.answer = `${name} is open this quarter [q1], worth $9,999,999 [q1].`;
    await w.handler.handle({ type: 'summarize' }, w.panel);
    const summaries = w.panel.events.flatMap((event) => (event.type === 'summary' ? [event.summary] : []));
    expect(summaries[0]?.status).toBe('streaming');
    const done = summaries.at(-1);
    expect(done?.status).toBe('done');
    expect(done?.citations.map((citation) => [citation.id, citation.recordId])).toEqual([['q1', first?.link?.id]]);
    expect(done?.unsupported.map((claim) => claim.text)).toEqual(['$9,999,999']);
    const request = w.answerRequests[0];
    expect(request?.useCase).toBe('ask-answer');
    expect(textOf(request?.user ?? [])).toMatch(new RegExp(`<context>\\nq1 Name: ${name} \\| Stage: `));
  });

  it('asks for the answer in the rep’s output language (German here) and reads its amounts the German way', async () => {
    const german = { language: 'de' as const, reason: "the rep chose it in Groundwork's settings" };
    const w = world('full', globexCard, undefined, { outputLanguages: async () => ({ output: german }) });
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Offene Deals in diesem Quartal?' }, w.panel);
    const first = lastState(w)?.rows[0];
    const amount = Number(first?.values.Amount);
    const inGerman = `${new Intl.NumberFormat('de-DE').format(amount)} $`;
    w.script.answer = `${String(first?.values.Name)} ist in diesem Quartal offen und ${inGerman} wert [q1], nicht 9.999.999 $ [q1].`;
    await w.handler.handle({ type: 'summarize' }, w.panel);
    const asked = textOf(w.answerRequests[0]?.user ?? []);
    expect(asked).toContain("<output_language>\nWrite in German (Deutsch, de-DE): the rep chose it in Groundwork's settings.\n</output_language>");
    // After the cached rows: a change of language costs no cache.
    expect(asked.indexOf('<output_language>')).toBeGreaterThan(asked.indexOf('</context>'));
    const done = w.panel.events.flatMap((event) => (event.type === 'summary' ? [event.summary] : [])).at(-1);
    expect(done?.unsupported.map((claim) => claim.text)).toEqual(['9.999.999 $']);
  });

  it('asks for no language when none is set: English, unsaid', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    w.script.answer = 'Nothing to add [q1].';
    await w.handler.handle({ type: 'summarize' }, w.panel);
    expect(textOf(w.answerRequests[0]?.user ?? [])).not.toContain('<output_language>');
  });

  it('records the plan and the answer in the audit as Ask, with what was sent, what came back, tokens, cost and the grounding flags', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    w.script.answer = 'One deal is worth $9,999,999 [q1].';
    await w.handler.handle({ type: 'summarize' }, w.panel);
    const entries = await w.audit.query({});
    expect(entries.map((entry) => [entry.feature, entry.promptId])).toEqual([
      ['ask', 'ask-plan'],
      ['ask', 'ask-answer'],
    ]);
    const [planned, answered] = entries;
    expect(planned?.sent).toContain('Open deals this quarter?');
    expect(JSON.parse(planned?.received ?? 'null')).toEqual(openDealsThisQuarter);
    expect(planned?.recordId).toBe(ACME.accounts.globex.id);
    expect(planned?.tokens).toMatchObject({ input: 1000, output: 100 });
    expect(planned?.costUsd).toBeGreaterThan(0);
    expect(answered?.received).toBe('One deal is worth $9,999,999 [q1].');
    expect(answered?.sent).toContain('\nq1 Name: ');
    expect(answered?.groundingFlags).toBe(1);
  });

  it('records a reply that is not a plan with the error and the raw reply, so the admin sees what the model said', async () => {
    const w = world();
    await w.handler.handle({ type: 'ask', question: 'What is the meaning of life?' }, w.panel);
    const [entry] = await w.audit.query({});
    expect(entry?.feature).toBe('ask');
    expect(entry?.error).toBeTruthy();
    expect(entry?.costUsd).toBe(0);
  });

  it("applies the organization's redaction rules: its patterns in the question and rows, its denied fields left out", async () => {
    const w = world();
    w.rules.patterns.push(/\bPROJ-\d{4}\b/g);
    w.rules.deniedFields.push('Opportunity.Amount');
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter for PROJ-4411? SSN 123.45.6789' }, w.panel);
    const planText = textOf(w.planRequests[0]?.user ?? []);
    expect(planText).toContain('[PRIVATE-1]');
    expect(planText).not.toMatch(/PROJ-4411|6789/);
    w.script.answer = 'Open this quarter [q1].';
    await w.handler.handle({ type: 'summarize' }, w.panel);
    const answerText = textOf(w.answerRequests[0]?.user ?? []);
    const rowsSent = /<context>[\s\S]*?<\/context>/.exec(answerText)?.[0] ?? '';
    expect(rowsSent).toContain('q1 Name: ');
    expect(rowsSent).not.toContain('Amount');
    expect(answerText).not.toMatch(/PROJ-4411|123\.45\.6789/);
    expect(lastState(w)?.rows[0]?.values.Amount).toBeDefined();
  });

  it('stops a summary at once and keeps what was written', async () => {
    const w = world();
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    w.script.answer = 'Partial answer ';
    w.script.hang = true;
    const running = w.handler.handle({ type: 'summarize' }, w.panel);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await w.handler.handle({ type: 'stop-summary' }, w.panel);
    await running;
    const last = w.panel.events.at(-1);
    expect(last?.type === 'summary' && last.summary.status).toBe('stopped');
    expect(last?.type === 'summary' && last.summary.text).toBe('Partial answer ');
  });

  it("keeps the SOQL shown when Salesforce refuses it, says why in words, and forgets the stale describes", async () => {
    const forgotten: string[][] = [];
    const w = world('full', globexCard, (session) => {
      const client = sandbox.client(session.sessionId);
      return {
        describeAll: (names) => client.describeAll(names),
        query: async () => Promise.reject(Object.assign(new Error('No such column'), { errorCode: 'INVALID_FIELD' })),
        queryMore: (url) => client.queryMore(url),
        forgetDescribes: (names) => void forgotten.push([...names]),
      };
    });
    w.script.plans.push(openDealsThisQuarter);
    await w.handler.handle({ type: 'ask', question: 'Open deals this quarter?' }, w.panel);
    const state = lastState(w);
    expect(state?.phase).toBe('failed');
    expect(state?.error).toMatch(/isn't available to you/);
    expect(state?.prepared?.soql).toMatch(/^SELECT /);
    expect(forgotten[0]).toContain('Opportunity');
  });
});
