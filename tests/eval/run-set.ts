/**
 * One evaluation of the prompt files this process loaded (tests/eval/worker.ts decides which folder they come from):
 * every prompt the product sends, each variant it would assign, over every labelled case.
 */
import { hasVariantB, promptFile, promptPreamble, type PromptId, type PromptVariant } from '../../lib/prompts';
import type { WriteUp } from './cases/types';
import { planModels } from './models';
import type { CaseOutcome } from './scoring/scores';
import { runAsk } from './suites/ask';
import { runLeads } from './suites/leads';
import { runNotes } from './suites/notes';
import { runReplies } from './suites/replies';
import { graphReader, runWriteUp } from './suites/writeups';
import { startWorld, type ModelChoice } from './world';

export interface PromptVersionResult {
  promptId: PromptId;
  variant: PromptVariant;
  version: number;
  cases: CaseOutcome[];
}

export interface SetResult {
  model: string;
  /** The version of the shared preamble (prompts/preamble.md) every prompt of the set was sent with. */
  preambleVersion: number;
  prompts: PromptVersionResult[];
  durationMs: number;
}

export interface SetOptions {
  model: ModelChoice;
  /** Claude only: one model for every use case instead of the product's default per use case. */
  claudeModel?: string;
  /** Only these prompt ids (all when empty). */
  only: readonly string[];
  /** Progress, one line per prompt version. */
  log(line: string): void;
}

const WRITE_UPS: readonly WriteUp[] = ['summary', 'brief', 'insights', 'email'];

const versionOf = (id: PromptId, variant: PromptVariant = 'A'): PromptVersionResult => ({ promptId: id, variant, version: promptFile(id, variant).version, cases: [] });

export async function runPromptSet(options: SetOptions): Promise<SetResult> {
  const started = Date.now();
  const world = await startWorld(options.model);
  try {
    const models = await planModels(options.model, options.claudeModel);
    const client = world.client();
    const wanted = (id: PromptId): boolean => options.only.length === 0 || options.only.includes(id);
    const results: PromptVersionResult[] = [];
    const done = (result: PromptVersionResult): void => {
      results.push(result);
      options.log(`${result.promptId} v${result.version}${result.variant === 'B' ? ' (B)' : ''}: ${result.cases.length} cases`);
    };
    const graphOf = graphReader(client);
    for (const feature of WRITE_UPS.filter(wanted)) {
      for (const variant of hasVariantB(feature) ? (['A', 'B'] as const) : (['A'] as const)) {
        done({ ...versionOf(feature, variant), cases: await runWriteUp({ world, client, models }, feature, variant, graphOf) });
      }
    }
    if (wanted('reply')) done({ ...versionOf('reply'), cases: await runReplies(world, models) });
    if (wanted('extract-note')) done({ ...versionOf('extract-note'), cases: await runNotes(world, models) });
    if (wanted('extract-lead')) done({ ...versionOf('extract-lead'), cases: await runLeads(world, models) });
    if (wanted('ask-plan') || wanted('ask-answer')) {
      const { plan, answer } = await runAsk(world, models);
      if (wanted('ask-plan')) done({ ...versionOf('ask-plan'), cases: plan });
      if (wanted('ask-answer')) done({ ...versionOf('ask-answer'), cases: answer });
    }
    return { model: models.description, preambleVersion: promptPreamble().version, prompts: results, durationMs: Date.now() - started };
  } finally {
    await world.close();
  }
}
