/**
 * The versioned prompt files of the top-level prompts/ folder, bundled at build time (no runtime fetch), and rendered
 * into a cacheable system part (the static instructions) and a user part carrying the context as delimited,
 * untrusted data.
 */
import type { SystemBlock } from '../model';
import { PromptMeta, splitFrontMatter, type PromptVariant } from './front-matter';
import askAnswerSource from '../../prompts/ask-answer.md?raw';
import askPlanSource from '../../prompts/ask-plan.md?raw';
import briefSource from '../../prompts/brief.md?raw';
import emailSource from '../../prompts/email.md?raw';
import extractLeadSource from '../../prompts/extract-lead.md?raw';
import extractNoteSource from '../../prompts/extract-note.md?raw';
import insightsSource from '../../prompts/insights.md?raw';
import replySource from '../../prompts/reply.md?raw';
import summarySource from '../../prompts/summary.md?raw';
import summaryBSource from '../../prompts/summary.b.md?raw';

export { PROMPT_VARIANTS, PromptVariant } from './front-matter';
export { assignVariant } from './variants';

const SOURCES = {
  summary: summarySource,
  brief: briefSource,
  insights: insightsSource,
  email: emailSource,
  'extract-note': extractNoteSource,
  'extract-lead': extractLeadSource,
  'ask-plan': askPlanSource,
  'ask-answer': askAnswerSource,
  reply: replySource,
} as const;

export type PromptId = keyof typeof SOURCES;

/** B variants (prompts/<id>.b.md): compared with A in the usage view. */
const B_SOURCES: Partial<Record<PromptId, string>> = {
  summary: summaryBSource,
};

export interface PromptFile extends PromptMeta {
  /** The instructions: the system prompt, identical for every record. */
  body: string;
}

export interface RenderedPrompt {
  id: string;
  version: number;
  variant: PromptVariant;
  /** The static instructions, marked cacheable. */
  system: SystemBlock[];
  /** The context and the rep's choices, each inside its own tags, then the task. */
  userText: string;
  /** The reply budget the prompt's output contract needs. */
  maxTokens: number;
}

export interface PromptInput {
  /** The cited context text (buildContext's `text`). */
  context: string;
  /** Values for the prompt's declared inputs (front matter `required_inputs` / `optional_inputs`). */
  extra?: Record<string, string>;
}

export function parsePromptFile(source: string): PromptFile {
  const { fields, body } = splitFrontMatter(source);
  const meta = PromptMeta.parse(fields);
  if (!body) throw new Error(`Prompt ${meta.id} has no instructions.`);
  return { ...meta, body };
}

const files = new Map<string, PromptFile>();

/** A prompt file: the prompt itself (A), or its B variant when it has one (else A). */
export function promptFile(id: PromptId, variant: PromptVariant = 'A'): PromptFile {
  const source = variant === 'B' ? B_SOURCES[id] : undefined;
  const key = source ? `${id}.b` : id;
  let file = files.get(key);
  if (!file) {
    file = parsePromptFile(source ?? SOURCES[id]);
    if (file.id !== id) throw new Error(`prompts/${key}.md declares id "${file.id}".`);
    if (file.variant !== (source ? 'B' : 'A')) throw new Error(`prompts/${key}.md declares variant ${file.variant}.`);
    files.set(key, file);
  }
  return file;
}

export const PROMPT_IDS = Object.keys(SOURCES) as PromptId[];

/** Whether a prompt has a B variant to assign reps to. */
export const hasVariantB = (id: PromptId): boolean => B_SOURCES[id] !== undefined;

export function hasPrompt(useCase: string): useCase is PromptId {
  return Object.hasOwn(SOURCES, useCase);
}

/**
 * Data cannot close or open the tags that delimit it: a "</context>" (or any tag this prompt uses) inside a value has
 * its "<" escaped, so the model still sees where the untrusted data ends.
 */
export function escapeDelimiters(value: string, tags: readonly string[]): string {
  const pattern = new RegExp(`<(?=\\s*/?\\s*(?:${tags.join('|')})\\b)`, 'gi');
  return value.replace(pattern, '&lt;');
}

export function renderPrompt(useCase: PromptId, input: PromptInput, variant: PromptVariant = 'A'): RenderedPrompt {
  const file = promptFile(useCase, variant);
  const declared = [...file.required_inputs, ...file.optional_inputs];
  const extra = input.extra ?? {};
  const unknown = Object.keys(extra).filter((name) => !declared.includes(name));
  if (unknown.length > 0) throw new Error(`Prompt ${file.id} has no input named ${unknown.join(', ')}.`);
  const missing = file.required_inputs.filter((name) => !extra[name]?.trim());
  if (missing.length > 0) throw new Error(`Prompt ${file.id} needs ${missing.join(', ')}.`);
  const tags = ['context', ...declared];
  const section = (tag: string, value: string) => `<${tag}>\n${escapeDelimiters(value.trim(), tags)}\n</${tag}>`;
  const parts = [section('context', input.context)];
  for (const name of declared) {
    const value = extra[name];
    if (value?.trim()) parts.push(section(name, value));
  }
  parts.push(file.task);
  return {
    id: file.id,
    version: file.version,
    variant: file.variant,
    system: [{ text: file.body, cacheable: true }],
    userText: parts.join('\n\n'),
    maxTokens: file.max_tokens,
  };
}
