/**
 * The prompt context of the record in view, as generations send it: redacted by the rep's and the organization's
 * rules, within the prompt budget, from the graph in a canonical form. Built once per read of the record (and rules,
 * and day): showing the record builds it for its kept outputs' staleness check, and the click then reuses it.
 */
import { buildContext, PROMPT_CONTEXT_TOKENS, type BuiltContext } from '../../context';
import { RecordGraph } from '../../salesforce/record-graph';

export interface RecordContextDeps {
  /** Fields and patterns never to send (settings and policy). */
  redaction(): Promise<{ deniedFields: readonly string[]; patterns: readonly RegExp[] }>;
  now(): Date;
}

export interface RecordContext {
  built: BuiltContext;
  /** Its text's SHA-256: a kept output made from another text is stale. */
  hash: string;
}

/** Contexts kept: the records of the last few panels and tabs. */
const KEPT = 8;

export class RecordContexts {
  private readonly kept = new Map<string, Promise<RecordContext>>();

  constructor(private readonly deps: RecordContextDeps) {}

  /** The record's own context (`slotKey` names the record for one session; the graph's read time tells its data). */
  async of(slotKey: string, graph: RecordGraph): Promise<RecordContext> {
    const rules = await this.deps.redaction();
    const now = this.deps.now();
    const key = JSON.stringify([slotKey, graph.fetchedAt, rules.deniedFields, rules.patterns.map(String), now.toISOString().slice(0, 10)]);
    let context = this.kept.get(key);
    if (!context) {
      context = this.build(graph, rules, now).then(async (built) => ({ built, hash: await sha256(built.text) }));
      context.catch(() => this.kept.delete(key));
      this.kept.set(key, context);
      for (const old of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - KEPT))) this.kept.delete(old);
    }
    return context;
  }

  /** A context from a graph widened for one use (insights' similar deals): built each time. */
  async widened(graph: RecordGraph): Promise<BuiltContext> {
    return this.build(graph, await this.deps.redaction(), this.deps.now());
  }

  private async build(graph: RecordGraph, rules: Awaited<ReturnType<RecordContextDeps['redaction']>>, now: Date): Promise<BuiltContext> {
    return buildContext(canonical(graph), { maxTokens: PROMPT_CONTEXT_TOKENS, now, deniedFields: rules.deniedFields, extraPatterns: rules.patterns });
  }
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The graph with every object's keys in sorted order, as extension storage gives it back: a graph read just now and
 * the same graph kept in storage then build the same context text, so a brief prepared in the background matches the
 * record the rep opens later.
 */
function canonical(graph: RecordGraph): RecordGraph {
  const sorted: unknown = JSON.parse(JSON.stringify(graph, (_key, inner: unknown) => (isPlainObject(inner) ? sortedKeys(inner) : inner)));
  return RecordGraph.parse(sorted);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, value[key]]));
}
