/**
 * Every package the extension runs is a dependency, not a devDependency: dependency audits (npm audit --omit=dev, a
 * store review's licence check) skip devDependencies, so a bundled one would escape them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** What the production build bundles: the extension's own source folders. */
const SHIPPED = ['lib', 'components', 'entrypoints'];
/** WXT builds the extension; of it only `wxt/browser` (the `chrome` global, re-exported) reaches the bundle. */
const BUILD_TOOL = /^wxt(\/|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The package a module specifier names (`@scope/name/deep/path` → `@scope/name`), or null for a relative path. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

/** Packages imported for their code (type-only imports vanish from the bundle). */
function runtimeImports(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*import\s+(?!type\s)[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gms),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gms),
  ].map((match) => match[1] ?? '');
  return specifiers.flatMap((specifier) => packageOf(specifier) ?? []);
}

describe('package.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const bundled = new Set(SHIPPED.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((file) => runtimeImports(readFileSync(file, 'utf8'))));

  it('lists every package the extension bundles under dependencies', () => {
    expect(bundled.size).toBeGreaterThan(5);
    const misplaced = [...bundled].filter((name) => !BUILD_TOOL.test(name) && !(name in manifest.dependencies)).sort();
    expect(misplaced).toEqual([]);
  });

  it('reads imports written over several lines, and leaves type-only imports out', () => {
    expect(runtimeImports("import {\n  composeQuery,\n  type Query,\n} from '@jetstreamapp/soql-parser-js/dist';\nimport type { X } from 'zod';")).toEqual(['@jetstreamapp/soql-parser-js']);
  });
});
