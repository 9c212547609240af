/**
 * Node module hooks for the evaluation's worker: the product imports its prompt files as `…/prompts/<id>.md?raw` (a
 * Vite feature); here such an import becomes a module whose default export is the file's text. When the worker is
 * given a prompts folder (GROUNDWORK_EVAL_PROMPTS), the product's own prompt files are read from there instead, so
 * the same product code renders the prompt version under test: a B variant, another commit's prompts, a broken copy.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;
type NextLoad = (url: string, context: unknown) => Promise<unknown>;

const RAW = '?raw';
const REPO_PROMPTS = resolvePath(dirname(fileURLToPath(import.meta.url)), '../../prompts');

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<unknown> {
  if (!specifier.endsWith(RAW)) return next(specifier, context);
  const url = new URL(specifier.slice(0, -RAW.length), context.parentURL);
  return { url: `${url.href}${RAW}`, shortCircuit: true, format: 'module' };
}

/** The file a raw import reads: a product prompt from the folder under test, anything else as it is. */
function sourceOf(path: string): string {
  const override = process.env.GROUNDWORK_EVAL_PROMPTS;
  return override && dirname(path) === REPO_PROMPTS ? join(resolvePath(override), basename(path)) : path;
}

export async function load(url: string, context: unknown, next: NextLoad): Promise<unknown> {
  if (!url.endsWith(RAW)) return next(url, context);
  const text = await readFile(sourceOf(fileURLToPath(url.slice(0, -RAW.length))), 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
