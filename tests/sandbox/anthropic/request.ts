/**
 * Parsing and validating a Messages API request body the way the real API does: field errors are 400
 * invalid_request_error with pydantic-style messages ("model: Field required", "messages.1.role: …").
 */
import { invalidRequest } from './errors';

export interface CacheControl {
  ttlMs: number;
}

/** One content block (system or message), reduced to what the fake needs: its text and its cache breakpoint. */
export interface Block {
  type: string;
  /** Text of a text block; other blocks count as their JSON. */
  text: string;
  cacheControl?: CacheControl;
}

export interface ParsedMessage {
  role: 'user' | 'assistant';
  content: Block[];
}

export interface ToolDefinition {
  name: string;
  inputSchema: Record<string, unknown>;
}

export interface MessagesRequest {
  model: string;
  /** Absent for count_tokens. */
  maxTokens?: number;
  system: Block[];
  messages: ParsedMessage[];
  tools: Block[];
  /** Each tool's name and input schema, as defined. */
  toolDefinitions: ToolDefinition[];
  /** `tool_choice`: auto (the default), any, a named tool, or none. */
  toolChoice: { type: 'auto' | 'any' | 'tool' | 'none'; name?: string };
  stream: boolean;
  stopSequences: string[];
  /** `output_config.format.schema` when structured output was asked for. */
  outputSchema?: Record<string, unknown>;
  /** Top-level `cache_control` (automatic caching): the breakpoint goes on the last block. */
  cacheControl?: CacheControl;
}

const MAX_BREAKPOINTS = 4;
const CREATE_FIELDS = new Set([
  'model', 'messages', 'max_tokens', 'system', 'stream', 'stop_sequences', 'metadata', 'temperature', 'top_p', 'top_k',
  'tools', 'tool_choice', 'thinking', 'output_config', 'output_format', 'service_tier', 'container', 'cache_control',
  'inference_geo', 'speed', 'diagnostics', 'user_profile_id', 'workspace_id', 'mcp_servers', 'context_management',
]);
const COUNT_FIELDS = new Set([
  'model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'output_config', 'output_format', 'cache_control',
  'speed', 'user_profile_id', 'workspace_id', 'mcp_servers', 'context_management',
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJsonBody(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalidRequest('There was an issue with your request body: the body is not valid JSON.');
  }
  if (!isRecord(parsed)) throw invalidRequest('There was an issue with your request body: expected a JSON object.');
  return parsed;
}

export function parseMessagesRequest(body: Record<string, unknown>, kind: 'create' | 'count'): MessagesRequest {
  const allowed = kind === 'create' ? CREATE_FIELDS : COUNT_FIELDS;
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) throw invalidRequest(`${key}: Extra inputs are not permitted`);
  }
  if (body.model === undefined) throw invalidRequest('model: Field required');
  if (typeof body.model !== 'string' || body.model === '') throw invalidRequest('model: Input should be a valid string');
  const maxTokens = kind === 'create' ? parseMaxTokens(body.max_tokens) : undefined;
  if (body.messages === undefined) throw invalidRequest('messages: Field required');
  if (!Array.isArray(body.messages)) throw invalidRequest('messages: Input should be a valid list');
  const messages = body.messages.map((message: unknown, index) => parseMessage(message, `messages.${index}`));
  checkConversation(messages);
  if (body.stream !== undefined && typeof body.stream !== 'boolean') {
    throw invalidRequest('stream: Input should be a valid boolean');
  }
  checkTemperature(body.temperature);
  const request: MessagesRequest = {
    model: body.model,
    maxTokens,
    system: parseSystem(body.system),
    messages,
    tools: parseTools(body.tools),
    toolDefinitions: toolDefinitions(body.tools),
    toolChoice: parseToolChoice(body.tool_choice, toolDefinitions(body.tools)),
    stream: body.stream === true,
    stopSequences: parseStopSequences(body.stop_sequences),
    outputSchema: parseOutputSchema(body.output_config),
    cacheControl: parseCacheControl(body.cache_control, 'cache_control'),
  };
  checkBreakpointCount(request);
  return request;
}

function checkBreakpointCount(request: MessagesRequest): void {
  const blocks = [...request.tools, ...request.system, ...request.messages.flatMap((message) => message.content)];
  const found = blocks.filter((block) => block.cacheControl).length + (request.cacheControl ? 1 : 0);
  if (found > MAX_BREAKPOINTS) {
    throw invalidRequest(`A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${found}.`);
  }
}

function parseMaxTokens(value: unknown): number {
  if (value === undefined) throw invalidRequest('max_tokens: Field required');
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidRequest('max_tokens: Input should be a valid integer');
  if (value < 1) throw invalidRequest('max_tokens: Input should be greater than or equal to 1');
  return value;
}

function checkTemperature(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number') throw invalidRequest('temperature: Input should be a valid number');
  if (value < 0 || value > 1) throw invalidRequest('temperature: Input should be between 0 and 1');
}

function parseMessage(value: unknown, path: string): ParsedMessage {
  if (!isRecord(value)) throw invalidRequest(`${path}: Input should be a valid dictionary`);
  if (value.role === undefined) throw invalidRequest(`${path}.role: Field required`);
  if (value.role !== 'user' && value.role !== 'assistant') {
    throw invalidRequest(`${path}.role: Input should be 'user' or 'assistant'`);
  }
  if (value.content === undefined) throw invalidRequest(`${path}.content: Field required`);
  return { role: value.role, content: parseContent(value.content, `${path}.content`) };
}

