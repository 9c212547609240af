import { usageOf, type AuditLog, type Outcome, type OutcomeDetails } from '../../audit';
import type { GenerationAudit } from '../generate';
import type { CurrentOrg, SettingsSource } from './sources';
import { AUDIT_FEATURE_FOR } from './use-cases';

export interface GovernedGenerationAudit extends GenerationAudit {
  /** What the rep did with a generation (accepted, edited, regenerated, thumbs…), as a chained amendment. */
  recordOutcome(auditId: string, outcome: Outcome, details?: OutcomeDetails): Promise<void>;
}

export interface GenerationAuditSource extends SettingsSource {
  /** The org the generation ran in; the org of the record in view is the last one used. */
  org?: CurrentOrg['lastUsed'];
}

/**
 * Maps the generation service's audit call to an audit entry: who, where, which prompt, model, tokens, cost from the
 * effective price table (the model client's family prices when the table has no entry), latency, the redacted text
 * sent, what came back, the grounding check's count and the outcome, pending until the rep acts.
 */
export function createGenerationAudit(log: Pick<AuditLog, 'record' | 'updateOutcome'>, source: GenerationAuditSource): GovernedGenerationAudit {
  return {
    async record(call) {
      const [effective, org] = await Promise.all([source.effective(), source.org?.() ?? Promise.resolve(null)]);
      const entry = await log.record({
        ...(org ? { orgId: org.orgId } : {}),
        recordId: call.recordId,
        feature: AUDIT_FEATURE_FOR[call.feature],
        promptId: call.promptId,
        promptVersion: call.promptVersion,
        variant: call.promptVariant,
        ...usageOf(call.result ?? undefined, effective.settings.prices),
        sent: call.sent,
        received: call.received,
        groundingFlags: call.unsupported,
        outcome: 'pending',
        trigger: call.trigger ?? 'rep',
        ...(call.outputLanguage ? { outputLanguage: call.outputLanguage } : {}),
        ...(call.problem ? { error: call.problem } : {}),
      });
      return entry.id;
    },
    recordOutcome: (auditId, outcome, details) => log.updateOutcome(auditId, outcome, details),
  };
}
