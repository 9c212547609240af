/**
 * The extraction prompts' model call (structured output), recorded in the audit trail whether it succeeds or fails.
 */
import type { FeatureDeps } from '../messaging/feature-handler';
import { generateJson, ModelProblem, type StructuredOutput } from '../model';
import type { RenderedPrompt } from '../prompts';
import { recordProposal, type AuditScope, type ProposalCall } from './audit';

const MODEL_TIMEOUT_MS = 120_000;

export interface AuditedProposal<T> {
  value: T;
  /** The proposal's audit entry, amended with the rep's decision later; null when it could not be recorded. */
  auditId: string | null;
}

export async function proposeAudited<T>(
  deps: Pick<FeatureDeps, 'auditLog' | 'modelSettings' | 'prices'>,
  output: StructuredOutput<T>,
  prompt: RenderedPrompt,
  call: AuditScope & { feature: ProposalCall['feature'] },
): Promise<AuditedProposal<T>> {
  const base: ProposalCall = { ...call, prompt: { id: prompt.id, version: prompt.version }, sent: prompt.userText, prices: await deps.prices() };
  try {
    const settings = await deps.modelSettings('extract');
    const { value, result } = await generateJson(
      settings,
      { useCase: 'extract', system: prompt.system, user: prompt.user, maxTokens: prompt.maxTokens },
      output,
      AbortSignal.timeout(MODEL_TIMEOUT_MS),
    );
    return { value, auditId: await recordProposal(deps.auditLog, { ...base, result }) };
  } catch (error) {
    const rawText = error instanceof ModelProblem ? error.details.rawText : undefined;
    const message = error instanceof Error ? error.message : 'The model call failed.';
    await recordProposal(deps.auditLog, { ...base, error: message, ...(rawText ? { rawText } : {}) });
    throw error;
  }
}
