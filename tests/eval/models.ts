/**
 * Which model answers each use case, with the settings the product's model client takes, and the price a case is
 * costed at. With the demo model, every call goes to the sandbox; tokens are the sandbox's count (the Claude tokenizer) and
 * the cost is what those tokens would cost at the Claude model the product picks for that use case by default, so a
 * prompt that grows shows up in dollars. With a key, the product's own choice from the models the key may use.
 */
import { costOf, defaultModelFor, FALLBACK_MODELS, listModels, type ModelSettings, type UseCase, type Usage } from '../../lib/model';
import { DEMO_MODEL_ID, type MeteredCall, type ModelChoice } from './world';

export interface ModelPlan {
  /** What the report names: "Demo model (offline)" or the Claude models used. */
  description: string;
  settings(useCase: UseCase): ModelSettings;
  /** The model a use case's tokens are priced at. */
  pricedAs(useCase: UseCase): string;
}

const DEMO_KEY = 'sk-ant-eval-offline';
const NO_RETRIES_OFFLINE = 0;

export async function planModels(choice: ModelChoice, only?: string): Promise<ModelPlan> {
  if (choice.kind === 'demo') {
    return {
      description: 'Demo model (offline), priced at the Claude model each use case defaults to',
      settings: () => ({ apiKey: DEMO_KEY, model: DEMO_MODEL_ID, maxRetries: NO_RETRIES_OFFLINE }),
      pricedAs: (useCase) => defaultModelFor(useCase, FALLBACK_MODELS),
    };
  }
  const available = only ? [only] : (await listModels({ apiKey: choice.apiKey, model: '' })).map((model) => model.id);
  const modelFor = (useCase: UseCase): string => (only ?? defaultModelFor(useCase, available));
  const used = [...new Set((['summary', 'extract', 'ask-plan'] as const).map(modelFor))];
  return {
    description: `Claude (${used.join(', ')})`,
    settings: (useCase) => ({ apiKey: choice.apiKey, model: modelFor(useCase), timeoutMs: 120_000 }),
    pricedAs: modelFor,
  };
}

export function usageOf(calls: readonly MeteredCall[]): Usage {
  return calls.reduce<Usage>(
    (total, call) => ({
      input: total.input + call.input,
      output: total.output + call.output,
      cacheRead: total.cacheRead + call.cacheRead,
      cacheWrite: total.cacheWrite + call.cacheWrite,
    }),
    { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  );
}

/** Tokens and cost of a case's calls, as scores. */
export function usageScores(calls: readonly MeteredCall[], pricedAs: string): Record<string, number> {
  const usage = usageOf(calls);
  return {
    input_tokens: usage.input + usage.cacheRead + usage.cacheWrite,
    output_tokens: usage.output,
    cost_usd: costOf(pricedAs, usage),
  };
}

/** The model use case each evaluated prompt runs as. */
export const USE_CASE_OF: Readonly<Record<string, UseCase>> = {
  summary: 'summary',
  brief: 'brief',
  insights: 'insights',
  email: 'email',
  reply: 'email',
  'extract-note': 'extract',
  'extract-lead': 'extract',
  'ask-plan': 'ask-plan',
  'ask-answer': 'ask-answer',
};

export interface CostEstimate {
  calls: number;
  inputTokens: number;
  /** Input as measured, output as long as the dry run's answers. */
  expectedUsd: number;
  /** Input as measured, every answer as long as its max_tokens allows. */
  atMostUsd: number;
}

/**
 * What a run with Claude would cost, from a dry run with the demo model: the prompts rendered are the same (so input
 * tokens are close; the sandbox counts them with Anthropic's tokenizer), answers differ, so output is given as an
 * expectation and a ceiling. Prompt caching would lower the real figure.
 */
export function estimateCost(prompts: readonly { promptId: string; cases: readonly { calls: readonly MeteredCall[] }[] }[], plan: ModelPlan): CostEstimate {
  const estimate: CostEstimate = { calls: 0, inputTokens: 0, expectedUsd: 0, atMostUsd: 0 };
  for (const prompt of prompts) {
    const model = plan.pricedAs(USE_CASE_OF[prompt.promptId] ?? 'summary');
    for (const call of prompt.cases.flatMap((item) => item.calls)) {
      const input = call.input + call.cacheRead + call.cacheWrite;
      estimate.calls++;
      estimate.inputTokens += input;
      estimate.expectedUsd += costOf(model, { input, output: call.output, cacheRead: 0, cacheWrite: 0 });
      estimate.atMostUsd += costOf(model, { input, output: Math.max(call.output, call.maxTokens), cacheRead: 0, cacheWrite: 0 });
    }
  }
  return estimate;
}
