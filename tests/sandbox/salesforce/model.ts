/**
 * The in-memory data model of the sandbox Salesforce org, shared by the SOQL engine, the REST API and the UI pages.
 * Values are stored the way the REST API returns them: dates as `YYYY-MM-DD`, datetimes as
 * `2026-11-21T17:00:00.000+0000`, numbers as numbers, booleans as booleans, empty as null.
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'reference'
  | 'boolean'
  | 'currency'
  | 'double'
  | 'percent'
  | 'int'
  | 'date'
  | 'datetime'
  | 'email'
  | 'phone'
  | 'url'
  | 'encryptedstring';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types; 0 for others (as describe reports). */
  length: number;
  precision?: number;
  scale?: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** Formula or roll-up: readable, never writable. */
  calculated?: boolean;
  picklistValues?: PicklistValue[];
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  /** Name of the parent relationship for reference fields (`Account` for `AccountId`, `Owner` for `OwnerId`). */
  relationshipName?: string | null;
  /** Whether the name field of the object (`Name`, or `Subject`/`CaseNumber` where that stands in). */
  nameField?: boolean;
  /** Whether SOQL may filter on it (false for long text areas). */
  filterable?: boolean;
  sortable?: boolean;
  /** An external ID: upserts may match records by it. */
  externalId?: boolean;
  /** No two records may share a value (case-insensitive unless `caseSensitive`). */
  unique?: boolean;
  caseSensitive?: boolean;
  /** An auto-number: the org assigns it on create from this display format (`AIE-{0000000000}`). */
  autoNumberFormat?: string;
}

export interface ChildRelationshipDef {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete?: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldDef[];
  childRelationships: ChildRelationshipDef[];
  /**
   * Set on objects deployed from metadata (tests/sandbox/salesforce/metadata): their object and field permissions come
   * from permission sets, and their org-wide default is `sharingModel`.
   */
  deployed?: { sharingModel: 'Private' | 'Read' | 'ReadWrite'; validationRules: ValidationRule[] };
}

/** A validation rule: the save fails with `errorMessage` when `failsOn` holds (its error condition formula is true). */
export interface ValidationRule {
  name: string;
  errorMessage: string;
  errorDisplayField?: string;
  failsOn(change: { before: StoredRecord | null; after: StoredRecord }): boolean;
}

export type FieldValue = string | number | boolean | null;

/** One stored record: field API name → value. Always has `Id`. */
export type StoredRecord = Record<string, FieldValue> & { Id: string };

/** What the running user may see; the SOQL engine and the REST layer both enforce it. */
export interface Access {
  canReadObject(object: string): boolean;
  canReadField(object: string, field: string): boolean;
  canSeeRecord(object: string, record: StoredRecord): boolean;
  /** Object permissions for writes (Create, Edit, Delete); the object's own describe flags apply on top. */
  canModifyObject(object: string, operation: 'create' | 'edit' | 'delete'): boolean;
  /** Field-level security for writes, and the field's own createable/updateable. */
  canWriteField(object: string, field: string, operation: 'create' | 'update'): boolean;
}

export interface Database {
  /** Object API name (canonical case) → definition. Look-ups are case-insensitive through `findObject`. */
  objects: Map<string, ObjectDef>;
  /** Object API name → record id (18 chars) → record. */
  records: Map<string, Map<string, StoredRecord>>;
  /** The org's clock: date literals (TODAY, THIS_QUARTER…) are relative to it, in the org's time zone (UTC here). */
  now(): Date;
}

/** A Salesforce REST error as it goes on the wire: `[{message, errorCode, fields?}]`. */
export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

export interface OrgUser {
  /** 18-character User id (005…). */
  id: string;
  username: string;
  password: string;
  name: string;
  email: string;
  profile: 'System Administrator' | 'Standard User';
  /** The restricted user lacks field-level access to some fields and sees fewer records by sharing. */
  restricted: boolean;
}

/** Everything one tenant of the sandbox starts with. */
export interface OrgSeed {
  db: Database;
  users: OrgUser[];
  accessFor(user: OrgUser): Access;
}
