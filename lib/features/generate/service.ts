import { keepRecent } from '../../browser/recent-store';
import type { KeyValueStore } from '../../browser/store';
import { restoreRedactions, type BuiltContext } from '../../context';
import { findUnsupportedClaims } from '../../context/grounding';
import type { GenerationRequest, GenerationResult, ModelSettings, StreamEvents } from '../../model';
import { toModelProblem } from '../../model';
import { renderPrompt, type PromptVariant } from '../../prompts';
import type { OrgApi } from '../../salesforce/context';
import type { RecordGraph } from '../../salesforce/record-graph';
import { languageInstruction, OUTPUT_LANGUAGES, type LanguageRequest } from '../../settings/languages';
import { checkForPrompt, checkShown, dealChecks, type DealCheck } from './deal-checks';
import { fetchSimilarDeals } from './similar-deals';
import { RecordContexts } from './record-context';
import type { Citation } from '../../context/checked-output';
import { Generation, type EmailOptions, type Feature, type OutcomeReport } from './messages';
import { validateOutput } from './validate';
import { applyReport, outcomeToRecord, type GenerationOutcome } from './outcomes';
import { GenerationSlots } from './slots';

/** How often a growing output is pushed to the panel and saved, so a stopped worker loses at most this much. */
const PUSH_EVERY_MS = 60;
const SAVE_EVERY_MS = 400;
/** Generations kept (about a hundred records' four features): the least recently written go first. */
export const MAX_KEPT_GENERATIONS = 400;

export interface GenerationTarget {
  /** Identifies the record for one rep's session (see RecordViewService): generations are kept under it. */
  slotKey: string;
  recordId: string;
  graph: RecordGraph;
  /** When the rep last saw this record, for the summary's "since your last visit". */
  lastVisit: string | null;
  /** What changed since then, in words (field changes and new related records). */
  changes: string[];
  api: Pick<OrgApi, 'apiVersion' | 'composite'>;
}

/** Who asked for a generation: the rep's click, or background work (morning prep), which budgets stop first. */
export type GenerationTrigger = 'rep' | 'background';

export interface GenerationAudit {
  record(entry: {
    /** Absent means the rep. */
    trigger?: GenerationTrigger;
    feature: Feature;
    recordId: string;
    promptId: string;
    promptVersion: string;
    promptVariant: PromptVariant;
    sent: string;
    result: GenerationResult | null;
    received: string;
    unsupported: number;
    problem: string | null;
    /** The language the output was asked for in. */
    outputLanguage?: string;
  }): Promise<string | null>;
  /** What the rep did with a generation, as an amendment of its entry (once per amendment id, when one is given). */
  recordOutcome(auditId: string, outcome: GenerationOutcome, details?: { editDistance?: number; amendmentId?: string }): Promise<void>;
}

export interface GenerationDeps {
  /** Local storage: finished generations, so a reopen needs no model call. */
  store: KeyValueStore;
  /** Session storage: the record slot of each generation, so a report reaching a restarted worker finds its output. */
  slots: KeyValueStore;
  modelSettings(feature: Feature): Promise<ModelSettings>;
  /** The variant of the feature's prompt this rep is assigned. */
  promptVariant(feature: Feature): Promise<PromptVariant>;
  stream(settings: ModelSettings, request: GenerationRequest, events: StreamEvents, signal: AbortSignal): Promise<GenerationResult>;
  prohibitedPhrases(): Promise<string[]>;
  /** The language to write in, and why (the rep's setting, the browser's language, or the policy); none: English, unsaid. */
  outputLanguage?(): Promise<LanguageRequest>;
  /** Fields and patterns never to send (settings and policy), read on every use. */
  redaction(): Promise<{ deniedFields: readonly string[]; patterns: readonly RegExp[] }>;
  audit: GenerationAudit;
  /** Keeps the service worker alive while a stream runs; returns the function that lets it go. */
  keepAlive(): () => void;
  now(): Date;
  newId(): string;
}

type Listener = (generation: Generation) => void;

const generationKey = (slotKey: string, feature: Feature): string => `generation:${slotKey}:${feature}`;

