/**
 * WHERE and HAVING. The parser hands conditions over as a chain with parenthesis counts; we rebuild the boolean tree
 * (refusing AND and OR mixed without parentheses, as Salesforce does) and compile it into a predicate.
 */
import type {
  ConditionWithValueQuery,
  FunctionExp,
  HavingClause,
  LiteralType,
  NegationCondition,
  Operator,
  Query,
  ValueQueryCondition,
  WhereClause,
} from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldValue } from '../model';
import { SalesforceError } from '../model';
import { malformed } from './errors';
import {
  type Comparable,
  type Literal,
  comparable,
  compare,
  kindOf,
  likeMatcher,
  multiValues,
  parseLiteral,
} from './values';

/** Something a condition compares: a field path on a record, or an aggregate or date function on a group. */
export interface Operand<T> {
  /** As written, for messages. */
  name: string;
  field: FieldDef;
  read(item: T): FieldValue;
}

export type Predicate<T> = (item: T) => boolean;

/** What a condition's left side names: a field path, or a function (`COUNT(Id)`, `CALENDAR_YEAR(CloseDate)`). */
export type OperandTarget = { field: string } | { fn: FunctionExp };

export interface ConditionContext<T> {
  operand(target: OperandTarget): Operand<T>;
  /** The ids a semi-join subquery selects (`Id IN (SELECT AccountId FROM Contact)`), lower-cased 18-character form. */
  semiJoin(query: Query, operand: Operand<T>): Set<string>;
  now: Date;
}

type Leaf = Exclude<ConditionWithValueQuery, NegationCondition>;
type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'leaf'; leaf: Leaf };
type Tree = { kind: 'leaf'; leaf: Leaf } | { kind: 'not'; operand: Tree } | { kind: 'and' | 'or'; operands: Tree[] };

function isLeaf(value: unknown): value is Leaf {
  return typeof value === 'object' && value !== null && ('field' in value || 'fn' in value);
}

function repeat(count: number | undefined, token: Token): Token[] {
  return Array.from({ length: count ?? 0 }, () => token);
}

function tokenize(clause: WhereClause | HavingClause): Token[] {
  const tokens: Token[] = [];
  let node: WhereClause | HavingClause | undefined = clause;
  while (node) {
    const left: unknown = node.left;
    if (isLeaf(left)) {
      tokens.push(...repeat(left.openParen, { kind: 'open' }), { kind: 'leaf', leaf: left });
      tokens.push(...repeat(left.closeParen, { kind: 'close' }));
    } else if (typeof left === 'object' && left !== null && 'openParen' in left) {
      // A NOT right after parentheses comes as a bare parenthesis count.
      tokens.push(...repeat((left as { openParen: number }).openParen, { kind: 'open' }));
    }
    if ('operator' in node && node.operator) tokens.push({ kind: 'op', op: node.operator });
    node = 'right' in node ? node.right : undefined;
  }
  return tokens;
}

/** Recursive descent over the tokens: an expression is NOT-terms joined by one kind of operator. */
class TreeBuilder {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  build(): Tree {
    const tree = this.expression();
    if (this.position < this.tokens.length) throw malformed('unexpected token: )');
    return tree;
  }

  private expression(): Tree {
    const operands = [this.term()];
    let joiner: 'AND' | 'OR' | null = null;
    for (let token = this.peek(); token?.kind === 'op' && token.op !== 'NOT'; token = this.peek()) {
      if (joiner && token.op !== joiner) throw malformed(`unexpected token: ${token.op}`);
      joiner = token.op;
      this.position++;
      operands.push(this.term());
    }
    if (!joiner) return operands[0] as Tree;
    return { kind: joiner === 'AND' ? 'and' : 'or', operands };
  }

