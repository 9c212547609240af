/**
 * The Gmail feature handler with fake tabs, a fake org and a fake model: which tab gets the draft, what the panel is
 * told for each outcome, what the reply prompt carries (and never carries), and the Task a logged email becomes.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FeatureBrowser } from '../../../lib/browser';
import { CHANNELS } from '../../../lib/features/channels';
import { MailEvent, type MailState } from '../../../lib/features/mail/messages';
import { createMailHandler, type MailDeps } from '../../../lib/features/mail/handler';
import type { InsertOutcome } from '../../../lib/features/mail/content-messages';
import type { MailOrgApi } from '../../../lib/features/mail/org';
import type { OpenThread } from '../../../lib/features/mail/thread';
import type { PanelView } from '../../../lib/features/record-view/messages';
import { parsePayload } from '../../../lib/messaging/channels';
import { textOf, type GenerationRequest, type GenerationResult, type ModelSettings, type StreamEvents } from '../../../lib/model';
import { OrgRegistry } from '../../../lib/orgs';
import type { Subresponse } from '../../../lib/salesforce/context/api';
import type { RecordGraph } from '../../../lib/salesforce/record-graph';
import { freshLog } from '../audit/audit-harness';
import { DEFAULT_PRICES } from '../../../lib/settings/schema';
import { memoryStore } from '../memory-store';

const ORG = { orgId: '00D000000000001', apiHost: 'acme.my.salesforce.com' };
const SID = `${ORG.orgId}!session`;
const DANA = { email: 'dana.whitfield@umbrellahealth.example', name: 'Dana Whitfield' };
const DANA_ID = '003000000000001AAA';
const ACCOUNT_ID = '001000000000001AAA';
const SSN = '318-50-2274';

const GMAIL_VIEW: PanelView = {
  kind: 'mail',
  client: 'Gmail',
  sender: DANA,
  match: { kind: 'found', objectName: 'Contact', recordId: DANA_ID, name: DANA.name, detail: 'Director of Operations', url: 'https://acme.lightning.force.com/x', account: null, accountProblem: null },
};

const THREAD: OpenThread = {
  subject: 'Umbrella Health renewal',
  messages: [{ from: DANA.name, email: DANA.email, date: 'Tue, Nov 17, 2026', body: `Hi Sam,\nI need a revised quote for 240 seats. My card 4111 1111 1111 1111 is on file.\nDana` }],
};

const GRAPH: RecordGraph = {
  root: { objectName: 'Contact', id: DANA_ID, fields: { Name: DANA.name, Title: 'Director of Operations', SSN__c: SSN, AccountId: ACCOUNT_ID } },
  rootName: DANA.name,
  objectLabel: 'Contact',
  related: [],
  fieldMeta: {
    Contact: {
      Name: { label: 'Name', type: 'string' },
      Title: { label: 'Title', type: 'string' },
      SSN__c: { label: 'SSN', type: 'string' },
      AccountId: { label: 'Account ID', type: 'reference' },
    },
  },
  fetchedAt: '2026-11-21T10:00:00.000Z',
};

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, label: name, type, createable: true, updateable: true, nillable: true, ...extra });
const TASK_DESCRIBE = {
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  createable: true,
  fields: [
    field('Subject', 'combobox', { length: 255 }),
    field('Description', 'textarea', { length: 32000 }),
    field('Status', 'picklist', { nillable: false, defaultedOnCreate: true, picklistValues: [{ value: 'Not Started' }, { value: 'Completed' }] }),
    field('ActivityDate', 'date'),
    field('WhoId', 'reference', { referenceTo: ['Contact', 'Lead'] }),
    field('WhatId', 'reference', { referenceTo: ['Account', 'Opportunity'] }),
  ],
};

const Command = z.looseObject({ type: z.string() });

interface Tab {
  tabId: number;
  url: string;
}

interface Setup {
  activeTab?: Tab;
  /** Mail tabs of every window, most recently used first. */
  mailTabs?: Tab[];
  /** The content script's answer to each command; throw for "nobody answered". */
  contentScript?: (message: { type: string }, tabId: number) => unknown;
  view?: PanelView;
  modelText?: string;
  /** The redaction rules in force (the rep's and the organization's). */
  rules?: { deniedFields: string[]; patterns: RegExp[] };
}

