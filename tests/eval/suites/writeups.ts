/**
 * Summary, meeting brief, deal insights and email draft, each through the product's GenerationService exactly as the
 * background runs it: the record's context read from the sandbox org by OrgClient in one composite request, built,
 * redacted and cited by lib/context, the prompt rendered by lib/prompts (the variant under test), the model called by
 * lib/model's streaming client, and the output checked by the product (citations, the grounding check, the use case's
 * rules). The eval then reads the output for the labelled facts.
 */
import { splitEmail } from '../../../lib/features/generate/validate';
import { GenerationService, type GenerationTarget } from '../../../lib/features/generate/service';
import { streamGeneration } from '../../../lib/model';
import type { PromptVariant } from '../../../lib/prompts';
import type { OrgClient } from '../../../lib/salesforce/client';
import type { RecordGraph } from '../../../lib/salesforce/record-graph';
import { RECORD_CASES } from '../cases/records';
import type { RecordCase, WriteUp } from '../cases/types';
import { usageScores, type ModelPlan } from '../models';
import type { CaseOutcome } from '../scoring/scores';
import { citedShare, contextIds, mailChecks, normalise, states, wordCount } from '../scoring/text';
import { EVAL_NOW, type MeteredCall, type World } from '../world';
import { memoryStore } from '../../unit/memory-store';

/** What a rep reads in one go: the longest useful write-up of each kind, in words (an email's body, for a short one). */
const WORD_LIMITS: Record<WriteUp, number> = { summary: 250, brief: 350, insights: 300, email: 90 };

const PREAMBLE = /^(here (is|are)|here's|sure\b|certainly|of course|i hope|as requested|below is)/i;

type Generated = Awaited<ReturnType<GenerationService['generate']>>;

export function writeUpCases(feature: WriteUp): RecordCase[] {
  return RECORD_CASES.filter((item) => item.mustState[feature] !== undefined && (feature !== 'email' || item.email));
}

/** Whether a deal check the product computed is restated: most of its dates, numbers and longer words appear. */
function restates(finding: string, text: string): boolean {
  const normal = normalise(text);
  const tokens = normalise(finding).match(/\d{4}-\d{2}-\d{2}|\d+|[a-z]{5,}/g) ?? [];
  return tokens.length === 0 || tokens.filter((token) => normal.includes(token)).length >= Math.ceil(tokens.length / 2);
}

function emailChecks(text: string, item: RecordCase, known: ReadonlySet<string>): Record<string, boolean> {
  const { subject, body } = splitEmail(text);
  const sources = /^\s*sources:(.*)$/im.exec(text)?.[1] ?? '';
  return {
    'a subject line': subject.trim() !== '',
    ...mailChecks(body, item.email?.recipient.name ?? ''),
    'no citations in the subject': !/\[[a-z][a-z0-9]{1,7}\]/i.test(subject),
    'a sources line with real line ids': [...sources.matchAll(/\[([^\]]+)\]/g)].some((match) => known.has(match[1] ?? '')),
  };
}

