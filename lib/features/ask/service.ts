/**
 * Ask in the background: the rep's question → the model's plan (structured output, from the rep's own readable schema)
 * → validated against describe as the rep → compiled SOQL, shown → run as the rep → rows, "Load more", and a streamed,
 * cited, grounding-checked summary. State is kept per window in session storage and pushed to every panel of it.
 */
import { findUnsupportedClaims, redactText, restoreRedactions } from '../../context';
import { ModelProblem, toModelProblem } from '../../model';
import { renderPrompt } from '../../prompts';
import { languageInstruction, OUTPUT_LANGUAGES } from '../../settings/languages';
import { findApiSession, type ApiSession } from '../../salesforce/session';
import { citationsOf, coverageText, rowContext, type RowContext } from './answer';
import type { AskApi, AskDeps, AskOptions, AskTarget } from './deps';
import { describesForPlan } from './load';
import { AskEvent, AskState, type AskSummary } from './messages';
import { COMMON_OBJECTS, recordAskCall, requestPlan } from './planner';
import { isStaleDescribeError, loadMore, prepareQuery, queryErrorMessage, runQuery, type QueryApi } from './run';
import { validatePlan } from './validate';
import { t } from '../../i18n';

const PUSH_EVERY_MS = 60;
const SAVE_EVERY_MS = 400;

const stateKey = (windowId: number): string => `ask:state:${windowId}`;
const draftKey = (windowId: number): string => `ask:draft:${windowId}`;

type Where = ({ ok: true } & AskTarget) | { ok: false; message: string };

type Send = (payload: AskEvent) => void;

/** A rep-facing message for anything that went wrong asking: the model's problems and Salesforce's, in words. */
function failureMessage(error: unknown): string {
  if (error instanceof ModelProblem) return error.message;
  return queryErrorMessage(error);
}

export class AskService {
  private readonly panels = new Map<number, Set<Send>>();
  private readonly asking = new Map<number, AbortController>();
  private readonly summarizing = new Map<number, AbortController>();
  private readonly loadingMore = new Set<number>();
  private readonly clients = new Map<string, AskApi>();

  constructor(
    private readonly deps: AskDeps,
    private readonly options: AskOptions,
  ) {}

  attach(windowId: number, send: Send): void {
    const set = this.panels.get(windowId) ?? new Set<Send>();
    set.add(send);
    this.panels.set(windowId, set);
  }

  detach(windowId: number, send: Send): void {
    this.panels.get(windowId)?.delete(send);
  }

  /** The kept state as this panel should see it: work no longer running is marked as interrupted. */
  async open(windowId: number): Promise<void> {
    const draft = await this.deps.session.get(draftKey(windowId));
    const state = await this.kept(windowId);
    this.broadcast(windowId, { type: 'state', state: state ? this.settled(windowId, state) : null, draft: typeof draft === 'string' ? draft : '' });
  }

  async saveDraft(windowId: number, text: string): Promise<void> {
    await this.deps.session.set(draftKey(windowId), text);
  }

  async ask(windowId: number, question: string): Promise<void> {
    this.asking.get(windowId)?.abort();
    this.summarizing.get(windowId)?.abort();
    const controller = new AbortController();
    this.asking.set(windowId, controller);
    const release = this.deps.keepAlive();
    try {
      // The question stays the draft: the panel keeps it in the box after sending, to refine and ask again.
      await this.deps.session.set(draftKey(windowId), question);
      await this.run(windowId, question, controller.signal);
    } finally {
      release();
      if (this.asking.get(windowId) === controller) this.asking.delete(windowId);
    }
  }

  async loadMore(windowId: number): Promise<void> {
    const state = await this.kept(windowId);
    if (!state?.prepared || !state.nextRecordsUrl || this.loadingMore.has(windowId)) return;
    const where = await this.where(windowId);
    if (!where.ok || where.orgId !== state.orgId) {
      await this.update(windowId, { ...state, moreError: where.ok ? t('askService_otherOrg') : where.message });
      return;
    }
    await this.update(windowId, { ...state, loadingMore: true, moreError: null });
    this.loadingMore.add(windowId);
    const release = this.deps.keepAlive();
    try {
      const page = await loadMore(this.paged(where.api), state.prepared, state.nextRecordsUrl);
      await this.update(windowId, { ...state, rows: [...state.rows, ...page.rows].slice(0, this.options.maxRows), nextRecordsUrl: page.nextRecordsUrl, loadingMore: false });
    } catch (error) {
      await this.update(windowId, { ...state, loadingMore: false, moreError: queryErrorMessage(error) });
    } finally {
      this.loadingMore.delete(windowId);
      release();
    }
  }

  stopSummary(windowId: number): void {
    this.summarizing.get(windowId)?.abort();
  }

