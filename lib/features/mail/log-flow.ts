/**
 * "Log to Salesforce" for the email last put into Gmail: find its Contact or Lead (the reply's matched sender, else
 * the first recipient looked up by address), build the Task review, let the rep edit and tick, then commit exactly
 * what they confirmed, once (lib/proposals/commit.ts).
 */
import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import type { PanelConnection } from '../../messaging/feature-handler';
import { commitReview } from '../../proposals';
import { loadWriteDescribes, writeDescribes } from '../../proposals/describe';
import { fieldTypesOf } from '../../salesforce/commit';
import { lightningHostFor } from '../../salesforce/hosts';
import { storageLedger, type CommitLedger } from '../../salesforce/ledger';
import { findPersonByEmail } from '../../salesforce/people';
import { toSalesforceProblem } from '../../salesforce/problems';
import type { MailEvent, MailRequest, MailState, InsertedEmail, LogState, MatchedPerson } from './messages';
import { buildEmailLogReview, changedReview, merged, type LogReview, type LogTarget } from './log';
import type { MailOrgApi, MailOrgs } from './org';
import { t } from '../../i18n';

type LogRequest = Extract<MailRequest, { type: 'log-email' | 'log-change' | 'log-confirm' | 'log-cancel' }>;

export interface LogFlowDeps {
  orgs: MailOrgs;
  update(windowId: number, change: (state: MailState) => MailState | Promise<MailState>): Promise<MailState>;
  sendState(panel: PanelConnection<MailEvent>, state: MailState): void;
  now(): Date;
  newId(): string;
  /** Where commits are remembered by idempotency key (session storage): a double click never writes twice. */
  ledgerStore: KeyValueStore;
}

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const AccountOfContact = z.object({
  records: z.array(z.object({ AccountId: z.nullable(z.string()), Account: z.optional(z.nullable(z.object({ Name: z.nullable(z.string()) }))) })),
});

const problem = (message: string): LogState => ({ kind: 'problem', message });

export class LogFlow {
  private readonly running = new Set<number>();
  private readonly ledger: CommitLedger;

  constructor(private readonly deps: LogFlowDeps) {
    this.ledger = storageLedger(deps.ledgerStore);
  }

  committing(windowId: number): boolean {
    return this.running.has(windowId);
  }

  async handle(request: LogRequest, panel: PanelConnection<MailEvent>): Promise<void> {
    const next = await this.apply(request, panel);
    this.deps.sendState(panel, next);
  }

  private apply(request: LogRequest, panel: PanelConnection<MailEvent>): Promise<MailState> {
    switch (request.type) {
      case 'log-email':
        return this.prepare(panel);
      case 'log-change':
        return this.changeReview(panel.windowId, (review) => changedReview(review, request.change));
      case 'log-confirm':
        return this.confirm(panel);
      case 'log-cancel':
        return this.deps.update(panel.windowId, (state) => ({ ...state, log: { kind: 'idle' } }));
    }
  }

  private changeReview(windowId: number, change: (review: LogReview) => LogReview): Promise<MailState> {
    return this.deps.update(windowId, (state) => {
      if (state.log.kind !== 'review' || state.log.committing) return state;
      try {
        return { ...state, log: { ...state.log, review: change(state.log.review) } };
      } catch {
        // A field that is not on the review (a stale panel): nothing changes.
        return state;
      }
    });
  }

  private async prepare(panel: PanelConnection<MailEvent>): Promise<MailState> {
    const state = await this.deps.update(panel.windowId, (current) => (current.inserted ? { ...current, log: { kind: 'preparing' } } : current));
    this.deps.sendState(panel, state);
    const email = state.inserted;
    if (!email) return state;
    const log = await this.reviewFor(email).catch((error: unknown) => problem(toSalesforceProblem(error).message));
    return this.deps.update(panel.windowId, (current) => ({ ...current, log }));
  }