/** The model's cited line ids that exist in the context, in the order first cited. */
function citationsIn(text: string, built: BuiltContext): Citation[] {
  const lines = new Map(built.lines.map((line) => [line.id, line]));
  const seen = new Map<string, Citation>();
  for (const match of text.matchAll(/\[([a-z][a-z0-9]{1,5})\]/g)) {
    const id = match[1] ?? '';
    const line = lines.get(id);
    if (line && !seen.has(id)) seen.set(id, { id, text: line.text, objectName: line.source.objectName, recordId: line.source.recordId });
  }
  return [...seen.values()];
}

interface Prepared {
  built: BuiltContext;
  checks: DealCheck[];
  contextHash: string;
}

/**
 * Runs the generation features: builds the cited, redacted context, streams the model's answer to the panel, checks it
 * (citations, grounding, the use case's rules), and keeps the result so an unchanged record reopens with no model call.
 * Partial output is saved as it grows, so a stopped service worker leaves it to the panel with Retry.
 */
export class GenerationService {
  private readonly listeners = new Set<Listener>();
  private readonly running = new Map<string, AbortController>();
  /** Reports of one output are applied one after another: an edit and a Copy a moment apart must not undo each other. */
  private readonly reports = new Map<string, Promise<unknown>>();
  private readonly slots: GenerationSlots;
  private readonly contexts: RecordContexts;

  /** Kept generations, the least recently written dropped past MAX_KEPT_GENERATIONS. */
  private readonly store: KeyValueStore;

  constructor(private readonly deps: GenerationDeps) {
    this.slots = new GenerationSlots(deps.slots);
    this.store = keepRecent(deps.store, { prefix: 'generation:', max: MAX_KEPT_GENERATIONS, indexKey: 'index:generations' });
    this.contexts = new RecordContexts(deps);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The kept generations of a record, marked stale when its context changed and interrupted when no stream runs. */
  async kept(target: Pick<GenerationTarget, 'slotKey' | 'graph'>, features: readonly Feature[]): Promise<Generation[]> {
    const { hash } = await this.contexts.of(target.slotKey, target.graph);
    const kept: Generation[] = [];
    for (const feature of features) {
      const key = generationKey(target.slotKey, feature);
      const stored = Generation.safeParse(await this.store.get(key));
      if (!stored.success) continue;
      const generation = stored.data;
      this.slots.remember(generation.id, target.slotKey);
      const interrupted = generation.status === 'streaming' && !this.running.has(key);
      kept.push({
        ...generation,
        status: interrupted ? 'interrupted' : generation.status,
        stale: generation.contextHash !== hash && generation.feature !== 'insights' ? true : generation.stale,
      });
    }
    return kept;
  }

  stop(slotKey: string, feature: Feature): void {
    this.running.get(generationKey(slotKey, feature))?.abort();
  }

  /**
   * What the rep did with the output of a record's feature: kept on the generation and recorded on its audit entry.
   * Using it records 'accepted' or, when the text used differs from the generated one, 'edited' with the distance;
   * thumbs record feedback once per change (a reason added later is kept without a second amendment); an email edit
   * is only kept, so that the panel can give it back. The panel sends a report until it is told it is recorded, so the
   * same report may come twice: its id makes the audit amendment happen once.
   */
  report(slotKey: string, feature: Feature, generationId: string, report: OutcomeReport, reportId?: string): Promise<Generation | null> {
    const key = generationKey(slotKey, feature);
    const previous = this.reports.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.applyReport(key, generationId, report, reportId));
    const settled = next.catch(() => undefined);
    this.reports.set(key, settled);
    void settled.then(() => {
      if (this.reports.get(key) === settled) this.reports.delete(key);
    });
    return next;
  }

  /** The record slot of a generation (see GenerationSlots): reports name their generation, not the record in view. */
  slotOf(generationId: string): Promise<string | undefined> {
    return this.slots.slotOf(generationId);
  }

