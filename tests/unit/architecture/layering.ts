/**
 * The house rules of the source tree, as a checker over an import graph, so that a test can run it on the real tree
 * and on small made-up graphs that break each rule:
 * - the kernel (`lib/` outside `lib/features/`) never imports a feature, the feature registry or a component;
 * - a feature reaches another feature only through that feature's `index.ts`, and never the registry
 *   (`lib/features/*.ts`, which imports every feature);
 * - a feature's components reach another feature's lib only through its panel surface (`messages.ts`, `store.ts`:
 *   its index would bring the background's code into the side panel); shared components (`components/shared/`)
 *   import no feature at all;
 * - no import cycle, type-only imports included;
 * - every entrypoint file under 100 lines, every source file at most 400.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Repository-relative imports (resolved to files of the graph); imports of packages are left out. */
  imports: string[];
  lines: number;
}

/** Path (relative to the repository, with `/`) → the file's resolved imports and its length. */
export type ImportGraph = Map<string, SourceFile>;

export const MAX_ENTRYPOINT_LINES = 100;
export const MAX_SOURCE_LINES = 400;
const SIZED_ROOTS = ['lib/', 'components/', 'entrypoints/', 'scripts/'];

const FEATURE_FILE = /^lib\/features\/([^/]+)\/(.+)$/;
const COMPONENT_FILE = /^components\/([^/]+)\/.+$/;
const PANEL_SURFACE = /^lib\/features\/[^/]+\/(?:messages|store)\.tsx?$/;
const featureOf = (path: string): string | null => FEATURE_FILE.exec(path)?.[1] ?? null;
const isRegistry = (path: string): boolean => /^lib\/features\/[^/]+\.tsx?$/.test(path);
const isKernel = (path: string): boolean => path.startsWith('lib/') && !path.startsWith('lib/features/');
const isFeatureIndex = (path: string): boolean => /^lib\/features\/[^/]+\/index\.tsx?$/.test(path);

function ruleBreaks(from: string, to: string): string | null {
  if (isKernel(from) && (to.startsWith('lib/features/') || to.startsWith('components/'))) return 'the kernel imports a feature';
  const feature = featureOf(from);
  if (feature !== null && isRegistry(to)) return 'a feature imports the feature registry';
  const other = featureOf(to);
  if (feature !== null && other !== null && other !== feature && !isFeatureIndex(to)) return `a feature reaches into ${other} past its index.ts`;
  if (from.startsWith('components/shared/') && ((to.startsWith('components/') && !to.startsWith('components/shared/')) || other !== null)) {
    return 'a shared component imports a feature';
  }
  const component = COMPONENT_FILE.exec(from)?.[1] ?? null;
  if (component !== null && component !== 'shared' && other !== null && other !== component && !PANEL_SURFACE.test(to)) {
    return `a component reaches into ${other} past its messages.ts and store.ts`;
  }
  return null;
}

/** One import cycle per strongly connected group of files (Tarjan), each as the path around it. */
function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node)?.imports ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    const selfImport = graph.get(node)?.imports.includes(node) ?? false;
    if (group.length > 1 || selfImport) found.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** Every broken rule, in words that name the files; empty when the tree keeps them all. */
export function layeringProblems(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [from, file] of graph) {
    for (const to of file.imports) {
      const broken = ruleBreaks(from, to);
      if (broken) problems.push(`${broken}: ${from} → ${to}`);
    }
    if (from.startsWith('entrypoints/') && file.lines >= MAX_ENTRYPOINT_LINES) {
      problems.push(`an entrypoint file has ${file.lines} lines (under ${MAX_ENTRYPOINT_LINES}): ${from}`);
    }
    if (SIZED_ROOTS.some((root) => from.startsWith(root)) && file.lines > MAX_SOURCE_LINES) {
      problems.push(`a source file has ${file.lines} lines (at most ${MAX_SOURCE_LINES}): ${from}`);
    }
  }
  for (const cycle of cycles(graph)) problems.push(`an import cycle: ${cycle.join(' → ')}`);
  return problems.sort();
}

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, folder: string): string[] {
  const absolute = join(root, folder);
  return readdirSync(absolute).flatMap((name) => {
    const path = posix.join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const bare = posix.normalize(posix.join(posix.dirname(from), specifier.split('?')[0] ?? ''));
  const candidates = [bare, `${bare}.ts`, `${bare}.tsx`, `${bare}/index.ts`, `${bare}/index.tsx`];
  return candidates.find((candidate) => SOURCE.test(candidate) && statOf(join(root, candidate))?.isFile()) ?? null;
}

function statOf(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The import graph of the product's source: `lib/`, `components/`, `entrypoints/` and `scripts/`. */
export function readImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const path of SIZED_ROOTS.flatMap((folder) => sourceFiles(root, folder.slice(0, -1)))) {
    const text = readFileSync(join(root, path), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const imports = importedFiles.flatMap(({ fileName }) => resolveImport(root, path, fileName) ?? []);
    graph.set(path, { imports: [...new Set(imports)], lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
  }
  return graph;
}

/** The repository's root, from this file's place in it. */
export const REPOSITORY_ROOT = relative(process.cwd(), join(dirname(new URL(import.meta.url).pathname), '../../..')) || '.';
