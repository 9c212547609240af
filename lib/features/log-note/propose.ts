/**
 * The proposal of a note: the record in view read as Salesforce has it now, the note (redacted) and the fields the
 * rep may update sent to the model, the opportunities the note names looked up by name, and the review built from
 * all of it, new contacts with their possible duplicates.
 */
import type { FeatureDeps } from '../../messaging/feature-handler';
import { renderPrompt } from '../../prompts';
import { problemText, proposeAudited, type WriteAccess } from '../../proposals';
import { todayOf } from '../../proposals/dates';
import type { WriteObjectDescribe } from '../../proposals/describe';
import { attachDuplicates, duplicateCandidates, findDuplicates } from '../../proposals/duplicates';
import { redactSource, restoreProposal, writableFieldLines } from '../../proposals/prompt-input';
import { buildReview, type NamedLookup, type RecordInView, type Review } from '../../proposals/review';
import { NoteProposal, NoteProposalOutput } from '../../proposals/schemas';
import type { WriteValue } from '../../proposals/validate';
import { PARTS_AT_ONCE, settledInOrder, splitSelection } from '../../proposals/selection';
import { SalesforceProblem } from '../../salesforce/problems';
import { attributeEvidence, CALL_PART_CHARS, mergeProposals, noteSource, type NoteInput } from './call';
import type { Transcript } from './messages';
import { speakersOf } from './transcript';
import { findNamedOpportunities } from './named-opportunities';
import { t } from '../../i18n';

/** The record in view, as the note's proposal needs it. */
export type { NoteInput } from './call';

export interface InView {
  slotKey: string;
  recordId: string;
  objectName: string;
  name: string;
  pageUrl: string;
}

export interface NoteProposalResult {
  review: Review;
  lightningHost: string;
  auditIds: string[];
  /** Parts of a long call that could not be read (the review holds the others'). */
  problem: string | null;
}

const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/** The record as Salesforce has it now: the values the update would replace, and the stamp that guards the update. */
async function readRecord(access: WriteAccess, describe: WriteObjectDescribe, inView: InView): Promise<RecordInView> {
  const names = describe.fields
    .filter((field) => (field.updateable && field.type !== 'reference') || field.name === 'AccountId' || field.name === 'LastModifiedDate')
    .map((field) => field.name);
  const fields = [...new Set(['LastModifiedDate', ...names])].join(',');
  const path = `/services/data/v${access.client.apiVersion}/sobjects/${encodeURIComponent(describe.name)}/${inView.recordId}?fields=${fields}`;
  // Through composite (a POST): a plain GET may be answered from the browser's HTTP cache, and the guard of the update
  // must be the stamp Salesforce has now.
  const answer = (await access.client.composite([{ referenceId: 'record', url: path }])).get('record');
  if (!answer || answer.httpStatusCode >= 300) throw new SalesforceProblem('not-found', t('note_recordGone'));
  const body = answer.body;
  const raw = typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {};
  const lastModifiedDate = typeof raw.LastModifiedDate === 'string' ? raw.LastModifiedDate : '';
  if (!lastModifiedDate) throw new SalesforceProblem('server', t('note_noLastModified'));
  return {
    id: inView.recordId,
    objectName: describe.name,
    name: inView.name,
    lastModifiedDate,
    fields: Object.fromEntries(names.map((name) => [name, asValue(raw[name])])),
  };
}

/** The opportunity fields a named update may change; none when the rep cannot see opportunities. */
function opportunityFieldLines(describe: WriteObjectDescribe | undefined): string {
  const lines = describe ? writableFieldLines(describe, 'update') : '';
  return lines || '(none: propose no named opportunities)';
}

/** The opportunities the note names, looked up by name (never by an id from the model). */
async function lookUpNamed(access: WriteAccess, describe: WriteObjectDescribe | undefined, proposal: NoteProposal, note: string): Promise<NamedLookup[]> {
  if (!describe || proposal.namedOpportunities.length === 0) return [];
  return findNamedOpportunities(access.client, describe, proposal.namedOpportunities, note);
}

/** New contacts with their possible duplicates (a failed look-up leaves them without: the review still shows). */
async function withDuplicates(access: WriteAccess, review: Review): Promise<Review> {
  const candidates = duplicateCandidates(review);
  if (candidates.length === 0) return review;
  const found = await findDuplicates(access.client, candidates).catch(() => []);
  return attachDuplicates(review, found);
}

