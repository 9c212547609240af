/**
 * Create, update and delete as the org does them for one user: field-level security, type coercion, required fields,
 * restricted picklists, lengths, references, one validation rule, the standard duplicate rules on Lead and Contact,
 * and the fields the org maintains itself (audit fields, compound names, Opportunity stage flags, Case numbers,
 * Opportunity field history, Task roll-ups). Every failure is a SalesforceError worded as Salesforce words it.
 */
import { normalizeId } from './ids';
import type { Access, FieldDef, FieldValue, ObjectDef, OrgUser, StoredRecord } from './model';
import { SalesforceError } from './model';
import type { Org } from './org';
import { applyDerivedFields, stageInfo, TRACKED_OPPORTUNITY_FIELDS } from './schema';
import { assignAutoNumbers, checkUnique } from './field-constraints';

export interface Actor {
  org: Org;
  user: OrgUser;
  access: Access;
  /** `Sforce-Duplicate-Rule-Header: allowSave=true`: save even when a duplicate rule alerts. */
  allowDuplicates?: boolean;
  /** The request's API version (`66.0`), for the URLs in error details. */
  apiVersion?: string;
}

/** DUPLICATES_DETECTED carries the match details (Salesforce spells the key `duplicateResut`). */
export class DuplicatesDetectedError extends SalesforceError {
  constructor(readonly duplicateResult: Record<string, unknown>) {
    super(400, 'DUPLICATES_DETECTED', 'Use one of these records?');
  }
}

const RESOURCE_MISSING = 'The requested resource does not exist';

export function notFound(message = RESOURCE_MISSING): SalesforceError {
  return new SalesforceError(404, 'NOT_FOUND', message);
}

/** `2026-11-21T17:00:00.000+0000`, the way the REST API writes datetimes. */
function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading, with sharing

/** A record the actor can see, by id; 404 as the sObject Rows resource answers otherwise. */
export function visibleRecord(actor: Actor, object: ObjectDef, rawId: string): StoredRecord {
  const id = normalizeId(rawId);
  if (!id || id.slice(0, 3) !== object.keyPrefix) throw notFound();
  const record = actor.org.db.records.get(object.name)?.get(id);
  if (!record) {
    if (actor.org.recycleBin.has(id)) throw new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    throw notFound();
  }
  if (!actor.access.canSeeRecord(object.name, record)) throw notFound();
  return record;
}

// ---------------------------------------------------------------------------------------------------------------
// Input checking

type Operation = 'create' | 'update';

function writableField(actor: Actor, object: ObjectDef, name: string): FieldDef {
  const field = actor.org.field(object, name);
  if (!field || !actor.access.canReadField(object.name, field.name)) {
    throw new SalesforceError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);
  }
  return field;
}

function notWritable(fields: string[]): SalesforceError {
  return new SalesforceError(
    400,
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and ` +
      'verify that it is read/write for your profile or permission set.',
    fields,
  );
}

function parserError(typeName: string, value: unknown): SalesforceError {
  const token = typeof value === 'string' ? 'VALUE_STRING' : typeof value === 'number' ? 'VALUE_NUMBER_INT' : 'START_OBJECT';
  return new SalesforceError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${typeName} from ${token} value ${typeof value === 'object' ? '{' : String(value)} ` +
      'or request may be missing a required field',
  );
}

