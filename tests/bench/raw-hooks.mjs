/**
 * Node module hooks for the bench and the prompt evaluation: `import text from 'file.md?raw'` (Vite's raw import, which
 * lib/prompts uses to bundle the prompt files) gives the file's text, as Vite does at build time. When
 * GROUNDWORK_PROMPTS names a folder, the product's prompt files (prompts/*.md) are read from there instead, so the same
 * product code renders the prompt version under test (tests/eval: a B variant, another commit's prompts, a broken copy).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

const RAW = '?raw';
const REPO_PROMPTS = fileURLToPath(new URL('../../prompts', import.meta.url));

export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith(RAW)) return nextResolve(specifier, context);
  const resolved = await nextResolve(specifier.slice(0, -RAW.length), context);
  return { url: `${resolved.url}${RAW}`, format: 'module', shortCircuit: true };
}

/** The file a raw import reads: a product prompt from the folder under test, anything else as it is. */
function sourceOf(path) {
  const folder = process.env.GROUNDWORK_PROMPTS;
  return folder && dirname(path) === REPO_PROMPTS ? join(resolvePath(folder), basename(path)) : path;
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith(RAW)) return nextLoad(url, context);
  const text = await readFile(sourceOf(fileURLToPath(url.slice(0, -RAW.length))), 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
}
