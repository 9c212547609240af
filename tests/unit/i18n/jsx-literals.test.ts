import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The React apps: the side panel, the options page and their components. */
const UI_FOLDERS = ['components', 'entrypoints'];
/** Props whose text the rep reads or a screen reader speaks (a stacked table shows its cells' data-label). */
const WORDED_PROPS = /^(title|label|data-label|placeholder|alt|aria-label|aria-description|aria-valuetext|aria-roledescription|heading|description|message|text|hint|emptyText)$/;
/** A word: two letters in a row (so "·", "—", "(", "%" and "x" stay allowed). */
const WORD = /\p{L}{2}/u;

function tsxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The string literals an expression yields as text: itself, either branch of `?:`, the right of `&&`/`||`/`??`. */
function yieldedStrings(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return yieldedStrings(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return [node];
  if (ts.isConditionalExpression(node)) return [...yieldedStrings(node.whenTrue), ...yieldedStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...yieldedStrings(node.left).filter(() => node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken), ...yieldedStrings(node.right)];
  }
  return [];
}

/** The literal text of a string or template (its fixed parts), for the word check. */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return '';
}

/** Words written straight into JSX: text between tags, `{'…'}` children, and literal worded props. */
export function bareWords(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string): void => {
    if (WORD.test(text.replace(/&\w+;/g, ' '))) found.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of yieldedStrings(node.expression)) report(literal, literalText(literal));
    }
    if (ts.isJsxAttribute(node) && WORDED_PROPS.test(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const literal of value ? yieldedStrings(value) : []) report(literal, literalText(literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the panel and options page speak through the message catalogues', () => {
  it('finds bare words in JSX text, in {"…"} children and in worded props (the check itself)', () => {
    const sample = join(import.meta.dirname, 'jsx-literals.sample.tsx');
    expect(bareWords(sample).map((line) => line.replace(/^.*?: /, ''))).toEqual([
      'Save the note',
      'Saving…',
      'Saved',
      'Close the review',
      'Type a question',
      'Note for {name}',
      'Row',
    ]);
  });

  it('renders no English words written into a component: every word comes from t() or plural()', () => {
    const files = UI_FOLDERS.flatMap((folder) => tsxFiles(join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap(bareWords)).toEqual([]);
  });
});