  /**
   * The audit amendment is written before the generation is saved: a worker stopped in between leaves the generation as
   * it was, so the report sent again finds the same change to record (and the amendment id keeps it to one record).
   */
  private async applyReport(key: string, generationId: string, report: OutcomeReport, reportId: string | undefined): Promise<Generation | null> {
    const stored = Generation.safeParse(await this.store.get(key));
    // A report on an output since replaced (Regenerate) is not the new one's.
    if (!stored.success || stored.data.status === 'streaming' || stored.data.id !== generationId) return null;
    const before = stored.data;
    const after = applyReport(before, report);
    const outcome = outcomeToRecord(before, after, report);
    const details = {
      ...(report.kind === 'used' && after.editDistance !== null ? { editDistance: after.editDistance } : {}),
      ...(reportId ? { amendmentId: reportId } : {}),
    };
    if (outcome && after.auditId) await this.deps.audit.recordOutcome(after.auditId, outcome, details).catch(() => undefined);
    await this.save(key, after);
    return after;
  }

  /**
   * Generates anew (a first run, Regenerate or Retry), replacing what was kept for this record and feature. A finished
   * output the rep replaces is recorded as regenerated; background work replacing one is not the rep's verdict.
   */
  async generate(target: GenerationTarget, feature: Feature, email: EmailOptions | null, trigger: GenerationTrigger = 'rep'): Promise<Generation> {
    const key = generationKey(target.slotKey, feature);
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const release = this.deps.keepAlive();
    // A report on the output being replaced that came first (a copy sent again after a worker stop, ahead of this
    // Regenerate) is recorded on it before it is replaced.
    await this.reports.get(key);
    // The output being replaced is read before the new one is saved over it; its amendment is written meanwhile.
    const marking = trigger === 'rep' ? this.markRegenerated(this.store.get(key)) : Promise.resolve();
    try {
      return await this.run(key, target, feature, email, controller.signal, trigger);
    } finally {
      await marking;
      release();
      if (this.running.get(key) === controller) this.running.delete(key);
    }
  }

  private async markRegenerated(stored: Promise<unknown>): Promise<void> {
    const previous = Generation.safeParse(await stored.catch(() => null));
    if (!previous.success || previous.data.status !== 'done' || !previous.data.auditId) return;
    await this.deps.audit.recordOutcome(previous.data.auditId, 'regenerated').catch(() => undefined);
  }

  private async update(slotKey: string, feature: Feature, change: (generation: Generation) => Generation): Promise<Generation | null> {
    const key = generationKey(slotKey, feature);
    const stored = Generation.safeParse(await this.store.get(key));
    if (!stored.success) return null;
    const updated = change(stored.data);
    await this.save(key, updated);
    return updated;
  }

  private async prepare(target: GenerationTarget, feature: Feature): Promise<Prepared> {
    const checks = feature === 'insights' ? dealChecks(target.graph, this.deps.now()) : [];
    const similar = feature === 'insights' ? await fetchSimilarDeals(target.api, target.graph).catch(() => null) : null;
    const plain = await this.contexts.of(target.slotKey, target.graph);
    // The cache key is the record's own context; similar deals only widen what insights send.
    const built = similar ? await this.contexts.widened({ ...target.graph, related: [...target.graph.related, similar] }) : plain.built;
    return { built, checks, contextHash: plain.hash };
  }

  private extraFor(feature: Feature, target: GenerationTarget, checks: DealCheck[], email: EmailOptions | null): Record<string, string> {
    switch (feature) {
      case 'summary':
        return target.lastVisit ? { last_visit: target.lastVisit, changes: target.changes.join('\n') } : {};
      case 'insights':
        return { checks: checks.map((check) => `- ${checkForPrompt(check)}`).join('\n') || 'No issues found by the checks.' };
      case 'email':
        return {
          recipient: email?.recipient ? `${email.recipient.name}${email.recipient.email ? ` <${email.recipient.email}>` : ''}` : 'the main contact',
          purpose: email?.purpose ?? 'follow-up',
          instruction: email?.instruction ?? '',
          tone: email?.tone ?? 'friendly',
          length: email?.length ?? 'short',
        };
      case 'brief':
        return {};
    }
  }

