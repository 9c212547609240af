/**
 * What the Lightning-like pages show, as JSON view models computed for the signed-in user (sharing and field-level
 * security apply, as in Lightning). The page script renders them; `/ui-data/view?path=…` serves them.
 */
import { normalizeId } from '../ids';
import type { Access, FieldDef, ObjectDef, OrgUser, StoredRecord } from '../model';
import type { Org } from '../org';

export interface RecordLink {
  id: string;
  objectName: string;
  name: string;
}

export interface FieldView {
  name: string;
  label: string;
  value: string | null;
  link?: RecordLink;
}

export interface RelatedListView {
  relationshipName: string;
  label: string;
  objectName: string;
  total: number;
  records: (RecordLink & { detail: string | null })[];
}

export type View =
  | { kind: 'home'; title: string; recent: (RecordLink & { objectLabel: string })[] }
  | { kind: 'list'; title: string; objectName: string; objectLabelPlural: string; columns: string[];
      rows: { link: RecordLink; cells: (string | null)[] }[] }
  | { kind: 'record'; title: string; mode: 'view' | 'edit'; objectName: string; objectLabel: string; id: string;
      name: string; fields: FieldView[]; related: RelatedListView[] }
  | { kind: 'related'; title: string; parent: RecordLink & { objectLabel: string }; list: RelatedListView }
  | { kind: 'setup'; title: string; section: string }
  | { kind: 'error'; title: string; heading: string; message: string };

/** The fields a record page shows first, per object (others: the first readable business fields). */
const HIGHLIGHTS: Record<string, string[]> = {
  Account: ['Type', 'Industry', 'Phone', 'Website', 'BillingCity', 'BillingState', 'AnnualRevenue', 'NumberOfEmployees', 'OwnerId', 'Description'],
  Contact: ['AccountId', 'Title', 'Email', 'Phone', 'MobilePhone', 'MailingCity', 'ReportsToId', 'OwnerId'],
  Lead: ['Company', 'Title', 'Email', 'Phone', 'Status', 'LeadSource', 'Rating', 'OwnerId'],
  Opportunity: ['AccountId', 'StageName', 'Amount', 'CloseDate', 'Probability', 'Type', 'NextStep', 'OwnerId'],
  Case: ['CaseNumber', 'Subject', 'Status', 'Priority', 'Origin', 'AccountId', 'ContactId', 'OwnerId'],
  Task: ['Subject', 'Status', 'Priority', 'ActivityDate', 'WhoId', 'WhatId', 'OwnerId', 'Description'],
  Event: ['Subject', 'StartDateTime', 'EndDateTime', 'Location', 'WhoId', 'WhatId', 'OwnerId'],
  User: ['Title', 'Department', 'Email', 'Phone', 'ManagerId'],
};

/** Related lists shown on record pages, in Lightning's usual order. */
const RELATED_LISTS = ['Contacts', 'Opportunities', 'OpportunityContactRoles', 'Cases', 'Competitors__r', 'Tasks', 'Events', 'Notes'];

const LIST_COLUMNS: Record<string, string[]> = {
  Account: ['Phone', 'BillingState', 'Type'],
  Contact: ['AccountId', 'Title', 'Email'],
  Lead: ['Company', 'Email', 'Status'],
  Opportunity: ['AccountId', 'StageName', 'CloseDate'],
  Case: ['Subject', 'Status', 'Priority'],
};

/** The detail shown next to each record in a related list. */
const RELATED_DETAIL: Record<string, string> = {
  Contact: 'Title',
  Opportunity: 'StageName',
  Case: 'Subject',
  Task: 'Status',
  Event: 'ActivityDate',
  Competitor__c: 'Threat_Level__c',
};