  private async reviewFor(email: InsertedEmail): Promise<LogState> {
    if (email.loggedTaskId) return problem(t('mailLogFlow_alreadyLogged'));
    const org = await this.deps.orgs.current();
    if (!org) return problem(t('mailLogFlow_noSession'));
    const person = email.person ?? (await this.personByAddress(org.api, org.apiHost, email.to));
    if (!person) {
      const to = email.to[0];
      return problem(to ? t('mailLogFlow_unknownRecipient', { email: to }) : t('mailLogFlow_noRecipient'));
    }
    const describes = await loadWriteDescribes(org.api, ['Task']);
    const task = describes.get('Task');
    if (!task) return problem(t('mailLogFlow_noTasks'));
    const target: LogTarget = { who: { id: person.recordId, objectName: person.objectName, name: person.name }, what: await this.accountOf(org.api, person) };
    const review = buildEmailLogReview(task, email, target, this.deps.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    return { kind: 'review', review, person, idempotencyKey: this.deps.newId(), committing: false, problem: null };
  }

  private async personByAddress(api: MailOrgApi, apiHost: string, to: readonly string[]): Promise<MatchedPerson | null> {
    const email = to[0];
    if (!email) return null;
    const found = await findPersonByEmail(api, email, lightningHostFor(apiHost));
    return found ? { objectName: found.objectName, recordId: found.recordId, name: found.name, email } : null;
  }

  /** A Contact's account: the Task's WhatId. Leads have none. */
  private async accountOf(api: MailOrgApi, person: MatchedPerson): Promise<LogTarget['what']> {
    if (person.objectName !== 'Contact' || !RECORD_ID.test(person.recordId)) return null;
    const answer = AccountOfContact.safeParse(await api.query(`SELECT AccountId, Account.Name FROM Contact WHERE Id = '${person.recordId}'`));
    const row = answer.success ? answer.data.records[0] : undefined;
    return row?.AccountId ? { id: row.AccountId, objectName: 'Account', name: row.Account?.Name ?? 'its account' } : null;
  }

  private async confirm(panel: PanelConnection<MailEvent>): Promise<MailState> {
    const windowId = panel.windowId;
    let claimed = false;
    const started = await this.deps.update(windowId, (state) => {
      // A second click while the first commit runs changes nothing (and the commit itself never writes twice).
      if (state.log.kind !== 'review' || this.running.has(windowId)) return state;
      claimed = true;
      this.running.add(windowId);
      return { ...state, log: { ...state.log, committing: true, problem: null } };
    });
    if (!claimed || started.log.kind !== 'review') return started;
    this.deps.sendState(panel, started);
    try {
      const log = await this.commit(started.log);
      return await this.deps.update(windowId, (state) => ({
        ...state,
        log,
        inserted: log.kind === 'logged' && state.inserted ? { ...state.inserted, loggedTaskId: log.taskId } : state.inserted,
      }));
    } finally {
      this.running.delete(windowId);
    }
  }

  private async commit(pending: Extract<LogState, { kind: 'review' }>): Promise<LogState> {
    const org = await this.deps.orgs.current();
    const review = pending.review;
    if (!org) return { ...pending, committing: false, problem: t('mailLogFlow_noSessionConfirm') };
    const ledger = this.ledger;
    try {
      const outcome = await commitReview(org.api, review, {
        recordInView: null,
        idempotencyKey: pending.idempotencyKey,
        ledger,
        fieldType: fieldTypesOf(writeDescribes([review.describe])),
      });
      switch (outcome.kind) {
        case 'committed': {
          const taskId = outcome.committed.created[0]?.id ?? '';
          return {
            kind: 'logged',
            taskId,
            url: `https://${lightningHostFor(org.apiHost)}/lightning/r/Task/${taskId}/view`,
            message: review.linkedTo[1]
              ? t('mailLogFlow_loggedOnBoth', { person: pending.person.name, other: review.linkedTo[1].replace(/ \(.*\)$/, '') })
              : t('mailLogFlow_logged', { person: pending.person.name }),
          };
        }
        case 'rejected':
          return { ...pending, review: merged(review, outcome.review), committing: false, problem: t('mailLogFlow_refused') };
        case 'nothing-to-write':
          return { ...pending, committing: false, problem: t('mailLogFlow_nothingTicked') };
        case 'unknown':
          return { ...pending, committing: false, problem: outcome.problem.message };
        default:
          return problem(t('mailLogFlow_notTaken'));
      }
    } catch (error) {
      return { ...pending, committing: false, problem: toSalesforceProblem(error).message };
    }
  }
}
