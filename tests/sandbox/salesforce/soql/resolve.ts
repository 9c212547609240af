/**
 * Name resolution as the running user sees the org: objects, fields and relationship paths, case-insensitively, with
 * everything the user may not read treated as if it did not exist (that is what Salesforce does).
 */
import type { Access, Database, FieldDef, FieldValue, ObjectDef, StoredRecord } from '../model';
import { normalizeId } from '../ids';
import {
  QueryText,
  noSuchColumn,
  unknownChildRelationship,
  unknownRelationship,
  unsupportedObject,
} from './errors';

export interface Scope {
  db: Database;
  access: Access;
  text: QueryText;
}

/** One step from a record to its parent through a lookup (`Account` through `AccountId`). */
export interface Hop {
  relationshipName: string;
  referenceField: FieldDef;
  /** The parent objects the user may read; several for a polymorphic lookup such as Task.What. */
  targets: ObjectDef[];
  polymorphic: boolean;
}

/** A field reached from a base object, possibly through parents (`Account.Owner.Name`). */
export interface FieldPath {
  hops: Hop[];
  field: FieldDef;
  /** As written in the query, for error messages. */
  written: string;
}

/** A record with the object it belongs to. */
export interface Row {
  object: ObjectDef;
  record: StoredRecord;
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function syntheticField(name: string, type: FieldDef['type']): FieldDef {
  return {
    name,
    label: name,
    type,
    length: type === 'string' ? 255 : 0,
    nillable: true,
    createable: false,
    updateable: false,
    defaultedOnCreate: false,
    filterable: true,
    sortable: true,
  };
}

const ID_FIELD = syntheticField('Id', 'id');

/**
 * The fields of the `Name` entity, which stands for the parent of a polymorphic lookup: only these can follow `What.`
 * or `Who.` without TYPEOF.
 */
const NAME_ENTITY_FIELDS: FieldDef[] = [
  ID_FIELD,
  syntheticField('Name', 'string'),
  syntheticField('Type', 'string'),
  syntheticField('Alias', 'string'),
  syntheticField('Email', 'email'),
  syntheticField('FirstName', 'string'),
  syntheticField('LastName', 'string'),
  syntheticField('IsActive', 'boolean'),
  syntheticField('Phone', 'phone'),
  syntheticField('ProfileId', 'reference'),
  syntheticField('Title', 'string'),
  syntheticField('UserRoleId', 'reference'),
];

export function findObject(scope: Scope, name: string): ObjectDef | null {
  for (const object of scope.db.objects.values()) {
    if (same(object.name, name)) {
      return object.queryable && scope.access.canReadObject(object.name) ? object : null;
    }
  }
  return null;
}

export function requireObject(scope: Scope, name: string): ObjectDef {
  const object = findObject(scope, name);
  if (!object) throw unsupportedObject(scope.text, name);
  return object;
}

/** The field of `object` named `name` that the user may read, or null. */
export function findField(scope: Scope, object: ObjectDef, name: string): FieldDef | null {
  const field = object.fields.find((f) => same(f.name, name)) ?? (same(name, 'Id') ? ID_FIELD : null);
  if (!field) return null;
  return field === ID_FIELD || scope.access.canReadField(object.name, field.name) ? field : null;
}

/** The fields of `object` the user may read, in definition order. */
export function readableFields(scope: Scope, object: ObjectDef): FieldDef[] {
  return object.fields.filter((f) => scope.access.canReadField(object.name, f.name));
}

function findHop(scope: Scope, object: ObjectDef, relationship: string): Hop | null {
  const referenceField = object.fields.find(
    (f) => f.type === 'reference' && f.relationshipName && same(f.relationshipName, relationship),
  );
  if (!referenceField?.relationshipName || !scope.access.canReadField(object.name, referenceField.name)) return null;
  const referenceTo = referenceField.referenceTo ?? [];
  const targets = referenceTo.map((name) => findObject(scope, name)).filter((o): o is ObjectDef => o !== null);
  if (targets.length === 0) return null;
  const polymorphic = referenceTo.length > 1;
  return { relationshipName: referenceField.relationshipName, referenceField, targets, polymorphic };
}

/** Whether `segment` names the queried object itself (`Contact.Name FROM Contact`) or its alias, not a relationship. */
function isSelfPrefix(scope: Scope, base: ObjectDef, segment: string, alias: string | undefined): boolean {
  if (alias && same(segment, alias)) return true;
  return same(segment, base.name) && findHop(scope, base, segment) === null;
}

/**
 * Resolves a dotted field reference from `base`. `clause` names the keyword after which the reference appears, so that
 * errors point at the right place.
 */
export function resolvePath(
  scope: Scope,
  base: ObjectDef,
  written: string,
  alias?: string,
  clause?: string,
): FieldPath {
  const segments = written.split('.');
  if (segments.length > 1 && isSelfPrefix(scope, base, segments[0] ?? '', alias)) segments.shift();
  const hops: Hop[] = [];
  let object: ObjectDef | null = base;
  for (const relationship of segments.slice(0, -1)) {
    const hop: Hop | null = object ? findHop(scope, object, relationship) : null;
    if (!hop) throw unknownRelationship(scope.text, written, relationship, clause);
    hops.push(hop);
    object = hop.polymorphic ? null : (hop.targets[0] ?? null);
  }
  const name = segments[segments.length - 1] ?? '';
  if (!object) {
    const field = NAME_ENTITY_FIELDS.find((f) => same(f.name, name));
    if (!field) throw noSuchColumn(scope.text, written, name, 'Name', clause);
    return { hops, field, written };
  }
  const field = findField(scope, object, name);
  if (!field) throw noSuchColumn(scope.text, written, name, object.name, clause);
  return { hops, field, written };
}

/** The child relationship `name` of `parent` (`Contacts` on Account) with its child object, if the user may read it. */
export function resolveChildRelationship(
  scope: Scope,
  parent: ObjectDef,
  name: string,
): { relationshipName: string; child: ObjectDef; field: string } {
  const relationship = parent.childRelationships.find((r) => r.relationshipName && same(r.relationshipName, name));
  const child = relationship ? findObject(scope, relationship.childSObject) : null;
  if (!relationship?.relationshipName || !child || !findField(scope, child, relationship.field)) {
    throw unknownChildRelationship(scope.text, name);
  }
  return { relationshipName: relationship.relationshipName, child, field: relationship.field };
}

/** The record an id points to, if the user may see it; the object is found from the id's key prefix. */
export function lookUp(scope: Scope, candidates: ObjectDef[], id: FieldValue): Row | null {
  if (typeof id !== 'string') return null;
  const canonical = normalizeId(id);
  if (!canonical) return null;
  const object = candidates.find((o) => canonical.startsWith(o.keyPrefix));
  const record = object ? scope.db.records.get(object.name)?.get(canonical) : undefined;
  if (!object || !record || !scope.access.canSeeRecord(object.name, record)) return null;
  return { object, record };
}

export function parentRow(scope: Scope, row: Row, hop: Hop): Row | null {
  return lookUp(scope, hop.targets, row.record[hop.referenceField.name] ?? null);
}

/** The name field's value, which the `Name` entity reports for any parent (a Case's CaseNumber, a Task's Subject). */
function displayName(row: Row): FieldValue {
  const nameField = row.object.fields.find((f) => f.nameField) ?? row.object.fields.find((f) => f.name === 'Name');
  return nameField ? (row.record[nameField.name] ?? null) : null;
}

/** The value of `field` on `row`; fields of the `Name` entity are read the way Salesforce fills them. */
export function fieldValue(row: Row, field: FieldDef, throughPolymorphic: boolean): FieldValue {
  if (throughPolymorphic && field.name === 'Type') return row.object.name;
  if (throughPolymorphic && field.name === 'Name') return displayName(row);
  return row.record[field.name] ?? null;
}

/** Follows `path` from `row`; null as soon as a lookup is empty or points to a record the user cannot see. */
export function readPath(scope: Scope, row: Row, path: FieldPath): FieldValue {
  let current: Row | null = row;
  for (const hop of path.hops) {
    current = parentRow(scope, current, hop);
    if (!current) return null;
  }
  return fieldValue(current, path.field, path.hops[path.hops.length - 1]?.polymorphic ?? false);
}

/** All records of `object` the user may see, in insertion order (Salesforce's order when there is no ORDER BY). */
export function visibleRows(scope: Scope, object: ObjectDef): Row[] {
  const rows: Row[] = [];
  for (const record of scope.db.records.get(object.name)?.values() ?? []) {
    if (scope.access.canSeeRecord(object.name, record)) rows.push({ object, record });
  }
  return rows;
}
