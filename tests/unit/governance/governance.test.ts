import { describe, expect, it } from 'vitest';
import { channelAllowed } from '../../../lib/features';
import { ModelProblem } from '../../../lib/model/problems';
import type { GenerationResult } from '../../../lib/model/types';
import {
  chooseModel,
  createGenerationAudit,
  governedModelSettings,
  settingsGate,
  settingsSource,
  type SettingsSource,
} from '../../../lib/features/governance';
import { effectiveSettings, ManagedPolicy, Settings, SETTINGS_KEY, type PolicySource } from '../../../lib/settings';
import { freshLog, generation } from '../audit/audit-harness';
import { memoryStore } from '../memory-store';

const KEY = 'sk-ant-governance-test-1';
const noPolicy: PolicySource = { get: async () => undefined };
const policy = (values: Record<string, unknown>): PolicySource => ({ get: async (key) => values[key] });

async function localWith(settings: Record<string, unknown>) {
  const local = memoryStore();
  await local.set(SETTINGS_KEY, Settings.parse(settings));
  return local;
}

const result = (overrides: Partial<GenerationResult> = {}): GenerationResult => ({
  text: 'Globex renews in May [L1].',
  stopReason: 'end_turn',
  usage: { input: 1000, output: 200, cacheRead: 2000, cacheWrite: 0 },
  model: 'claude-sonnet-5-5',
  modelName: 'Claude Sonnet 5.5',
  latencyMs: 1800,
  firstTokenMs: 400,
  costUsd: 0,
  ...overrides,
});

describe('the generation audit', () => {
  it('records a generation with its org, prompt, model, tokens, cost from the price table, latency and pending outcome', async () => {
    const { log } = freshLog();
    const local = await localWith({ prices: { 'claude-sonnet-5-5': { input: 2, output: 10 } } });
    const audit = createGenerationAudit(log, {
      ...settingsSource(local, noPolicy),
      org: async () => ({ orgId: '00D000000000001EAA', apiHost: 'acme.my.salesforce.com' }),
    });
    const id = await audit.record({
      feature: 'summary',
      recordId: '001000000000001AAA',
      promptId: 'summary',
      promptVersion: '3',
      promptVariant: 'B',
      sent: 'Account: Globex [L1] [SSN-1]',
      result: result(),
      received: 'Globex renews in May [L1].',
      unsupported: 1,
      problem: null,
    });
    const [entry] = await log.query();
    expect(entry).toMatchObject({
      id,
      orgId: '00D000000000001EAA',
      recordId: '001000000000001AAA',
      feature: 'summary',
      promptId: 'summary',
      promptVersion: '3',
      variant: 'B',
      model: 'claude-sonnet-5-5',
      tokens: { input: 1000, output: 200, cacheRead: 2000, cacheWrite: 0 },
      latencyMs: 1800,
      sent: 'Account: Globex [L1] [SSN-1]',
      groundingFlags: 1,
      outcome: 'pending',
    });
    // 1000 × $2 + 200 × $10 + 2000 × $0.20 (cache reads at a tenth), per million.
    expect(entry?.costUsd).toBeCloseTo(0.0044, 10);
  });

  it('records a failed generation with its problem, and outcomes as amendments', async () => {
    const { log } = freshLog();
    const audit = createGenerationAudit(log, settingsSource(memoryStore(), noPolicy));
    const id = await audit.record({
      feature: 'email',
      recordId: '001000000000001AAA',
      promptId: 'email',
      promptVersion: '2',
      promptVariant: 'A',
      sent: 'x',
      result: null,
      received: 'partial',
      unsupported: 0,
      problem: 'overloaded',
    });
    expect(id).not.toBeNull();
    await audit.recordOutcome(id ?? '', 'edited');
    await audit.recordOutcome(id ?? '', 'feedback-up');
    const [entry] = await log.query();
    expect(entry).toMatchObject({ error: 'overloaded', costUsd: 0, outcome: 'edited', feedback: 'up' });
    expect((await log.verify()).ok).toBe(true);
  });
});