function setup(options: Setup = {}) {
  const session = memoryStore();
  const local = memoryStore();
  const opened: string[] = [];
  const sentToTabs: { tabId: number; message: { type: string } }[] = [];
  const requests: GenerationRequest[] = [];
  const posts: unknown[] = [];
  const browser: FeatureBrowser = {
    activeTab: async () => options.activeTab ?? null,
    tabsMatching: async () => options.mailTabs ?? [],
    reloadTab: async () => undefined,
    sendToTab: async (tabId, message) => {
      const command = Command.parse(message);
      sentToTabs.push({ tabId, message: command });
      if (!options.contentScript) throw new Error('Could not establish connection. Receiving end does not exist.');
      return options.contentScript(command, tabId);
    },
    openTab: async (_windowId, url) => {
      opened.push(url);
    },
    selectedText: async () => '',
    openSidePanel: async () => undefined,
  };
  const api: MailOrgApi = {
    apiVersion: '62.0',
    context: async () => GRAPH,
    query: async () => ({ records: [{ AccountId: ACCOUNT_ID, Account: { Name: 'Umbrella Health' } }] }),
    describeAll: async (names) => ({ get: (name: string) => (names.includes(name) && name === 'Task' ? TASK_DESCRIBE : undefined) }),
    composite: async (subrequests) => new Map(subrequests.map((sub): [string, Subresponse] => [sub.referenceId, { referenceId: sub.referenceId, httpStatusCode: 200, body: TASK_DESCRIBE }])),
    request: async (_method, _path, body) => {
      posts.push(body);
      return { compositeResponse: [{ referenceId: 'email', httpStatusCode: 201, body: { id: '00T000000000001AAA', success: true } }] };
    },
  };
  const stream = async (_settings: ModelSettings, request: GenerationRequest, events: StreamEvents): Promise<GenerationResult> => {
    requests.push(request);
    const text = options.modelText ?? 'Hi Dana,\n\nI will send the revised quote for 240 seats.\n\nBest,\nSam';
    events.onText(text);
    return { text, stopReason: 'end_turn', usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 }, model: 'claude-test', modelName: 'claude-test', latencyMs: 1, firstTokenMs: 1, costUsd: 0 };
  };
  const orgs = new OrgRegistry(local);
  const auditLog = freshLog().log;
  const deps: MailDeps = {
    records: { viewFor: async () => options.view ?? GMAIL_VIEW, lookUpSenderAgain: async () => undefined },
    orgs,
    cookies: { sidFor: async () => SID, allSids: async () => [] },
    clientFor: () => api,
    session,
    browser,
    modelSettings: async () => ({ apiKey: 'key', model: 'claude-test' }),
    redaction: async () => options.rules ?? { deniedFields: [], patterns: [] },
    outputLanguages: async () => ({ output: { language: 'en', reason: "the rep's setting" }, reply: 'thread' }),
    keepAlive: () => () => undefined,
    now: () => new Date('2026-11-21T10:00:00.000Z'),
    auditLog,
    prices: async () => DEFAULT_PRICES,
  };
  let ids = 0;
  const handler = createMailHandler(deps, { stream, newId: () => `id-${++ids}` });
  const events: MailEvent[] = [];
  const panel = { windowId: 7, send: (payload: unknown) => events.push(MailEvent.parse(payload)) };
  const lastState = (): MailState => {
    const states = events.filter((event): event is Extract<MailEvent, { type: 'state' }> => event.type === 'state');
    const last = states.at(-1);
    if (!last) throw new Error('no state sent');
    return last.state;
  };
  return { handler, panel, events, lastState, opened, sentToTabs, requests, posts, orgs, session, auditLog };
}