function parseContent(value: unknown, path: string): Block[] {
  if (typeof value === 'string') {
    if (value === '') throw invalidRequest('messages: text content blocks must be non-empty');
    return [{ type: 'text', text: value }];
  }
  if (!Array.isArray(value)) throw invalidRequest(`${path}: Input should be a valid string or list of content blocks`);
  return value.map((block: unknown, index) => parseBlock(block, `${path}.${index}`));
}

function parseBlock(value: unknown, path: string): Block {
  if (!isRecord(value)) throw invalidRequest(`${path}: Input should be a valid dictionary`);
  if (typeof value.type !== 'string') throw invalidRequest(`${path}.type: Field required`);
  const cacheControl = parseCacheControl(value.cache_control, `${path}.cache_control`);
  if (value.type !== 'text') {
    return { type: value.type, text: JSON.stringify(withoutCacheControl(value)), cacheControl };
  }
  if (typeof value.text !== 'string') throw invalidRequest(`${path}.text: Field required`);
  if (value.text === '') throw invalidRequest('messages: text content blocks must be non-empty');
  return { type: 'text', text: value.text, cacheControl };
}

/** Non-text blocks count as their JSON; the breakpoint marker itself is not part of the prompt. */
function withoutCacheControl(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'cache_control'));
}

function parseCacheControl(value: unknown, path: string): CacheControl | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || value.type !== 'ephemeral') throw invalidRequest(`${path}.type: Input should be 'ephemeral'`);
  if (value.ttl === undefined || value.ttl === '5m') return { ttlMs: 5 * 60_000 };
  if (value.ttl === '1h') return { ttlMs: 60 * 60_000 };
  throw invalidRequest(`${path}.ttl: Input should be '5m' or '1h'`);
}

/** Roles alternate, starting with the user; a final assistant turn (prefill) must not end with whitespace. */
function checkConversation(messages: ParsedMessage[]): void {
  const first = messages[0];
  if (!first) throw invalidRequest('messages: at least one message is required');
  if (first.role !== 'user') throw invalidRequest('messages: first message must use the "user" role');
  messages.forEach((message, index) => {
    const previous = messages[index - 1];
    if (previous && previous.role === message.role) {
      throw invalidRequest(
        `messages: roles must alternate between "user" and "assistant", but found multiple "${message.role}" roles in a row`,
      );
    }
  });
  const last = messages[messages.length - 1];
  const lastText = last?.content[last.content.length - 1]?.text ?? '';
  if (last?.role === 'assistant' && /\s$/.test(lastText)) {
    throw invalidRequest('messages: final assistant content cannot end with trailing whitespace');
  }
}

function parseSystem(value: unknown): Block[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [{ type: 'text', text: value }];
  if (!Array.isArray(value)) throw invalidRequest('system: Input should be a valid string or list of text blocks');
  return value.map((block: unknown, index) => {
    const parsed = parseBlock(block, `system.${index}`);
    if (parsed.type !== 'text') throw invalidRequest(`system.${index}.type: Input should be 'text'`);
    return parsed;
  });
}

function parseTools(value: unknown): Block[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidRequest('tools: Input should be a valid list');
  return value.map((tool: unknown, index) => {
    if (!isRecord(tool)) throw invalidRequest(`tools.${index}: Input should be a valid dictionary`);
    const cacheControl = parseCacheControl(tool.cache_control, `tools.${index}.cache_control`);
    return { type: 'tool', text: JSON.stringify(withoutCacheControl(tool)), cacheControl };
  });
}

/** Client tools (name and input_schema); server tools (a `type` other than custom) have no schema to fill. */
function toolDefinitions(value: unknown): ToolDefinition[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((tool: unknown) =>
    isRecord(tool) && typeof tool.name === 'string' && isRecord(tool.input_schema) && (tool.type === undefined || tool.type === 'custom')
      ? [{ name: tool.name, inputSchema: tool.input_schema }]
      : [],
  );
}

function parseToolChoice(value: unknown, tools: readonly ToolDefinition[]): MessagesRequest['toolChoice'] {
  if (value === undefined || value === null) return { type: 'auto' };
  if (!isRecord(value) || !['auto', 'any', 'tool', 'none'].includes(String(value.type))) {
    throw invalidRequest("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'");
  }
  const type = value.type as MessagesRequest['toolChoice']['type'];
  if (type !== 'tool') return { type };
  if (typeof value.name !== 'string') throw invalidRequest('tool_choice.tool.name: Field required');
  if (!tools.some((tool) => tool.name === value.name)) throw invalidRequest(`tool_choice: tool '${value.name}' not found in tools`);
  return { type, name: value.name };
}

function parseStopSequences(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw invalidRequest('stop_sequences: Input should be a valid list of strings');
  }
  return value;
}

function parseOutputSchema(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw invalidRequest('output_config: Input should be a valid dictionary');
  const format = value.format;
  if (format === undefined || format === null) return undefined;
  if (!isRecord(format) || format.type !== 'json_schema') {
    throw invalidRequest("output_config.format.type: Input should be 'json_schema'");
  }
  if (!isRecord(format.schema)) throw invalidRequest('output_config.format.schema: Field required');
  return format.schema;
}
