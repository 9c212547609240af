/** Global describe, sObject basic information and full describe, as the running user sees them. */
import { describeFor } from '../access';
import type { FieldDef, FieldType, ObjectDef, StoredRecord } from '../model';
import { isGroupable } from '../schema-fields';
import type { RestContext } from './http';

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  encryptedstring: 'xsd:string',
  boolean: 'xsd:boolean',
  currency: 'xsd:double',
  double: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url', 'encryptedstring', 'id', 'reference']);

function objectUrls(ctx: RestContext, object: ObjectDef): Record<string, string> {
  const base = `/services/data/v${ctx.version}/sobjects/${object.name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    approvalLayouts: `${base}/describe/approvalLayouts`,
    defaultValues: `${base}/defaultValues?recordTypeId&fields`,
    listviews: `${base}/listviews`,
    describe: `${base}/describe`,
    quickActions: `${base}/quickActions`,
    layouts: `${base}/describe/layouts`,
    sobject: base,
  };
}

function objectSummary(ctx: RestContext, object: ObjectDef): Record<string, unknown> {
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: object.createable,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: object.deletable,
    deprecatedAndHidden: false,
    feedEnabled: !object.custom,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mergeable: ['Account', 'Contact', 'Lead'].includes(object.name),
    mruEnabled: true,
    name: object.name,
    queryable: object.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: object.queryable,
    triggerable: true,
    undeletable: object.deletable,
    updateable: object.updateable,
    urls: objectUrls(ctx, object),
  };
}

function readableObjects(ctx: RestContext): ObjectDef[] {
  return [...ctx.org.db.objects.values()].filter((object) => ctx.access.canReadObject(object.name));
}

export function globalDescribe(ctx: RestContext): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: readableObjects(ctx)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((object) => objectSummary(ctx, object)),
  };
}

function nameOf(object: ObjectDef, record: StoredRecord): unknown {
  const nameField = object.fields.find((field) => field.nameField)?.name ?? 'Name';
  return record[nameField] ?? null;
}

/** `/sobjects/X`: the object's summary and its most recently changed records the user can see. */
export function basicInfo(ctx: RestContext, object: ObjectDef): Record<string, unknown> {
  const nameField = object.fields.find((field) => field.nameField)?.name ?? 'Name';
  const visible = [...(ctx.org.db.records.get(object.name)?.values() ?? [])].filter((record) =>
    ctx.access.canSeeRecord(object.name, record),
  );
  visible.sort((a, b) => String(b.LastModifiedDate ?? '').localeCompare(String(a.LastModifiedDate ?? '')));
  return {
    objectDescribe: objectSummary(ctx, object),
    recentItems: visible.slice(0, 10).map((record) => ({
      attributes: { type: object.name, url: `/services/data/v${ctx.version}/sobjects/${object.name}/${record.Id}` },
      Id: record.Id,
      [nameField]: nameOf(object, record),
    })),
  };
}

function describeField(field: FieldDef): Record<string, unknown> {
  const text = TEXT_TYPES.has(field.type);
  const isNumber = ['currency', 'double', 'percent', 'int'].includes(field.type);
  const defaultPicklist = field.picklistValues?.find((entry) => entry.defaultValue)?.value;
  return {
    aggregatable: field.type !== 'textarea' || field.length <= 255,
    aiPredictionField: false,
    autoNumber: field.name === 'CaseNumber' || field.autoNumberFormat !== undefined,
    byteLength: text ? field.length * 3 : 0,
    calculated: field.calculated ?? false,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: field.caseSensitive ?? false,
    compoundFieldName: null,
    controllerName: null,
    createable: field.createable,
    custom: field.name.endsWith('__c'),
    defaultValue: field.type === 'boolean' ? false : (defaultPicklist ?? null),
    defaultValueFormula: null,
    defaultedOnCreate: field.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.type === 'int' ? 9 : 0,
    displayLocationInDecimal: false,
    encrypted: field.type === 'encryptedstring',
    externalId: field.externalId ?? false,
    extraTypeInfo: field.type === 'textarea' ? (field.length > 255 ? 'plaintextarea' : null) : null,
    filterable: field.filterable ?? true,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: isGroupable(field),
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: field.type === 'id' || field.name === 'Email' || field.name === 'CaseNumber' || field.externalId === true,
    inlineHelpText: null,
    label: field.label,
    length: text && field.type !== 'id' && field.type !== 'reference' ? field.length : field.type === 'id' || field.type === 'reference' ? 18 : 0,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.nameField ?? false,
    namePointing: (field.referenceTo?.length ?? 0) > 1,
    nillable: field.nillable,
    permissionable: field.nillable && field.createable,
    picklistValues: (field.picklistValues ?? []).map((entry) => ({
      active: entry.active,
      defaultValue: entry.defaultValue,
      label: entry.label,
      validFor: null,
      value: entry.value,
    })),
    polymorphicForeignKey: (field.referenceTo?.length ?? 0) > 1,
    precision: isNumber && field.type !== 'int' ? (field.precision ?? 18) : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName ?? null,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: field.restrictedPicklist ?? false,
    scale: isNumber ? (field.scale ?? 0) : 0,
    searchPrefilterable: field.type === 'reference',
    soapType: SOAP_TYPES[field.type],
    sortable: field.sortable ?? true,
    type: field.type,
    unique: field.name === 'Username' || field.unique === true,
    updateable: field.updateable,
    writeRequiresMasterRead: false,
  };
}

/**
 * `/sobjects/X/describe`: only the fields the user can read, createable/updateable as field-level security allows;
 * child relationships only to what the user can read.
 */
export function describeObject(ctx: RestContext, object: ObjectDef): Record<string, unknown> {
  const visible = describeFor(object, ctx.access) ?? { ...object, fields: [], childRelationships: [] };
  const fields = visible.fields.filter((field) => ctx.access.canReadField(object.name, field.name));
  const childRelationships = visible.childRelationships
    .filter((relation) => ctx.access.canReadObject(relation.childSObject))
    .filter((relation) => ctx.access.canReadField(relation.childSObject, relation.field))
    .map((relation) => ({
      cascadeDelete: relation.cascadeDelete ?? false,
      childSObject: relation.childSObject,
      deprecatedAndHidden: false,
      field: relation.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: relation.relationshipName,
      restrictedDelete: false,
    }));
  return {
    actionOverrides: [],
    ...objectSummary(ctx, object),
    childRelationships,
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: fields.map(describeField),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: `/services/data/v${ctx.version}/sobjects/${object.name}/describe/layouts/012000000000000AAA` },
      },
    ],
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [
      { label: 'All ' + object.labelPlural.toLowerCase(), name: 'everything' },
      { label: 'My ' + object.labelPlural.toLowerCase(), name: 'mine' },
    ],
  };
}
