/**
 * Reading a selection into a lead review: the selection read in parts (one audited model call per part, two at a
 * time), each value checked (evidence, describe), and existing Leads and Contacts looked up for every person.
 */
import type { FeatureDeps } from '../../messaging/feature-handler';
import { renderPrompt } from '../../prompts';
import { problemText, proposeAudited, type AuditedProposal, type WriteAccess } from '../../proposals';
import { todayOf } from '../../proposals/dates';
import { attachDuplicates, duplicateCandidates, findDuplicates } from '../../proposals/duplicates';
import { redactSource, restoreProposal, writableFieldLines } from '../../proposals/prompt-input';
import { buildLeadReview, setCardIncluded, type Review } from '../../proposals/review';
import { LeadProposal, LeadProposalOutput } from '../../proposals/schemas';
import { PARTS_AT_ONCE, settledInOrder, splitSelection } from '../../proposals/selection';
import { SalesforceProblem } from '../../salesforce/problems';
import type { LeadSource } from './messages';
import { t } from '../../i18n';

/** Where the text was selected, for the prompt's <page> (data, like the text): title and address; in email the sender and message. */
export function pageLine(source: LeadSource): string {
  const parts = [source.pageTitle ? `Page title: ${source.pageTitle}` : '', source.pageUrl ? `Page address: ${source.pageUrl}` : ''];
  if (source.sender) parts.push(`Open email from: ${source.sender.name} <${source.sender.email}>`);
  if (source.messageId) parts.push(`Email conversation: ${source.messageId}`);
  return parts.filter(Boolean).join('\n');
}

/** Existing people with the same email are offered instead: their card starts unticked ("create anyway" ticks it). */
function withDuplicateDefaults(review: Review): Review {
  return review.cards.reduce(
    (current, card) => (card.duplicates.some((match) => match.matchedBy === 'email') ? setCardIncluded(current, card.id, false) : current),
    review,
  );
}

function partsMissing(failed: number, total: number, error: unknown): string {
  return `${failed} of ${total} parts of the selection could not be read (${problemText(error)}). The people below come from the other parts: select the rest and extract again.`;
}

export interface ExtractedLeads {
  review: Review;
  lightningHost: string;
  auditIds: string[];
  problem: string | null;
}

/**
 * The selection read in parts (splitSelection), two at a time, each its own audited model call; the people of all
 * parts make one review against the whole text. A part that fails leaves the others' people, with a problem that
 * says how much is missing; when every part fails, the first failure is the answer.
 */
export async function extractLeads(
  deps: Pick<FeatureDeps, 'auditLog' | 'modelSettings' | 'prices' | 'redaction' | 'now'>,
  access: WriteAccess,
  text: string,
  source: LeadSource,
  progress: (done: number, total: number) => Promise<void>,
): Promise<ExtractedLeads> {
  const describes = await access.describes(['Lead']);
  const lead = describes.get('Lead');
  if (!lead) throw new SalesforceProblem('no-api-access', t('extract_cannotSeeLeads'));
  const now = deps.now();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The page's words are untrusted data too, and leave the browser redacted like the selection.
  const { patterns } = await deps.redaction();
  const page = redactSource(pageLine(source), patterns).text;
  const extra = { fields: writableFieldLines(lead, 'create'), today: todayOf(now, zone), ...(page ? { page } : {}) };
  const parts = splitSelection(text);
  let done = 0;
  if (parts.length > 1) await progress(done, parts.length);
  const readPart = async (part: string): Promise<AuditedProposal<LeadProposal>> => {
    const redacted = redactSource(part, patterns);
    const prompt = renderPrompt('extract-lead', { context: redacted.text, extra });
    const answer = await proposeAudited(deps, LeadProposalOutput, prompt, { feature: 'extract-lead', orgId: access.client.session.orgId, objectName: 'Lead' });
    done += 1;
    if (parts.length > 1) await progress(done, parts.length);
    return { ...answer, value: restoreProposal(LeadProposal, answer.value, redacted.redactions) };
  };
  const answers = await settledInOrder(parts, PARTS_AT_ONCE, readPart);
  const read = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
  const failures = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason] : []));
  if (read.length === 0) throw failures[0];
  const proposal: LeadProposal = { leads: read.flatMap((answer) => answer.value.leads) };
  const review = buildLeadReview(proposal, describes, text, now, { timeZone: zone });
  const found = await findDuplicates(access.client, duplicateCandidates(review)).catch(() => []);
  return {
    review: withDuplicateDefaults(attachDuplicates(review, found)),
    lightningHost: access.lightningHost,
    auditIds: read.flatMap((answer) => answer.auditId ?? []),
    problem: failures.length > 0 ? partsMissing(failures.length, parts.length, failures[0]) : null,
  };
}
