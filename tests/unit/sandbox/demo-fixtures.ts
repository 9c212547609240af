/** The demo model asked as the product asks it, and the record contexts its jobs are tried on. */
import { expect } from 'vitest';
import { buildContext } from '../../../lib/context';
import type { RenderedPrompt } from '../../../lib/prompts';
import { answerMessagesRequest, DEMO_MODEL } from '../../sandbox/anthropic';
import { activities, FIELD_META, NOW, openOpportunities } from '../context/graph-fixture';

/** The demo model's text answer to a rendered prompt (JSON when an output schema is given). */
export function ask(prompt: Pick<RenderedPrompt, 'system' | 'userText' | 'maxTokens'>, outputSchema?: Record<string, unknown>): string {
  const message = answerMessagesRequest({
    model: DEMO_MODEL.id,
    max_tokens: prompt.maxTokens,
    system: prompt.system.map((block) => ({ type: 'text', text: block.text })),
    messages: [{ role: 'user', content: prompt.userText }],
    ...(outputSchema ? { output_config: { format: { type: 'json_schema', schema: outputSchema } } } : {}),
  });
  expect(message).toMatchObject({ type: 'message', role: 'assistant', model: DEMO_MODEL.id, stop_reason: 'end_turn' });
  expect(message.usage.output_tokens).toBeGreaterThan(0);
  const block = message.content[0];
  return block?.type === 'text' ? block.text : '';
}

/** An opportunity in view with its activities: what deal insights are written for. */
export function dealContext(): string {
  const root = openOpportunities()[0];
  if (!root) throw new Error('the fixture has an opportunity');
  const related = [{ key: 'activities', label: 'Activities', objectName: 'Task', records: activities(), totalSize: 3 }];
  return buildContext({ root, rootName: 'Globex - Expansion', objectLabel: 'Opportunity', related, fieldMeta: FIELD_META, fetchedAt: NOW.toISOString() }, { maxTokens: 4_000, now: NOW }).text;
}