  private async run(
    key: string,
    target: GenerationTarget,
    feature: Feature,
    email: EmailOptions | null,
    signal: AbortSignal,
    trigger: GenerationTrigger,
  ): Promise<Generation> {
    // Settings (key, model, budget) are looked up while the context is built: the click waits for neither twice.
    const settingsLookup = this.deps.modelSettings(feature);
    settingsLookup.catch(() => undefined);
    const { built, checks, contextHash } = await this.prepare(target, feature);
    const extra = this.extraFor(feature, target, checks, email);
    const language = (await this.deps.outputLanguage?.()) ?? null;
    const prompt = renderPrompt(feature, { context: built.text, extra, ...(language ? { language: languageInstruction(language) } : {}) }, await this.deps.promptVariant(feature));
    const locale = OUTPUT_LANGUAGES[language?.language ?? 'en'].locale;
    // Everything the model was given may be repeated: the grounding check reads all of it.
    const groundingContext = [built.text, ...Object.values(extra)].join('\n');
    let generation: Generation = {
      id: this.deps.newId(),
      feature,
      recordId: target.recordId,
      status: 'streaming',
      text: '',
      citations: [],
      unsupported: [],
      validation: [],
      findings: checks.map(checkShown),
      language: language?.language ?? 'en',
      problem: null,
      promptId: prompt.id,
      promptVersion: String(prompt.version),
      promptVariant: prompt.variant,
      model: null,
      contextHash,
      stale: false,
      startedAt: this.deps.now().toISOString(),
      finishedAt: null,
      feedback: null,
      feedbackReason: null,
      outcome: null,
      editDistance: null,
      edited: null,
      auditId: null,
    };
    this.slots.remember(generation.id, target.slotKey);
    this.emit(generation);
    const firstSave = this.store.set(key, generation);

    let raw = '';
    let lastPush = 0;
    let lastSave = 0;
    const onText = (delta: string): void => {
      raw += delta;
      generation = { ...generation, text: restoreRedactions(raw, built.redactions) };
      const now = Date.now();
      if (now - lastPush >= PUSH_EVERY_MS || lastPush === 0) {
        lastPush = now;
        this.emit(generation);
      }
      if (now - lastSave >= SAVE_EVERY_MS) {
        lastSave = now;
        void this.store.set(key, generation);
      }
    };

    let result: GenerationResult | null = null;
    try {
      const settings = await settingsLookup;
      result = await this.deps.stream(
        settings,
        { useCase: feature, system: prompt.system, user: prompt.user, maxTokens: prompt.maxTokens },
        { onText },
        signal,
      );
      const text = restoreRedactions(result.text, built.redactions);
      generation = {
        ...generation,
        status: 'done',
        text,
        // Shown in the panel's label: the model's listed name ("Demo model (offline)"), as the audit keeps its id.
        model: result.modelName,
        citations: citationsIn(result.text, built),
        unsupported: findUnsupportedClaims(text, restoreRedactions(groundingContext, built.redactions), { locale }),
        validation: validateOutput(feature, text, await this.deps.prohibitedPhrases()),
        finishedAt: this.deps.now().toISOString(),
      };
    } catch (error) {
      const problem = toModelProblem(error);
      generation = {
        ...generation,
        status: problem.kind === 'cancelled' ? 'stopped' : 'failed',
        problem: problem.kind === 'cancelled' ? null : { kind: problem.kind, message: problem.message, retryAfterSeconds: problem.retryAfterSeconds },
        citations: citationsIn(raw, built),
        finishedAt: this.deps.now().toISOString(),
      };
    }
    const auditId = await this.deps.audit
      .record({
        trigger,
        feature,
        recordId: target.recordId,
        promptId: prompt.id,
        promptVersion: String(prompt.version),
        promptVariant: prompt.variant,
        sent: prompt.userText,
        result,
        received: raw,
        unsupported: generation.unsupported.length,
        problem: generation.problem?.kind ?? null,
        outputLanguage: language?.language ?? 'en',
      })
      .catch(() => null);
    generation = { ...generation, auditId };
    await firstSave;
    await this.save(key, generation);
    return generation;
  }

  private async save(key: string, generation: Generation): Promise<void> {
    await this.store.set(key, generation);
    this.emit(generation);
  }

  private emit(generation: Generation): void {
    for (const listener of this.listeners) listener(generation);
  }
}