type ProposeDeps = Pick<FeatureDeps, 'auditLog' | 'modelSettings' | 'prices' | 'redaction' | 'now'>;

interface ReadOutcome {
  proposal: NoteProposal;
  auditIds: string[];
  problem: string | null;
}

interface PromptInputs {
  extra: Record<string, string>;
  patterns: readonly RegExp[];
  scope: { feature: 'log-note'; orgId: string; recordId: string; objectName: string };
}

/** A typed note: one model call. */
async function readNote(deps: ProposeDeps, text: string, inputs: PromptInputs): Promise<ReadOutcome> {
  const redacted = redactSource(text, inputs.patterns);
  const prompt = renderPrompt('extract-note', { context: redacted.text, extra: inputs.extra });
  const { value, auditId } = await proposeAudited(deps, NoteProposalOutput, prompt, inputs.scope);
  return { proposal: restoreProposal(NoteProposal, value, redacted.redactions), auditIds: auditId ? [auditId] : [], problem: null };
}

/** A call transcript: read in parts (two at a time), each its own audited call; a part that fails leaves the others'. */
async function readCall(deps: ProposeDeps, text: string, transcript: Transcript, inputs: PromptInputs): Promise<ReadOutcome> {
  const parts = splitSelection(text, CALL_PART_CHARS).map((part, index, all) => ({ part, label: `${index + 1} of ${all.length}` }));
  const speakers = redactSource(speakersOf(transcript).join(', ') || '(the file names no speakers)', inputs.patterns).text;
  const answers = await settledInOrder(parts, PARTS_AT_ONCE, async ({ part, label }) => {
    const redacted = redactSource(part, inputs.patterns);
    const prompt = renderPrompt('extract-call', { context: redacted.text, extra: { ...inputs.extra, speakers, part: label } });
    const answer = await proposeAudited(deps, NoteProposalOutput, prompt, inputs.scope);
    return { ...answer, value: restoreProposal(NoteProposal, answer.value, redacted.redactions) };
  });
  const read = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
  const failures = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason] : []));
  if (read.length === 0) throw failures[0];
  return {
    proposal: mergeProposals(read.map((answer) => answer.value)),
    auditIds: read.flatMap((answer) => answer.auditId ?? []),
    problem:
      failures.length > 0
        ? `${failures.length} of ${parts.length} parts of the call could not be read (${problemText(failures[0])}). What is proposed comes from the other parts: cancel and propose again to read the whole call.`
        : null,
  };
}

export async function proposeNote(deps: ProposeDeps, access: WriteAccess, inView: InView, input: NoteInput): Promise<NoteProposalResult> {
  const describes = await access.describes(['Task', 'Contact', 'Opportunity', inView.objectName]);
  const describe = describes.get(inView.objectName);
  if (!describe) throw new SalesforceProblem('no-api-access', t('note_cannotSeeObject', { object: inView.objectName }));
  const record = await readRecord(access, describe, inView);
  const now = deps.now();
  const zone = timeZone();
  const inputs: PromptInputs = {
    extra: {
      record: `${describe.label}: ${inView.name}`,
      fields: writableFieldLines(describe, 'update') || '(none: propose no field updates)',
      opportunity_fields: opportunityFieldLines(describes.get('Opportunity')),
      today: todayOf(now, zone),
    },
    patterns: (await deps.redaction()).patterns,
    scope: { feature: 'log-note', orgId: access.client.session.orgId, recordId: inView.recordId, objectName: inView.objectName },
  };
  const source = noteSource(input);
  const { proposal, auditIds, problem } = input.transcript ? await readCall(deps, source.text, input.transcript, inputs) : await readNote(deps, source.text, inputs);
  const namedLookups = await lookUpNamed(access, describes.get('Opportunity'), proposal, source.text);
  const review = buildReview(proposal, describes, record, source.text, now, { timeZone: zone, namedLookups, ...(input.transcript ? { activitySubtype: 'Call' } : {}) });
  return { review: attributeEvidence(await withDuplicates(access, review), source.spans), lightningHost: access.lightningHost, auditIds, problem };
}
