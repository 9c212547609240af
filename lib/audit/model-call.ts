/**
 * One AI call as an audit entry: where it ran, which prompt, the redacted text sent, what came back (or the raw text
 * that could not be read), model, tokens and cost from the effective price table. Budgets are spent from these entries,
 * so every model call a feature makes is recorded here, whether it succeeds or fails.
 */
import type { GenerationResult } from '../model';
import { costOf } from '../model/prices';
import type { PriceTable } from '../settings/schema';
import type { AuditFeature, NewAuditEntry } from './entry';
import type { AuditLog } from './log';
import { costUsd } from './usage';

/** Where the call happened. */
export interface AuditScope {
  orgId?: string;
  recordId?: string;
  objectName?: string;
}

export interface ModelCallRecord extends AuditScope {
  feature: Exclude<AuditFeature, 'write' | 'gmail-insert'>;
  prompt: { id: string; version: number };
  /** The prompt's user turn as sent: redacted. */
  sent: string;
  /** The model's answer; absent when the call failed before one came. */
  result?: GenerationResult;
  /** The effective price table the cost is computed from. */
  prices: PriceTable;
  /** The model's raw text when the call failed on it (malformed output). */
  rawText?: string;
  /** Spans the grounding check flagged. */
  groundingFlags?: number;
  error?: string;
}

export function usageOf(result: GenerationResult | undefined, prices: PriceTable): Partial<NewAuditEntry> {
  if (!result) return {};
  const tokens = { ...result.usage };
  return {
    model: result.model,
    modelName: result.modelName,
    tokens,
    // A model the table lacks is priced by the client's families.
    costUsd: costUsd(result.model, tokens, prices) ?? costOf(result.model, tokens),
    latencyMs: result.latencyMs,
  };
}

export const scopeOf = (scope: AuditScope): Partial<NewAuditEntry> => ({
  ...(scope.orgId ? { orgId: scope.orgId } : {}),
  ...(scope.recordId ? { recordId: scope.recordId } : {}),
  ...(scope.objectName ? { objectName: scope.objectName } : {}),
});

/** Records the call (outcome pending) and returns its entry id, or null when it could not be recorded: never throws. */
export async function recordModelCall(log: Pick<AuditLog, 'record'>, call: ModelCallRecord): Promise<string | null> {
  try {
    const entry = await log.record({
      ...scopeOf(call),
      feature: call.feature,
      promptId: call.prompt.id,
      promptVersion: String(call.prompt.version),
      ...usageOf(call.result, call.prices),
      sent: call.sent,
      received: call.result?.text ?? call.rawText ?? '',
      groundingFlags: call.groundingFlags ?? 0,
      outcome: 'pending',
      ...(call.error ? { error: call.error } : {}),
    });
    return entry.id;
  } catch {
    return null;
  }
}
