/**
 * "Create contact" for the sender of the open email when no Contact or Lead has their address: the values read from
 * the email (sender-contact.ts) in the shared review, field by field with their quotes, an account only when code
 * matched exactly one; the rep edits and ticks, then exactly what they confirmed is written once (read, then commit:
 * lib/proposals/commit.ts), recorded in the audit trail, and can be undone while nobody has changed the contact.
 */
import type { KeyValueStore } from '../../browser/store';
import type { MailSender } from '../../messaging/mail-sender';
import type { PanelConnection } from '../../messaging/feature-handler';
import { commitReview, exchangeWrites } from '../../proposals';
import { recordCommit, recordUndo, type WriteAuditLog } from '../../proposals/audit';
import { loadWriteDescribes, writeDescribes } from '../../proposals/describe';
import { buildContactReview } from '../../proposals/review';
import { fieldTypesOf } from '../../salesforce/commit';
import { lightningHostFor } from '../../salesforce/hosts';
import { storageLedger, type CommitLedger } from '../../salesforce/ledger';
import { toSalesforceProblem } from '../../salesforce/problems';
import { undoCommit, type UndoOutcome } from '../../salesforce/undo';
import type { ContactState, MailEvent, MailRequest, MailState } from './messages';
import { changedReview, merged } from './log';
import type { MailOrgs } from './org';
import { matchAccount, readSender } from './sender-contact';
import type { OpenThread } from './thread';
import { t } from '../../i18n';

type ContactRequest = Extract<MailRequest, { type: `contact-${string}` }>;
type Reviewing = Extract<ContactState, { kind: 'review' }>;
type Created = Extract<ContactState, { kind: 'created' }>;

export interface ContactFlowDeps {
  orgs: Pick<MailOrgs, 'current'>;
  update(windowId: number, change: (state: MailState) => MailState | Promise<MailState>): Promise<MailState>;
  sendState(panel: PanelConnection<MailEvent>, state: MailState): void;
  now(): Date;
  newId(): string;
  ledgerStore: KeyValueStore;
  auditLog: WriteAuditLog;
  /** The open email's sender when Salesforce knows nobody with their address; null otherwise. */
  unknownSender(windowId: number): Promise<MailSender | null>;
  readThread(windowId: number): Promise<OpenThread | null>;
  /** The card looks the sender up again once they exist. */
  senderWritten(email: string): Promise<void>;
}

const problem = (message: string): ContactState => ({ kind: 'problem', message });

function undoProblem(outcome: Exclude<UndoOutcome, { kind: 'undone' }> | { kind: 'error'; message: string }): string {
  switch (outcome.kind) {
    case 'record-changed':
      return t('contactFlow_undoChanged');
    case 'unguarded':
      return t('contactFlow_undoUnguarded');
    case 'failed':
      return t('undo_refused', { errors: outcome.errors.map((error) => error.message).join(' ') });
    case 'error':
      return outcome.message;
  }
}

/** A write the stopped worker left unfinished: the rep can confirm (never twice) or undo again. */
export function settledContact(contact: ContactState): ContactState {
  if (contact.kind === 'review' && contact.committing) return { ...contact, committing: false, problem: t('contactFlow_interrupted') };
  if (contact.kind === 'created' && contact.undoing) return { ...contact, undoing: false };
  return contact;
}

export class ContactFlow {
  private readonly running = new Set<number>();
  private readonly ledger: CommitLedger;

  constructor(private readonly deps: ContactFlowDeps) {
    this.ledger = storageLedger(deps.ledgerStore);
  }

  /** Whether this worker is writing for the window (a kept "committing" without it was interrupted). */
  busy(windowId: number): boolean {
    return this.running.has(windowId);
  }

  async handle(request: ContactRequest, panel: PanelConnection<MailEvent>): Promise<void> {
    this.deps.sendState(panel, await this.apply(request, panel));
  }

  private apply(request: ContactRequest, panel: PanelConnection<MailEvent>): Promise<MailState> {
    const { windowId } = panel;
    switch (request.type) {
      case 'contact-propose':
        return this.propose(panel);
      case 'contact-change':
        return this.deps.update(windowId, (state) => {
          if (state.contact.kind !== 'review' || state.contact.committing) return state;
          const review = state.contact.review;
          try {
            return { ...state, contact: { ...state.contact, review: changedReview(review, request.change) } };
          } catch {
            return state;
          }
        });
      case 'contact-cancel':
        return this.deps.update(windowId, (state) => (state.contact.kind === 'created' && state.contact.undoing ? state : { ...state, contact: { kind: 'idle' } }));
      case 'contact-confirm':
        return this.exclusive(panel, (state) => (state.contact.kind === 'review' ? { ...state.contact, committing: true, problem: null } : null), (claimed) => this.commit(claimed as Reviewing));
      case 'contact-undo':
        return this.exclusive(panel, (state) => (state.contact.kind === 'created' ? { ...state.contact, undoing: true, problem: null } : null), (claimed) => this.undo(claimed as Created));
    }
  }

