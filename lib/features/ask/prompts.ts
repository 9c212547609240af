/**
 * Ask's two prompt files, rendered like every other prompt: static instructions in one cacheable system block, then
 * the context and each input inside its own tags (data that cannot close its delimiter), then the task. Once the
 * files are registered in lib/prompts (SOURCES), renderPrompt is used; until then they are read here, the same way.
 */
import type { SystemBlock } from '../../model';
import { escapeDelimiters, hasPrompt, parsePromptFile, renderPrompt, type PromptFile } from '../../prompts';
import askAnswerSource from '../../../prompts/ask-answer.md?raw';
import askPlanSource from '../../../prompts/ask-plan.md?raw';

export type AskPromptId = 'ask-plan' | 'ask-answer';

const SOURCES: Record<AskPromptId, string> = { 'ask-plan': askPlanSource, 'ask-answer': askAnswerSource };

export interface AskPrompt {
  id: string;
  version: number;
  system: SystemBlock[];
  userText: string;
  maxTokens: number;
}

const files = new Map<AskPromptId, PromptFile>();

function fileOf(id: AskPromptId): PromptFile {
  const known = files.get(id);
  if (known) return known;
  const file = parsePromptFile(SOURCES[id]);
  if (file.id !== id) throw new Error(`prompts/${id}.md declares id "${file.id}".`);
  files.set(id, file);
  return file;
}

function renderLocally(id: AskPromptId, context: string, extra: Record<string, string>): AskPrompt {
  const file = fileOf(id);
  const declared = [...file.required_inputs, ...file.optional_inputs];
  const missing = file.required_inputs.filter((name) => !extra[name]?.trim());
  if (missing.length > 0) throw new Error(`Prompt ${file.id} needs ${missing.join(', ')}.`);
  const tags = ['context', ...declared];
  const section = (tag: string, value: string): string => `<${tag}>\n${escapeDelimiters(value.trim(), tags)}\n</${tag}>`;
  const parts = [section('context', context)];
  for (const name of declared) {
    const value = extra[name];
    if (value?.trim()) parts.push(section(name, value));
  }
  parts.push(file.task);
  return { id: file.id, version: file.version, system: [{ text: file.body, cacheable: true }], userText: parts.join('\n\n'), maxTokens: file.max_tokens };
}

export function renderAskPrompt(id: AskPromptId, context: string, extra: Record<string, string>): AskPrompt {
  return hasPrompt(id) ? renderPrompt(id, { context, extra }) : renderLocally(id, context, extra);
}
