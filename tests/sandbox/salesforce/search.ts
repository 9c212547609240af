/**
 * SOSL for `/search?q=` and `/parameterizedSearch`: `FIND {term} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS]
 * [RETURNING Object[(fields [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n])], …] [LIMIT n]`.
 * The term supports words (all must match), "quoted phrases", OR, AND, AND NOT, parentheses and the * and ? wildcards.
 * Matching is this module's; the selected fields, WHERE and ORDER BY of each object go through the SOQL engine,
 * so field-level security and sharing apply exactly as in queries.
 */
import type { FieldDef, ObjectDef, StoredRecord } from './model';
import { SalesforceError } from './model';
import type { RestContext, RestRequest, RestResponse } from './rest/http';
import { isRecordObject, json, methodNotAllowed, parseJsonBody } from './rest/http';
import { executeQuery } from './soql';

type Scope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

interface ReturningSpec {
  object: string;
  fields: string[];
  where?: string;
  orderBy?: string;
  limit?: number;
  offset?: number;
}

export interface SearchSpec {
  term: string;
  scope: Scope;
  returning: ReturningSpec[] | null;
  limit: number;
}

const DEFAULT_LIMIT = 2000;
/** Objects searched when RETURNING is left out. */
const DEFAULT_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'User'];

function malformed(message: string): SalesforceError {
  return new SalesforceError(400, 'MALFORMED_SEARCH', message);
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing the SOSL statement

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'" && !current.endsWith('\\')) quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function parseReturningItem(item: string): ReturningSpec {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$/s.exec(item);
  if (!match?.[1]) throw malformed(`unexpected token: '${item}'`);
  const inner = match[2]?.trim() ?? '';
  if (inner === '') return { object: match[1], fields: ['Id'] };
  const clauses =
    /^(.*?)(?:\s+WHERE\s+(.*?))?(?:\s+ORDER\s+BY\s+(.*?))?(?:\s+LIMIT\s+(\d+))?(?:\s+OFFSET\s+(\d+))?$/is.exec(inner);
  const fields = (clauses?.[1] ?? '').split(',').map((field) => field.trim()).filter((field) => field !== '');
  if (!clauses || fields.length === 0) throw malformed(`unexpected token: '${inner}'`);
  return {
    object: match[1],
    fields,
    where: clauses[2],
    orderBy: clauses[3],
    limit: clauses[4] === undefined ? undefined : Number(clauses[4]),
    offset: clauses[5] === undefined ? undefined : Number(clauses[5]),
  };
}

/** Parses a SOSL statement as the REST API takes it (the term in braces). */
export function parseSosl(sosl: string): SearchSpec {
  const text = sosl.trim();
  const find = /^FIND\s*/i.exec(text);
  if (!find) throw malformed(`unexpected token: '${text.split(/\s+/)[0] ?? ''}'`);
  const rest = text.slice(find[0].length);
  if (!rest.startsWith('{')) throw malformed('No search term found. The search term must be enclosed in braces.');
  let end = 1;
  while (end < rest.length && rest[end] !== '}') end += rest[end] === '\\' ? 2 : 1;
  if (end >= rest.length) throw malformed('No search term found. The search term must be enclosed in braces.');
  const term = rest.slice(1, end).replace(/\\(.)/g, '$1');
  let tail = rest.slice(end + 1).trim();
  const spec: SearchSpec = { term, scope: 'ALL', returning: null, limit: DEFAULT_LIMIT };
  const scope = /^IN\s+(ALL|NAME|EMAIL|PHONE|SIDEBAR)\s+FIELDS\b\s*/i.exec(tail);
  if (scope?.[1]) {
    spec.scope = scope[1].toUpperCase() as Scope;
    tail = tail.slice(scope[0].length);
  }
  const returning = /^RETURNING\s+/i.exec(tail);
  if (returning) {
    tail = tail.slice(returning[0].length);
    const limitAt = /\s+LIMIT\s+(\d+)\s*$/i.exec(tail);
    const list = limitAt ? tail.slice(0, limitAt.index) : tail;
    spec.returning = splitTopLevel(list, ',').map(parseReturningItem);
    tail = limitAt ? limitAt[0].trim() : '';
  }
  const limit = /^LIMIT\s+(\d+)$/i.exec(tail);
  if (limit?.[1]) {
    spec.limit = Math.min(DEFAULT_LIMIT, Number(limit[1]));
    tail = '';
  }
  if (tail !== '') throw malformed(`unexpected token: '${tail.split(/\s+/)[0] ?? tail}'`);
  return spec;
}

// ---------------------------------------------------------------------------------------------------------------
// The search term

type TermNode =
  | { kind: 'term'; text: string; phrase: boolean }
  | { kind: 'and' | 'or'; left: TermNode; right: TermNode }
  | { kind: 'not'; left: TermNode; right: TermNode };