  private term(): Tree {
    const token = this.tokens[this.position++];
    if (token?.kind === 'op' && token.op === 'NOT') return { kind: 'not', operand: this.term() };
    if (token?.kind === 'leaf') return { kind: 'leaf', leaf: token.leaf };
    if (token?.kind === 'open') {
      const inner = this.expression();
      if (this.tokens[this.position++]?.kind !== 'close') throw malformed('unexpected token: <EOF>');
      return inner;
    }
    throw malformed(`unexpected token: ${token?.kind === 'op' ? token.op : '<EOF>'}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }
}

export function compileConditions<T>(
  clause: WhereClause | HavingClause | undefined,
  context: ConditionContext<T>,
): Predicate<T> {
  if (!clause) return () => true;
  return compileTree(new TreeBuilder(tokenize(clause)).build(), context);
}

function compileTree<T>(tree: Tree, context: ConditionContext<T>): Predicate<T> {
  switch (tree.kind) {
    case 'leaf':
      return compileLeaf(tree.leaf, context);
    case 'not': {
      const inner = compileTree(tree.operand, context);
      return (item) => !inner(item);
    }
    case 'and': {
      const parts = tree.operands.map((t) => compileTree(t, context));
      return (item) => parts.every((p) => p(item));
    }
    case 'or': {
      const parts = tree.operands.map((t) => compileTree(t, context));
      return (item) => parts.some((p) => p(item));
    }
  }
}

function isValueQuery(leaf: Leaf): leaf is ValueQueryCondition {
  return 'valueQuery' in leaf;
}

function targetOf(leaf: Leaf): OperandTarget {
  if ('fn' in leaf) return { fn: leaf.fn };
  if ('field' in leaf) return { field: leaf.field };
  throw malformed('unexpected token: (');
}

/** The parser passes `<>` through as written; it means `!=`. */
function operatorOf(leaf: Leaf): Operator {
  return (leaf.operator as string) === '<>' ? '!=' : leaf.operator;
}

function compileLeaf<T>(leaf: Leaf, context: ConditionContext<T>): Predicate<T> {
  if (isValueQuery(leaf)) return compileSemiJoin(leaf, context);
  const operand = context.operand(targetOf(leaf));
  const operator = operatorOf(leaf);
  const kind = kindOf(operand.field);
  checkOperator(operator, operand);
  const read = (item: T) => comparable(kind, operand.read(item));

  const literals = literalsOf(leaf, operand, context.now);
  if (operator === 'LIKE') {
    const matches = literals[0]?.kind === 'value' ? likeMatcher(String(leaf.value)) : () => false;
    return (item) => {
      const value = operand.read(item);
      return value !== null && matches(String(value));
    };
  }
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    const wanted = literals.map((l) => (l.kind === 'value' ? multiValues(String(l.value)) : []));
    const includes = (item: T) => {
      const have = multiValues(String(operand.read(item) ?? ''));
      return wanted.some((set) => set.length > 0 && set.every((v) => have.includes(v)));
    };
    return operator === 'INCLUDES' ? includes : (item) => !includes(item);
  }
  const first = literals[0] ?? { kind: 'null' };
  switch (operator) {
    case '=':
      return (item) => equals(read(item), first);
    case '!=':
      return (item) => !equals(read(item), first);
    case 'IN':
      return (item) => literals.some((l) => equals(read(item), l));
    case 'NOT IN':
      return (item) => !literals.some((l) => equals(read(item), l));
    default:
      return (item) => ordered(operator, read(item), first);
  }
}

function compileSemiJoin<T>(leaf: ValueQueryCondition, context: ConditionContext<T>): Predicate<T> {
  const operand = context.operand({ field: leaf.field });
  if (kindOf(operand.field) !== 'id') {
    throw new SalesforceError(
      400,
      'INVALID_FIELD',
      `Semi join sub-selects are only allowed on Id or reference fields, not on '${operand.name}'`,
    );
  }
  if (leaf.operator !== 'IN' && leaf.operator !== 'NOT IN') throw malformed(`unexpected token: ${leaf.operator}`);
  const ids = context.semiJoin(leaf.valueQuery, operand);
  const contains = (item: T) => {
    const value = comparable('id', operand.read(item));
    return value !== null && ids.has(String(value));
  };
  return leaf.operator === 'IN' ? contains : (item) => !contains(item);
}

function checkOperator<T>(operator: Operator, operand: Operand<T>): void {
  const kind = kindOf(operand.field);
  const wrong = (what: string) =>
    new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator on ${what} field: ${operand.name}`);
  if ((operator === 'INCLUDES' || operator === 'EXCLUDES') && kind !== 'multi') {
    throw new SalesforceError(
      400,
      'INVALID_QUERY_FILTER_OPERATOR',
      `includes or excludes operator only valid on multipicklist field: ${operand.name}`,
    );
  }
  if (kind === 'multi' && !['=', '!=', 'INCLUDES', 'EXCLUDES'].includes(operator)) throw wrong('multipicklist');
  if (operator === 'LIKE' && kind !== 'text') throw wrong(kind === 'id' ? 'id' : operand.field.type);
  if (kind === 'boolean' && !['=', '!=', 'IN', 'NOT IN'].includes(operator)) throw wrong('boolean');
}

type LiteralCondition = Exclude<Leaf, ValueQueryCondition>;

function literalsOf<T>(leaf: LiteralCondition, operand: Operand<T>, now: Date): Literal[] {
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const types: (LiteralType | undefined)[] = Array.isArray(leaf.literalType) ? leaf.literalType : [leaf.literalType];
  const ns = 'dateLiteralVariable' in leaf ? [leaf.dateLiteralVariable].flat() : [];
  return values.map((value, i) =>
    parseLiteral({
      name: operand.name,
      field: operand.field,
      literalType: types[i] ?? types[0],
      value: String(value),
      n: ns[i] ?? ns[0],
      now,
    }),
  );
}

/** SOQL treats null as an ordinary value for = and != (unlike SQL): `Industry != 'Tech'` keeps blank industries. */
function equals(value: Comparable | null, literal: Literal): boolean {
  switch (literal.kind) {
    case 'null':
      return value === null;
    case 'value':
      return value !== null && value === literal.value;
    case 'range':
      return value !== null && value >= literal.start && value < literal.end;
  }
}

function ordered(operator: Operator, value: Comparable | null, literal: Literal): boolean {
  if (value === null || literal.kind === 'null') return false;
  if (literal.kind === 'range') {
    if (operator === '<') return value < literal.start;
    if (operator === '<=') return value < literal.end;
    if (operator === '>') return value >= literal.end;
    return value >= literal.start;
  }
  const order = compare(value, literal.value);
  if (operator === '<') return order < 0;
  if (operator === '<=') return order <= 0;
  if (operator === '>') return order > 0;
  return order >= 0;
}
