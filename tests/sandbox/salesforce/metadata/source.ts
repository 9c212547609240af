/**
 * Reads the repository's Salesforce DX project the way `sf project deploy start` does: `sfdx-project.json` at the
 * top names the package directories, and each file's suffix says its metadata type (decomposed objects keep their
 * fields and validation rules in folders of their own). XML is parsed with fast-xml-parser and validated with zod.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const OptionalFlag = Flag.optional();
const Whole = z.string().regex(/^\d+$/).transform(Number);

const PicklistValueXml = z.object({ fullName: z.string(), label: z.string().optional(), default: OptionalFlag });

export const CustomFieldXml = z.object({
  fullName: z.string(),
  label: z.string(),
  type: z.enum(['Text', 'TextArea', 'LongTextArea', 'Number', 'Currency', 'Percent', 'Checkbox', 'Date', 'DateTime', 'Email', 'Phone', 'Url', 'Picklist', 'Lookup']),
  description: z.string().optional(),
  required: OptionalFlag,
  length: Whole.optional(),
  precision: Whole.optional(),
  scale: Whole.optional(),
  externalId: OptionalFlag,
  unique: OptionalFlag,
  caseSensitive: OptionalFlag,
  defaultValue: z.string().optional(),
  referenceTo: z.string().optional(),
  relationshipName: z.string().optional(),
  valueSet: z
    .object({
      restricted: OptionalFlag,
      valueSetDefinition: z.object({ value: z.array(PicklistValueXml) }),
    })
    .optional(),
});
export type CustomFieldXml = z.infer<typeof CustomFieldXml>;

export const CustomObjectXml = z.object({
  label: z.string(),
  pluralLabel: z.string(),
  nameField: z.object({ label: z.string(), type: z.enum(['Text', 'AutoNumber']), displayFormat: z.string().optional() }),
  sharingModel: z.enum(['Private', 'Read', 'ReadWrite']),
  deploymentStatus: z.enum(['Deployed', 'InDevelopment']).optional(),
});
export type CustomObjectXml = z.infer<typeof CustomObjectXml>;

export const ValidationRuleXml = z.object({
  fullName: z.string(),
  active: Flag,
  errorConditionFormula: z.string(),
  errorMessage: z.string(),
  errorDisplayField: z.string().optional(),
});
export type ValidationRuleXml = z.infer<typeof ValidationRuleXml>;

export const PermissionSetXml = z.object({
  label: z.string(),
  description: z.string().optional(),
  objectPermissions: z
    .array(
      z.object({
        object: z.string(),
        allowCreate: Flag,
        allowRead: Flag,
        allowEdit: Flag,
        allowDelete: Flag,
        viewAllRecords: Flag,
        modifyAllRecords: Flag,
      }),
    )
    .default([]),
  fieldPermissions: z.array(z.object({ field: z.string(), readable: Flag, editable: Flag })).default([]),
});
export type PermissionSetXml = z.infer<typeof PermissionSetXml>;

export const ReportTypeXml = z.object({
  baseObject: z.string(),
  label: z.string(),
  deployed: Flag,
  sections: z.array(z.object({ masterLabel: z.string(), columns: z.array(z.object({ field: z.string(), table: z.string() })) })),
});
export type ReportTypeXml = z.infer<typeof ReportTypeXml>;

const ColumnRef = z.object({ field: z.string() });
export const ReportXml = z.object({
  name: z.string(),
  reportType: z.string(),
  format: z.enum(['Tabular', 'Summary', 'Matrix']),
  columns: z.array(ColumnRef).default([]),
  groupingsDown: z.array(ColumnRef).default([]),
  filter: z.object({ criteriaItems: z.array(z.object({ column: z.string() })) }).optional(),
  timeFrameFilter: z.object({ dateColumn: z.string() }).optional(),
});
export type ReportXml = z.infer<typeof ReportXml>;

export interface MetadataSource {
  objects: { apiName: string; object: CustomObjectXml; fields: CustomFieldXml[]; validationRules: ValidationRuleXml[] }[];
  permissionSets: { name: string; permissionSet: PermissionSetXml }[];
  reportTypes: { name: string; reportType: ReportTypeXml }[];
  reports: { folder: string; name: string; report: ReportXml }[];
}

const REPEATED = new Set(['value', 'objectPermissions', 'fieldPermissions', 'sections', 'columns', 'groupingsDown', 'criteriaItems']);
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => REPEATED.has(name) });

function readXml<T>(path: string, root: string, schema: z.ZodType<T>): T {
  const document = parser.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const parsed = schema.safeParse(document[root]);
  if (!parsed.success) throw new Error(`${path}: not a valid ${root}: ${parsed.error.message}`);
  return parsed.data;
}

const SfdxProject = z.object({ packageDirectories: z.array(z.object({ path: z.string() })).min(1) });

/** Every file under the project's package directories, relative to the repository, with `/` separators. */
function sourceFiles(root: string): string[] {
  const project = SfdxProject.parse(JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')));
  return project.packageDirectories.flatMap(({ path }) =>
    readdirSync(join(root, path), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

const suffix = (file: string, type: string): string | null =>
  file.endsWith(`.${type}-meta.xml`) ? basename(file, `.${type}-meta.xml`) : null;

/** The project's components by type; a file of a type the sandbox does not deploy is an error, not skipped. */
export function readMetadataSource(root: string = REPOSITORY_ROOT): MetadataSource {
  const source: MetadataSource = { objects: [], permissionSets: [], reportTypes: [], reports: [] };
  const objectFor = (file: string) => {
    const apiName = basename(dirname(dirname(file)));
    const object = source.objects.find((candidate) => candidate.apiName === apiName);
    if (!object) throw new Error(`${file}: its object ${apiName} has no ${apiName}.object-meta.xml`);
    return object;
  };
  const files = sourceFiles(root).sort((a, b) => Number(b.endsWith('.object-meta.xml')) - Number(a.endsWith('.object-meta.xml')));
  for (const file of files) {
    const path = join(root, file);
    const objectName = suffix(file, 'object');
    const fieldName = suffix(file, 'field');
    const ruleName = suffix(file, 'validationRule');
    const permissionSetName = suffix(file, 'permissionset');
    const reportTypeName = suffix(file, 'reportType');
    const reportName = suffix(file, 'report');
    if (objectName) source.objects.push({ apiName: objectName, object: readXml(path, 'CustomObject', CustomObjectXml), fields: [], validationRules: [] });
    else if (fieldName) objectFor(file).fields.push(readXml(path, 'CustomField', CustomFieldXml));
    else if (ruleName) objectFor(file).validationRules.push(readXml(path, 'ValidationRule', ValidationRuleXml));
    else if (permissionSetName) source.permissionSets.push({ name: permissionSetName, permissionSet: readXml(path, 'PermissionSet', PermissionSetXml) });
    else if (reportTypeName) source.reportTypes.push({ name: reportTypeName, reportType: readXml(path, 'ReportType', ReportTypeXml) });
    else if (reportName) source.reports.push({ folder: basename(dirname(file)), name: reportName, report: readXml(path, 'Report', ReportXml) });
    else if (!suffix(file, 'reportFolder')) throw new Error(`${file}: the sandbox cannot deploy this kind of metadata`);
  }
  return source;
}
