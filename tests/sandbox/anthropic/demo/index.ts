/**
 * The offline demo model: it answers a Messages API request by doing the job the request asks for, deterministically,
 * from what the request holds (the instructions, the context lines with their ids, the note, the question, the fields
 * and picklist values offered, the output schema). No reply is stored per record: the same rules answer any record.
 *
 * Which job: from the structured output schema, or the input schema of the tool it calls (a `leads` list: Extract to
 * Lead; `activity` and `fieldUpdates`: Log this note, a call transcript when <speakers> comes with it; `object` and `filters`: an Ask query plan; any other schema: its
 * smallest valid value, a property named like a context line's field taking that line's value), else from the
 * user turn's inputs (<question> and <query>: an answer from rows; <thread>: a Gmail reply; <recipient>: an email
 * draft), else the sections the instructions list (summary, meeting brief, deal insights, or any prompt written the
 * same way).
 *
 * Tools: it calls the tool `tool_choice` names, or with "any" the first tool; with "auto" (the default) it calls a tool
 * only when its input schema is one of the jobs above, as a model calls the tool that fits the request; "none" never.
 *
 * `answerMessagesRequest(body)` is the whole model as a function (the HTTP route and a prompt evaluation both use it):
 * a request body in, the Message the API would return out.
 */
import { limitReply } from '../limits';
import { newMessageId, newToolUseId, type ToolUse } from '../reply';
import { parseMessagesRequest, type MessagesRequest, type ToolDefinition } from '../request';
import { countTokens, PromptCache } from '../tokens';
import type { StopReason, Usage } from '../types';
import { answerFromRows, planQuery } from './ask';
import { proposeFromCall } from './call';
import { writeEmail, writeReply } from './email';
import { guarded, withCitationsAsAsked } from './instructions';
import { proposeLeads } from './lead';
import { proposeFromNote } from './note';
import { readPrompt } from './prompt';
import { fitToSchema, smallestValue } from './schema';
import { writeUp } from './writeup';

/** How the demo model is listed by GET /v1/models and named in every Message it writes. */
export const DEMO_MODEL = { id: 'groundwork-demo-offline', displayName: 'Demo model (offline)' } as const;

export type DemoJob = 'lead' | 'note' | 'ask-plan' | 'ask-answer' | 'reply' | 'email' | 'write-up' | 'schema';

function schemaJob(schema: Record<string, unknown>): DemoJob {
  const properties = schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
  if (properties.includes('leads')) return 'lead';
  if (properties.includes('activity') && properties.includes('fieldUpdates')) return 'note';
  if (properties.includes('object') && properties.includes('filters')) return 'ask-plan';
  return 'schema';
}

export function jobOf(request: MessagesRequest): DemoJob {
  if (request.outputSchema) return schemaJob(request.outputSchema);
  const user = request.messages.flatMap((message) => message.content.map((block) => block.text)).join('\n');
  if (user.includes('<question>') && user.includes('<query>')) return 'ask-answer';
  if (user.includes('<thread>')) return 'reply';
  if (user.includes('<recipient>')) return 'email';
  return 'write-up';
}

/** The tool the demo model calls for a request, if any (see the tool rules above). */
export function toolToCall(request: MessagesRequest): ToolDefinition | undefined {
  const { type, name } = request.toolChoice;
  if (type === 'none' || request.outputSchema) return undefined;
  if (type === 'tool') return request.toolDefinitions.find((tool) => tool.name === name);
  if (type === 'any') return request.toolDefinitions[0];
  return request.toolDefinitions.find((tool) => schemaJob(tool.inputSchema) !== 'schema');
}

/** What the demo model answers: text (JSON for structured output), or a tool call with its input. */
export function demoReply(request: MessagesRequest, now: Date = new Date()): { text: string } | { tool: Omit<ToolUse, 'id'> } {
  const tool = toolToCall(request);
  if (!tool) return { text: demoAnswer(request, now) };
  const input = structuredAnswer(schemaJob(tool.inputSchema), readPrompt(request, now), tool.inputSchema);
  return { tool: { name: tool.name, input } };
}

function structuredAnswer(job: DemoJob, prompt: ReturnType<typeof readPrompt>, schema: Record<string, unknown>): unknown {
  const fitted = (draft: unknown): unknown => fitToSchema(draft, schema, schema);
  switch (job) {
    case 'lead':
      return fitted(proposeLeads(guarded(prompt)));
    case 'note':
      // A call transcript comes with the list of its speakers.
      return fitted(prompt.tags.has('speakers') ? proposeFromCall(guarded(prompt)) : proposeFromNote(guarded(prompt)));
    case 'ask-plan':
      return fitted(planQuery(prompt));
    default: {
      const byField = new Map(prompt.lines.flatMap((line) => (line.field ? [[normalized(line.field), line.value] as const] : [])).reverse());
      return smallestValue(schema, schema, (name) => byField.get(normalized(name)));
    }
  }
}

/** The text the demo model writes for a request (JSON for structured output), before max_tokens and stop sequences. */
export function demoAnswer(request: MessagesRequest, now: Date = new Date()): string {
  const prompt = readPrompt(request, now);
  const job = jobOf(request);
  switch (job) {
    case 'lead':
    case 'note':
    case 'ask-plan':
    case 'schema':
      return JSON.stringify(structuredAnswer(job, prompt, request.outputSchema ?? {}));
    case 'ask-answer':
      return withCitationsAsAsked(answerFromRows(prompt), prompt);
    case 'reply':
      return withCitationsAsAsked(writeReply(prompt), prompt);
    case 'email':
      return withCitationsAsAsked(writeEmail(prompt), prompt);
    case 'write-up':
      return withCitationsAsAsked(writeUp(prompt), prompt);
  }
}

const normalized = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface DemoMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ({ type: 'text'; text: string } | ({ type: 'tool_use' } & ToolUse))[];
  stop_reason: StopReason;
  stop_sequence: string | null;
  usage: Usage;
}

/**
 * The Message the API returns for a request body (validated as the API does: an invalid body throws its ApiError),
 * with usage counted as the sandbox counts it and no prompt cache unless one is passed.
 */
export function answerMessagesRequest(body: Record<string, unknown>, options: { now?: Date; cache?: PromptCache } = {}): DemoMessage {
  const request = parseMessagesRequest(body, 'create');
  const input = (options.cache ?? new PromptCache(() => Date.now())).account(request);
  const base = { id: newMessageId(), type: 'message' as const, role: 'assistant' as const, model: DEMO_MODEL.id };
  const answer = demoReply(request, options.now);
  if ('tool' in answer) {
    const toolUse = { id: newToolUseId(), ...answer.tool };
    const output = countTokens(JSON.stringify(toolUse.input));
    return { ...base, content: [{ type: 'tool_use', ...toolUse }], stop_reason: 'tool_use', stop_sequence: null, usage: { ...input, output_tokens: output } };
  }
  const reply = limitReply(answer.text, request);
  return {
    ...base,
    content: [{ type: 'text', text: reply.text }],
    stop_reason: reply.stopReason,
    stop_sequence: reply.stopSequence,
    usage: { ...input, output_tokens: countTokens(reply.text) },
  };
}
