/**
 * The background side of the mail features: "Insert into Gmail / Outlook" for any draft, "Draft reply" for the message
 * open in the mail tab (grounded in the sender's Salesforce record and the thread) and "Log to Salesforce" for the email
 * put in. What the panel shows is kept per window in session storage, so a closed and reopened panel (or a stopped
 * service worker) loses nothing: the panel asks with 'open' when it mounts.
 */
import { recordModelCall } from '../../audit';
import type { ChannelHandler, FeatureDeps, PanelConnection } from '../../messaging/feature-handler';
import { streamGeneration, toModelProblem, type GenerationRequest, type GenerationResult } from '../../model';
import type { RecordViewService } from '../record-view';
import { EMPTY_STATE, MailState, type MailEvent, type MailRequest, type MatchedPerson, type ReplyDraft } from './messages';
import { findMailTab, runInsert } from './insert-flow';
import { ContactFlow, settledContact } from './contact-flow';
import { LogFlow } from './log-flow';
import { MailOrgs, type ClientFor } from './org';
import { prepareReply, replyBody, replyCitations, replyClaims, type PreparedReply } from './reply';
import { ReadThreadAnswer, type OpenThread } from './thread';
import { t } from '../../i18n';

/** How often a growing reply is pushed to the panel and saved (a stopped worker loses at most this much). */
const PUSH_EVERY_MS = 60;
const SAVE_EVERY_MS = 400;

const stateKey = (windowId: number): string => `gmail:state:${windowId}`;

/** What the mail features use of the background (FeatureDeps has it all; tests pass fakes of these parts). */
export type MailDeps = Pick<FeatureDeps, 'orgs' | 'cookies' | 'session' | 'browser' | 'modelSettings' | 'redaction' | 'outputLanguages' | 'keepAlive' | 'now' | 'auditLog' | 'prices'> & {
  records: Pick<RecordViewService, 'viewFor' | 'lookUpSenderAgain'>;
  /** The org client of a session: the one every feature shares (lib/salesforce/org-clients.ts). */
  clientFor: ClientFor;
};

export interface MailHandlerOptions {
  newId?: () => string;
  /** The model stream (tests pass a fake). */
  stream?: typeof streamGeneration;
}

const readFailed = (): string => t('mailReply_readFailed');

