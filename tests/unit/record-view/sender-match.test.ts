/**
 * The mail card's sender match is kept for the browser session so that going back to a message shows it at once; a
 * match looked up a while ago is shown and looked up again, so a contact created in Salesforce since shows up.
 */
import { describe, expect, it } from 'vitest';
import { mailClientOf } from '../../../lib/features/mail';
import { RecordViewService, SnapshotStore } from '../../../lib/features/record-view';
import type { PanelView } from '../../../lib/features/record-view/messages';
import { SENDER_MATCH_FRESH_MS } from '../../../lib/features/record-view/service';
import { OrgRegistry } from '../../../lib/orgs';
import type { Subrequest } from '../../../lib/salesforce/context/api';
import { memoryStore } from '../memory-store';

const ORG = { orgId: '00D000000000001', apiHost: 'acme.my.salesforce.com' };
const SID = `${ORG.orgId}!session`;
const WINDOW = 3;
const TAB = 9;
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/abc';
const SENDER = { email: 'pat.quinn@initech.example', name: 'Pat Quinn' };
const PAT = { Id: '003000000000009AAA', Name: 'Pat Quinn', Title: 'CFO', AccountId: null, Account: null };

async function setup() {
  const clock = { now: new Date('2026-12-03T10:00:00.000Z') };
  const contacts: (typeof PAT)[] = [];
  let lookups = 0;
  const local = memoryStore();
  const orgs = new OrgRegistry(local);
  await orgs.markUsed(ORG);
  const empty = { totalSize: 0, done: true, records: [] };
  const records = new RecordViewService({
    store: memoryStore(),
    orgs,
    snapshots: new SnapshotStore(local),
    cookies: { sidFor: async () => SID, allSids: async () => [{ domain: ORG.apiHost, value: SID }] },
    activeTabOf: async () => ({ tabId: TAB, url: GMAIL }),
    signedInAs: async () => null,
    clientFor: () => ({
      apiVersion: '62.0',
      context: async () => {
        throw new Error('No record is read in this test.');
      },
      composite: async (subrequests: readonly Subrequest[]) => {
        lookups += 1;
        return new Map(
          subrequests.map((sub) => {
            const found = sub.referenceId === 'contact' ? [...contacts] : [];
            return [sub.referenceId, { referenceId: sub.referenceId, httpStatusCode: 200, body: { ...empty, totalSize: found.length, records: found } }];
          }),
        );
      },
    }),
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    mailClientOf: (url: string) => mailClientOf(url)?.name ?? null,
    now: () => clock.now,
  });
  const views: PanelView[] = [];
  records.watch(WINDOW, (view) => views.push(view));
  const matchShown = async (): Promise<string | undefined> => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const last = views.at(-1);
    return last?.kind === 'mail' ? last.match?.kind : undefined;
  };
  return { records, clock, contacts, lookups: () => lookups, matchShown };
}

describe('the mail card’s sender match', () => {
  it('is shown at once on a return to the message, without a second look-up while it is fresh', async () => {
    const { records, matchShown, lookups } = await setup();
    await records.reportMail(TAB, WINDOW, GMAIL, SENDER);
    expect(await matchShown()).toBe('none');
    await records.reportMail(TAB, WINDOW, GMAIL, SENDER);
    expect(await matchShown()).toBe('none');
    expect(lookups()).toBe(1);
  });

  it('is looked up again once it is older than the fresh window, so a contact created in Salesforce since shows', async () => {
    const { records, clock, contacts, matchShown, lookups } = await setup();
    await records.reportMail(TAB, WINDOW, GMAIL, SENDER);
    expect(await matchShown()).toBe('none');
    contacts.push(PAT);
    clock.now = new Date(clock.now.getTime() + SENDER_MATCH_FRESH_MS + 1_000);
    await records.reportMail(TAB, WINDOW, GMAIL, SENDER);
    expect(await matchShown()).toBe('found');
    expect(lookups()).toBe(2);
  });
});
