import { z } from 'zod';
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