const INSERTED_INLINE: InsertOutcome = { kind: 'inserted', where: 'caret', compose: 'inline', reply: true, method: 'editing-command', subjectSet: false, subject: 'Re: Umbrella Health renewal', to: [DANA.email] };

describe('Insert into Gmail', () => {
  it('writes into the active Gmail tab and says where, naming the person the reply goes to', async () => {
    const { handler, panel, lastState, sentToTabs } = setup({
      activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      contentScript: (message) => (message.type === 'mail-open-reply' ? 'already-open' : INSERTED_INLINE),
    });
    await handler.handle({ type: 'draft-reply', instruction: '' }, panel);
    await handler.handle({ type: 'insert', source: 'reply', subject: 'Re: Umbrella Health renewal', body: 'Hi Dana', language: 'en' }, panel);

    expect(sentToTabs.map(({ tabId, message }) => [tabId, message.type])).toEqual([
      [3, 'mail-read-thread'],
      [3, 'mail-open-reply'],
      [3, 'mail-insert'],
    ]);
    expect(lastState().lastInsert).toMatchObject({ kind: 'inserted', message: 'Inserted at your cursor in the reply to Dana Whitfield. Ctrl+Z in Gmail undoes it.' });
    expect(lastState().inserted).toMatchObject({ subject: 'Re: Umbrella Health renewal', body: 'Hi Dana', to: [DANA.email] });
  });

  it('uses the most recently used mail tab when the active tab is Salesforce, and never sets a subject on a reply', async () => {
    const { handler, panel, sentToTabs } = setup({
      activeTab: { tabId: 1, url: 'https://acme.lightning.force.com/lightning/r/Account/001/view' },
      mailTabs: [{ tabId: 9, url: 'https://mail.google.com/mail/u/1/#inbox' }, { tabId: 4, url: 'https://mail.google.com/mail/u/0/#inbox' }],
      contentScript: () => ({ ...INSERTED_INLINE, compose: 'popup', reply: false, where: 'top', to: [] }),
    });
    await handler.handle({ type: 'insert', source: 'draft', subject: 'Quote', body: 'Hello', language: 'en' }, panel);
    expect(sentToTabs.filter(({ message }) => message.type !== 'mail-compose-use')).toEqual([{ tabId: 9, message: { type: 'mail-insert', text: 'Hello', subject: 'Quote' } }]);
  });

  it('writes into the tab whose compose the rep used last, in any window, over the active mail tab (an Outlook pop-out)', async () => {
    const used: Record<number, number | null> = { 3: 1_000, 12: 2_000, 4: null };
    const { handler, panel, sentToTabs, lastState } = setup({
      activeTab: { tabId: 3, url: 'https://outlook.office.com/mail/inbox/id/AAQk1' },
      mailTabs: [
        { tabId: 3, url: 'https://outlook.office.com/mail/inbox/id/AAQk1' },
        { tabId: 12, url: 'https://outlook.office.com/mail/deeplink/compose/AAMk2?popoutv2=1' },
        { tabId: 4, url: 'https://mail.google.com/mail/u/0/#inbox' },
      ],
      contentScript: (message, tabId) =>
        message.type === 'mail-compose-use' ? { usedAt: used[tabId] ?? null } : { ...INSERTED_INLINE, compose: 'window', to: [DANA.email] },
    });
    await handler.handle({ type: 'insert', source: 'draft', subject: 'Quote', body: 'Hello', language: 'en' }, panel);
    expect(sentToTabs.filter(({ message }) => message.type === 'mail-insert').map(({ tabId }) => tabId)).toEqual([12]);
    expect(lastState().lastInsert?.message).toBe('Inserted at your cursor in the reply to dana.whitfield@umbrellahealth.example. Ctrl+Z in Outlook undoes it.');
    expect(lastState().client).toBe('Outlook');
  });

  it('opens Gmail’s prefilled compose on the tab’s account when no compose is open', async () => {
    const { handler, panel, lastState, opened } = setup({
      mailTabs: [{ tabId: 4, url: 'https://mail.google.com/mail/u/1/#inbox' }],
      contentScript: () => ({ kind: 'no-compose', message: 'No compose window is open in this Gmail tab.' }),
    });
    await handler.handle({ type: 'insert', source: 'draft', subject: 'Quote & terms', body: 'Line one\nLine two', language: 'en' }, panel);
    expect(opened).toEqual(['https://mail.google.com/mail/u/1/?view=cm&fs=1&su=Quote%20%26%20terms&body=Line%20one%0ALine%20two']);
    expect(lastState().lastInsert).toMatchObject({ kind: 'opened-compose', message: 'No compose window was open in Gmail. A new message opened in Gmail with the draft in it.' });
  });

  it('opens Gmail’s prefilled compose when no Gmail or Outlook tab is open at all', async () => {
    const { handler, panel, opened, sentToTabs } = setup({ activeTab: { tabId: 1, url: 'https://acme.lightning.force.com/' } });
    await handler.handle({ type: 'insert', source: 'draft', subject: 'Hi', body: 'Body', language: 'en' }, panel);
    expect(sentToTabs).toEqual([]);
    expect(opened).toEqual(['https://mail.google.com/mail/u/0/?view=cm&fs=1&su=Hi&body=Body']);
  });

  it('hands the draft to the panel’s clipboard, writing nothing, when Gmail’s markup changed or nobody answers', async () => {
    const changed = setup({
      mailTabs: [{ tabId: 4, url: 'https://mail.google.com/mail/u/0/#inbox' }],
      contentScript: () => ({ kind: 'dom-changed', message: 'Gmail changed; nothing was written.' }),
    });
    await changed.handler.handle({ type: 'insert', source: 'draft', subject: 'Quote', body: 'Hello', language: 'en' }, changed.panel);
    expect(changed.lastState().lastInsert).toMatchObject({ kind: 'clipboard', message: 'Gmail changed; nothing was written.', text: 'Subject: Quote\n\nHello' });
    expect(changed.lastState().inserted).toBeNull();
    expect(changed.opened).toEqual([]);

    const silent = setup({ mailTabs: [{ tabId: 4, url: 'https://mail.google.com/mail/u/0/#inbox' }] });
    await silent.handler.handle({ type: 'insert', source: 'draft', subject: '', body: 'Hello', language: 'en' }, silent.panel);
    expect(silent.lastState().lastInsert).toMatchObject({ kind: 'clipboard', text: 'Hello' });
    expect(silent.lastState().lastInsert?.message).toMatch(/could not reach this Gmail tab/);
  });

  it('refuses malformed requests before the handler sees them', () => {
    expect(parsePayload(CHANNELS, 'mail', 'request', { type: 'insert', source: 'draft', subject: 'x', language: 'en' })).toBeNull();
    expect(parsePayload(CHANNELS, 'mail', 'request', 'insert')).toBeNull();
    expect(parsePayload(CHANNELS, 'mail', 'request', { type: 'insert', source: 'draft', subject: 'x', body: 'Hello', language: 'en' })).not.toBeNull();
  });
});

