import { describe, expect, it } from 'vitest';
import { layeringProblems, readImportGraph, REPOSITORY_ROOT, type ImportGraph } from './layering';

/** A made-up tree: each file with its imports; every file 10 lines unless given. */
function graphOf(files: Record<string, string[]>, lines: Record<string, number> = {}): ImportGraph {
  return new Map(Object.entries(files).map(([path, imports]) => [path, { imports, lines: lines[path] ?? 10 }]));
}

/** A small tree that keeps every rule: the base each case below breaks in one place. */
const GOOD = {
  'lib/salesforce/client.ts': ['lib/salesforce/transport.ts'],
  'lib/salesforce/transport.ts': [],
  'lib/features/index.ts': ['lib/features/ask/index.ts', 'lib/features/log-note/index.ts'],
  'lib/features/ask/index.ts': ['lib/features/ask/handler.ts'],
  'lib/features/ask/handler.ts': ['lib/salesforce/client.ts', 'lib/features/log-note/index.ts'],
  'lib/features/log-note/index.ts': ['lib/features/log-note/service.ts'],
  'lib/features/log-note/service.ts': ['lib/salesforce/client.ts'],
  'components/shared/Card.tsx': [],
  'lib/features/ask/store.ts': [],
  'lib/features/log-note/messages.ts': [],
  'components/ask/AskSection.tsx': ['components/shared/Card.tsx', 'lib/features/ask/store.ts', 'lib/features/log-note/messages.ts'],
  'entrypoints/background.ts': ['lib/features/index.ts'],
};

describe('the layering check', () => {
  it('finds nothing wrong in the repository as it is', () => {
    expect(layeringProblems(readImportGraph(REPOSITORY_ROOT))).toEqual([]);
  });

  it('reads the real tree: the kernel, features, components and entrypoints with their imports', () => {
    const graph = readImportGraph(REPOSITORY_ROOT);
    expect(graph.get('lib/context/redact.ts')).toBeDefined();
    expect(graph.get('entrypoints/background.ts')?.imports.some((path) => path.startsWith('lib/'))).toBe(true);
    expect([...graph.keys()].some((path) => path.startsWith('lib/features/log-note/'))).toBe(true);
  });

  it('passes a tree that keeps the rules', () => {
    expect(layeringProblems(graphOf(GOOD))).toEqual([]);
  });

  it('fails when a kernel file imports a feature', () => {
    const graph = graphOf({ ...GOOD, 'lib/salesforce/transport.ts': ['lib/features/ask/index.ts'] });
    expect(layeringProblems(graph)).toContain('the kernel imports a feature: lib/salesforce/transport.ts → lib/features/ask/index.ts');
  });

  it('fails when a kernel file imports a component', () => {
    const graph = graphOf({ ...GOOD, 'lib/salesforce/transport.ts': ['components/shared/Card.tsx'] });
    expect(layeringProblems(graph)).toContain('the kernel imports a feature: lib/salesforce/transport.ts → components/shared/Card.tsx');
  });

  it("fails when a feature reaches into another feature's files instead of its index", () => {
    const graph = graphOf({ ...GOOD, 'lib/features/ask/handler.ts': ['lib/features/log-note/service.ts'] });
    expect(layeringProblems(graph)).toEqual(['a feature reaches into log-note past its index.ts: lib/features/ask/handler.ts → lib/features/log-note/service.ts']);
  });

  it('fails when a feature imports the registry of all features', () => {
    const graph = graphOf({ ...GOOD, 'lib/features/log-note/service.ts': ['lib/features/index.ts'] });
    expect(layeringProblems(graph)).toContain('a feature imports the feature registry: lib/features/log-note/service.ts → lib/features/index.ts');
  });

  it("fails when a shared component imports a feature's component or lib", () => {
    const graph = graphOf({ ...GOOD, 'components/shared/Card.tsx': ['components/ask/AskSection.tsx', 'lib/features/ask/store.ts'] });
    expect(layeringProblems(graph)).toEqual([
      'a shared component imports a feature: components/shared/Card.tsx → components/ask/AskSection.tsx',
      'a shared component imports a feature: components/shared/Card.tsx → lib/features/ask/store.ts',
      'an import cycle: components/ask/AskSection.tsx → components/shared/Card.tsx',
    ]);
  });

  it("fails when a feature's component reaches into another feature's lib past its messages and store", () => {
    const graph = graphOf({ ...GOOD, 'components/ask/AskSection.tsx': ['components/shared/Card.tsx', 'lib/features/log-note/service.ts'] });
    expect(layeringProblems(graph)).toEqual(['a component reaches into log-note past its messages.ts and store.ts: components/ask/AskSection.tsx → lib/features/log-note/service.ts']);
  });

  it('fails on an import cycle, type-only imports included, naming its files', () => {
    const graph = graphOf({ ...GOOD, 'lib/salesforce/transport.ts': ['lib/salesforce/client.ts'] });
    expect(layeringProblems(graph)).toEqual(['an import cycle: lib/salesforce/client.ts → lib/salesforce/transport.ts']);
  });

  it('fails on a cycle through a feature index', () => {
    const graph = graphOf({ ...GOOD, 'lib/features/log-note/service.ts': ['lib/features/ask/index.ts'] });
    expect(layeringProblems(graph)).toEqual([
      'an import cycle: lib/features/ask/handler.ts → lib/features/ask/index.ts → lib/features/log-note/index.ts → lib/features/log-note/service.ts',
    ]);
  });

  it('fails on an entrypoint of 100 lines or more, and a source file over 400', () => {
    const graph = graphOf(GOOD, { 'entrypoints/background.ts': 100, 'lib/salesforce/client.ts': 401, 'lib/salesforce/transport.ts': 400 });
    expect(layeringProblems(graph)).toEqual([
      'a source file has 401 lines (at most 400): lib/salesforce/client.ts',
      'an entrypoint file has 100 lines (under 100): entrypoints/background.ts',
    ]);
  });
});