const SYSTEM_FIELDS = new Set(['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);

export class ViewBuilder {
  private readonly access: Access;

  constructor(
    private readonly org: Org,
    readonly user: OrgUser,
  ) {
    this.access = org.accessFor(user);
  }

  nameOf(object: ObjectDef, record: StoredRecord): string {
    const nameField = object.fields.find((field) => field.nameField)?.name ?? 'Name';
    const value = record[nameField] ?? record.Name ?? record.Id;
    return String(value);
  }

  /** A visible record by id, with its object. */
  find(rawId: string): { object: ObjectDef; record: StoredRecord } | undefined {
    const id = normalizeId(rawId);
    const found = id ? this.org.locate(id) : undefined;
    if (!found || !this.access.canReadObject(found.object.name)) return undefined;
    return this.access.canSeeRecord(found.object.name, found.record) ? found : undefined;
  }

  private link(object: ObjectDef, record: StoredRecord): RecordLink {
    return { id: record.Id, objectName: object.name, name: this.nameOf(object, record) };
  }

  private readable(object: ObjectDef, name: string): FieldDef | undefined {
    const field = this.org.field(object, name);
    return field && this.access.canReadField(object.name, field.name) ? field : undefined;
  }

  private fieldView(object: ObjectDef, record: StoredRecord, field: FieldDef): FieldView {
    const raw = record[field.name];
    const view: FieldView = { name: field.name, label: field.label, value: raw === null || raw === undefined ? null : String(raw) };
    if (field.type === 'reference' && typeof raw === 'string') {
      const target = this.find(raw);
      if (target) {
        view.link = this.link(target.object, target.record);
        view.value = view.link.name;
      }
    }
    if (field.type === 'reference' && field.label.endsWith(' ID')) view.label = field.label.slice(0, -3);
    return view;
  }

  private cell(object: ObjectDef, record: StoredRecord, name: string): string | null {
    const field = this.readable(object, name);
    return field ? this.fieldView(object, record, field).value : null;
  }

  private relatedList(object: ObjectDef, record: StoredRecord, relationshipName: string, limit: number): RelatedListView | undefined {
    const relation = object.childRelationships.find((candidate) => candidate.relationshipName === relationshipName);
    const child = relation ? this.org.object(relation.childSObject) : undefined;
    if (!relation || !child || !this.access.canReadObject(child.name) || !this.access.canReadField(child.name, relation.field)) {
      return undefined;
    }
    const rows = [...(this.org.db.records.get(child.name)?.values() ?? [])].filter(
      (row) => row[relation.field] === record.Id && this.access.canSeeRecord(child.name, row),
    );
    const contact = this.org.object('Contact');
    const records = rows.slice(0, limit).map((row) => {
      // Contact roles link to the contact, as Lightning's related list does.
      if (child.name === 'OpportunityContactRole' && contact && typeof row.ContactId === 'string') {
        const target = this.find(row.ContactId);
        if (target) return { ...this.link(target.object, target.record), detail: row.Role === null ? null : String(row.Role ?? '') };
      }
      const detailField = RELATED_DETAIL[child.name];
      return { ...this.link(child, row), detail: detailField ? this.cell(child, row, detailField) : null };
    });
    return { relationshipName, label: relationshipName === 'OpportunityContactRoles' ? 'Contact Roles' : child.labelPlural, objectName: child.name, total: rows.length, records };
  }

  record(rawId: string, mode: 'view' | 'edit'): View {
    const found = this.find(rawId);
    if (!found) return this.unavailable();
    const { object, record } = found;
    const highlighted = (HIGHLIGHTS[object.name] ?? object.fields.filter((f) => !SYSTEM_FIELDS.has(f.name)).slice(0, 8).map((f) => f.name))
      .map((name) => this.readable(object, name))
      .filter((field): field is FieldDef => field !== undefined);
    const name = this.nameOf(object, record);
    return {
      kind: 'record',
      title: `${name} | ${object.label} | Salesforce`,
      mode,
      objectName: object.name,
      objectLabel: object.label,
      id: record.Id,
      name,
      fields: highlighted.map((field) => this.fieldView(object, record, field)),
      related: RELATED_LISTS.map((relation) => this.relatedList(object, record, relation, 6)).filter(
        (list): list is RelatedListView => list !== undefined,
      ),
    };
  }

  related(rawId: string, relationshipName: string): View {
    const found = this.find(rawId);
    const list = found ? this.relatedList(found.object, found.record, relationshipName, 200) : undefined;
    if (!found || !list) return this.unavailable();
    return {
      kind: 'related',
      title: `${list.label} | ${this.nameOf(found.object, found.record)} | Salesforce`,
      parent: { ...this.link(found.object, found.record), objectLabel: found.object.label },
      list,
    };
  }

  list(objectName: string): View {
    const object = this.org.object(objectName);
    if (!object || !this.access.canReadObject(object.name)) return this.unavailable();
    const rows = [...(this.org.db.records.get(object.name)?.values() ?? [])]
      .filter((record) => this.access.canSeeRecord(object.name, record))
      .sort((a, b) => String(b.LastModifiedDate ?? '').localeCompare(String(a.LastModifiedDate ?? '')))
      .slice(0, 50);
    const columns = (LIST_COLUMNS[object.name] ?? []).filter((name) => this.readable(object, name));
    return {
      kind: 'list',
      title: `${object.labelPlural} | Salesforce`,
      objectName: object.name,
      objectLabelPlural: object.labelPlural,
      columns: columns.map((name) => {
        const label = this.readable(object, name)?.label ?? name;
        return label.endsWith(' ID') ? label.slice(0, -3) : label;
      }),
      rows: rows.map((record) => ({ link: this.link(object, record), cells: columns.map((name) => this.cell(object, record, name)) })),
    };
  }

  home(): View {
    const recent: (RecordLink & { objectLabel: string; modified: string })[] = [];
    for (const name of ['Account', 'Contact', 'Opportunity', 'Lead', 'Case']) {
      const object = this.org.object(name);
      if (!object || !this.access.canReadObject(name)) continue;
      for (const record of this.org.db.records.get(name)?.values() ?? []) {
        if (!this.access.canSeeRecord(name, record)) continue;
        recent.push({ ...this.link(object, record), objectLabel: object.label, modified: String(record.LastModifiedDate ?? '') });
      }
    }
    recent.sort((a, b) => b.modified.localeCompare(a.modified));
    return {
      kind: 'home',
      title: 'Home | Salesforce',
      recent: recent.slice(0, 12).map(({ modified: _modified, ...link }) => link),
    };
  }

  setup(section: string): View {
    return { kind: 'setup', title: `${section || 'Setup Home'} | Salesforce`, section: section || 'Setup Home' };
  }

  unavailable(): View {
    return {
      kind: 'error',
      title: 'Record not available | Salesforce',
      heading: 'Record not available',
      message: "This record may have been deleted, or you don't have access to it.",
    };
  }

  /** The view for a Lightning path (`/lightning/r/Account/001…/view`, `/lightning/o/Contact/list`, …). */
  forPath(path: string): View {
    const parts = path.split('?')[0]?.split('/').filter((part) => part !== '').map(decodeURIComponent) ?? [];
    const [root, kind, a, b, c, d] = parts;
    if (root !== 'lightning') return this.notFound();
    if (kind === 'page' && a === 'home') return this.home();
    if (kind === 'setup') return this.setup((a ?? '').replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (kind === 'o' && a && (b === 'list' || b === 'home')) return this.list(a);
    if (kind === 'r' && a && b === 'view') return this.record(a, 'view');
    if (kind === 'r' && a && b && (c === 'view' || c === 'edit')) return this.record(b, c);
    if (kind === 'r' && a && b && c === 'related' && d) return this.related(b, d);
    return this.notFound();
  }

  notFound(): View {
    return { kind: 'error', title: 'Page not found | Salesforce', heading: 'Page not found', message: "We can't find the page you're looking for." };
  }
}