function requiredChecks(feature: WriteUp, generation: Generated, item: RecordCase, known: ReadonlySet<string>): Record<string, boolean> {
  const text = generation.text;
  const firstLine = text.trim().split('\n')[0] ?? '';
  switch (feature) {
    case 'summary':
      return { 'starts with the point': !PREAMBLE.test(firstLine), 'bullets or sections': /^\s*([-*•]|#{1,6}\s|\d+\.)/m.test(text) };
    case 'brief':
      return { 'starts with the point': !PREAMBLE.test(firstLine), 'questions to ask': /\?\s*(\[[^\]]*\]\s*)*$/m.test(text) };
    case 'insights':
      return {
        'starts with the point': !PREAMBLE.test(firstLine),
        'restates each deal check': generation.findings.filter((finding) => finding.severity === 'warning').every((finding) => restates(finding.text, text)),
      };
    case 'email':
      return emailChecks(text, item, known);
  }
}

function score(feature: WriteUp, item: RecordCase, generation: Generated, calls: MeteredCall[], models: ModelPlan): CaseOutcome {
  const text = generation.text;
  const known = contextIds(calls.at(-1)?.sent ?? '');
  const must = item.mustState[feature] ?? [];
  const missed = must.filter((fact) => !states(fact, text));
  const never = [...item.mustNotState, ...(feature === 'email' ? (item.emailMustNotState ?? []) : [])];
  const stated = never.filter((fact) => states(fact, text));
  const required = requiredChecks(feature, generation, item, known);
  const failedChecks = Object.entries(required).filter(([, passed]) => !passed).map(([name]) => name);
  const words = wordCount(feature === 'email' ? splitEmail(text).body : text);
  const failed = generation.status !== 'done';
  return {
    caseId: item.id,
    scores: {
      fact_recall: must.length === 0 ? 1 : (must.length - missed.length) / must.length,
      forbidden_facts: stated.length,
      unsupported_claims: generation.unsupported.length,
      cited_lines: feature === 'email' ? Number(required['a sources line with real line ids'] ?? false) : citedShare(text, known),
      required_elements: failed ? 0 : (Object.keys(required).length - failedChecks.length) / Math.max(1, Object.keys(required).length),
      within_length: Number(!failed && words <= WORD_LIMITS[feature] && generation.validation.length === 0),
      words,
      ...usageScores(calls, models.pricedAs(feature)),
    },
    fields: {},
    calls,
    output: failed ? `(${generation.status}: ${generation.problem?.message ?? 'no output'})` : text,
    misses: [
      ...(failed ? [`no answer: ${generation.problem?.message ?? generation.status}`] : []),
      ...missed.map((fact) => `did not state ${fact.id}`),
      ...stated.map((fact) => `stated ${fact.id}, which it must not`),
      ...generation.unsupported.map((claim) => `unsupported ${claim.kind}: "${claim.text}"`),
      ...failedChecks.map((name) => `missing: ${name}`),
      ...generation.validation,
      ...(words > WORD_LIMITS[feature] ? [`${words} words (at most ${WORD_LIMITS[feature]})`] : []),
    ],
  };
}

export interface WriteUpWorld {
  world: World;
  client: OrgClient;
  models: ModelPlan;
}

/** The record's graph, read once per run (the org is not written to), and checked to be the record the case names. */
export function graphReader(client: OrgClient): (item: RecordCase) => Promise<RecordGraph> {
  const graphs = new Map<string, Promise<RecordGraph>>();
  return (item) => {
    let graph = graphs.get(item.record.id);
    if (!graph) {
      graph = client.context({ recordId: item.record.id, sobject: item.record.objectName }).then((read) => {
        if (read.rootName !== item.record.name) throw new Error(`Case ${item.id}: the org's record ${item.record.id} is "${read.rootName}", not "${item.record.name}". Did the sandbox seed change?`);
        return read;
      });
      graphs.set(item.record.id, graph);
    }
    return graph;
  };
}

export async function runWriteUp(
  { world, client, models }: WriteUpWorld,
  feature: WriteUp,
  variant: PromptVariant,
  graphOf: (item: RecordCase) => Promise<RecordGraph>,
): Promise<CaseOutcome[]> {
  let ids = 0;
  const service = new GenerationService({
    store: memoryStore(),
    slots: memoryStore(),
    modelSettings: async (useCase) => models.settings(useCase),
    promptVariant: async () => variant,
    stream: streamGeneration,
    prohibitedPhrases: async () => [],
    redaction: async () => ({ deniedFields: [], patterns: [] }),
    audit: { record: async () => null, recordOutcome: async () => {} },
    keepAlive: () => () => {},
    now: () => EVAL_NOW,
    newId: () => `eval-${++ids}`,
  });
  const outcomes: CaseOutcome[] = [];
  for (const item of writeUpCases(feature)) {
    const target: GenerationTarget = { slotKey: item.id, recordId: item.record.id, graph: await graphOf(item), lastVisit: null, changes: [], api: client };
    const email = item.email ? { recipient: item.email.recipient, purpose: item.email.purpose, instruction: '', tone: 'friendly' as const, length: 'short' as const } : null;
    const calls: MeteredCall[] = [];
    const generation = await world.metered(calls, () => service.generate(target, feature, feature === 'email' ? email : null));
    outcomes.push(score(feature, item, generation, calls, models));
  }
  return outcomes;
}