  async summarize(windowId: number): Promise<void> {
    const state = await this.kept(windowId);
    if (state?.phase !== 'done' || !state.prepared) return;
    this.summarizing.get(windowId)?.abort();
    const controller = new AbortController();
    this.summarizing.set(windowId, controller);
    const release = this.deps.keepAlive();
    try {
      await this.streamSummary(windowId, state, controller.signal);
    } finally {
      release();
      if (this.summarizing.get(windowId) === controller) this.summarizing.delete(windowId);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Asking

  private async run(windowId: number, question: string, signal: AbortSignal): Promise<void> {
    const where = await this.where(windowId);
    let state: AskState = {
      id: this.options.newId(),
      question,
      orgId: where.ok ? where.orgId : '',
      scopeName: where.ok && where.record ? where.record.name : null,
      phase: 'planning',
      plan: null,
      problems: [],
      error: null,
      prepared: null,
      rows: [],
      totalSize: 0,
      nextRecordsUrl: null,
      loadingMore: false,
      moreError: null,
      summary: null,
      askedAt: this.deps.now().toISOString(),
    };
    if (!where.ok) return this.update(windowId, { ...state, phase: 'failed', error: where.message });
    await this.update(windowId, state);
    try {
      state = await this.planAndRun(windowId, state, where, signal);
    } catch (error) {
      if (signal.aborted) return;
      state = { ...state, phase: 'failed', error: failureMessage(error) };
    }
    if (!signal.aborted) await this.update(windowId, state);
  }

  /** Plans, validates, compiles and runs; a refused plan ends here without any query. */
  private async planAndRun(windowId: number, initial: AskState, where: AskTarget, signal: AbortSignal): Promise<AskState> {
    const plan = await requestPlan(initial.question, where, { ...this.deps, generateJson: this.options.generateJson }, signal);
    if (!plan) return { ...initial, phase: 'refused', problems: [t('askCheck_noQuery')] };
    const describes = await describesForPlan(where.api, plan);
    const recordInView = where.record ? { id: where.record.recordId, objectName: where.record.objectName } : null;
    const result = validatePlan(plan, describes, { recordInView, maxLimit: this.options.maxRows });
    if (!result.ok) return { ...initial, plan, phase: 'refused', problems: result.problems };
    const prepared = prepareQuery(result.plan);
    const running: AskState = { ...initial, plan, phase: 'running', prepared };
    if (signal.aborted) return running;
    await this.update(windowId, running);
    try {
      const page = await runQuery(this.paged(where.api), prepared);
      return { ...running, phase: 'done', rows: page.rows, totalSize: page.totalSize, nextRecordsUrl: page.nextRecordsUrl };
    } catch (error) {
      if (signal.aborted) throw error;
      // INVALID_FIELD / INVALID_TYPE: the rep's access changed since describe was cached; the next ask reads it anew.
      if (isStaleDescribeError(error)) where.api.forgetDescribes([prepared.objectName, ...COMMON_OBJECTS]);
      // The SOQL stays shown: the rep sees which query Salesforce refused.
      return { ...running, phase: 'failed', error: queryErrorMessage(error) };
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Summary

  private async streamSummary(windowId: number, state: AskState, signal: AbortSignal): Promise<void> {
    const prepared = state.prepared;
    if (!prepared) return;
    const rules = await this.deps.redaction();
    const context = rowContext(prepared, state.rows, rules);
    const coverage = coverageText(context.lines.length, state.rows.length, state.totalSize);
    const question = redactText(state.question, context.redactions, rules.patterns);
    const redactions = [...context.redactions, ...question.redactions];
    const language = (await this.deps.outputLanguages?.())?.output ?? null;
    const prompt = renderPrompt('ask-answer', {
      context: context.text || '(no rows)',
      extra: { question: question.text, query: prepared.soql, coverage },
      ...(language ? { language: languageInstruction(language) } : {}),
    });
    const locale = OUTPUT_LANGUAGES[language?.language ?? 'en'].locale;
    let summary: AskSummary = { status: 'streaming', text: '', citations: [], unsupported: [], problem: null, model: null, rowsSent: context.lines.length };
    await this.update(windowId, { ...state, summary }, false);
    this.broadcast(windowId, { type: 'summary', askId: state.id, summary });

    let raw = '';
    let lastPush = 0;
    let lastSave = 0;
    const onText = (delta: string): void => {
      raw += delta;
      summary = { ...summary, text: restoreRedactions(raw, redactions) };
      const now = Date.now();
      if (now - lastPush >= PUSH_EVERY_MS) {
        lastPush = now;
        this.broadcast(windowId, { type: 'summary', askId: state.id, summary });
      }
      if (now - lastSave >= SAVE_EVERY_MS) {
        lastSave = now;
        void this.saveSummary(windowId, state.id, summary);
      }
    };
    try {
      const settings = await this.deps.modelSettings('ask-answer');
      const request = { useCase: 'ask-answer' as const, system: prompt.system, user: prompt.user, maxTokens: prompt.maxTokens };
      const result = await this.options.stream(settings, request, { onText }, signal);
      summary = this.finished(result.text, result.modelName, context, [context.text, question.text, coverage, prepared.soql].join('\n'), redactions, summary, locale);
      await recordAskCall(this.deps, prompt, { orgId: state.orgId }, { result, groundingFlags: summary.unsupported.length });
    } catch (error) {
      const problem = toModelProblem(error);
      await recordAskCall(this.deps, prompt, { orgId: state.orgId }, { error: problem.message, ...(problem.partialText ? { rawText: problem.partialText } : {}) });
      const cancelled = problem.kind === 'cancelled';
      summary = { ...summary, status: cancelled ? 'stopped' : 'failed', problem: cancelled ? null : { kind: problem.kind, message: problem.message }, citations: citationsOf(raw, context) };
    }
    await this.saveSummary(windowId, state.id, summary);
    this.broadcast(windowId, { type: 'summary', askId: state.id, summary });
  }

  private finished(
    rawText: string,
    model: string,
    context: RowContext,
    given: string,
    redactions: RowContext['redactions'],
    summary: AskSummary,
    locale: string,
  ): AskSummary {
    const text = restoreRedactions(rawText, redactions);
    return {
      ...summary,
      status: 'done',
      text,
      model,
      citations: citationsOf(rawText, context),
      // Everything the model was given may be repeated: the grounding check reads all of it.
      unsupported: findUnsupportedClaims(text, restoreRedactions(given, redactions), { locale }),
    };
  }

  private async saveSummary(windowId: number, askId: string, summary: AskSummary): Promise<void> {
    const state = await this.kept(windowId);
    if (state?.id === askId) await this.deps.session.set(stateKey(windowId), { ...state, summary });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Plumbing

  /** The org of the window's active tab (enabled, with a session) and the record in view, if any. */
  private async where(windowId: number): Promise<Where> {
    const url = (await this.deps.browser.activeTab(windowId))?.url;
    const session = url ? await findApiSession(url, this.deps.cookies).catch(() => null) : null;
    if (!url || !session) return { ok: false, message: t('askService_openSalesforce') };
    if (!(await this.deps.orgs.isEnabled(session.orgId))) {
      return { ok: false, message: t('askService_notEnabled') };
    }
    const inView = await this.deps.records.recordInView(windowId);
    const api = this.clientOf(session);
    return { ok: true, api, orgId: session.orgId, record: inView?.card ?? null };
  }

  /** One client per org and session (describes are the rep's own view: never shared across users). Memory only. */
  private clientOf(session: ApiSession): AskApi {
    const key = `${session.orgId}|${session.apiHost}|${session.sessionId}`;
    const known = this.clients.get(key);
    if (known) return known;
    const client = this.deps.clientFor(session);
    this.clients.set(key, client);
    return client;
  }

  /** Pages of `pageSize` rows, so that "Load more" has a next page to follow. */
  private paged(api: AskApi): QueryApi {
    return { query: (soql) => api.query(soql, this.options.pageSize), queryMore: (url) => api.queryMore(url) };
  }

  private async kept(windowId: number): Promise<AskState | null> {
    const stored = AskState.safeParse(await this.deps.session.get(stateKey(windowId)));
    return stored.success ? stored.data : null;
  }

  /** After a stopped service worker, work that no longer runs is shown as interrupted, never as forever loading. */
  private settled(windowId: number, state: AskState): AskState {
    const asking = this.asking.has(windowId);
    const busy = state.phase === 'planning' || state.phase === 'running';
    const interrupted = busy && !asking;
    const summary = state.summary?.status === 'streaming' && !this.summarizing.has(windowId) ? { ...state.summary, status: 'interrupted' as const } : state.summary;
    return {
      ...state,
      phase: interrupted ? 'failed' : state.phase,
      error: interrupted ? t('askService_interrupted') : state.error,
      loadingMore: state.loadingMore && this.loadingMore.has(windowId),
      summary,
    };
  }

  /** Saves the state and shows it; a state superseded by a newer question is dropped. */
  private async update(windowId: number, state: AskState, show = true): Promise<void> {
    const current = await this.kept(windowId);
    if (current && current.id !== state.id && current.askedAt > state.askedAt) return;
    await this.deps.session.set(stateKey(windowId), state);
    if (show) this.broadcast(windowId, { type: 'state', state, draft: null });
  }

  private broadcast(windowId: number, event: AskEvent): void {
    for (const send of this.panels.get(windowId) ?? []) send(event);
  }
}