describe('Draft reply', () => {
  it('grounds the reply in the contact’s record and the thread, both redacted, and checks what comes back', async () => {
    const { handler, panel, lastState, requests, orgs } = setup({
      activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      contentScript: (message) => (message.type === 'mail-read-thread' ? { thread: THREAD } : null),
      modelText: 'Hi Dana,\n\nThe quote for 240 seats comes with a 35% discount.\n\nBest,\nSam\n\nSources: [c1]',
    });
    await orgs.markUsed(ORG);
    await handler.handle({ type: 'draft-reply', instruction: 'Keep it short' }, panel);

    const reply = (await stateAfterOpen(handler, panel, lastState)).reply;
    expect(reply).toMatchObject({ status: 'done', text: 'Hi Dana,\n\nThe quote for 240 seats comes with a 35% discount.\n\nBest,\nSam', model: 'claude-test' });
    const sent = textOf(requests[0]?.user ?? []);
    expect(sent).toContain('<thread>');
    expect(sent).toContain('I need a revised quote for 240 seats');
    expect(sent).toContain('Director of Operations');
    expect(sent).toContain('Keep it short');
    expect(sent).not.toContain(SSN);
    expect(sent).not.toContain('4111 1111 1111 1111');
    expect(reply?.unsupported.map((claim) => claim.text)).toContain('35%');
  });

  it('records each reply draft in the audit like any generation: its prompt, the redacted text sent, the model and the grounding flags', async () => {
    const { handler, panel, orgs, auditLog, requests } = setup({
      activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      contentScript: (message) => (message.type === 'mail-read-thread' ? { thread: THREAD } : null),
      modelText: 'Hi Dana,\n\nThe quote for 240 seats comes with a 35% discount.\n\nBest,\nSam',
    });
    await orgs.markUsed(ORG);
    await handler.handle({ type: 'draft-reply', instruction: '' }, panel);
    const [entry] = await auditLog.query();
    expect(entry).toMatchObject({ feature: 'email', promptId: 'reply', orgId: ORG.orgId, recordId: DANA_ID, objectName: 'Contact', outcome: 'pending', model: 'claude-test', groundingFlags: 1 });
    expect(entry?.sent).toBe(textOf(requests[0]?.user ?? []));
    expect(entry?.sent).not.toContain(SSN);
    expect(entry?.received).toContain('240 seats');
  });

  it("applies the organization's denied fields and patterns to the record, the thread and the rep's instruction", async () => {
    const thread: OpenThread = { ...THREAD, messages: [{ ...THREAD.messages[0]!, body: 'Hi Sam,\nProject PROJ-4411 needs 240 seats; SSN 318.50.2274.\nDana' }] };
    const { handler, panel, requests, orgs } = setup({
      activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      contentScript: (message) => (message.type === 'mail-read-thread' ? { thread } : null),
      rules: { deniedFields: ['Contact.Title'], patterns: [/PROJ-\d{4}/g] },
    });
    await orgs.markUsed(ORG);
    await handler.handle({ type: 'draft-reply', instruction: 'Mention PROJ-9001 and card 4111.1111.1111.1111' }, panel);
    const sent = textOf(requests[0]?.user ?? []);
    expect(sent).toContain('240 seats');
    expect(sent).toContain('[REDACTED: Title]');
    expect(sent).not.toMatch(/Director of Operations|PROJ-4411|PROJ-9001|318\.50\.2274|4111\.1111/);
  });

  it('says so, and sends nothing to the model, when the open thread cannot be read', async () => {
    const { handler, panel, events, requests } = setup({ activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox' } });
    await handler.handle({ type: 'draft-reply', instruction: '' }, panel);
    expect(requests).toEqual([]);
    const last = events.at(-1);
    expect(last?.type === 'reply' && last.reply).toMatchObject({ status: 'failed', problem: { kind: 'read-failed' } });
  });

  it('keeps the rep’s edit of the reply for a reopened panel', async () => {
    const { handler, panel, lastState } = setup({
      activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      contentScript: () => ({ thread: THREAD }),
    });
    await handler.handle({ type: 'draft-reply', instruction: '' }, panel);
    await handler.handle({ type: 'edit-reply', body: 'My own words' }, panel);
    expect((await stateAfterOpen(handler, panel, lastState)).reply?.edited).toBe('My own words');
  });
});

async function stateAfterOpen(handler: ReturnType<typeof setup>['handler'], panel: ReturnType<typeof setup>['panel'], lastState: () => MailState): Promise<MailState> {
  await handler.handle({ type: 'open' }, panel);
  return lastState();
}

describe('Log to Salesforce', () => {
  async function insertedReply() {
    const context = setup({
      activeTab: { tabId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      contentScript: (message) => (message.type === 'mail-read-thread' ? { thread: THREAD } : message.type === 'mail-open-reply' ? 'already-open' : INSERTED_INLINE),
    });
    await context.orgs.markUsed(ORG);
    await context.handler.handle({ type: 'draft-reply', instruction: '' }, context.panel);
    await context.handler.handle({ type: 'insert', source: 'reply', subject: 'Re: Umbrella Health renewal', body: 'Hi Dana,\nThe quote follows.', language: 'en' }, context.panel);
    return context;
  }

  it('shows a completed Task linked by code to the Contact and her account, and writes nothing before the rep confirms', async () => {
    const { handler, panel, lastState, posts } = await insertedReply();
    await handler.handle({ type: 'log-email' }, panel);

    const log = lastState().log;
    if (log.kind !== 'review') throw new Error(`no review: ${JSON.stringify(log)}`);
    const card = log.review.cards[0];
    expect(card?.links).toEqual({ WhoId: { kind: 'record', id: DANA_ID }, WhatId: { kind: 'record', id: ACCOUNT_ID } });
    expect(Object.fromEntries((card?.rows ?? []).map((row) => [row.field, [row.value, row.checked]]))).toEqual({
      Subject: ['Email: Re: Umbrella Health renewal', true],
      Description: [`To: ${DANA.email}\n\nHi Dana,\nThe quote follows.`, true],
      Status: ['Completed', true],
      ActivityDate: ['2026-11-21', true],
    });
    expect(log.review.linkedTo).toEqual(['Dana Whitfield (Contact)', 'Umbrella Health (Account)']);
    expect(posts).toEqual([]);
  });

  it('writes exactly what the rep confirmed, once, and remembers the Task', async () => {
    const { handler, panel, lastState, posts } = await insertedReply();
    await handler.handle({ type: 'log-email' }, panel);
    await handler.handle({ type: 'log-change', change: { type: 'check', cardId: 'email', field: 'Description', checked: false } }, panel);
    await handler.handle({ type: 'log-change', change: { type: 'edit', cardId: 'email', field: 'Subject', text: 'Email: quote for Dana' } }, panel);
    await Promise.all([handler.handle({ type: 'log-confirm' }, panel), handler.handle({ type: 'log-confirm' }, panel)]);

    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Task', body: { Subject: 'Email: quote for Dana', Status: 'Completed', ActivityDate: '2026-11-21', WhoId: DANA_ID, WhatId: ACCOUNT_ID } },
        // Read back in the same request: the stamp that would guard taking the write back.
        { method: 'GET', url: '/services/data/v62.0/sobjects/Task/@{email.id}?fields=LastModifiedDate' },
      ],
    });
    expect(JSON.stringify(posts[0])).not.toContain('Description');
    expect(lastState().log).toMatchObject({ kind: 'logged', taskId: '00T000000000001AAA', message: 'Logged as a completed task on Dana Whitfield and Umbrella Health.' });
    expect(lastState().inserted?.loggedTaskId).toBe('00T000000000001AAA');
  });

  it('says why, and writes nothing, when there is no Salesforce session', async () => {
    const { handler, panel, lastState, posts } = setup({
      mailTabs: [{ tabId: 4, url: 'https://mail.google.com/mail/u/0/#inbox' }],
      contentScript: () => INSERTED_INLINE,
    });
    await handler.handle({ type: 'insert', source: 'draft', subject: 'Quote', body: 'Hello', language: 'en' }, panel);
    await handler.handle({ type: 'log-email' }, panel);
    expect(lastState().log).toEqual({ kind: 'problem', message: 'Groundwork has no Salesforce session: open Salesforce in a tab, then try again. Nothing was logged.' });
    expect(posts).toEqual([]);
  });
});
