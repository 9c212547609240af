/**
 * The panel follows the window's active tab. A tab switch that comes while the service worker is stopping never reaches
 * the worker; the next report from the tab now active must still reach the panel.
 */
import { describe, expect, it } from 'vitest';
import type { ActiveTab } from '../../../lib/browser';
import { mailClientOf } from '../../../lib/features/mail';
import { RecordViewService, SnapshotStore } from '../../../lib/features/record-view';
import type { PanelView } from '../../../lib/features/record-view/messages';
import { OrgRegistry } from '../../../lib/orgs';
import { memoryStore } from '../memory-store';

const WINDOW = 7;

function service(active: () => ActiveTab): RecordViewService {
  const local = memoryStore();
  return new RecordViewService({
    store: memoryStore(),
    orgs: new OrgRegistry(local),
    snapshots: new SnapshotStore(local),
    cookies: { sidFor: async () => null, allSids: async () => [] },
    activeTabOf: async () => active(),
    signedInAs: async () => null,
    clientFor: () => {
      throw new Error('No record is read in this test.');
    },
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    mailClientOf: (url: string) => mailClientOf(url)?.name ?? null,
  });
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('the panel follows the active tab', () => {
  it('shows the newly active tab when it reports itself, though the tab switch itself was never heard', async () => {
    let active: ActiveTab = { tabId: 1, url: 'https://example.com/' };
    const records = service(() => active);
    const views: PanelView[] = [];
    records.watch(WINDOW, (view) => views.push(view));
    await settle();
    expect(views.at(-1)?.kind).toBe('not-salesforce');

    active = { tabId: 2, url: 'https://acme.lightning.force.com/lightning/page/home' };
    await records.reportLocation(2, WINDOW, active.url ?? '');
    expect(views.at(-1)).toMatchObject({ kind: 'no-record', host: 'acme.lightning.force.com' });
  });

  it('ignores a report from a tab in the background', async () => {
    const records = service(() => ({ tabId: 1, url: 'https://example.com/' }));
    const views: PanelView[] = [];
    records.watch(WINDOW, (view) => views.push(view));
    await settle();
    await records.reportLocation(2, WINDOW, 'https://acme.lightning.force.com/lightning/page/home');
    expect(views.map((view) => view.kind)).toEqual(['not-salesforce']);
  });
});
