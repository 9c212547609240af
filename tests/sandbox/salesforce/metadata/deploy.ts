/**
 * Deploys the repository's metadata into a sandbox org, as `sf project deploy start` would into a real one: custom
 * objects with their fields and validation rules (the object's describe, sharing model and rules come from the XML),
 * permission sets (as PermissionSet, ObjectPermissions and FieldPermissions records), and report types and reports
 * (checked against the objects and each other; the sandbox serves no reports). A reference to something that does
 * not exist fails the deploy, naming the component. Deploying again updates the definitions and keeps the records.
 */
import type { FieldDef, ObjectDef, StoredRecord, ValidationRule } from '../model';
import type { Org } from '../org';
import { dateTime, field, idField, isDeleted, lookup, ownerId, picklistValues, readOnly, systemDateTime, systemReference, text } from '../schema-fields';
import { compileCondition } from './formula';
import { readMetadataSource, type CustomFieldXml, type MetadataSource } from './source';

export interface DeployResult {
  success: true;
  components: { type: string; fullName: string }[];
}

export class DeployError extends Error {
  constructor(component: string, problem: string) {
    super(`${component}: ${problem}`);
  }
}

/** Key prefixes for deployed custom objects, in deploy order (Competitor__c, seeded, has a0X). */
const CUSTOM_KEY_PREFIXES = ['a1G', 'a1H', 'a1I', 'a1J'];

function customField(xml: CustomFieldXml): FieldDef {
  const common = { nillable: xml.required !== true, externalId: xml.externalId, unique: xml.unique, caseSensitive: xml.caseSensitive };
  switch (xml.type) {
    case 'Text':
      return text(xml.fullName, xml.label, xml.length ?? 255, common);
    case 'TextArea':
      return field(xml.fullName, xml.label, 'textarea', { ...common, length: 255 });
    case 'LongTextArea':
      return field(xml.fullName, xml.label, 'textarea', { ...common, length: xml.length ?? 32768 });
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const type = xml.type === 'Number' ? 'double' : xml.type === 'Currency' ? 'currency' : 'percent';
      return field(xml.fullName, xml.label, type, { ...common, precision: xml.precision ?? 18, scale: xml.scale ?? 0 });
    }
    case 'Checkbox':
      return field(xml.fullName, xml.label, 'boolean', { ...common, nillable: false, defaultedOnCreate: true });
    case 'Date':
      return field(xml.fullName, xml.label, 'date', common);
    case 'DateTime':
      return dateTime(xml.fullName, xml.label, common);
    case 'Email':
    case 'Phone':
    case 'Url':
      return field(xml.fullName, xml.label, xml.type.toLowerCase() as 'email' | 'phone' | 'url', common);
    case 'Picklist': {
      const values = xml.valueSet?.valueSetDefinition.value ?? [];
      const defaultValue = values.find((value) => value.default)?.fullName;
      return field(xml.fullName, xml.label, 'picklist', {
        ...common,
        picklistValues: picklistValues(values.map((value) => [value.fullName, value.label ?? value.fullName]), defaultValue),
        restrictedPicklist: xml.valueSet?.restricted ?? false,
        defaultedOnCreate: defaultValue !== undefined,
      });
    }
    case 'Lookup':
      if (!xml.referenceTo) throw new DeployError(`CustomField ${xml.fullName}`, 'a lookup needs referenceTo');
      return lookup(xml.fullName, xml.label, [xml.referenceTo], xml.fullName.replace(/__c$/, '__r'), common);
  }
}

