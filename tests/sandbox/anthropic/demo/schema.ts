/**
 * Structured output as the API guarantees it: the answer a job drafted, fitted to the JSON schema the request sent.
 * Properties the schema does not have are dropped, a required one the draft lacks gets the smallest valid value, and a
 * value of the wrong type or outside an enum is replaced the same way, so the JSON is always valid against the schema
 * even when the product's schema grows. Local `$ref`s are followed.
 */
import { isRecord } from '../request';

type Schema = Record<string, unknown>;

function resolve(schema: unknown, root: Schema): unknown {
  if (!isRecord(schema) || typeof schema.$ref !== 'string' || !schema.$ref.startsWith('#')) return schema;
  let node: unknown = root;
  for (const part of schema.$ref.slice(1).split('/').filter(Boolean)) {
    node = isRecord(node) ? node[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return resolve(node, root);
}

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  if (typeof schema.type === 'string') return [schema.type];
  if (isRecord(schema.properties)) return ['object'];
  return [];
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fits(value: unknown, schema: Schema): boolean {
  if ('const' in schema) return JSON.stringify(schema.const) === JSON.stringify(value);
  if (Array.isArray(schema.enum)) return schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value));
  const types = typesOf(schema);
  const actual = typeOfValue(value);
  return types.length === 0 || types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

export function fitToSchema(value: unknown, schema: unknown, root: Schema): unknown {
  const node = resolve(schema, root);
  if (!isRecord(node)) return value;
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (branches) {
    const branch = branches.map((item) => resolve(item, root)).find((item) => isRecord(item) && fits(value, item));
    return branch === undefined ? smallestValue(branches[0], root) : fitToSchema(value, branch, root);
  }
  if (!fits(value, node)) return smallestValue(node, root);
  if (isRecord(value) && typesOf(node).includes('object')) return fitObject(value, node, root);
  if (Array.isArray(value)) return value.map((item) => fitToSchema(item, node.items ?? {}, root));
  return value;
}

function fitObject(value: Record<string, unknown>, schema: Schema, root: Schema): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key in properties) {
      if (item !== undefined) out[key] = fitToSchema(item, properties[key], root);
    } else if (schema.additionalProperties !== false && item !== undefined) {
      out[key] = item;
    }
  }
  for (const key of required) {
    if (!(key in out)) out[key] = smallestValue(properties[key] ?? {}, root);
  }
  return out;
}

/** A string for a property, by its name (a context line's value for a field of that name), when there is one. */
export type Filler = (propertyName: string) => string | undefined;

const FORMAT_EXAMPLES: Record<string, string> = {
  date: '2026-01-01',
  'date-time': '2026-01-01T00:00:00Z',
  time: '00:00:00Z',
  email: 'demo@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/**
 * The smallest value valid against a schema: const, the first enum value, the first non-null branch, required keys
 * only, minItems items, the lowest number allowed, strings of the right format and length (a property named like a
 * context line's field takes that line's value).
 */
export function smallestValue(schema: unknown, root: Schema, fill: Filler = () => undefined, name = ''): unknown {
  const node = resolve(schema, root);
  if (!isRecord(node)) return null;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) return node.enum[0] ?? null;
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (branches) return smallestValue(branches.find((branch) => !(isRecord(branch) && branch.type === 'null')) ?? branches[0], root, fill, name);
  if (Array.isArray(node.allOf)) return Object.assign({}, ...node.allOf.map((part) => smallestValue(part, root, fill, name)).filter(isRecord)) as unknown;
  const type = typesOf(node).find((item) => item !== 'null') ?? typesOf(node)[0];
  switch (type) {
    case 'object': {
      const properties = isRecord(node.properties) ? node.properties : {};
      const required = Array.isArray(node.required) ? node.required.filter((key): key is string => typeof key === 'string') : [];
      return Object.fromEntries(required.map((key) => [key, smallestValue(properties[key] ?? {}, root, fill, key)]));
    }
    case 'array': {
      const count = typeof node.minItems === 'number' ? node.minItems : 0;
      return Array.from({ length: count }, () => smallestValue(node.items ?? {}, root, fill, name));
    }
    case 'string':
      return smallestString(node, fill(name));
    case 'integer':
    case 'number':
      return smallestNumber(node, type === 'integer');
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function smallestString(schema: Schema, filled: string | undefined): string {
  const format = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
  if (format) return format;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const base = filled !== undefined && schema.pattern === undefined ? filled : '';
  return base.padEnd(minLength, '.').slice(0, maxLength);
}

function smallestNumber(schema: Schema, integer: boolean): number {
  const num = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const step = num('multipleOf') ?? (integer ? 1 : undefined);
  let value = num('minimum') ?? 0;
  const exclusiveMinimum = num('exclusiveMinimum');
  if (exclusiveMinimum !== undefined) value = Math.max(value, exclusiveMinimum + (step ?? 1));
  if (step !== undefined) value = Math.ceil(value / step) * step;
  const maximum = num('maximum');
  if (maximum !== undefined && value > maximum && num('minimum') === undefined) value = maximum;
  return value;
}