describe('the settings gate', () => {
  it('refuses a feature the rep switched off, or one the policy removed, and maps panel channels to their switch', async () => {
    const local = await localWith({ features: { ask: false } });
    const gate = settingsGate({ settings: settingsSource(local, policy({ allowedFeatures: ['summary', 'ask', 'logNote'] })), spend: { query: async () => [] }, now: () => new Date() });
    expect(await gate.featureAllowed('summary')).toBe(true);
    expect(await gate.featureAllowed('ask')).toBe(false);
    expect(await gate.featureAllowed('email')).toBe(false);
    expect(await channelAllowed(gate, 'ask')).toBe(false);
    expect(await channelAllowed(gate, 'log-note')).toBe(true);
    expect(await channelAllowed(gate, 'extract-lead')).toBe(false);
    expect(await channelAllowed(gate, 'governance')).toBe(true);
    expect(await channelAllowed(gate, 'record-view')).toBe(true);
    expect(await gate.useCaseAllowed('extract')).toBe(true);
  });

  it('refuses a generation at the daily cap with what was spent and when it resets, and lets it through the next day', async () => {
    const { log } = freshLog('2026-03-02T09:00:00.000Z');
    await log.record(generation({ costUsd: 1.2 }));
    const local = await localWith({ budgets: { dailyUsd: 1 } });
    let now = new Date('2026-03-02T15:00:00.000Z');
    const gate = settingsGate({ settings: settingsSource(local, noPolicy), spend: log, now: () => now, timeZone: 'UTC' });
    expect(await gate.budgetRefusal()).toMatch(/Daily AI budget reached: \$1\.20 of \$1\.00 spent today\. Generation resumes when it resets at Tue, Mar 3/);
    now = new Date('2026-03-03T00:00:01.000Z');
    expect(await gate.budgetRefusal()).toBeNull();
  });

  it('stops background work at the warning share, before the rep', async () => {
    const { log } = freshLog('2026-03-02T09:00:00.000Z');
    await log.record(generation({ costUsd: 0.85 }));
    const local = await localWith({ budgets: { dailyUsd: 1 } });
    const gate = settingsGate({ settings: settingsSource(local, noPolicy), spend: log, now: () => new Date('2026-03-02T10:00:00.000Z'), timeZone: 'UTC' });
    expect(await gate.budgetRefusal('rep')).toBeNull();
    expect(await gate.budgetRefusal('background')).toMatch(/^Background work is paused/);
  });
});

describe('the model settings every model call runs with', () => {
  const deps = (settings: SettingsSource, spend: { query(): Promise<never[]> } = { query: async () => [] }) => {
    const session = memoryStore();
    const listed: string[][] = [];
    return {
      listed,
      deps: {
        settings,
        gate: settingsGate({ settings, spend, now: () => new Date() }),
        session,
        now: () => new Date(),
        listModels: async () => {
          listed.push([]);
          return ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5'].map((id) => ({ id, displayName: id }));
        },
      },
    };
  };

  it('use the rep’s key, gateway and model for the use case, listing models once', async () => {
    const local = await localWith({ anthropicApiKey: KEY, baseUrl: 'https://gateway.acme.example', models: { ask: 'claude-haiku-5-5' } });
    const { deps: modelDeps, listed } = deps(settingsSource(local, noPolicy));
    expect(await governedModelSettings('ask-plan', modelDeps)).toEqual({
      apiKey: KEY,
      baseUrl: 'https://gateway.acme.example',
      model: 'claude-haiku-5-5',
      modelNames: { 'claude-opus-5-5': 'claude-opus-5-5', 'claude-sonnet-5-5': 'claude-sonnet-5-5', 'claude-haiku-5-5': 'claude-haiku-5-5' },
    });
    await governedModelSettings('summary', modelDeps);
    expect(listed).toHaveLength(1);
  });

  it('use the policy’s key and gateway when the rep may not bring their own', async () => {
    const local = await localWith({ anthropicApiKey: KEY });
    const managed = policy({ allowRepKey: false, anthropicApiKey: 'sk-ant-org-key-000001', baseUrl: 'https://llm.acme.example' });
    const { deps: modelDeps } = deps(settingsSource(local, managed));
    expect(await governedModelSettings('summary', modelDeps)).toMatchObject({ apiKey: 'sk-ant-org-key-000001', baseUrl: 'https://llm.acme.example' });
  });

  it('refuse without a key, for a feature switched off, and over budget, in words', async () => {
    const none = deps(settingsSource(memoryStore(), noPolicy)).deps;
    await expect(governedModelSettings('summary', none)).rejects.toMatchObject({ kind: 'no-key' });
    const off = deps(settingsSource(await localWith({ anthropicApiKey: KEY, features: { email: false } }), noPolicy)).deps;
    await expect(governedModelSettings('email', off)).rejects.toThrow(/turned off/);
    const { log } = freshLog(new Date().toISOString());
    await log.record(generation({ costUsd: 5 }));
    const settings = settingsSource(await localWith({ anthropicApiKey: KEY, budgets: { dailyUsd: 1 } }), noPolicy);
    const over = { ...deps(settings).deps, gate: settingsGate({ settings, spend: log, now: () => new Date() }) };
    const refusal = await governedModelSettings('summary', over).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ModelProblem);
    expect(refusal).toMatchObject({ kind: 'spend-limit', message: expect.stringMatching(/Daily AI budget reached/) });
  });

  it('keep a listed or forced choice, and replace one the live list no longer has with the best allowed one', () => {
    const rep = Settings.parse({ models: { summary: 'claude-sonnet-3-7', ask: 'claude-opus-5-5' } });
    const live = ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5'];
    expect(chooseModel('ask-plan', effectiveSettings(rep, {}), live)).toBe('claude-opus-5-5');
    expect(chooseModel('summary', effectiveSettings(rep, {}), live)).toBe('claude-sonnet-5-5');
    const onlyHaiku = effectiveSettings(rep, ManagedPolicy.parse({ allowedModels: ['claude-haiku-*'] }));
    expect(chooseModel('ask-plan', onlyHaiku, live)).toBe('claude-haiku-5-5');
    const forced = effectiveSettings(rep, ManagedPolicy.parse({ models: { summary: 'claude-gateway-special' } }));
    expect(chooseModel('summary', forced, live)).toBe('claude-gateway-special');
  });
});
