/**
 * Field paths (`Name`, `Account.Industry`, `Account.Owner.Name`) walked through describes: each step a parent
 * relationship the rep can see, the last a field the rep can read. Names come back in describe's own spelling, so
 * that nothing of the model's text but validated identifiers reaches a query.
 */
import type { AskDescribes, AskField, AskObjectDescribe } from './describe';
import { t } from '../../i18n';

/** Parents a path may cross (Salesforce allows five; questions need far fewer). */
export const MAX_RELATIONSHIP_DEPTH = 3;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

export const isIdentifier = (text: string): boolean => IDENTIFIER.test(text);

export interface ResolvedField {
  /** Canonical path: `Account.Industry`. */
  path: string;
  field: AskField;
  /** The rep's words for it: `Account › Industry`. */
  label: string;
  /** The object that holds the last field (for messages). */
  ownerLabel: string;
  /** The object whose record the field sits on (null behind a polymorphic lookup, where it varies). */
  ownerName: string | null;
}

export type PathResult =
  | { ok: true; resolved: ResolvedField }
  | { ok: false; problem: string }
  /** A describe on the way has not been loaded yet. */
  | { ok: 'pending'; objectNames: string[] };

/**
 * Behind a polymorphic lookup (Task.What) Salesforce offers only the "Name" entity's fields; these are the ones a
 * question needs.
 */
const POLYMORPHIC_FIELDS: readonly AskField[] = [
  { name: 'Id', label: 'ID', type: 'id', filterable: true, sortable: true, groupable: true },
  { name: 'Name', label: 'Name', type: 'string', filterable: true, sortable: true, groupable: true },
  { name: 'Type', label: 'Type', type: 'string', filterable: true, sortable: true, groupable: true },
];

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function findField(describe: AskObjectDescribe, name: string): AskField | undefined {
  return describe.fields.find((field) => same(field.name, name));
}

function relationshipField(describe: AskObjectDescribe, name: string): AskField | undefined {
  return describe.fields.find((field) => field.type === 'reference' && !!field.relationshipName && same(field.relationshipName, name));
}

function parentLabel(field: AskField): string {
  return field.label.replace(/\s+ID$/i, '') || field.label;
}

/** Names of fields whose name or label resemble `wanted`, to offer the rep a way to rephrase. */
export function similarFields(describe: AskObjectDescribe, wanted: string, max = 3): string[] {
  const words = wanted
    .replace(/__[cr]$/i, '')
    .split(/(?=[A-Z])|[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 3);
  const scored = describe.fields
    .map((field) => {
      const haystack = `${field.name} ${field.label}`.toLowerCase();
      const score = words.filter((word) => haystack.includes(word)).length;
      return { field, score };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, max).map(({ field }) => `${field.label} (${field.name})`);
}

function unknownField(describe: AskObjectDescribe, name: string): string {
  const similar = similarFields(describe, name);
  const hint = similar.length > 0 ? t('askCheck_didYouMean', { fields: similar.join(', ') }) : t('askCheck_anotherField');
  return `${t('askCheck_unknownField', { object: describe.label, field: name })} ${hint}`;
}

function unknownRelationship(describe: AskObjectDescribe, name: string): string {
  const byFieldName = describe.fields.find((field) => same(field.name, name) && field.relationshipName);
  if (byFieldName?.relationshipName) {
    return t('askCheck_askThrough', { parent: parentLabel(byFieldName), objects: describe.labelPlural, relationship: byFieldName.relationshipName, name });
  }
  return t('askCheck_noLink', { objects: describe.labelPlural, name });
}

/** Walks `path` from `root` through `describes`. */
export function resolvePath(root: AskObjectDescribe, path: string, describes: AskDescribes): PathResult {
  const segments = path.split('.');
  if (segments.some((segment) => !isIdentifier(segment))) {
    return { ok: false, problem: `“${path}” is not a field name. Ask about fields by their names, like Name or Account.Industry.` };
  }
  if (segments.length - 1 > MAX_RELATIONSHIP_DEPTH) {
    return {
      ok: false,
      problem: `“${path}” reaches too far through related records (at most ${MAX_RELATIONSHIP_DEPTH} steps). Ask about a closer record.`,
    };
  }
  let current: AskObjectDescribe = root;
  const canonical: string[] = [];
  const labels: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (last) {
      const field = findField(current, segment);
      if (!field) return { ok: false, problem: unknownField(current, segment) };
      canonical.push(field.name);
      labels.push(field.label);
      return {
        ok: true,
        resolved: { path: canonical.join('.'), field, label: labels.join(' › '), ownerLabel: current.label, ownerName: current.name },
      };
    }
    const link = relationshipField(current, segment);
    if (!link?.relationshipName) return { ok: false, problem: unknownRelationship(current, segment) };
    canonical.push(link.relationshipName);
    labels.push(parentLabel(link));
    const targets = link.referenceTo ?? [];
    if (targets.length > 1) return polymorphicTail(link, segments.slice(index + 1), canonical, labels);
    const [target] = targets;
    if (target === undefined) return { ok: false, problem: unknownRelationship(current, segment) };
    const next = describes.get(target);
    if (next === undefined) return { ok: 'pending', objectNames: [target] };
    if (next === null) {
      return { ok: false, problem: `You don't have access to ${target} records, so “${path}” can't be used. Try asking without it.` };
    }
    current = next;
  }
  return { ok: false, problem: `“${path}” is not a field name.` };
}

function polymorphicTail(link: AskField, rest: readonly string[], canonical: string[], labels: string[]): PathResult {
  const [name] = rest;
  const field = rest.length === 1 && name !== undefined ? POLYMORPHIC_FIELDS.find((candidate) => same(candidate.name, name)) : undefined;
  const label = parentLabel(link);
  if (!field) {
    return {
      ok: false,
      problem: `“${label}” can be several kinds of record, so only its Name, Type or Id can be asked about.`,
    };
  }
  return {
    ok: true,
    resolved: {
      path: [...canonical, field.name].join('.'),
      field,
      label: [...labels, field.label].join(' › '),
      ownerLabel: label,
      ownerName: null,
    },
  };
}
