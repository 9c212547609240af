import { z } from 'zod';
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
  z.object({ kind: z.literal('added'), list: z.string(), name: z.string() }),
]);
export type Change = z.infer<typeof Change>;

/** Fields whose change says nothing to a rep. */
const NOISE_FIELDS = new Set(['SystemModstamp', 'LastModifiedDate', 'LastModifiedById', 'LastViewedDate', 'LastReferencedDate', 'LastActivityDate']);

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
    changes.push({ kind: 'field', label: meta?.label ?? field, before: format(before, field, meta), after: format(after, field, meta) });
  }
  for (const list of graph.related) {
    const seen = new Set(previous.related[list.key]?.records.map((record) => record.id) ?? []);
    if (!previous.related[list.key]) continue;
    for (const record of list.records) {
      if (!seen.has(record.id)) changes.push({ kind: 'added', list: list.label, name: nameOf(record.fields) || record.id });
    }
  }
  return changes;
}

const MAX_SNAPSHOTS = 300;
const INDEX_KEY = 'snapshots:index';
const snapshotKey = (orgId: string, recordId: string): string => `snapshot:${orgId}:${recordId}`;
const SnapshotIndex = z.array(z.string());

/** Snapshots per org and record in local storage, the least recently visited dropped past MAX_SNAPSHOTS. */
export class SnapshotStore {
  constructor(private readonly store: KeyValueStore) {}

  async previous(orgId: string, recordId: string): Promise<Snapshot | null> {
    const stored = Snapshot.safeParse(await this.store.get(snapshotKey(orgId, recordId)));
    return stored.success ? stored.data : null;
  }

  async save(orgId: string, snapshot: Snapshot): Promise<void> {
    const key = snapshotKey(orgId, snapshot.recordId);
    const index = SnapshotIndex.safeParse(await this.store.get(INDEX_KEY));
    const keys = [...(index.success ? index.data : []).filter((existing) => existing !== key), key];
    for (const evicted of keys.splice(0, Math.max(0, keys.length - MAX_SNAPSHOTS))) await this.store.remove(evicted);
    await this.store.set(key, snapshot);
    await this.store.set(INDEX_KEY, keys);
  }
}
