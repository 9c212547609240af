/**
 * Who may see what in the sandbox org. Every REST call and query runs as its session's user, as in Salesforce.
 *
 * System Administrator (the full user, `restricted: false`): "View All Data" and "Modify All Data": every object,
 * field and record.
 *
 * Standard User (the restricted user, `restricted: true`):
 * - Object permissions: no access to `Competitor__c` (absent from global describe; queries give INVALID_TYPE).
 * - Field-level security: cannot read Account.AnnualRevenue, Contact.SSN__c, Contact.Birthdate,
 *   Opportunity.Probability and Opportunity.ExpectedRevenue (which would reveal Probability): these fields are absent
 *   from describe, and naming them in SOQL gives INVALID_FIELD. Opportunity.ForecastCategoryName is read-only
 *   (readable, but neither createable nor updateable). History rows of a field the user cannot read are hidden too.
 * - Sharing (org-wide default Private for Account, Contact, Opportunity and Case):
 *   - Account: owned by the user, or in the West territory (BillingState CA, OR or WA; criteria-based sharing rule).
 *   - Contact, Opportunity, Case: owned by the user, or their Account is visible. A contact without an account is
 *     private to its owner.
 *   - OpportunityContactRole: its Opportunity is visible. OpportunityFieldHistory: its Opportunity is visible and
 *     the changed field is readable.
 *   - Task, Event: owned by the user, or the record in WhatId or WhoId is visible.
 *   - Note: owned by the user, or not private and its parent is visible.
 *   - Lead (org-wide default Public Read/Write), User and Organization: all visible.
 *   - The setup objects (permission sets, their permissions and assignments, roles): all visible (both profiles have "View
 *     Setup and Configuration"); only the System Administrator may change them.
 * Objects deployed from metadata take their object permissions, field-level security and org-wide default from the
 * org's permission sets and the object's sharing model instead (permission-sets.ts); this holds for both users.
 * Rules are evaluated against the current records, so a record the restricted user creates (and owns) is visible
 * to them at once, and reassigning an account to them shares its children.
 */
import type { Access, Database, FieldDef, FieldValue, ObjectDef, OrgUser, StoredRecord } from './model';
import { PermissionGrants } from './permission-sets';
import { findField, findObject, objectByKeyPrefix } from './schema';
import { SETUP_OBJECT_NAMES } from './setup-objects';

export const STANDARD_USER_RULES = {
  objectsWithoutAccess: ['Competitor__c'],
  hiddenFields: {
    Account: ['AnnualRevenue'],
    Contact: ['SSN__c', 'Birthdate'],
    Opportunity: ['Probability', 'ExpectedRevenue'],
  } as Record<string, readonly string[]>,
  readOnlyFields: {
    Opportunity: ['ForecastCategoryName'],
  } as Record<string, readonly string[]>,
  territoryStates: ['CA', 'OR', 'WA'],
} as const;

const lower = (value: string): string => value.toLowerCase();

const toLowerSets = (rules: Record<string, readonly string[]>): Map<string, Set<string>> =>
  new Map(Object.entries(rules).map(([object, fields]) => [lower(object), new Set(fields.map(lower))]));

const HIDDEN_FIELDS = toLowerSets(STANDARD_USER_RULES.hiddenFields);
const READ_ONLY_FIELDS = toLowerSets(STANDARD_USER_RULES.readOnlyFields);
const OBJECTS_WITHOUT_ACCESS = new Set<string>(STANDARD_USER_RULES.objectsWithoutAccess.map(lower));
const TERRITORY_STATES = new Set<string>(STANDARD_USER_RULES.territoryStates);

const listed = (rules: Map<string, Set<string>>, object: string, fieldName: string): boolean =>
  rules.get(lower(object))?.has(lower(fieldName)) ?? false;

export function canReadObject(objectName: string, user: OrgUser): boolean {
  return !user.restricted || !OBJECTS_WITHOUT_ACCESS.has(lower(objectName));
}

export function canReadField(objectName: string, fieldName: string, user: OrgUser): boolean {
  return canReadObject(objectName, user) && !(user.restricted && listed(HIDDEN_FIELDS, objectName, fieldName));
}

function isWritableByProfile(objectName: string, fieldName: string, user: OrgUser): boolean {
  const readOnly = user.restricted && listed(READ_ONLY_FIELDS, objectName, fieldName);
  return canReadField(objectName, fieldName, user) && !readOnly;
}

function fieldDefinition(objectName: string, fieldName: string): FieldDef | undefined {
  const object = findObject(objectName);
  return object && findField(object, fieldName);
}

/** Whether the user may set the field on insert: the field is createable and field-level security allows edit. */
export function canCreateField(objectName: string, fieldName: string, user: OrgUser): boolean {
  return !!fieldDefinition(objectName, fieldName)?.createable && isWritableByProfile(objectName, fieldName, user);
}

/** Whether the user may change the field on update. */
export function canUpdateField(objectName: string, fieldName: string, user: OrgUser): boolean {
  return !!fieldDefinition(objectName, fieldName)?.updateable && isWritableByProfile(objectName, fieldName, user);
}

/**
 * The object's describe as this user sees it: readable fields only, createable/updateable narrowed by field-level
 * security and object permissions, and only the child relationships whose child object and field the user can read.
 * Undefined when the user has no access to the object at all.
 */
