/**
 * Writing a confirmed lead review: new leads created 200 to a `/composite/tree` request (each chunk all or nothing),
 * updates of existing people the rep chose written as one guarded commit; what came back merged into the review, so
 * a retry sends only the rows without an id.
 */
import type { CardWrite } from '../../proposals/audit';
import { cardsToCommit, recordValues, type Review, type ReviewCard } from '../../proposals/review';
import { objectsOf } from '../../proposals/review-changes';
import type { CreateResult, TreeOutcome } from '../../salesforce/bulk-create';
import { createTree } from '../../salesforce/bulk-create';
import type { CommitLedger } from '../../salesforce/ledger';
import type { WriteAccess } from '../../proposals';
import { commitUpdates, type UpdatesOutcome } from './existing';
import type { LeadResult, LeadState } from './messages';
import { t } from '../../i18n';

/** The tree rows of one attempt as audit writes: each row's record as sent and Salesforce's word on it. */
function treeWrites(cardIds: readonly string[], outcome: TreeOutcome): CardWrite[] {
  return outcome.results.flatMap((result): CardWrite[] => {
    const cardId = cardIds[result.index];
    if (!cardId) return [];
    const chunk = outcome.chunks.find((candidate) => result.index >= candidate.start && result.index < candidate.start + candidate.payload.records.length);
    const payload = chunk?.payload.records[result.index - (chunk?.start ?? 0)] ?? null;
    return [
      result.ok
        ? { cardId, payload, answer: { id: result.id }, recordId: result.id }
        : { cardId, payload, answer: { errors: result.errors }, error: result.errors.map((error) => error.message || error.code).join(' ') },
    ];
  });
}

function mergeResults(review: Review, previous: readonly LeadResult[], sent: readonly string[], results: readonly CreateResult[]): { review: Review; results: LeadResult[] } {
  const byCard = new Map(previous.map((result) => [result.cardId, result]));
  const errors = new Map<string, string>();
  results.forEach((result) => {
    const cardId = sent[result.index];
    if (!cardId) return;
    if (result.ok) byCard.set(cardId, { cardId, id: result.id, error: null, action: 'created', objectName: 'Lead' });
    else {
      const message = result.errors.map((error) => error.message || error.code).join(' ');
      byCard.set(cardId, { cardId, id: null, error: message, action: 'created', objectName: 'Lead' });
      errors.set(cardId, message);
    }
  });
  const cards = review.cards.map((card) => {
    const error = errors.get(card.id);
    return error ? { ...card, error: { code: 'REFUSED', message: error } } : card;
  });
  return { review: { ...review, cards }, results: [...byCard.values()] };
}

export const noOrg = (): string => t('leadCommit_noOrg');

/** One key per set of chosen updates as the rep saw them: a double click or lost answer never updates twice. */
function updateKey(auditIds: readonly string[], updates: readonly ReviewCard[]): string {
  return `lead-update:${auditIds[0] ?? 'none'}:${updates.map((card) => `${card.id}@${card.target?.lastModifiedDate ?? ''}`).join(',')}`;
}

/** What one commit attempt did: the rows sent, what Salesforce said, and the audit writes. */
export interface LeadAttempt {
  cards: ReviewCard[];
  creates: ReviewCard[];
  tree: TreeOutcome | null;
  updated: UpdatesOutcome | null;
  writes: CardWrite[];
  orgId: string | null;
}

/** The rows of the review not written yet (a retry sends only these), created and updated. */
export async function commitLeads(access: WriteAccess | null, state: LeadState, review: Review, ledger: CommitLedger): Promise<LeadAttempt> {
  const done = new Set(state.results.filter((result) => result.id).map((result) => result.cardId));
  const cards = cardsToCommit(review).filter((card) => !done.has(card.id));
  const creates = cards.filter((card) => card.operation === 'create');
  const updates = cards.filter((card) => card.operation === 'update');
  const tree = access && creates.length > 0 ? await createTree(access.client, 'Lead', creates.map(recordValues)).catch(() => null) : null;
  const updated =
    access && updates.length > 0
      ? await commitUpdates(access.client, review, updates, {
          idempotencyKey: updateKey(state.auditIds, updates),
          ledger,
          describes: await access.describes(objectsOf(review)),
        })
      : null;
  const writes = [...(tree ? treeWrites(creates.map((card) => card.id), tree) : []), ...(updated?.writes ?? [])];
  return { cards, creates, tree, updated, writes, orgId: access?.client.session.orgId ?? null };
}

/** The state after a commit attempt: created and updated rows with their links, refusals on their cards. */
export function settled(current: LeadState, review: Review, attempt: LeadAttempt): LeadState {
  if (attempt.orgId === null) return { ...current, phase: 'review', problem: noOrg() };
  if (attempt.cards.length === 0) return { ...current, phase: 'review', problem: t('note_nothingSelected') };
  const { creates, tree, updated } = attempt;
  let merged = { review, results: current.results };
  if (tree) merged = mergeResults(merged.review, merged.results, creates.map((card) => card.id), tree.results);
  if (updated) {
    const byId = new Map(updated.cards.map((card) => [card.id, card]));
    const results = new Map(merged.results.map((result) => [result.cardId, result]));
    for (const result of updated.results) results.set(result.cardId, result);
    merged = { review: { ...merged.review, cards: merged.review.cards.map((card) => byId.get(card.id) ?? card) }, results: [...results.values()] };
  }
  const problems = [
    creates.length > 0 && !tree ? t('leadCommit_noAnswer') : null,
    tree?.results.some((result) => !result.ok) ? t('leadCommit_someRefused') : null,
    updated?.problem ?? null,
  ].filter((problem): problem is string => problem !== null);
  return problems.length > 0
    ? { ...current, ...merged, phase: 'review', problem: problems.join(' ') }
    : { ...current, ...merged, phase: 'committed', problem: null };
}
