import { beforeEach, describe, expect, it } from 'vitest';
import type { PanelView, RecordCard } from '../../../lib/features/record-view/messages';
import { resetRecordViewStore, useRecordViewStore } from '../../../lib/features/record-view/store';

const GLOBEX = '001000000000001AAA';
const INITECH = '001000000000002AAA';
const HOST = 'acme.lightning.force.com';
const ALEX = { name: 'Alex Rivera', username: 'alex.rivera@acme.example' };

const card = (recordId: string): RecordCard => ({
  recordId,
  objectName: 'Account',
  objectLabel: 'Account',
  name: recordId === GLOBEX ? 'Globex' : 'Initech',
  keyFields: [],
  counts: [],
  people: [],
  changes: null,
  lastVisit: null,
  fetchedAt: '2026-03-02T09:00:00.000Z',
});
const ref = (recordId: string) => ({ recordId, sobject: 'Account' });

function show(view: PanelView) {
  useRecordViewStore.getState().showView(view);
  const { keptCard, keptSignedIn } = useRecordViewStore.getState();
  return { card: keptCard?.recordId ?? null, signedIn: keptSignedIn };
}

beforeEach(() => resetRecordViewStore());

describe('who the sign-in is, as the panel keeps saying it', () => {
  it('stays while the same record reloads, and goes with a problem or another record', () => {
    expect(show({ kind: 'record', host: HOST, card: card(GLOBEX), signedIn: ALEX })).toEqual({ card: GLOBEX, signedIn: ALEX });
    expect(show({ kind: 'loading', host: HOST, ref: ref(GLOBEX) })).toEqual({ card: GLOBEX, signedIn: ALEX });
    const signedOut = { kind: 'signed-out' as const, message: 'Sign in again.' };
    expect(show({ kind: 'problem', host: HOST, ref: ref(GLOBEX), problem: signedOut })).toEqual({ card: GLOBEX, signedIn: null });
    expect(show({ kind: 'loading', host: HOST, ref: ref(GLOBEX) })).toEqual({ card: GLOBEX, signedIn: null });
    expect(show({ kind: 'record', host: HOST, card: card(GLOBEX), signedIn: ALEX })).toEqual({ card: GLOBEX, signedIn: ALEX });
    expect(show({ kind: 'loading', host: HOST, ref: ref(INITECH) })).toEqual({ card: null, signedIn: null });
  });

  it('is never shown with the browser session', () => {
    expect(show({ kind: 'record', host: HOST, card: card(GLOBEX), signedIn: null })).toEqual({ card: GLOBEX, signedIn: null });
    expect(show({ kind: 'loading', host: HOST, ref: ref(GLOBEX) })).toEqual({ card: GLOBEX, signedIn: null });
  });
});
