/**
 * Permissions that come from the org's permission set records (setup-objects.ts), as Salesforce computes them for
 * objects deployed from metadata: a user has the union of the permission sets assigned to them, their profile's
 * included. A profile with "Modify All Data" (System Administrator) has every object permission, but field-level
 * security on deployed fields is only what a permission set grants: the Metadata API grants it to no profile.
 * System fields (Id, Name, OwnerId, audit fields) are readable by anyone who can read the object.
 */
import type { Database, FieldDef, OrgUser, StoredRecord } from './model';

export interface ObjectGrant {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

const NONE: ObjectGrant = { create: false, read: false, edit: false, delete: false, viewAll: false, modifyAll: false };
const ALL: ObjectGrant = { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true };

const SYSTEM_FIELDS = new Set(['id', 'name', 'ownerid', 'isdeleted', 'createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp']);

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

function rows(db: Database, object: string): StoredRecord[] {
  return [...(db.records.get(object)?.values() ?? [])];
}

/** The ids of the permission sets assigned to the user now (expired assignments left out). */
function assignedPermissionSets(db: Database, user: OrgUser): StoredRecord[] {
  const now = db.now().getTime();
  const ids = new Set(
    rows(db, 'PermissionSetAssignment')
      .filter((row) => row.AssigneeId === user.id)
      .filter((row) => typeof row.ExpirationDate !== 'string' || Date.parse(row.ExpirationDate.replace('+0000', 'Z')) > now)
      .map((row) => row.PermissionSetId),
  );
  return rows(db, 'PermissionSet').filter((row) => ids.has(row.Id));
}

export class PermissionGrants {
  constructor(
    private readonly db: Database,
    private readonly user: OrgUser,
  ) {}

  /** "Modify All Data" on any assigned permission set (the System Administrator profile's has it). */
  modifiesAllData(): boolean {
    return assignedPermissionSets(this.db, this.user).some((set) => set.PermissionsModifyAllData === true);
  }

  viewsAllData(): boolean {
    return assignedPermissionSets(this.db, this.user).some((set) => set.PermissionsViewAllData === true);
  }

  object(objectName: string): ObjectGrant {
    if (this.modifiesAllData()) return ALL;
    const sets = new Set(assignedPermissionSets(this.db, this.user).map((set) => set.Id));
    const grant = { ...NONE };
    for (const row of rows(this.db, 'ObjectPermissions')) {
      if (!sets.has(String(row.ParentId)) || !same(row.SobjectType, objectName)) continue;
      grant.create ||= row.PermissionsCreate === true;
      grant.read ||= row.PermissionsRead === true;
      grant.edit ||= row.PermissionsEdit === true;
      grant.delete ||= row.PermissionsDelete === true;
      grant.viewAll ||= row.PermissionsViewAllRecords === true;
      grant.modifyAll ||= row.PermissionsModifyAllRecords === true;
    }
    grant.viewAll ||= this.viewsAllData() && grant.read;
    return grant;
  }

  field(objectName: string, field: FieldDef): { read: boolean; edit: boolean } {
    if (!this.object(objectName).read) return { read: false, edit: false };
    if (SYSTEM_FIELDS.has(field.name.toLowerCase())) return { read: true, edit: false };
    const sets = new Set(assignedPermissionSets(this.db, this.user).map((set) => set.Id));
    const qualified = `${objectName}.${field.name}`;
    const grant = { read: false, edit: false };
    for (const row of rows(this.db, 'FieldPermissions')) {
      if (!sets.has(String(row.ParentId)) || !same(row.Field, qualified)) continue;
      grant.read ||= row.PermissionsRead === true;
      grant.edit ||= row.PermissionsEdit === true;
    }
    return grant;
  }
}

/** Values of the profile-owned permission set of each seeded profile, as a fresh org has them. */
export function profilePermissionSet(profile: OrgUser['profile']): Record<string, string | boolean> {
  const admin = profile === 'System Administrator';
  return {
    Name: admin ? 'X00e5g000000SysAdmin' : 'X00e5g000000Standard',
    Label: admin ? '00e5g000000SysAdmin' : '00e5g000000Standard',
    ProfileName: profile,
    IsOwnedByProfile: true,
    PermissionsViewAllData: admin,
    PermissionsModifyAllData: admin,
    PermissionsViewSetup: true,
  };
}
