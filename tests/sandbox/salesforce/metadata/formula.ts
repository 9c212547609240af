/**
 * Validation rule formulas, as far as the deployed rules use them: AND, OR, NOT, ISNEW(), ISCHANGED(field),
 * ISBLANK(field), TRUE and FALSE. Compiling refuses anything else (and unknown fields), as a deploy would refuse a
 * formula that does not compile, so a rule the sandbox cannot evaluate never passes silently.
 */
import type { FieldValue, StoredRecord } from '../model';

export interface RecordChange {
  before: StoredRecord | null;
  after: StoredRecord;
}

type Predicate = (change: RecordChange) => boolean;

type Token = { kind: 'name'; text: string } | { kind: '(' | ')' | ',' };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|([(),]))/y;
  let position = 0;
  while (position < formula.trimEnd().length) {
    pattern.lastIndex = position;
    const match = pattern.exec(formula);
    if (!match) throw new Error(`Syntax error in formula at character ${position + 1}: ${formula.slice(position, position + 20)}`);
    const [whole, name, punctuation] = match;
    if (name !== undefined) tokens.push({ kind: 'name', text: name });
    else tokens.push({ kind: punctuation as '(' | ')' | ',' });
    position += whole.length;
  }
  return tokens;
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => (a ?? null) === (b ?? null);

class FormulaCompiler {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fieldName: (name: string) => string,
  ) {}

  compile(): Predicate {
    const predicate = this.expression();
    if (this.index < this.tokens.length) throw new Error('Syntax error: extra text after the formula');
    return predicate;
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new Error('Syntax error: the formula ends too early');
    this.index += 1;
    return token;
  }

  private expect(kind: '(' | ')' | ','): void {
    if (this.next().kind !== kind) throw new Error(`Syntax error: expected ${kind}`);
  }

  private arguments(): Predicate[] {
    this.expect('(');
    const args: Predicate[] = [];
    if (this.tokens[this.index]?.kind === ')') {
      this.index += 1;
      return args;
    }
    for (;;) {
      args.push(this.expression());
      const token = this.next();
      if (token.kind === ')') return args;
      if (token.kind !== ',') throw new Error('Syntax error: expected , or )');
    }
  }

  private fieldArgument(): string {
    this.expect('(');
    const token = this.next();
    if (token.kind !== 'name') throw new Error('Syntax error: expected a field');
    this.expect(')');
    return this.fieldName(token.text);
  }

  private expression(): Predicate {
    const token = this.next();
    if (token.kind !== 'name') throw new Error('Syntax error: expected a function');
    switch (token.text.toUpperCase()) {
      case 'TRUE':
        return () => true;
      case 'FALSE':
        return () => false;
      case 'AND': {
        const args = this.arguments();
        return (change) => args.every((arg) => arg(change));
      }
      case 'OR': {
        const args = this.arguments();
        return (change) => args.some((arg) => arg(change));
      }
      case 'NOT': {
        const [arg, ...extra] = this.arguments();
        if (!arg || extra.length > 0) throw new Error('Incorrect number of parameters for function NOT(). Expected 1');
        return (change) => !arg(change);
      }
      case 'ISNEW':
        if (this.arguments().length > 0) throw new Error('Incorrect number of parameters for function ISNEW(). Expected 0');
        return (change) => change.before === null;
      case 'ISCHANGED': {
        const name = this.fieldArgument();
        return ({ before, after }) => before !== null && !same(before[name], after[name]);
      }
      case 'ISBLANK': {
        const name = this.fieldArgument();
        return ({ after }) => after[name] === null || after[name] === undefined || after[name] === '';
      }
      default:
        throw new Error(`Unknown function ${token.text}. The sandbox evaluates AND, OR, NOT, ISNEW, ISCHANGED and ISBLANK.`);
    }
  }
}

/** Compiles an error condition formula; `fieldName` resolves a field reference (case-insensitive) or throws. */
export function compileCondition(formula: string, fieldName: (name: string) => string): Predicate {
  return new FormulaCompiler(tokenize(formula), fieldName).compile();
}
