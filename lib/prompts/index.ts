/**
 * The versioned prompt files of the top-level prompts/ folder, bundled at build time (no runtime fetch), and rendered
 * for prompt caching, each part a longer prefix that the next request can read from the cache:
 * - system: the preamble every prompt shares (prompts/preamble.md), then the prompt's own instructions with its output
 *   contract (front matter `output`), both static;
 * - user: the context as delimited, untrusted data (the same for every generation on one record), then the rep's
 *   choices and the task, which change from one request to the next and are never cached.
 */
import { textOf, type PromptBlock } from '../model/types';
import { PreambleMeta, PromptMeta, splitFrontMatter, type PromptVariant } from './front-matter';
import askAnswerSource from '../../prompts/ask-answer.md?raw';
import askPlanSource from '../../prompts/ask-plan.md?raw';
import briefSource from '../../prompts/brief.md?raw';
import emailSource from '../../prompts/email.md?raw';
import extractLeadSource from '../../prompts/extract-lead.md?raw';
import extractCallSource from '../../prompts/extract-call.md?raw';
import extractNoteSource from '../../prompts/extract-note.md?raw';
import insightsSource from '../../prompts/insights.md?raw';
import preambleSource from '../../prompts/preamble.md?raw';
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
  'extract-call': extractCallSource,
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
  /** The shared preamble, then the prompt's instructions and output contract: static, each a cache breakpoint. */
  system: PromptBlock[];
  /** The context in its tags (a cache breakpoint), then the rep's choices, each inside its own tags, and the task. */
  user: PromptBlock[];
  /** The user turn as one text: what the audit keeps as sent. */
  userText: string;
  /** The reply budget the prompt's output contract needs. */
  maxTokens: number;
}

export interface PromptInput {
  /** The cited context text (buildContext's `text`). */
  context: string;
  /** Values for the prompt's declared inputs (front matter `required_inputs` / `optional_inputs`). */
  extra?: Record<string, string>;
  /**
   * The language to write in and why (lib/settings/languages.ts languageInstruction), sent as <output_language> with
   * the rep's choices: after the cached context, so that a change of language costs no cache.
   */
  language?: string;
}

export function parsePromptFile(source: string): PromptFile {
  const { fields, body } = splitFrontMatter(source);
  const meta = PromptMeta.parse(fields);
  if (!body) throw new Error(`Prompt ${meta.id} has no instructions.`);
  return { ...meta, body };
}

const files = new Map<string, PromptFile>();

let preamble: (PreambleMeta & { body: string }) | undefined;

/** The rules and reading guide every prompt shares (prompts/preamble.md), sent before each prompt's own. */
export function promptPreamble(): PreambleMeta & { body: string } {
  if (!preamble) {
    const { fields, body } = splitFrontMatter(preambleSource);
    preamble = { ...PreambleMeta.parse(fields), body };
  }
  return preamble;
}

/** What the model is told of a prompt: its instructions, then its output contract, which code checks the answer against. */
export const instructionsOf = (file: PromptFile): string => `${file.body}\n\n# Output\n${file.output}`;

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
  const tags = ['context', 'output_language', ...declared];
  const section = (tag: string, value: string) => `<${tag}>\n${escapeDelimiters(value.trim(), tags)}\n</${tag}>`;
  const choices: string[] = [];
  for (const name of declared) {
    const value = extra[name];
    if (value?.trim()) choices.push(section(name, value));
  }
  if (input.language?.trim()) choices.push(section('output_language', input.language));
  const user: PromptBlock[] = [
    { text: section('context', input.context), cacheable: true },
    { text: [...choices, file.task].join('\n\n'), cacheable: false },
  ];
  return {
    id: file.id,
    version: file.version,
    variant: file.variant,
    system: [
      { text: promptPreamble().body, cacheable: true },
      { text: instructionsOf(file), cacheable: true },
    ],
    user,
    userText: textOf(user),
    maxTokens: file.max_tokens,
  };
}