function wrongType(field: FieldDef, value: unknown): SalesforceError {
  return new SalesforceError(
    400,
    'INVALID_TYPE_ON_FIELD_IN_RECORD',
    `${field.label}: value not of required type: ${String(value)}`,
    [field.name],
  );
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function coerceDate(field: FieldDef, value: unknown): string {
  if (typeof value !== 'string') throw parserError('date', value);
  const match = DATE_ONLY.exec(value) ?? DATE_TIME.exec(value);
  if (!match || !validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw parserError('date', value);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function coerceDateTime(value: unknown): string {
  if (typeof value !== 'string') throw parserError('datetime', value);
  const match = DATE_TIME.exec(value) ?? DATE_ONLY.exec(value);
  const parsed = match ? new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : normalizeOffset(value)) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw parserError('datetime', value);
  return formatDateTime(parsed);
}

function normalizeOffset(value: string): string {
  const withSeconds = value.replace(/T(\d{2}:\d{2})(?=$|[Z+-])/, 'T$1:00');
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(withSeconds) ? withSeconds : `${withSeconds}Z`;
  return withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

function coerceNumber(field: FieldDef, value: unknown): number {
  const typeName = field.type === 'int' ? 'int' : field.type === 'currency' ? 'currency' : 'double';
  if (typeof value === 'boolean') throw wrongType(field, value);
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw parserError(typeName, value);
  if (field.type === 'int' && !Number.isInteger(number)) throw wrongType(field, value);
  const scale = field.scale ?? 0;
  const rounded = field.type === 'int' ? number : Number(number.toFixed(scale));
  const integerDigits = Math.trunc(Math.abs(rounded)).toString().length;
  const precision = field.precision ?? 18;
  if (field.type !== 'int' && precision > 0 && integerDigits > precision - scale) {
    throw new SalesforceError(
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${String(value)}`,
      [field.name],
    );
  }
  return rounded;
}

function coerceBoolean(field: FieldDef, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (typeof value === 'number') throw wrongType(field, value);
  throw parserError('boolean', value);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function coerceText(field: FieldDef, value: unknown): string {
  if (typeof value === 'object') throw parserError('string', value);
  const text = String(value);
  if (field.length > 0 && text.length > field.length) {
    throw new SalesforceError(
      400,
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text} (max length=${field.length})`,
      [field.name],
    );
  }
  if (field.type === 'email' && text !== '' && !EMAIL.test(text)) {
    throw new SalesforceError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
  }
  if (field.type === 'picklist' && field.restrictedPicklist) checkRestrictedPicklist(field, [text]);
  if (field.type === 'multipicklist' && field.restrictedPicklist) checkRestrictedPicklist(field, text.split(';'));
  return text;
}

function checkRestrictedPicklist(field: FieldDef, values: string[]): void {
  const allowed = new Set((field.picklistValues ?? []).filter((entry) => entry.active).map((entry) => entry.value));
  const bad = values.find((value) => !allowed.has(value));
  if (bad !== undefined) {
    throw new SalesforceError(
      400,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${bad}`,
      [field.name],
    );
  }
}

function coerceReference(actor: Actor, field: FieldDef, value: unknown): string {
  if (typeof value !== 'string') throw parserError('reference', value);
  const id = normalizeId(value);
  if (!id) {
    throw new SalesforceError(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
  }
  const targets = (field.referenceTo ?? []).map((name) => actor.org.object(name)).filter((def) => def !== undefined);
  const target = targets.find((def) => def.keyPrefix === id.slice(0, 3));
  if (!target) {
    throw new SalesforceError(400, 'FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [
      field.name,
    ]);
  }
  const record = actor.org.db.records.get(target.name)?.get(id);
  if (!record) {
    throw new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', `${field.label}: invalid cross reference id`, [field.name]);
  }
  if (!actor.access.canSeeRecord(target.name, record)) {
    throw new SalesforceError(
      400,
      'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
      'insufficient access rights on cross-reference id',
      [field.name],
    );
  }
  return id;
}

function coerceValue(actor: Actor, field: FieldDef, value: unknown): FieldValue {
  if (value === null) return null;
  switch (field.type) {
    case 'boolean':
      return coerceBoolean(field, value);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return coerceNumber(field, value);
    case 'date':
      return coerceDate(field, value);
    case 'datetime':
      return coerceDateTime(value);
    case 'reference':
    case 'id':
      return coerceReference(actor, field, value);
    default:
      return coerceText(field, value);
  }
}

/**
 * The typed field values of a request body, keyed by canonical field name. Checks, in Salesforce's order: unknown
 * fields (or hidden by field-level security), then whether each is writable, then each value.
 */
function parseInput(actor: Actor, object: ObjectDef, input: Record<string, unknown>, operation: Operation) {
  const entries: [FieldDef, unknown][] = [];
  for (const [name, value] of Object.entries(input)) {
    if (name === 'attributes') continue;
    if (name.toLowerCase() === 'id' && operation === 'update') continue;
    entries.push([writableField(actor, object, name), value]);
  }
  const locked = entries
    .filter(([field]) => !actor.access.canWriteField(object.name, field.name, operation))
    .map(([field]) => field.name);
  if (locked.length > 0) throw notWritable(locked);
  const values: Record<string, FieldValue> = {};
  for (const [field, value] of entries) values[field.name] = coerceValue(actor, field, value);
  return values;
}

function isRequired(field: FieldDef): boolean {
  return field.createable && !field.nillable && !field.defaultedOnCreate && field.type !== 'boolean';
}

/** On create every required field must have a value; on update only the fields the request touches are checked. */
function checkRequired(object: ObjectDef, record: StoredRecord, touched: Set<string> | null): void {
  const missing = object.fields
    .filter((field) =>
      touched === null ? isRequired(field) : touched.has(field.name) && !field.nillable && field.type !== 'boolean',
    )
    .filter((field) => record[field.name] === null || record[field.name] === undefined || record[field.name] === '')
    .map((field) => field.name);
  if (missing.length > 0) {
    throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rules the org adds on top of the metadata

const CLOSE_DATE_GRACE_DAYS = 365;

/**
 * The validation rules deployed with an object, then the seeded org's own: "Close_Date_Not_Stale" on Opportunity (a
 * new opportunity cannot close more than a year ago).
 */
function checkValidationRules(actor: Actor, object: ObjectDef, record: StoredRecord, before: StoredRecord | null): void {
  const failed = object.deployed?.validationRules.find((rule) => rule.failsOn({ before, after: record }));
  if (failed) {
    const fields = failed.errorDisplayField ? [failed.errorDisplayField] : [];
    throw new SalesforceError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', failed.errorMessage, fields);
  }
  if (object.name !== 'Opportunity' || before !== null || typeof record.CloseDate !== 'string') return;
  const earliest = new Date(actor.org.clock().getTime() - CLOSE_DATE_GRACE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (record.CloseDate < earliest) {
    throw new SalesforceError(
      400,
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Close Date cannot be more than a year in the past.',
      ['CloseDate'],
    );
  }
}

const DUPLICATE_RULES: Record<string, { rule: string; matchRule: string }> = {
  Contact: { rule: 'Standard_Contact_Duplicate_Rule', matchRule: 'Standard_Contact_Match_Rule_v1_1' },
  Lead: { rule: 'Standard_Lead_Duplicate_Rule', matchRule: 'Standard_Lead_Match_Rule_v1_0' },
};

/** The standard duplicate rules, reduced to their exact-email criterion; they block the save (action "Block"). */
function checkDuplicates(actor: Actor, object: ObjectDef, record: StoredRecord): void {
  const rule = DUPLICATE_RULES[object.name];
  if (!rule || actor.allowDuplicates || typeof record.Email !== 'string' || record.Email === '') return;
  const email = record.Email.trim().toLowerCase();
  const matches = [...(actor.org.db.records.get(object.name)?.values() ?? [])].filter(
    (other) => other.Id !== record.Id && typeof other.Email === 'string' && other.Email.trim().toLowerCase() === email,
  );
  if (matches.length === 0) return;
  throw new DuplicatesDetectedError({
    allowSave: false,
    duplicateRule: rule.rule,
    duplicateRuleEntityType: object.name,
    errorMessage: 'Use one of these records?',
    matchResults: [
      {
        entityType: object.name,
        errors: [],
        matchEngine: 'FuzzyMatchEngine',
        matchRecords: matches.map((match) => ({
          additionalInformation: [],
          fieldDiffs: [],
          matchConfidence: 100,
          record: { attributes: { type: object.name, url: `/services/data/v${actor.apiVersion ?? '66.0'}/sobjects/${object.name}/${match.Id}` }, Id: match.Id },
        })),
        rule: rule.matchRule,
        size: matches.length,
        success: true,
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Fields the org maintains

function applyDefaults(actor: Actor, object: ObjectDef, record: StoredRecord): void {
  for (const field of object.fields) {
    if (record[field.name] !== undefined) continue;
    const picklistDefault = field.picklistValues?.find((entry) => entry.defaultValue)?.value;
    if (field.type === 'picklist' && picklistDefault !== undefined) record[field.name] = picklistDefault;
    else if (field.type === 'boolean') record[field.name] = false;
    else record[field.name] = null;
  }
  if ('OwnerId' in record && record.OwnerId === null) record.OwnerId = actor.user.id;
}

/** Stage changes bring the stage's default probability and forecast category unless the request sets them. */
function applyStageDefaults(object: ObjectDef, record: StoredRecord, values: Record<string, FieldValue>): void {
  if (object.name !== 'Opportunity' || !('StageName' in values)) return;
  const stage = typeof record.StageName === 'string' ? stageInfo(record.StageName) : undefined;
  if (!stage) return;
  if (!('Probability' in values)) record.Probability = stage.probability;
  if (!('ForecastCategoryName' in values)) record.ForecastCategoryName = stage.forecastCategoryName;
}

const HISTORY_TYPES: Record<string, string> = {
  Amount: 'Currency',
  CloseDate: 'Date',
  Probability: 'Percent',
  StageName: 'DynamicEnum',
  ForecastCategoryName: 'DynamicEnum',
  OwnerId: 'EntityId',
};

function trackHistory(actor: Actor, before: StoredRecord | null, after: StoredRecord, stamp: string): void {
  const history = actor.org.object('OpportunityFieldHistory');
  if (!history) return;
  const rows: { field: string; oldValue: FieldValue; newValue: FieldValue }[] = before
    ? TRACKED_OPPORTUNITY_FIELDS.filter((name) => before[name] !== after[name]).map((name) => ({
        field: name,
        oldValue: before[name] ?? null,
        newValue: after[name] ?? null,
      }))
    : [{ field: 'created', oldValue: null, newValue: null }];
  for (const row of rows) {
    actor.org.putRecord(history.name, {
      Id: actor.org.newId(history),
      IsDeleted: false,
      OpportunityId: after.Id,
      CreatedDate: stamp,
      CreatedById: actor.user.id,
      Field: row.field,
      DataType: HISTORY_TYPES[row.field] ?? (row.field === 'created' ? null : 'Text'),
      OldValue: row.oldValue === null ? null : String(row.oldValue),
      NewValue: row.newValue === null ? null : String(row.newValue),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Operations

function requireObjectPermission(
  actor: Actor,
  object: ObjectDef,
  operation: 'create' | 'edit' | 'delete',
): void {
  const verb = { create: 'inserted', edit: 'updated', delete: 'deleted' }[operation];
  const flag = { create: object.createable, edit: object.updateable, delete: object.deletable }[operation];
  if (!flag || !actor.access.canModifyObject(object.name, operation)) {
    throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', `entity type cannot be ${verb}: ${object.label}`);
  }
}

export function createRecord(actor: Actor, object: ObjectDef, input: Record<string, unknown>): StoredRecord {
  requireObjectPermission(actor, object, 'create');
  if (Object.keys(input).some((key) => key.toLowerCase() === 'id')) {
    throw new SalesforceError(400, 'INVALID_FIELD', 'Id field should not be specified in the sobject data.');
  }
  const values = parseInput(actor, object, input, 'create');
  const stamp = formatDateTime(actor.org.clock());
  const record: StoredRecord = { Id: actor.org.newId(object), ...values };
  applyDefaults(actor, object, record);
  assignAutoNumbers(actor, object, record);
  checkRequired(object, record, null);
  applyStageDefaults(object, record, values);
  const system: Record<string, FieldValue> = {
    IsDeleted: false,
    CreatedDate: stamp,
    CreatedById: actor.user.id,
    LastModifiedDate: stamp,
    LastModifiedById: actor.user.id,
    SystemModstamp: stamp,
  };
  for (const [name, value] of Object.entries(system)) if (name in record) record[name] = value;
  applyDerivedFields(actor.org.db, object.name, record);
  checkValidationRules(actor, object, record, null);
  checkUnique(actor, object, record);
  checkDuplicates(actor, object, record);
  actor.org.putRecord(object.name, record);
  if (object.name === 'Opportunity') trackHistory(actor, null, record, stamp);
  return record;
}

export function updateRecord(actor: Actor, object: ObjectDef, rawId: string, input: Record<string, unknown>): StoredRecord {
  requireObjectPermission(actor, object, 'edit');
  const current = visibleRecord(actor, object, rawId);
  const values = parseInput(actor, object, input, 'update');
  const stamp = formatDateTime(actor.org.clock());
  const record: StoredRecord = { ...current, ...values, Id: current.Id };
  checkRequired(object, record, new Set(Object.keys(values)));
  applyStageDefaults(object, record, values);
  record.LastModifiedDate = stamp;
  record.LastModifiedById = actor.user.id;
  record.SystemModstamp = stamp;
  applyDerivedFields(actor.org.db, object.name, record);
  checkValidationRules(actor, object, record, current);
  checkUnique(actor, object, record);
  if ('Email' in values) checkDuplicates(actor, object, record);
  actor.org.putRecord(object.name, record);
  if (object.name === 'Opportunity') trackHistory(actor, current, record, stamp);
  return record;
}

/** Deletes the record and, as the org's cascade-delete relationships say, its children; clears other look-ups. */
export function deleteRecord(actor: Actor, object: ObjectDef, rawId: string): void {
  requireObjectPermission(actor, object, 'delete');
  const record = visibleRecord(actor, object, rawId);
  removeWithChildren(actor, object, record.Id);
}

function removeWithChildren(actor: Actor, object: ObjectDef, id: string): void {
  actor.org.deleteRecord(object.name, id);
  for (const relation of object.childRelationships) {
    const child = actor.org.object(relation.childSObject);
    if (!child) continue;
    for (const childRecord of [...(actor.org.db.records.get(child.name)?.values() ?? [])]) {
      if (childRecord[relation.field] !== id) continue;
      if (relation.cascadeDelete) removeWithChildren(actor, child, childRecord.Id);
      else actor.org.putRecord(child.name, { ...childRecord, [relation.field]: null });
    }
  }
}
