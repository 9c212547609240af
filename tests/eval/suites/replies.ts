/**
 * "Draft reply" in Gmail through the product's own mail handler, as the panel drives it: the open thread read from
 * the tab (here, the case's thread as Gmail's content script would give it), the sender's Contact read from the sandbox
 * org by the shared org client, the thread and record redacted and rendered by prepareReply, the model called by
 * lib/model's streaming client, and the reply checked by the product (its citations, the grounding check). The eval
 * then reads the reply for the labelled facts.
 */
import 'fake-indexeddb/auto';
import { AuditLog, IdbAuditBackend } from '../../../lib/audit';
import type { FeatureBrowser } from '../../../lib/browser';
import { createMailHandler } from '../../../lib/features/mail/handler';
import { MailEvent, type ReplyDraft } from '../../../lib/features/mail/messages';
import { OrgRegistry } from '../../../lib/orgs';
import { orgIdOfSid } from '../../../lib/salesforce/session';
import { DEFAULT_PRICES } from '../../../lib/settings/schema';
import { REPLY_CASES } from '../cases/replies';
import type { ReplyCase } from '../cases/types';
import { usageScores, type ModelPlan } from '../models';
import type { CaseOutcome } from '../scoring/scores';
import { mailChecks, states, wordCount } from '../scoring/text';
import { memoryStore } from '../../unit/memory-store';
import { EVAL_NOW, ORG_API_HOST, type MeteredCall, type World } from '../world';

/** A reply a rep reads and sends as it is: its body, in words. */
const REPLY_WORDS = 150;
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWZpthread';

/** The browser of a Gmail tab whose content script gives the case's thread; nothing else is asked of it. */
function gmailTab(item: ReplyCase, windowId: number): FeatureBrowser {
  const unused = async (): Promise<never> => {
    throw new Error('A reply asks nothing more of the browser.');
  };
  return {
    activeTab: async () => ({ tabId: windowId, url: GMAIL_URL }),
    tabsMatching: async () => [{ tabId: windowId, url: GMAIL_URL }],
    sendToTab: async () => ({ thread: { subject: item.thread.subject, messages: item.thread.messages } }),
    openTab: unused,
    reloadTab: unused,
    selectedText: unused,
    openSidePanel: unused,
  };
}

async function draftReply(world: World, models: ModelPlan, item: ReplyCase, windowId: number): Promise<ReplyDraft | null> {
  const orgs = new OrgRegistry(memoryStore());
  const orgId = orgIdOfSid(world.sid);
  if (!orgId) throw new Error('The sandbox session names no org.');
  await orgs.markUsed({ orgId, apiHost: ORG_API_HOST });
  const handler = createMailHandler({
    orgs,
    cookies: world.cookies,
    session: memoryStore(),
    browser: gmailTab(item, windowId),
    records: {
      viewFor: async () => ({
        kind: 'mail',
        client: 'Gmail',
        sender: { email: item.person.email, name: item.person.name },
        match: { kind: 'found', objectName: 'Contact', recordId: item.person.id, name: item.person.name, detail: '', url: `https://${ORG_API_HOST}/${item.person.id}`, account: null, accountProblem: null },
      }),
      lookUpSenderAgain: async () => undefined,
    },
    clientFor: world.clientFor,
    modelSettings: async (useCase) => models.settings(useCase),
    outputLanguages: async () => ({ output: { language: 'en', reason: "the rep's setting" }, reply: 'thread' }),
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    keepAlive: () => () => {},
    now: () => EVAL_NOW,
    auditLog: new AuditLog(new IdbAuditBackend(`groundwork-eval-replies-${process.pid}`), { now: () => EVAL_NOW }),
    prices: async () => DEFAULT_PRICES,
  });
  const replies: ReplyDraft[] = [];
  const panel = {
    windowId,
    send: (event: MailEvent) => {
      const parsed = MailEvent.parse(event);
      if (parsed.type === 'reply') replies.push(parsed.reply);
    },
  };
  await handler.handle({ type: 'draft-reply', instruction: item.instruction ?? '' }, panel);
  return replies.at(-1) ?? null;
}

function score(item: ReplyCase, reply: ReplyDraft | null, calls: MeteredCall[], models: ModelPlan): CaseOutcome {
  const done = reply?.status === 'done';
  const text = done ? reply.text : '';
  const missed = item.mustState.filter((fact) => !states(fact, text));
  const stated = item.mustNotState.filter((fact) => states(fact, text));
  const required = { ...mailChecks(text, item.person.name), 'cites the lines it relies on': (reply?.citations.length ?? 0) > 0 };
  const failedChecks = Object.entries(required).filter(([, passed]) => !passed).map(([name]) => name);
  const words = wordCount(text);
  const unsupported = reply?.unsupported ?? [];
  return {
    caseId: item.id,
    scores: {
      fact_recall: item.mustState.length === 0 ? 1 : (item.mustState.length - missed.length) / item.mustState.length,
      forbidden_facts: stated.length,
      unsupported_claims: unsupported.length,
      cited_lines: Number(required['cites the lines it relies on']),
      required_elements: done ? (Object.keys(required).length - failedChecks.length) / Object.keys(required).length : 0,
      within_length: Number(done && words <= REPLY_WORDS),
      words,
      ...usageScores(calls, models.pricedAs('email')),
    },
    fields: {},
    calls,
    output: done ? text : `(${reply?.status ?? 'no reply'}: ${reply?.problem?.message ?? 'no output'})`,
    misses: [
      ...(done ? [] : [`no answer: ${reply?.problem?.message ?? reply?.status ?? 'no reply'}`]),
      ...missed.map((fact) => `did not state ${fact.id}`),
      ...stated.map((fact) => `stated ${fact.id}, which it must not`),
      ...unsupported.map((claim) => `unsupported ${claim.kind}: "${claim.text}"`),
      ...failedChecks.map((name) => `missing: ${name}`),
      ...(words > REPLY_WORDS ? [`${words} words (at most ${REPLY_WORDS})`] : []),
    ],
  };
}

export async function runReplies(world: World, models: ModelPlan): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const [index, item] of REPLY_CASES.entries()) {
    const calls: MeteredCall[] = [];
    const reply = await world.metered(calls, () => draftReply(world, models, item, index + 1));
    outcomes.push(score(item, reply, calls, models));
  }
  return outcomes;
}
