/**
 * "Extract to Lead" in the background, in the proposal workflow (lib/proposals/workflow.ts): a context-menu click on
 * selected text opens the side panel (the click is the user gesture), reads the selection with its line breaks, and
 * proposes one lead per person (extract.ts). The review waits in session storage, per window, until the rep confirms
 * or discards it; confirmed rows are created 200 to a request, and a retry sends only the rows that have no id yet
 * (commit.ts).
 */
import type { ContextMenuClick, FeatureDeps, PanelConnection } from '../../messaging/feature-handler';
import { WindowPanels } from '../../messaging/window-panels';
import { problemText, ProposalWorkflow, writeAccess } from '../../proposals';
import { createInstead, updateExisting } from '../../proposals/review';
import { objectsOf } from '../../proposals/review-changes';
import { readSelection } from '../../proposals/selection';
import { storageLedger } from '../../salesforce/ledger';
import { SalesforceProblem } from '../../salesforce/problems';
import type { RecordViewService } from '../record-view';
import { commitLeads, noOrg, settled } from './commit';
import { readExisting } from './existing';
import { conversationIdOf } from '../mail';
import { extractLeads, type ExtractedLeads } from './extract';
import { LeadState, type LeadEvent, type LeadRequest, type LeadSource } from './messages';
import { t } from '../../i18n';

export const EXTRACT_LEAD_MENU = 'groundwork-extract-lead';
const MAX_SELECTION_CHARS = 60_000;

export type ExtractLeadDeps = FeatureDeps & { records: Pick<RecordViewService, 'viewFor'> };

const leadKey = (windowId: number): string => `lead:${windowId}`;

export class LeadService {
  private readonly panels = new WindowPanels<LeadEvent>();
  private readonly workflow: ProposalWorkflow<LeadState>;
  private readonly access: ReturnType<typeof writeAccess>;

  constructor(private readonly deps: ExtractLeadDeps) {
    this.access = writeAccess(deps);
    this.workflow = new ProposalWorkflow({
      store: deps.session,
      schema: LeadState,
      publish: (windowId, state) => this.panels.send(windowId, { type: 'state', state }),
      keepAlive: deps.keepAlive,
      auditLog: deps.auditLog,
      interrupted: {
        proposing: t('lead_interruptedProposing'),
        committing: t('lead_interruptedCommitting'),
      },
    });
  }

  disconnected(panel: PanelConnection<LeadEvent>): void {
    this.panels.forget(panel);
  }

  async onContextMenu(click: ContextMenuClick): Promise<void> {
    if (click.menuItemId !== EXTRACT_LEAD_MENU) return;
    // First, while the click still counts as the rep's gesture.
    const opened = this.deps.browser.openSidePanel(click.tab.id).catch(() => undefined);
    const { windowId } = click.tab;
    const key = leadKey(windowId);
    const text = await readSelection(this.deps.browser, click, MAX_SELECTION_CHARS);
    const source = await this.sourceOf(click);
    const proposing: LeadState = { phase: 'proposing', source, review: null, results: [], lightningHost: null, problem: null, auditIds: [], progress: null };
    // Saved in turn before the work lands, and marked running at once: a panel opening meanwhile sees it in progress.
    const saved = this.workflow.update(key, windowId, () => proposing);
    const progress = async (done: number, total: number): Promise<void> => {
      await this.workflow.update(key, windowId, (state) => (state?.phase === 'proposing' ? { ...state, progress: { done, total } } : null));
    };
    const work = async (): Promise<ExtractedLeads | { problem: string }> => {
      await Promise.all([saved, opened]);
      if (!text.trim()) return { problem: t('extract_noSelection') };
      try {
        const access = await this.access.forLastOrg();
        if (!access) throw new SalesforceProblem('no-session', noOrg());
        return await extractLeads(this.deps, access, text, source, progress);
      } catch (error) {
        return { problem: problemText(error) };
      }
    };
    await this.workflow.run(key, windowId, 'proposing', work, (state, result): LeadState =>
      'review' in result ? { ...state, ...result, phase: 'review' } : { ...state, phase: 'draft', problem: result.problem },
    );
  }

