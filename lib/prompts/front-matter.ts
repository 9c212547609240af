import { z } from 'zod/mini';

/**
 * The front matter of a prompt file: `key: value` lines between `---` fences, where `key: |` starts a block of the
 * indented lines that follow (YAML's literal block, which is all the prompt files need).
 */
export function splitFrontMatter(source: string): { fields: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error('A prompt file must start with front matter between --- lines.');
  const fields: Record<string, string> = {};
  const lines = (match[1] ?? '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const field = /^([a-z_]+):[ \t]*(.*)$/.exec(line);
    if (!field) throw new Error(`Front matter line ${index + 1} is not "key: value": ${line}`);
    const [, key = '', value = ''] = field;
    if (value.trim() !== '|') {
      fields[key] = value.trim();
      continue;
    }
    const block: string[] = [];
    while (index + 1 < lines.length && /^(\s+\S|\s*$)/.test(lines[index + 1] ?? '')) {
      index++;
      block.push((lines[index] ?? '').replace(/^ {2}/, ''));
    }
    fields[key] = block.join('\n').trim();
  }
  return { fields, body: (match[2] ?? '').trim() };
}

const inputList = z.pipe(
  z.pipe(
    z._default(z.string(), ''),
    z.transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean)),
  ),
  z.array(z.string().check(z.regex(/^[a-z][a-z_]*$/, 'input names are lower_snake_case'))),
);

export const PROMPT_VARIANTS = ['A', 'B'] as const;
export const PromptVariant = z.enum(PROMPT_VARIANTS);
export type PromptVariant = z.infer<typeof PromptVariant>;

export const PromptMeta = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
  /** A prompt may have a B variant (prompts/<id>.b.md) that reps are assigned to stably; A is the prompt itself. */
  variant: z._default(PromptVariant, 'A'),
  version: z.coerce.number().check(z.int(), z.positive()),
  purpose: z.string().check(z.minLength(1)),
  output: z.string().check(z.minLength(1)),
  task: z.string().check(z.minLength(1)),
  max_tokens: z.coerce.number().check(z.int(), z.positive()),
  required_inputs: inputList,
  optional_inputs: inputList,
});
export type PromptMeta = z.infer<typeof PromptMeta>;

/** The preamble every prompt shares: versioned like a prompt, with no task or output of its own. */
export const PreambleMeta = z.object({
  id: z.literal('preamble'),
  version: z.coerce.number().check(z.int(), z.positive()),
  purpose: z.string().check(z.minLength(1)),
});
export type PreambleMeta = z.infer<typeof PreambleMeta>;
