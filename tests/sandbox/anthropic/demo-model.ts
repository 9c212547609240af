/**
 * The demo model: what the fake answers when no reply is scripted. It is deterministic and built only from the prompt,
 * so a demo without a key still shows grounded, cited output, and it is labelled so no one mistakes it for Claude.
 *
 * - Text: the label "Demo model (offline): ", one sentence saying so, then the first five context lines of the prompt
 *   (lines shaped `[L12] Field: value` or `[raxt] Field: value`, searched in the system prompt and the user turns) as bullets `- Field: value
 *   [L12]`. With no such lines it says there was nothing to cite. It adds no numbers of its own, so grounding checks
 *   pass on it.
 * - Structured output: a minimal value valid against the JSON schema (see exampleForSchema); a string property whose
 *   name matches a context line's field (case and punctuation ignored) takes that line's value.
 * - max_tokens (estimated as in tokens.ts) and stop_sequences cut the text as the real API would.
 */
import { isRecord, type MessagesRequest } from './request';
import { estimateTokens } from './tokens';
import type { StopReason } from './types';

export const DEMO_LABEL = 'Demo model (offline): ';
const CITED_LINES = 5;

export interface ContextLine {
  ref: string;
  field?: string;
  value: string;
}

export interface DemoReply {
  text: string;
  stopReason: StopReason;
  stopSequence: string | null;
}

const CONTEXT_LINE = /^[ \t]*\[([A-Za-z][A-Za-z0-9]{1,7})\][ \t]*(?:([^:\n]{1,60}):[ \t]*)?(\S[^\n]*)$/gm;

export function contextLines(prompt: string): ContextLine[] {
  return [...prompt.matchAll(CONTEXT_LINE)].map((match) => ({
    ref: match[1] ?? '',
    field: match[2]?.trim(),
    value: (match[3] ?? '').trim(),
  }));
}

/** The prompt as the model reads it: system blocks, then the user's text blocks. */
export function promptText(request: MessagesRequest): string {
  const system = request.system.map((block) => block.text);
  const user = request.messages.filter((message) => message.role === 'user').flatMap((message) => message.content);
  return [...system, ...user.filter((block) => block.type === 'text').map((block) => block.text)].join('\n');
}

export function demoText(request: MessagesRequest): string {
  const lines = contextLines(promptText(request)).slice(0, CITED_LINES);
  if (lines.length === 0) {
    return `${DEMO_LABEL}the prompt had no cited context lines, so there is nothing grounded to say. This placeholder was not written by Claude.`;
  }
  const bullets = lines.map((line) => `- ${line.field ? `${line.field}: ` : ''}${line.value} [${line.ref}]`);
  return [`${DEMO_LABEL}this answer was assembled from the context lines below, not written by Claude.`, ...bullets].join('\n');
}

export function demoJson(request: MessagesRequest, schema: Record<string, unknown>): string {
  const byField = new Map<string, string>();
  for (const line of contextLines(promptText(request))) {
    const key = line.field ? normalizeName(line.field) : '';
    if (key && !byField.has(key)) byField.set(key, line.value);
  }
  return JSON.stringify(exampleForSchema(schema, schema, byField));
}

/** Applies stop_sequences and max_tokens to a text the model would have produced. */
export function limitReply(text: string, request: MessagesRequest): DemoReply {
  let cut = text;
  let stopReason: StopReason = 'end_turn';
  let stopSequence: string | null = null;
  for (const sequence of request.stopSequences) {
    const at = sequence === '' ? -1 : cut.indexOf(sequence);
    if (at >= 0) {
      cut = cut.slice(0, at);
      stopReason = 'stop_sequence';
      stopSequence = sequence;
    }
  }
  const maxTokens = request.maxTokens ?? Infinity;
  if (estimateTokens(cut) > maxTokens) {
    return { text: cut.slice(0, maxTokens * 4), stopReason: 'max_tokens', stopSequence: null };
  }
  return { text: cut, stopReason, stopSequence };
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A minimal value valid against `schema`: const, the first enum value, the first non-null branch of anyOf/oneOf,
 * merged allOf objects, required properties only, max(minItems, 1) items (0 when maxItems is 0), the smallest number
 * allowed, strings of the right format and length. Local `$ref`s (`#/$defs/…`, `#/definitions/…`) are followed.
 */
export function exampleForSchema(schema: unknown, root: Record<string, unknown>, byField: Map<string, string>, name = ''): unknown {
  if (schema === true || !isRecord(schema)) return null;
  if (typeof schema.$ref === 'string') return exampleForSchema(resolveRef(schema.$ref, root), root, byField, name);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0] ?? null;
  const branches = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (branches) {
    const preferred = branches.find((branch) => !(isRecord(branch) && branch.type === 'null')) ?? branches[0];
    return exampleForSchema(preferred, root, byField, name);
  }
  if (Array.isArray(schema.allOf)) return mergeAll(schema.allOf.map((part) => exampleForSchema(part, root, byField, name)));
  const type = Array.isArray(schema.type) ? (schema.type.find((item) => item !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object':
      return exampleObject(schema, root, byField);
    case 'array':
      return exampleArray(schema, root, byField, name);
    case 'string':
      return exampleString(schema, byField.get(normalizeName(name)));
    case 'integer':
    case 'number':
      return exampleNumber(schema, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return isRecord(schema.properties) ? exampleObject(schema, root, byField) : null;
  }
}

function resolveRef(ref: string, root: Record<string, unknown>): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = isRecord(node) ? node[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}

function mergeAll(values: unknown[]): unknown {
  if (values.every(isRecord)) return Object.assign({}, ...values) as Record<string, unknown>;
  return values[0] ?? null;
}

function exampleObject(schema: Record<string, unknown>, root: Record<string, unknown>, byField: Map<string, string>): unknown {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
  return Object.fromEntries(required.map((key) => [key, exampleForSchema(properties[key] ?? {}, root, byField, key)]));
}

function exampleArray(schema: Record<string, unknown>, root: Record<string, unknown>, byField: Map<string, string>, name: string): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const count = Math.max(minItems, prefix.length, Math.min(1, maxItems));
  return Array.from({ length: count }, (_, index) => exampleForSchema(prefix[index] ?? schema.items ?? {}, root, byField, name));
}

const FORMAT_EXAMPLES: Record<string, string> = {
  date: '2026-01-01',
  'date-time': '2026-01-01T00:00:00Z',
  time: '00:00:00Z',
  email: 'demo@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function exampleString(schema: Record<string, unknown>, fromContext: string | undefined): string {
  const format = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
  if (format) return format;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const base = fromContext !== undefined && schema.pattern === undefined ? fromContext : 'Demo model (offline)';
  return base.padEnd(minLength, '.').slice(0, maxLength);
}

function exampleNumber(schema: Record<string, unknown>, integer: boolean): number {
  const num = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const step = num('multipleOf') ?? (integer ? 1 : undefined);
  let value = num('minimum') ?? 0;
  const exclusiveMinimum = num('exclusiveMinimum');
  if (exclusiveMinimum !== undefined) value = Math.max(value, exclusiveMinimum + (step ?? 1));
  if (step !== undefined) value = Math.ceil(value / step) * step;
  const maximum = num('maximum');
  if (maximum !== undefined && value > maximum && num('minimum') === undefined) value = maximum;
  return value;
}