export function createMailHandler(deps: MailDeps, options: MailHandlerOptions = {}): ChannelHandler<'mail'> {
  const orgs = new MailOrgs(deps.orgs, deps.cookies, deps.clientFor);
  const newId = options.newId ?? (() => crypto.randomUUID());
  const stream = options.stream ?? streamGeneration;
  const replies = new Map<number, AbortController>();
  // One change at a time per window: a click during a streaming save never overwrites the other's update.
  const queues = new Map<number, Promise<unknown>>();

  async function load(windowId: number): Promise<MailState> {
    const stored = MailState.safeParse(await deps.session.get(stateKey(windowId)));
    const state = stored.success ? stored.data : EMPTY_STATE;
    const reply = state.reply;
    if (reply?.status === 'streaming' && !replies.has(windowId)) return { ...state, reply: { ...reply, status: 'interrupted' } };
    if (state.log.kind === 'review' && state.log.committing && !log.committing(windowId)) return { ...state, log: { ...state.log, committing: false } };
    return contact.busy(windowId) ? state : { ...state, contact: settledContact(state.contact) };
  }

  function update(windowId: number, change: (state: MailState) => MailState | Promise<MailState>): Promise<MailState> {
    const run = (queues.get(windowId) ?? Promise.resolve()).then(async () => {
      const next = await change(await load(windowId));
      await deps.session.set(stateKey(windowId), next);
      return next;
    });
    queues.set(windowId, run.catch(() => undefined));
    return run;
  }

  const send = (panel: PanelConnection<MailEvent>, event: MailEvent): void => panel.send(event);
  const sendState = (panel: PanelConnection<MailEvent>, state: MailState): void => send(panel, { type: 'state', state });

  const log = new LogFlow({ orgs, update, now: deps.now, newId, sendState, ledgerStore: deps.session });
  const contact = new ContactFlow({
    orgs,
    update,
    now: deps.now,
    newId,
    sendState,
    ledgerStore: deps.session,
    auditLog: deps.auditLog,
    unknownSender: async (windowId) => {
      const view = await deps.records.viewFor(windowId);
      return view.kind === 'mail' && view.sender && view.match?.kind === 'none' ? view.sender : null;
    },
    readThread: (windowId) => readThread(windowId),
    senderWritten: (email) => deps.records.lookUpSenderAgain(email),
  });

  /** The Contact or Lead behind the open message's sender, when the panel shows one. */
  async function matchedPerson(windowId: number): Promise<MatchedPerson | null> {
    const view = await deps.records.viewFor(windowId);
    if (view.kind !== 'mail' || !view.sender || view.match?.kind !== 'found') return null;
    return { objectName: view.match.objectName, recordId: view.match.recordId, name: view.match.name, email: view.sender.email };
  }

  async function readThread(windowId: number): Promise<OpenThread | null> {
    const tab = await deps.browser.activeTab(windowId);
    if (!tab) return null;
    try {
      const answer = ReadThreadAnswer.safeParse(await deps.browser.sendToTab(tab.tabId, { type: 'mail-read-thread' }));
      return answer.success ? answer.data.thread : null;
    } catch {
      return null;
    }
  }

  async function insert(request: Extract<MailRequest, { type: 'insert' }>, panel: PanelConnection<MailEvent>): Promise<void> {
    const state = await load(panel.windowId);
    const person = request.source === 'reply' ? (state.reply?.person ?? null) : null;
    const { result, client, inserted } = await runInsert(deps.browser, panel.windowId, { ...request, person });
    const at = deps.now().toISOString();
    const next = await update(panel.windowId, (current) => ({
      ...current,
      lastInsert: { ...result, at },
      client,
      inserted: inserted ? { ...inserted, person, at, loggedTaskId: null } : current.inserted,
      log: inserted ? { kind: 'idle' } : current.log,
    }));
    sendState(panel, next);
  }

  function failedReply(person: MatchedPerson, message: string, kind = 'read-failed'): ReplyDraft {
    return {
      id: newId(),
      status: 'failed',
      person,
      threadSubject: '',
      language: 'en',
      text: '',
      edited: null,
      citations: [],
      unsupported: [],
      problem: { kind, message },
      model: null,
      promptVersion: '',
      startedAt: deps.now().toISOString(),
    };
  }

  async function saveReply(windowId: number, reply: ReplyDraft): Promise<void> {
    await update(windowId, (state) => ({ ...state, reply }));
  }

  /**
   * A reply draft is a model call like any generation: recorded with what was sent (redacted), tokens and cost, so it
   * counts toward the budgets and the admin sees it. Recording never stops the rep's draft.
   */
  async function recordReplyCall(orgId: string, start: ReplyDraft, prepared: PreparedReply, outcome: { result?: GenerationResult; error?: string; groundingFlags?: number }): Promise<void> {
    const prices = await deps.prices().catch(() => null);
    if (!prices) return;
    await recordModelCall(deps.auditLog, {
      feature: 'email',
      prompt: { id: 'reply', version: Number(prepared.promptVersion) },
      sent: prepared.userText,
      prices,
      orgId,
      recordId: start.person.recordId,
      objectName: start.person.objectName,
      ...outcome,
    });
  }

  async function streamReply(panel: PanelConnection<MailEvent>, orgId: string, prepared: PreparedReply, start: ReplyDraft, signal: AbortSignal): Promise<ReplyDraft> {
    let reply = start;
    let raw = '';
    let lastPush = 0;
    let lastSave = 0;
    const onText = (delta: string): void => {
      raw += delta;
      reply = { ...reply, text: replyBody(raw, prepared) };
      const now = Date.now();
      if (now - lastPush >= PUSH_EVERY_MS) {
        lastPush = now;
        send(panel, { type: 'reply', reply });
      }
      if (now - lastSave >= SAVE_EVERY_MS) {
        lastSave = now;
        void saveReply(panel.windowId, reply);
      }
    };
    try {
      const settings = await deps.modelSettings('email');
      const request: GenerationRequest = { useCase: 'email', system: prepared.system, user: prepared.user, maxTokens: prepared.maxTokens };
      const result = await stream(settings, request, { onText }, signal);
      const text = replyBody(result.text, prepared);
      const unsupported = replyClaims(text, prepared);
      await recordReplyCall(orgId, start, prepared, { result, groundingFlags: unsupported.length });
      return { ...reply, status: 'done', text, model: result.modelName, citations: replyCitations(result.text, prepared.built), unsupported };
    } catch (error) {
      const problem = toModelProblem(error);
      if (problem.kind === 'cancelled') return { ...reply, status: 'stopped' };
      await recordReplyCall(orgId, start, prepared, { error: problem.message });
      return { ...reply, status: 'failed', problem: { kind: problem.kind, message: problem.message, retryAfterSeconds: problem.retryAfterSeconds } };
    }
  }

  async function draftReply(instruction: string, panel: PanelConnection<MailEvent>): Promise<void> {
    const person = await matchedPerson(panel.windowId);
    if (!person) return;
    replies.get(panel.windowId)?.abort();
    const controller = new AbortController();
    replies.set(panel.windowId, controller);
    const release = deps.keepAlive();
    try {
      const reply = await prepareAndStream(panel, person, instruction, controller.signal);
      await saveReply(panel.windowId, reply);
      send(panel, { type: 'reply', reply });
    } finally {
      release();
      if (replies.get(panel.windowId) === controller) replies.delete(panel.windowId);
    }
  }

  async function prepareAndStream(panel: PanelConnection<MailEvent>, person: MatchedPerson, instruction: string, signal: AbortSignal): Promise<ReplyDraft> {
    const thread = await readThread(panel.windowId);
    if (!thread) return failedReply(person, readFailed());
    const org = await orgs.current();
    if (!org) return failedReply(person, t('mailReply_noSession'), 'no-session');
    let prepared: PreparedReply;
    try {
      const graph = await org.api.context({ recordId: person.recordId, sobject: person.objectName });
      prepared = prepareReply({ graph, thread, person, instruction, now: deps.now(), rules: await deps.redaction(), languages: await deps.outputLanguages() });
    } catch (error) {
      return failedReply(person, t('mailReply_recordUnreadable', { name: person.name, reason: error instanceof Error ? error.message : String(error) }), 'salesforce');
    }
    const start: ReplyDraft = {
      ...failedReply(person, ''),
      status: 'streaming',
      problem: null,
      threadSubject: thread.subject,
      language: prepared.language.language,
      promptVersion: prepared.promptVersion,
    };
    await saveReply(panel.windowId, start);
    send(panel, { type: 'reply', reply: start });
    return streamReply(panel, org.orgId, prepared, start, signal);
  }

  async function editReply(body: string, panel: PanelConnection<MailEvent>): Promise<void> {
    await update(panel.windowId, (state) => (state.reply ? { ...state, reply: { ...state.reply, edited: body } } : state));
  }

  async function handle(request: MailRequest, panel: PanelConnection<MailEvent>): Promise<void> {
    switch (request.type) {
      case 'open': {
        const client = (await findMailTab(deps.browser, panel.windowId))?.client.name ?? null;
        return sendState(panel, await update(panel.windowId, (state) => ({ ...state, client })));
      }
      case 'insert':
        return insert(request, panel);
      case 'draft-reply':
        return draftReply(request.instruction, panel);
      case 'stop-reply':
        replies.get(panel.windowId)?.abort();
        return;
      case 'edit-reply':
        return editReply(request.body, panel);
      case 'contact-propose':
      case 'contact-change':
      case 'contact-confirm':
      case 'contact-cancel':
      case 'contact-undo':
        return contact.handle(request, panel);
      default:
        return log.handle(request, panel);
    }
  }

  return { channel: 'mail', handle };
}
