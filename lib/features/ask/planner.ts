/**
 * The question → the model's plan, from the rep's own readable schema. Each of Ask's model calls is recorded in the
 * audit (feature 'ask'), priced, so it counts toward the budgets like any generation.
 */
import { recordModelCall, type AuditScope } from '../../audit';
import { redactText, restoreRedactions } from '../../context';
import { toModelProblem, type GenerationResult } from '../../model';
import { renderPrompt, type RenderedPrompt } from '../../prompts';
import { DATE_LITERAL_NAMES } from './date-literals';
import type { AskDeps, AskOptions, AskTarget } from './deps';
import { AskObjectDescribe } from './describe';
import { QueryPlan, QueryPlanOutput } from './plan';
import { schemaText } from './schema-text';

/** Objects a question is most often about; the record in view's object comes first. */
export const COMMON_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Lead', 'Task', 'Event'];

type PlannerDeps = Pick<AskDeps, 'redaction' | 'now' | 'modelSettings' | 'auditLog' | 'prices'> & Pick<AskOptions, 'generateJson'>;
type CallOutcome = { result?: GenerationResult; rawText?: string; error?: string; groundingFlags?: number };

/** The org asked in and the record in view, if any: where the audit says an Ask call happened. */
export function auditScope(target: AskTarget): AuditScope {
  return { orgId: target.orgId, ...(target.record ? { recordId: target.record.recordId, objectName: target.record.objectName } : {}) };
}

/** Records one of Ask's model calls; recording never stops the rep's work. */
export async function recordAskCall(deps: Pick<AskDeps, 'auditLog' | 'prices'>, prompt: RenderedPrompt, scope: AuditScope, outcome: CallOutcome): Promise<void> {
  const prices = await deps.prices().catch(() => null);
  if (!prices) return;
  await recordModelCall(deps.auditLog, { feature: 'ask', prompt: { id: prompt.id, version: prompt.version }, sent: prompt.userText, prices, ...scope, ...outcome });
}

/** The model's plan; null when its reply is not a plan at all. Model problems (no key, limits…) are thrown. */
export async function requestPlan(question: string, target: AskTarget, deps: PlannerDeps, signal: AbortSignal): Promise<QueryPlan | null> {
  const redacted = redactText(question, [], (await deps.redaction()).patterns);
  const prompt = renderPrompt('ask-plan', {
    context: await schemaFor(target),
    extra: {
      today: deps.now().toISOString().slice(0, 10),
      date_literals: DATE_LITERAL_NAMES.join(', '),
      question: redacted.text,
      record_in_view: target.record ? `${target.record.objectLabel} “${target.record.name}” (object ${target.record.objectName})` : '',
    },
  });
  const settings = await deps.modelSettings('ask-plan');
  try {
    const { value, result } = await deps.generateJson(
      settings,
      { useCase: 'ask-plan', system: prompt.system, user: prompt.user, maxTokens: prompt.maxTokens },
      QueryPlanOutput,
      signal,
    );
    await recordAskCall(deps, prompt, auditScope(target), { result });
    // A value the rep typed and redaction withheld goes back into the plan here, never to the model.
    return QueryPlan.parse(JSON.parse(restoreRedactions(JSON.stringify(value), redacted.redactions)));
  } catch (error) {
    const problem = toModelProblem(error);
    await recordAskCall(deps, prompt, auditScope(target), { error: problem.message, ...(problem.rawText ? { rawText: problem.rawText } : {}) });
    if (problem.kind === 'malformed-output') return null;
    throw error;
  }
}

/** The rep's readable schema: describe as the rep, so a field hidden from them never reaches the model. */
async function schemaFor(target: AskTarget): Promise<string> {
  const primary = target.record?.objectName;
  const names = [...new Set([...(primary ? [primary] : []), ...COMMON_OBJECTS])];
  const found = await target.api.describeAll(names);
  return names
    .flatMap((name) => {
      const parsed = AskObjectDescribe.safeParse(found.get(name));
      return parsed.success ? [schemaText(parsed.data, { maxFields: name === primary ? 120 : 60, maxValues: 20 })] : [];
    })
    .join('\n\n');
}
