/**
 * Module resolution hooks (node:module register) that load jsforce's browser build under Node, as WXT's bundler does
 * for the extension: jsforce's Node build needs undici 8, which does not load on Node 20, while its browser build uses
 * the global fetch. The browser build is ES modules written for bundlers, so three bundler rules are applied here:
 * - `jsforce` resolves to `jsforce/browser/index.js`;
 * - the package's `browser` field remaps `./browser/request.js` and the registry to their browser versions;
 * - relative imports without an extension resolve to `<path>.js` or `<path>/index.js`;
 * - named imports from a CommonJS package whose exports Node cannot detect (faye) come from a small ES module shim.
 * Nothing outside jsforce's browser folder is touched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve('jsforce/package.json');
const packageRoot = dirname(packageJsonPath);
const browserRoot = join(packageRoot, 'browser');
/** @type {Record<string, string>} */
const browserField = JSON.parse(readFileSync(packageJsonPath, 'utf8')).browser ?? {};

const isFile = (path) => existsSync(path) && statSync(path).isFile();

/** The file a bundler would pick for an extensionless path, after the browser field's remapping. */
function bundlerFile(path) {
  for (const candidate of [path, `${path}.js`, join(path, 'index.js')]) {
    if (!isFile(candidate)) continue;
    const mapped = browserField[`./${relative(packageRoot, candidate)}`];
    return mapped ? join(packageRoot, mapped) : candidate;
  }
  return null;
}

/** CommonJS packages the browser build imports by name, with the names it imports. */
const COMMONJS_NAMED_IMPORTS = { faye: ['Client', 'Subscription'] };

/** An ES module that re-exports the named members of a CommonJS package, as a bundler's interop would. */
function commonJsShim(name, members) {
  const lines = [
    `import { createRequire } from 'node:module';`,
    `const pkg = createRequire(${JSON.stringify(pathToFileURL(packageJsonPath).href)})(${JSON.stringify(name)});`,
    ...members.map((member) => `export const ${member} = pkg.${member};`),
    'export default pkg;',
  ];
  return `data:text/javascript,${encodeURIComponent(lines.join('\n'))}`;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'jsforce') {
    return { url: pathToFileURL(join(browserRoot, 'index.js')).href, format: 'module', shortCircuit: true };
  }
  const parent = context.parentURL?.startsWith('file:') ? fileURLToPath(context.parentURL) : '';
  const shimmed = COMMONJS_NAMED_IMPORTS[specifier];
  if (parent.startsWith(browserRoot) && shimmed) {
    return { url: commonJsShim(specifier, shimmed), format: 'module', shortCircuit: true };
  }
  if (parent.startsWith(browserRoot) && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    const file = bundlerFile(join(dirname(parent), specifier));
    if (file) return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