function tokenizeTerm(term: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|(\()|(\))|([^\s()"]+)/g;
  for (const match of term.matchAll(pattern)) tokens.push(match[1] !== undefined ? `"${match[1]}"` : match[0]);
  return tokens;
}

function parseTerm(term: string): TermNode {
  const tokens = tokenizeTerm(term);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const isOperator = (token: string | undefined): boolean => /^(AND|OR)$/i.test(token ?? '');

  const primary = (): TermNode => {
    const token = tokens[position++];
    if (token === undefined || isOperator(token) || token === ')') throw malformed(`unexpected token: '${token ?? '<EOF>'}'`);
    if (token === '(') {
      const inner = orExpression();
      if (tokens[position++] !== ')') throw malformed("missing ')' in search term");
      return inner;
    }
    const phrase = token.startsWith('"');
    const text = phrase ? token.slice(1, -1) : token;
    if (text.replace(/[*?]/g, '').length < 2) {
      throw new SalesforceError(400, 'INVALID_SEARCH', `search term must be longer than one character: ${text}`);
    }
    return { kind: 'term', text, phrase };
  };

  const andExpression = (): TermNode => {
    let left = primary();
    for (;;) {
      const token = peek();
      if (token === undefined || token === ')' || /^OR$/i.test(token)) return left;
      if (/^AND$/i.test(token)) {
        position++;
        if (/^NOT$/i.test(peek() ?? '')) {
          position++;
          left = { kind: 'not', left, right: primary() };
          continue;
        }
      }
      left = { kind: 'and', left, right: primary() };
    }
  };

  const orExpression = (): TermNode => {
    let left = andExpression();
    while (/^OR$/i.test(peek() ?? '')) {
      position++;
      left = { kind: 'or', left, right: andExpression() };
    }
    return left;
  };

  if (tokens.length === 0) throw malformed('No search term found. The search term must be enclosed in braces.');
  const tree = orExpression();
  if (position < tokens.length) throw malformed(`unexpected token: '${tokens[position] ?? ''}'`);
  return tree;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

function termMatcher(text: string, phrase: boolean): (haystack: string, digits: string) => boolean {
  const words = phrase ? text.trim().split(/\s+/) : [text];
  const body = words
    .map((word) => escapeRegExp(word.toLowerCase()).replace(/\*/g, '[\\p{L}\\p{N}]*').replace(/\?/g, '[\\p{L}\\p{N}]'))
    .join('\\s+');
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${body}($|[^\\p{L}\\p{N}])`, 'u');
  const termDigits = text.replace(/\D/g, '');
  const looksLikePhone = !phrase && /^[\d\s().+-]+$/.test(text) && termDigits.length >= 3;
  return (haystack, digits) => pattern.test(haystack) || (looksLikePhone && digits.includes(termDigits));
}

function compileTerm(node: TermNode): (haystack: string, digits: string) => boolean {
  switch (node.kind) {
    case 'term':
      return termMatcher(node.text, node.phrase);
    case 'and': {
      const [left, right] = [compileTerm(node.left), compileTerm(node.right)];
      return (h, d) => left(h, d) && right(h, d);
    }
    case 'or': {
      const [left, right] = [compileTerm(node.left), compileTerm(node.right)];
      return (h, d) => left(h, d) || right(h, d);
    }
    case 'not': {
      const [left, right] = [compileTerm(node.left), compileTerm(node.right)];
      return (h, d) => left(h, d) && !right(h, d);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running a search

const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url']);
const NAME_PARTS = new Set(['FirstName', 'LastName', 'Company']);

function searchedFields(ctx: RestContext, object: ObjectDef, scope: Scope): FieldDef[] {
  return object.fields
    .filter((field) => ctx.access.canReadField(object.name, field.name))
    .filter((field) => {
      switch (scope) {
        case 'NAME':
          return field.nameField === true || NAME_PARTS.has(field.name);
        case 'EMAIL':
          return field.type === 'email';
        case 'PHONE':
          return field.type === 'phone';
        default:
          return TEXT_TYPES.has(field.type);
      }
    });
}

function matchingIds(ctx: RestContext, object: ObjectDef, spec: SearchSpec, matches: ReturnType<typeof compileTerm>): string[] {
  const fields = searchedFields(ctx, object, spec.scope);
  if (fields.length === 0) return [];
  const ids: string[] = [];
  for (const record of ctx.org.db.records.get(object.name)?.values() ?? []) {
    if (!ctx.access.canSeeRecord(object.name, record)) continue;
    const values = fields.map((field) => record[field.name]).filter((value): value is string => typeof value === 'string');
    if (values.length === 0) continue;
    const haystack = values.join('\n').toLowerCase();
    const digits = fields
      .filter((field) => field.type === 'phone')
      .map((field) => String(record[field.name] ?? '').replace(/\D/g, ''))
      .join(' ');
    if (matches(haystack, digits)) ids.push((record as StoredRecord).Id);
  }
  return ids;
}

function resolveObject(ctx: RestContext, name: string): ObjectDef {
  const object = ctx.org.object(name);
  if (!object || !ctx.access.canReadObject(object.name)) {
    throw new SalesforceError(400, 'INVALID_TYPE', `sObject type '${name}' is not supported.`);
  }
  return object;
}

function soqlFor(object: ObjectDef, item: ReturningSpec, ids: string[], limit: number): string {
  const where = `Id IN (${ids.map((id) => `'${id}'`).join(', ')})${item.where ? ` AND (${item.where})` : ''}`;
  const order = item.orderBy ? ` ORDER BY ${item.orderBy}` : '';
  const offset = item.offset ? ` OFFSET ${item.offset}` : '';
  return `SELECT ${item.fields.join(', ')} FROM ${object.name} WHERE ${where}${order} LIMIT ${limit}${offset}`;
}

export function runSearch(ctx: RestContext, spec: SearchSpec): Record<string, unknown>[] {
  const matches = compileTerm(parseTerm(spec.term));
  const items: ReturningSpec[] =
    spec.returning ??
    DEFAULT_OBJECTS.filter((name) => ctx.access.canReadObject(name) && ctx.org.object(name)).map((name) => ({
      object: name,
      fields: ['Id'],
    }));
  const found: Record<string, unknown>[] = [];
  for (const item of items) {
    const object = resolveObject(ctx, item.object);
    const remaining = spec.limit - found.length;
    if (remaining <= 0) break;
    const ids = matchingIds(ctx, object, spec, matches);
    if (ids.length === 0) continue;
    const limit = Math.min(remaining, item.limit ?? remaining);
    found.push(...executeQuery(ctx.org.db, soqlFor(object, item, ids, limit), ctx.access, ctx.version).records);
  }
  return found;
}

export function searchResource(ctx: RestContext, req: RestRequest): RestResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(req.method, ['GET', 'HEAD']);
  const sosl = req.query.get('q');
  if (sosl === null || sosl.trim() === '') {
    throw malformed('No search term found. The search term must be enclosed in braces.');
  }
  return json(200, { searchRecords: runSearch(ctx, parseSosl(sosl)) });
}

// ---------------------------------------------------------------------------------------------------------------
// /parameterizedSearch

function csv(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (Array.isArray(value)) return value.filter((part): part is string => typeof part === 'string');
  return undefined;
}

function scopeOf(value: unknown): Scope {
  const scope = typeof value === 'string' ? value.toUpperCase() : 'ALL';
  if (!['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'].includes(scope)) {
    throw new SalesforceError(400, 'INVALID_SEARCH', `Invalid search scope: ${String(value)}`);
  }
  return scope as Scope;
}

function specFromQuery(query: URLSearchParams): SearchSpec {
  const defaultFields = csv(query.get('fields') ?? undefined) ?? ['Id'];
  const defaultLimit = query.get('defaultLimit');
  const objects = query.getAll('sobject').flatMap((value) => csv(value) ?? []);
  return {
    term: query.get('q') ?? '',
    scope: scopeOf(query.get('in') ?? 'ALL'),
    limit: Math.min(DEFAULT_LIMIT, Number(query.get('overallLimit') ?? DEFAULT_LIMIT)),
    returning:
      objects.length === 0
        ? null
        : objects.map((object) => {
            const limit = query.get(`${object}.limit`) ?? defaultLimit;
            return {
              object,
              fields: csv(query.get(`${object}.fields`) ?? undefined) ?? defaultFields,
              where: query.get(`${object}.where`) ?? undefined,
              limit: limit === null ? undefined : Number(limit),
            };
          }),
  };
}

function specFromBody(body: Record<string, unknown>): SearchSpec {
  const defaultFields = csv(body.fields) ?? ['Id'];
  const sobjects = Array.isArray(body.sobjects) ? body.sobjects.filter(isRecordObject) : [];
  return {
    term: typeof body.q === 'string' ? body.q : '',
    scope: scopeOf(body.in ?? 'ALL'),
    limit: Math.min(DEFAULT_LIMIT, typeof body.overallLimit === 'number' ? body.overallLimit : DEFAULT_LIMIT),
    returning:
      sobjects.length === 0
        ? null
        : sobjects.map((entry) => ({
            object: String(entry.name ?? ''),
            fields: csv(entry.fields) ?? defaultFields,
            where: typeof entry.where === 'string' ? entry.where : undefined,
            limit: typeof entry.limit === 'number' ? entry.limit : typeof body.defaultLimit === 'number' ? body.defaultLimit : undefined,
          })),
  };
}

export function parameterizedSearch(ctx: RestContext, req: RestRequest): RestResponse {
  let spec: SearchSpec;
  if (req.method === 'GET' || req.method === 'HEAD') spec = specFromQuery(req.query);
  else if (req.method === 'POST') {
    const body = parseJsonBody(req.body);
    if (!isRecordObject(body)) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'Expected a JSON object');
    spec = specFromBody(body);
  } else throw methodNotAllowed(req.method, ['GET', 'HEAD', 'POST']);
  if (spec.term.trim() === '') throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Missing required parameter: q');
  return json(200, { searchRecords: runSearch(ctx, spec) });
}
