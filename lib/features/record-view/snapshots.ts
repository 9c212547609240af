import { z } from 'zod/mini';
import { keepRecent } from '../../browser/recent-store';
import type { KeyValueStore } from '../../browser/store';
import { FieldValue, nameOf, type FieldMeta, type RecordGraph } from '../../salesforce/record-graph';

/** Shows a value the way the rep reads it, by the field's describe type. */
export type ValueFormatter = (value: FieldValue, field: string, meta: FieldMeta | undefined) => string;

/**
 * "Since your last visit": what the rep saw of a record last time, kept locally, and what changed since — computed
 * without any model call.
 */

export const Snapshot = z.object({
  recordId: z.string(),
  takenAt: z.string(),
  fields: z.record(z.string(), FieldValue),
  /** Related list key → the ids and names of its records, with the list's label for display. */
  related: z.record(z.string(), z.object({ label: z.string(), records: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const Change = z.discriminatedUnion('kind', [
  /** Values as the rep reads them (formatted by the field's type). */
  z.object({ kind: z.literal('field'), label: z.string(), before: z.string(), after: z.string() }),
  /** A record new in a list: `list` is the list's prompt label, `listKey` names it for the panel; `name` is '' for `count` unnamed records. */
  z.object({ kind: z.literal('added'), listKey: z.string(), list: z.string(), name: z.string(), count: z.number().check(z.int(), z.positive()) }),
]);
export type Change = z.infer<typeof Change>;

/** Fields whose change says nothing to a rep. */
const NOISE_FIELDS = new Set(['SystemModstamp', 'LastModifiedDate', 'LastModifiedById', 'LastViewedDate', 'LastReferencedDate', 'LastActivityDate']);
/** A lookup's change is told by its parent's name (`Owner.Name`: "Owner: Alex Rivera → Sam Lee"), never by ids. */
const ID_TYPES = new Set(['id', 'reference']);

export function takeSnapshot(graph: RecordGraph): Snapshot {
  return {
    recordId: graph.root.id,
    takenAt: graph.fetchedAt,
    fields: graph.root.fields,
    related: Object.fromEntries(
      graph.related.map((list) => [
        list.key,
        { label: list.label, records: list.records.map((record) => ({ id: record.id, name: nameOf(record.fields) })) },
      ]),
    ),
  };
}

export function changesSince(previous: Snapshot, graph: RecordGraph, format: ValueFormatter): Change[] {
  const labels = graph.fieldMeta[graph.root.objectName] ?? {};
  const changes: Change[] = [];
  for (const [field, after] of Object.entries(graph.root.fields)) {
    if (NOISE_FIELDS.has(field) || !(field in previous.fields)) continue;
    const before = previous.fields[field] ?? null;
    if (before === after) continue;
    const meta = labels[field];
    if (meta && ID_TYPES.has(meta.type)) continue;
    changes.push({ kind: 'field', label: meta?.label ?? field, before: format(before, field, meta), after: format(after, field, meta) });
  }
  for (const list of graph.related) {
    if (!previous.related[list.key] || isHistory(list.objectName)) continue;
    const seen = new Set(previous.related[list.key]?.records.map((record) => record.id) ?? []);
    const added = list.records.filter((record) => !seen.has(record.id)).map((record) => listedName(record.fields, graph.rootName));
    const inList = { kind: 'added', listKey: list.key, list: list.label } as const;
    for (const name of added.filter(Boolean)) changes.push({ ...inList, name, count: 1 });
    const unnamed = added.filter((name) => !name).length;
    if (unnamed > 0) changes.push({ ...inList, name: '', count: unnamed });
  }
  return changes;
}

/** Field history rows say again what the field changes above say in words (and have no name but an id). */
const isHistory = (objectName: string): boolean => objectName.endsWith('History');

/**
 * What a rep calls a related record: its own name, else the name of the record it links the root to (a contact role
 * is its contact's name, not the opportunity's); '' when it has neither.
 */
function listedName(fields: Record<string, FieldValue>, rootName: string): string {
  const own = nameOf(fields);
  if (own) return own;
  const parent = Object.entries(fields).find(([path, value]) => path.endsWith('.Name') && typeof value === 'string' && value && value !== rootName);
  return typeof parent?.[1] === 'string' ? parent[1] : '';
}

export const MAX_SNAPSHOTS = 300;
const snapshotKey = (orgId: string, recordId: string): string => `snapshot:${orgId}:${recordId}`;

/** Snapshots per org and record in the lasting store, the least recently visited dropped past MAX_SNAPSHOTS. */
export class SnapshotStore {
  private readonly store: KeyValueStore;

  constructor(store: KeyValueStore) {
    this.store = keepRecent(store, { prefix: 'snapshot:', max: MAX_SNAPSHOTS, indexKey: 'snapshots:index' });
  }

  async previous(orgId: string, recordId: string): Promise<Snapshot | null> {
    const stored = Snapshot.safeParse(await this.store.get(snapshotKey(orgId, recordId)));
    return stored.success ? stored.data : null;
  }

  async save(orgId: string, snapshot: Snapshot): Promise<void> {
    await this.store.set(snapshotKey(orgId, snapshot.recordId), snapshot);
  }
}