export function describeFor(object: ObjectDef, access: Access): ObjectDef | undefined {
  if (!access.canReadObject(object.name)) return undefined;
  const fields = object.fields
    .filter((f) => access.canReadField(object.name, f.name))
    .map((f) => ({
      ...f,
      createable: access.canWriteField(object.name, f.name, 'create') && access.canModifyObject(object.name, 'create'),
      updateable: access.canWriteField(object.name, f.name, 'update') && access.canModifyObject(object.name, 'edit'),
    }));
  return {
    ...object,
    createable: object.createable && access.canModifyObject(object.name, 'create'),
    updateable: object.updateable && access.canModifyObject(object.name, 'edit'),
    deletable: object.deletable && access.canModifyObject(object.name, 'delete'),
    fields,
    childRelationships: object.childRelationships.filter((r) => access.canReadField(r.childSObject, r.field)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Record sharing

const asId = (value: FieldValue | undefined): string | null => (typeof value === 'string' && value ? value : null);

class RecordVisibility {
  constructor(
    private readonly db: Database,
    private readonly user: OrgUser,
    private readonly grants: PermissionGrants,
  ) {}

  canSee(objectName: string, record: StoredRecord): boolean {
    const deployed = deployedObject(this.db, objectName);
    if (deployed) return this.canSeeDeployed(deployed, record);
    const object = findObject(objectName);
    if (!object || !canReadObject(object.name, this.user)) return false;
    if (!this.user.restricted) return true;
    return this.isShared(object.name, record);
  }

  /** The org-wide default of a deployed object, widened by View All (or View All Data). */
  private canSeeDeployed(object: ObjectDef, record: StoredRecord): boolean {
    const grant = this.grants.object(object.name);
    if (!grant.read) return false;
    return grant.viewAll || object.deployed?.sharingModel !== 'Private' || this.owns(record);
  }

  private owns(record: StoredRecord): boolean {
    return record.OwnerId === this.user.id;
  }

  private isShared(objectName: string, record: StoredRecord): boolean {
    switch (objectName) {
      case 'Account':
        return this.owns(record) || TERRITORY_STATES.has(String(record.BillingState ?? ''));
      case 'Contact':
      case 'Opportunity':
      case 'Case':
        return this.owns(record) || this.canSeeId(asId(record.AccountId));
      case 'OpportunityContactRole':
        return this.canSeeId(asId(record.OpportunityId));
      case 'OpportunityFieldHistory':
        return (
          this.canSeeId(asId(record.OpportunityId)) &&
          (record.Field === 'created' || canReadField('Opportunity', String(record.Field ?? ''), this.user))
        );
      case 'Task':
      case 'Event':
        return this.owns(record) || this.canSeeId(asId(record.WhatId)) || this.canSeeId(asId(record.WhoId));
      case 'Note':
        return this.owns(record) || (record.IsPrivate !== true && this.canSeeId(asId(record.ParentId)));
      case 'Lead':
      case 'User':
      case 'Organization':
        return true;
      default:
        return SETUP_OBJECT_NAMES.has(objectName) || this.owns(record);
    }
  }

  private canSeeId(id: string | null): boolean {
    if (!id) return false;
    const object = objectByKeyPrefix(id);
    const record = object ? this.db.records.get(object.name)?.get(id) : undefined;
    return !!object && !!record && this.canSee(object.name, record);
  }
}

/** The object when it was deployed from metadata (its permissions come from permission sets), else undefined. */
function deployedObject(db: Database, objectName: string): ObjectDef | undefined {
  const wanted = lower(objectName);
  for (const object of db.objects.values()) if (lower(object.name) === wanted) return object.deployed ? object : undefined;
  return undefined;
}

export function accessFor(db: Database, user: OrgUser): Access {
  const grants = new PermissionGrants(db, user);
  const visibility = new RecordVisibility(db, user, grants);
  const deployedField = (objectName: string, fieldName: string) => {
    const object = deployedObject(db, objectName);
    const field = object && findField(object, fieldName);
    return object && field ? { object, field, grant: grants.field(object.name, field) } : undefined;
  };
  return {
    canReadObject: (objectName) =>
      deployedObject(db, objectName) ? grants.object(objectName).read : canReadObject(objectName, user),
    canReadField: (objectName, fieldName) => {
      if (!deployedObject(db, objectName)) return canReadField(objectName, fieldName, user);
      return deployedField(objectName, fieldName)?.grant.read ?? false;
    },
    canSeeRecord: (objectName, record) => visibility.canSee(objectName, record),
    canModifyObject: (objectName, operation) => {
      if (deployedObject(db, objectName)) return grants.object(objectName)[operation];
      return !user.restricted || !SETUP_OBJECT_NAMES.has(findObject(objectName)?.name ?? '');
    },
    canWriteField: (objectName, fieldName, operation) => {
      if (!deployedObject(db, objectName)) {
        return operation === 'create' ? canCreateField(objectName, fieldName, user) : canUpdateField(objectName, fieldName, user);
      }
      const found = deployedField(objectName, fieldName);
      if (!found) return false;
      const flag = operation === 'create' ? found.field.createable : found.field.updateable;
      return flag && (found.grant.edit || isRequiredByObject(found.field));
    },
  };
}

/** A required field needs no field-level security: it is always visible and editable to those who can edit the object. */
function isRequiredByObject(field: FieldDef): boolean {
  return !field.nillable && !field.defaultedOnCreate && field.type !== 'boolean';
}