function objectDefinition(org: Org, entry: MetadataSource['objects'][number]): ObjectDef {
  const { apiName, object } = entry;
  if (!apiName.endsWith('__c')) throw new DeployError(`CustomObject ${apiName}`, 'a custom object name ends in __c');
  const existing = org.object(apiName);
  const taken = new Set([...org.db.objects.values()].map((def) => def.keyPrefix));
  const keyPrefix = existing?.keyPrefix ?? CUSTOM_KEY_PREFIXES.find((prefix) => !taken.has(prefix));
  if (!keyPrefix) throw new DeployError(`CustomObject ${apiName}`, 'no key prefix left in the sandbox');
  const autoNumber = object.nameField.type === 'AutoNumber';
  const name = text('Name', object.nameField.label, 80, {
    nameField: true,
    nillable: autoNumber,
    ...(autoNumber ? { ...readOnly, defaultedOnCreate: true, autoNumberFormat: object.nameField.displayFormat ?? '{0}' } : {}),
  });
  const fields: FieldDef[] = [
    idField('Record ID'),
    ownerId('Owner ID'),
    isDeleted(),
    name,
    systemDateTime('CreatedDate', 'Created Date'),
    systemReference('CreatedById', 'Created By ID', 'CreatedBy'),
    systemDateTime('LastModifiedDate', 'Last Modified Date'),
    systemReference('LastModifiedById', 'Last Modified By ID', 'LastModifiedBy'),
    systemDateTime('SystemModstamp', 'System Modstamp'),
    ...entry.fields.map(customField),
  ];
  const definition: ObjectDef = {
    name: apiName,
    label: object.label,
    labelPlural: object.pluralLabel,
    keyPrefix,
    custom: true,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    childRelationships: existing?.childRelationships ?? [],
    fields,
    deployed: { sharingModel: object.sharingModel, validationRules: [] },
  };
  const fieldName = (reference: string): string => {
    const found = fields.find((candidate) => candidate.name.toLowerCase() === reference.toLowerCase());
    if (!found) throw new Error(`Field ${reference} does not exist`);
    return found.name;
  };
  definition.deployed?.validationRules.push(
    ...entry.validationRules
      .filter((rule) => rule.active)
      .map((rule): ValidationRule => {
        try {
          return {
            name: rule.fullName,
            errorMessage: rule.errorMessage,
            errorDisplayField: rule.errorDisplayField ? fieldName(rule.errorDisplayField) : undefined,
            failsOn: compileCondition(rule.errorConditionFormula, fieldName),
          };
        } catch (error) {
          throw new DeployError(`ValidationRule ${apiName}.${rule.fullName}`, error instanceof Error ? error.message : String(error));
        }
      }),
  );
  return definition;
}

/** Lookups show up as child relationships on the parent's describe. */
function linkParents(org: Org, child: ObjectDef, entry: MetadataSource['objects'][number]): void {
  for (const xml of entry.fields.filter((candidate) => candidate.type === 'Lookup')) {
    const parent = org.object(xml.referenceTo ?? '');
    if (!parent) throw new DeployError(`CustomField ${child.name}.${xml.fullName}`, `referenceTo ${xml.referenceTo} does not exist`);
    const relationshipName = `${xml.relationshipName ?? child.name.replace(/__c$/, '')}__r`;
    const others = parent.childRelationships.filter((relation) => !(relation.childSObject === child.name && relation.field === xml.fullName));
    org.db.objects.set(parent.name, { ...parent, childRelationships: [...others, { childSObject: child.name, field: xml.fullName, relationshipName }] });
  }
}

class RecordWriter {
  constructor(private readonly org: Org) {}

  insert(objectName: string, values: Record<string, string | boolean>): StoredRecord {
    const object = this.org.object(objectName);
    if (!object) throw new Error(`sandbox: no ${objectName}`);
    const stamp = this.org.clock().toISOString().replace('Z', '+0000');
    const admin = this.org.user('full').id;
    const record: StoredRecord = {
      Id: this.org.newId(object),
      CreatedDate: stamp,
      CreatedById: admin,
      LastModifiedDate: stamp,
      LastModifiedById: admin,
      SystemModstamp: stamp,
      ...values,
    };
    this.org.putRecord(object.name, record);
    return record;
  }

  removeWhere(objectName: string, matches: (record: StoredRecord) => boolean): void {
    for (const record of [...this.org.table(objectName).values()]) if (matches(record)) this.org.table(objectName).delete(record.Id);
  }
}

function deployPermissionSets(org: Org, source: MetadataSource): void {
  const writer = new RecordWriter(org);
  for (const { name, permissionSet } of source.permissionSets) {
    const component = `PermissionSet ${name}`;
    for (const grant of permissionSet.objectPermissions) {
      if (!org.object(grant.object)) throw new DeployError(component, `In field: object - no CustomObject named ${grant.object} found`);
    }
    for (const grant of permissionSet.fieldPermissions) {
      const [objectName = '', fieldName = ''] = grant.field.split('.');
      const object = org.object(objectName);
      if (!object || !org.field(object, fieldName)) throw new DeployError(component, `In field: field - no CustomField named ${grant.field} found`);
    }
    const existing = [...org.table('PermissionSet').values()].find((row) => row.Name === name);
    if (existing) {
      writer.removeWhere('ObjectPermissions', (row) => row.ParentId === existing.Id);
      writer.removeWhere('FieldPermissions', (row) => row.ParentId === existing.Id);
    }
    const set = existing ?? writer.insert('PermissionSet', { Name: name, Label: permissionSet.label, IsOwnedByProfile: false, PermissionsViewAllData: false, PermissionsModifyAllData: false, PermissionsViewSetup: false });
    Object.assign(set, { Label: permissionSet.label, Description: permissionSet.description ?? null });
    for (const grant of permissionSet.objectPermissions) {
      writer.insert('ObjectPermissions', {
        ParentId: set.Id,
        SobjectType: grant.object,
        PermissionsCreate: grant.allowCreate,
        PermissionsRead: grant.allowRead,
        PermissionsEdit: grant.allowEdit,
        PermissionsDelete: grant.allowDelete,
        PermissionsViewAllRecords: grant.viewAllRecords,
        PermissionsModifyAllRecords: grant.modifyAllRecords,
      });
    }
    for (const grant of permissionSet.fieldPermissions) {
      writer.insert('FieldPermissions', {
        ParentId: set.Id,
        SobjectType: grant.field.split('.')[0] ?? '',
        Field: grant.field,
        PermissionsRead: grant.readable,
        PermissionsEdit: grant.editable,
      });
    }
  }
}