  /** One write at a time per window: a second click while one runs changes nothing (and a commit never writes twice). */
  private async exclusive(panel: PanelConnection<MailEvent>, claim: (state: MailState) => ContactState | null, work: (claimed: ContactState) => Promise<ContactState>): Promise<MailState> {
    const { windowId } = panel;
    const claimed: { state: ContactState | null } = { state: null };
    const started = await this.deps.update(windowId, (state) => {
      const next = this.running.has(windowId) ? null : claim(state);
      if (!next) return state;
      claimed.state = next;
      this.running.add(windowId);
      return { ...state, contact: next };
    });
    if (!claimed.state) return started;
    this.deps.sendState(panel, started);
    try {
      const contact = await work(claimed.state);
      return await this.deps.update(windowId, (state) => ({ ...state, contact }));
    } finally {
      this.running.delete(windowId);
    }
  }

  private async propose(panel: PanelConnection<MailEvent>): Promise<MailState> {
    const { windowId } = panel;
    const sender = await this.deps.unknownSender(windowId);
    if (!sender) return this.deps.update(windowId, (state) => state);
    this.deps.sendState(panel, await this.deps.update(windowId, (state) => ({ ...state, contact: { kind: 'preparing' } })));
    const contact = await this.reviewFor(sender, windowId).catch((error: unknown) => problem(toSalesforceProblem(error).message));
    return this.deps.update(windowId, (state) => ({ ...state, contact }));
  }

  private async reviewFor(sender: MailSender, windowId: number): Promise<ContactState> {
    const org = await this.deps.orgs.current();
    if (!org) return problem(t('contactFlow_noOrg'));
    const describes = await loadWriteDescribes(org.api, ['Contact']);
    const describe = describes.get('Contact');
    if (!describe) return problem(t('contactFlow_cannotSee'));
    const details = readSender(sender, await this.deps.readThread(windowId));
    const account = await matchAccount(org.api, sender.email, details.company);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const review = buildContactReview(details.proposal, describes, account.account?.id ?? null, details.sourceText, this.deps.now(), { timeZone: zone });
    const linkedTo = review.cards[0]?.links.AccountId && account.account ? [`${account.account.name} (Account)`] : [];
    return {
      kind: 'review',
      email: sender.email,
      review: { ...review, kind: 'note', record: null, describe, linkedTo },
      account,
      idempotencyKey: this.deps.newId(),
      committing: false,
      problem: null,
    };
  }

  private async commit(pending: Reviewing): Promise<ContactState> {
    const org = await this.deps.orgs.current();
    if (!org) return { ...pending, committing: false, problem: t('contactFlow_noOrg') };
    const review = pending.review;
    try {
      const outcome = await commitReview(org.api, review, {
        recordInView: null,
        idempotencyKey: pending.idempotencyKey,
        ledger: this.ledger,
        fieldType: fieldTypesOf(writeDescribes([review.describe])),
      });
      if ((outcome.kind === 'committed' || outcome.kind === 'rejected') && outcome.exchanges) {
        const created = outcome.kind === 'committed' ? outcome.committed.created : [];
        const writes = exchangeWrites(outcome.exchanges, new Map(created.map((record) => [record.itemId, record.id])));
        await recordCommit(this.deps.auditLog, review, writes, { orgId: org.orgId });
      }
      switch (outcome.kind) {
        case 'committed': {
          const contactId = outcome.committed.created[0]?.id ?? '';
          await this.deps.senderWritten(pending.email);
          const name = review.cards[0]?.title ?? '';
          const account = review.linkedTo[0]?.replace(/ \(.*\)$/, '');
          return {
            kind: 'created',
            email: pending.email,
            contactId,
            url: `https://${lightningHostFor(org.apiHost)}/lightning/r/Contact/${contactId}/view`,
            message: account ? t('contactFlow_createdOn', { name, account }) : t('contactFlow_created', { name }),
            committed: outcome.committed,
            undoing: false,
            problem: null,
          };
        }
        case 'rejected':
          return { ...pending, review: merged(review, outcome.review), committing: false, problem: t('contactFlow_refused') };
        case 'nothing-to-write':
          return { ...pending, committing: false, problem: t('contactFlow_nothingTicked') };
        case 'unknown':
          return { ...pending, committing: false, problem: outcome.problem.message };
        default:
          return problem(t('contactFlow_notTaken'));
      }
    } catch (error) {
      return { ...pending, committing: false, problem: toSalesforceProblem(error).message };
    }
  }

  private async undo(created: Created): Promise<ContactState> {
    const org = await this.deps.orgs.current();
    if (!org) return { ...created, undoing: false, problem: t('contactFlow_noOrgUndo') };
    const outcome = await undoCommit(org.api, created.committed).catch((error: unknown) => ({ kind: 'error' as const, message: toSalesforceProblem(error).message }));
    if (outcome.kind === 'error') return { ...created, undoing: false, problem: outcome.message };
    await recordUndo(this.deps.auditLog, created.committed, outcome.exchanges, { orgId: org.orgId });
    if (outcome.kind !== 'undone') return { ...created, undoing: false, problem: undoProblem(outcome) };
    await this.deps.senderWritten(created.email);
    return { kind: 'undone', email: created.email, message: t('contactFlow_deleted') };
  }
}
