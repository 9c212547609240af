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
        OwnerId: { label: 'Owner ID', type: 'reference' },
        'Owner.Name': { label: 'Owner', type: 'string' },
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
      { kind: 'added', listKey: 'tasks', list: 'Tasks', name: 'Send quote', count: 1 },
    ]);
  });

  it('tells a new owner by name, never by the lookup id', () => {
    const before = takeSnapshot(opportunity({ OwnerId: '005000000000001AAA', 'Owner.Name': 'Alex Rivera' }, []));
    const now = opportunity({ OwnerId: '005000000000002AAA', 'Owner.Name': 'Sam Lee' }, []);
    expect(changesSince(before, now, plain)).toEqual([{ kind: 'field', label: 'Owner', before: 'Alex Rivera', after: 'Sam Lee' }]);
  });

  it('names a new contact role by its contact, leaves field history to the field changes, and counts records with no name', () => {
    const withLists = (roles: string[], history: string[], other: string[]): RecordGraph => {
      const graph = opportunity({}, []);
      const list = (key: string, objectName: string, records: RecordGraph['related'][number]['records']) => ({ key, label: key, objectName, records, totalSize: records.length });
      graph.related = [
        list('contactRoles', 'OpportunityContactRole', roles.map((id) => ({ objectName: 'OpportunityContactRole', id, fields: { 'Opportunity.Name': graph.rootName, 'Contact.Name': `Contact ${id}` } }))),
        list('history', 'OpportunityFieldHistory', history.map((id) => ({ objectName: 'OpportunityFieldHistory', id, fields: { Field: 'StageName' } }))),
        list('partners', 'Partner__c', other.map((id) => ({ objectName: 'Partner__c', id, fields: { Role__c: 'Reseller' } }))),
      ];
      return graph;
    };
    const before = takeSnapshot(withLists(['r1'], ['h1'], []));
    expect(changesSince(before, withLists(['r1', 'r2'], ['h1', 'h2'], ['p1', 'p2']), plain)).toEqual([
      { kind: 'added', listKey: 'contactRoles', list: 'contactRoles', name: 'Contact r2', count: 1 },
      { kind: 'added', listKey: 'partners', list: 'partners', name: '', count: 2 },
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