/**
 * A report type column resolved against the org: `Feature__c`, or a path through lookups (`User__c.Department`,
 * `User__c.UserRole.Name`): the first hop is the base object's lookup field, the next ones relationship names.
 */
function checkColumn(org: Org, base: ObjectDef, path: string, component: string): void {
  const [first = '', ...rest] = path.split('.');
  let found = org.field(base, first);
  let object = base;
  if (!found) throw new DeployError(component, `no field ${first} on ${base.name}`);
  for (const [index, hop] of rest.entries()) {
    const target: ObjectDef | undefined = found.type === 'reference' ? org.object(found.referenceTo?.[0] ?? '') : undefined;
    if (!target) throw new DeployError(component, `${found.name} on ${object.name} is not a lookup`);
    object = target;
    const last = index === rest.length - 1;
    found = last ? org.field(target, hop) : target.fields.find((candidate: FieldDef) => candidate.relationshipName?.toLowerCase() === hop.toLowerCase());
    if (!found) throw new DeployError(component, `no ${last ? 'field' : 'relationship'} ${hop} on ${target.name}`);
  }
}

function checkReports(org: Org, source: MetadataSource): void {
  const columnsOf = new Map<string, Set<string>>();
  for (const { name, reportType } of source.reportTypes) {
    const component = `ReportType ${name}`;
    const base = org.object(reportType.baseObject);
    if (!base) throw new DeployError(component, `no object ${reportType.baseObject}`);
    const columns = new Set<string>();
    for (const column of reportType.sections.flatMap((section) => section.columns)) {
      if (column.table !== base.name) throw new DeployError(component, `table ${column.table} is not ${base.name}`);
      checkColumn(org, base, column.field, component);
      columns.add(`${base.name}$${column.field}`);
    }
    columnsOf.set(`${name}__c`, columns);
  }
  for (const { folder, name, report } of source.reports) {
    const component = `Report ${folder}/${name}`;
    const columns = columnsOf.get(report.reportType);
    if (!columns) throw new DeployError(component, `no report type ${report.reportType}`);
    const used = [
      ...report.columns.map((column) => column.field),
      ...report.groupingsDown.map((grouping) => grouping.field),
      ...(report.filter?.criteriaItems.map((item) => item.column) ?? []),
      ...(report.timeFrameFilter ? [report.timeFrameFilter.dateColumn] : []),
    ];
    const unknown = used.find((column) => !columns.has(column));
    if (unknown) throw new DeployError(component, `the report type has no column ${unknown}`);
  }
}

/** Deploys the metadata (the repository's by default) into the org; throws DeployError and changes nothing on a bad reference. */
export function deployMetadata(org: Org, source: MetadataSource = readMetadataSource()): DeployResult {
  const objects = source.objects.map((entry) => ({ entry, definition: objectDefinition(org, entry) }));
  const before = new Map(org.db.objects);
  try {
    for (const { definition } of objects) {
      org.db.objects.set(definition.name, definition);
      org.table(definition.name);
    }
    for (const { entry, definition } of objects) linkParents(org, definition, entry);
    checkReports(org, source);
    deployPermissionSets(org, source);
  } catch (error) {
    org.db.objects.clear();
    for (const [name, definition] of before) org.db.objects.set(name, definition);
    throw error;
  }
  return {
    success: true,
    components: [
      ...source.objects.flatMap(({ apiName, fields, validationRules }) => [
        { type: 'CustomObject', fullName: apiName },
        ...fields.map((xml) => ({ type: 'CustomField', fullName: `${apiName}.${xml.fullName}` })),
        ...validationRules.map((rule) => ({ type: 'ValidationRule', fullName: `${apiName}.${rule.fullName}` })),
      ]),
      ...source.permissionSets.map(({ name }) => ({ type: 'PermissionSet', fullName: name })),
      ...source.reportTypes.map(({ name }) => ({ type: 'ReportType', fullName: name })),
      ...source.reports.map(({ folder, name }) => ({ type: 'Report', fullName: `${folder}/${name}` })),
    ],
  };
}
