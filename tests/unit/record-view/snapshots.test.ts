import { describe, expect, it } from 'vitest';
import type { RecordGraph } from '../../../lib/salesforce/record-graph';
import { changesSince, SnapshotStore, takeSnapshot } from '../../../lib/features/record-view/snapshots';
import { memoryStore } from '../memory-store';

function opportunity(fields: Record<string, string | number | null>, tasks: { id: string; subject: string }[]): RecordGraph {
  return {
    root: { objectName: 'Opportunity', id: '006000000000001AAA', fields: { Name: 'Globex - Expansion', ...fields } },
    rootName: 'Globex - Expansion',
    objectLabel: 'Opportunity',
    related: [
      {
        key: 'tasks',
        label: 'Tasks',
        objectName: 'Task',
        records: tasks.map((task) => ({ objectName: 'Task', id: task.id, fields: { Subject: task.subject } })),
        totalSize: tasks.length,
      },
    ],
    fieldMeta: {
      Opportunity: {
        StageName: { label: 'Stage', type: 'picklist' },
        Amount: { label: 'Amount', type: 'currency' },
        LastModifiedDate: { label: 'Last Modified Date', type: 'datetime' },
      },
    },
    fetchedAt: '2026-11-20T10:00:00.000Z',
  };
}

const plain = (value: unknown): string => (value === null ? '(empty)' : String(value));

describe('changes since the last visit', () => {
  it('lists changed fields by label with before and after, and new related records', () => {
    const before = takeSnapshot(opportunity({ StageName: 'Qualification', Amount: 1000, LastModifiedDate: 'a' }, [{ id: 't1', subject: 'Call' }]));
    const now = opportunity({ StageName: 'Proposal', Amount: 1200, LastModifiedDate: 'b' }, [
      { id: 't1', subject: 'Call' },
      { id: 't2', subject: 'Send quote' },
    ]);
    expect(changesSince(before, now, plain)).toEqual([
      { kind: 'field', label: 'Stage', before: 'Qualification', after: 'Proposal' },
      { kind: 'field', label: 'Amount', before: '1000', after: '1200' },
      { kind: 'added', list: 'Tasks', name: 'Send quote' },
    ]);
  });

  it('reports nothing when nothing a rep cares about changed', () => {
    const graph = opportunity({ StageName: 'Qualification', LastModifiedDate: 'a' }, []);
    const later = opportunity({ StageName: 'Qualification', LastModifiedDate: 'b' }, []);
    expect(changesSince(takeSnapshot(graph), later, plain)).toEqual([]);
  });

  it('does not invent changes for fields the last snapshot did not have (e.g. newly readable)', () => {
    const before = takeSnapshot(opportunity({ StageName: 'Qualification' }, []));
    expect(changesSince(before, opportunity({ StageName: 'Qualification', Amount: 5 }, []), plain)).toEqual([]);
  });

  it('keeps one snapshot per org and record and drops the least recently visited past the limit', async () => {
    const store = memoryStore();
    const snapshots = new SnapshotStore(store);
    const graph = opportunity({ StageName: 'Qualification' }, []);
    await snapshots.save('00D000000000001', takeSnapshot(graph));
    expect((await snapshots.previous('00D000000000001', graph.root.id))?.fields.StageName).toBe('Qualification');
    expect(await snapshots.previous('00D000000000002', graph.root.id)).toBeNull();
    for (let i = 0; i < 300; i++) {
      await snapshots.save('00D000000000001', { ...takeSnapshot(graph), recordId: `006${String(i).padStart(15, '0')}` });
    }
    expect(await snapshots.previous('00D000000000001', graph.root.id)).toBeNull();
    expect(store.keys().filter((key) => key.startsWith('snapshot:'))).toHaveLength(300);
  });
});