  async handle(request: LeadRequest, panel: PanelConnection<LeadEvent>): Promise<void> {
    this.panels.remember(panel);
    const { windowId } = panel;
    const key = leadKey(windowId);
    if (request.type === 'open') {
      const state = await this.workflow.queued(key, () => this.workflow.recovered(key));
      this.panels.send(windowId, { type: 'state', state });
      return;
    }
    if (request.type === 'discard') {
      await this.workflow.queued(key, async () => {
        const state = await this.workflow.load(key);
        // Cancel: the proposal is dropped and nothing more is written (rows already created stay, with their links shown before).
        if (state?.phase === 'review' && state.results.every((result) => !result.id)) await this.workflow.rejected(state.auditIds);
        await this.workflow.remove(key, windowId);
      });
      return;
    }
    await this.workflow.update(key, windowId, async (state) => {
      if (!state) return null;
      switch (request.type) {
        case 'confirm':
          if (state.phase !== 'review' || !state.review) return null;
          void this.commit(key, state, state.review, windowId);
          return { ...state, phase: 'committing', problem: null };
        case 'update-existing':
        case 'create-instead':
          return this.choose(state, request);
        default: {
          const access = await this.access.forLastOrg();
          return this.workflow.changeReview(state, request, async (objects) => (access ? access.describes(objects) : null), noOrg());
        }
      }
    });
  }

  /** The rep's choice for a card with duplicates: update one of them (read now, for the diff) or create anyway. */
  private async choose(state: LeadState, choice: Extract<LeadRequest, { type: 'update-existing' | 'create-instead' }>): Promise<LeadState | null> {
    if (state.phase !== 'review' || !state.review) return null;
    if (choice.type === 'create-instead') return { ...state, review: createInstead(state.review, choice.cardId) };
    const card = state.review.cards.find((candidate) => candidate.id === choice.cardId);
    // Only a record the look-up found for this card: the id never comes from the panel's say-so or the model.
    const match = card?.duplicates.find((candidate) => candidate.id === choice.duplicateId);
    if (!card || !match) return null;
    const access = await this.access.forLastOrg();
    if (!access) return { ...state, problem: noOrg() };
    const describes = await access.describes([...objectsOf(state.review), match.objectName]);
    const existing = await readExisting(access.client, describes, match, card).catch(() => null);
    if (!existing) return { ...state, problem: `${match.name} could not be read: it may have been deleted, or you cannot see it.` };
    return { ...state, problem: null, review: updateExisting(state.review, describes, card.id, existing) };
  }

  private async sourceOf(click: ContextMenuClick): Promise<LeadSource> {
    const url = click.tab.url ?? null;
    const view = await this.deps.records.viewFor(click.tab.windowId).catch(() => null);
    const sender = view?.kind === 'mail' && view.sender ? { name: view.sender.name, email: view.sender.email } : null;
    return { pageTitle: click.tab.title?.trim() || null, pageUrl: url, sender, messageId: conversationIdOf(url) };
  }

  private async commit(key: string, confirmed: LeadState, review: NonNullable<LeadState['review']>, windowId: number): Promise<void> {
    const work = async () => commitLeads(await this.access.forLastOrg(), confirmed, review, storageLedger(this.deps.session));
    const { result: attempt, landed } = await this.workflow.run(key, windowId, 'committing', work, (state, result) => settled(state, review, result));
    if (attempt.orgId === null || attempt.writes.length === 0) return;
    // Each sent row's fields with the rep's decisions; on the first attempt also the rows left out (rejected).
    const first = confirmed.results.length === 0;
    await this.workflow.committed(review, attempt.writes, { orgId: attempt.orgId }, {
      auditIds: confirmed.auditIds,
      settled: landed?.phase === 'committed',
      ...(first ? {} : { only: new Set(attempt.cards.map((card) => card.id)) }),
    });
  }
}
