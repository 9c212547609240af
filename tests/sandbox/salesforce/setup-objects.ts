/**
 * The setup objects that hold who may do what: PermissionSet (a profile owns one too), ObjectPermissions,
 * FieldPermissions and PermissionSetAssignment; and UserRole, the role hierarchy (User.UserRoleId). Deploying metadata fills them (metadata/deploy.ts); an admin assigns a
 * permission set by inserting a PermissionSetAssignment, as `sf org assign permset` does; access.ts reads them.
 */
import type { ObjectDef } from './model';
import { audit, checkbox, field, idField, isDeleted, lookup, readOnly, text } from './schema-fields';

const setupObject = (name: string, label: string, labelPlural: string, keyPrefix: string, fields: ObjectDef['fields']): ObjectDef => ({
  name,
  label,
  labelPlural,
  keyPrefix,
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  childRelationships: [],
  fields: [idField(`${label} ID`), ...fields, ...audit()],
});

const permission = (name: string, label: string) => checkbox(name, label);

export const SETUP_OBJECTS: ObjectDef[] = [
  setupObject('PermissionSet', 'Permission Set', 'Permission Sets', '0PS', [
    text('Name', 'Name', 80, { nillable: false, nameField: true }),
    text('Label', 'Label', 80, { nillable: false }),
    text('Description', 'Description', 255),
    checkbox('IsOwnedByProfile', 'Is Owned By Profile', readOnly),
    text('ProfileName', 'Profile Name', 80, readOnly),
    permission('PermissionsViewAllData', 'View All Data'),
    permission('PermissionsModifyAllData', 'Modify All Data'),
    permission('PermissionsViewSetup', 'View Setup and Configuration'),
  ]),
  setupObject('ObjectPermissions', 'Object Permissions', 'Object Permissions', '110', [
    lookup('ParentId', 'Parent ID', ['PermissionSet'], 'Parent', { nillable: false, updateable: false }),
    text('SobjectType', 'Sobject Type Name', 40, { nillable: false, updateable: false }),
    permission('PermissionsCreate', 'Create'),
    permission('PermissionsRead', 'Read'),
    permission('PermissionsEdit', 'Edit'),
    permission('PermissionsDelete', 'Delete'),
    permission('PermissionsViewAllRecords', 'View All'),
    permission('PermissionsModifyAllRecords', 'Modify All'),
  ]),
  setupObject('FieldPermissions', 'Field Permissions', 'Field Permissions', '01k', [
    lookup('ParentId', 'Parent ID', ['PermissionSet'], 'Parent', { nillable: false, updateable: false }),
    text('SobjectType', 'Sobject Type Name', 40, { nillable: false, updateable: false }),
    text('Field', 'Field Name', 255, { nillable: false, updateable: false }),
    permission('PermissionsRead', 'Read'),
    permission('PermissionsEdit', 'Edit'),
  ]),
  setupObject('PermissionSetAssignment', 'Permission Set Assignment', 'Permission Set Assignments', '0Pa', [
    isDeleted(),
    lookup('AssigneeId', 'Assignee ID', ['User'], 'Assignee', { nillable: false, updateable: false }),
    lookup('PermissionSetId', 'Permission Set ID', ['PermissionSet'], 'PermissionSet', { nillable: false, updateable: false }),
    field('ExpirationDate', 'Expiration Date', 'datetime'),
  ]),
  setupObject('UserRole', 'Role', 'Roles', '00E', [
    text('Name', 'Name', 80, { nillable: false, nameField: true }),
    text('DeveloperName', 'Developer Name', 80, { nillable: false }),
    lookup('ParentRoleId', 'Parent Role ID', ['UserRole'], 'ParentRole'),
    text('RollupDescription', 'Description', 80),
  ]),
];

export const SETUP_OBJECT_NAMES: ReadonlySet<string> = new Set(SETUP_OBJECTS.map((object) => object.name));
