/**
 * The proposal of a note: the record in view read as Salesforce has it now, the note (redacted) and the fields the
 * rep may update sent to the model, the opportunities the note names looked up by name, and the review built from
 * all of it, new contacts with their possible duplicates.
 */
import type { FeatureDeps } from '../../messaging/feature-handler';
import { renderPrompt } from '../../prompts';
import { proposeAudited, type WriteAccess } from '../../proposals';
import { todayOf } from '../../proposals/dates';
import type { WriteObjectDescribe } from '../../proposals/describe';
import { attachDuplicates, duplicateCandidates, findDuplicates } from '../../proposals/duplicates';
import { redactSource, restoreProposal, writableFieldLines } from '../../proposals/prompt-input';
import { buildReview, type NamedLookup, type RecordInView, type Review } from '../../proposals/review';
import { NoteProposal } from '../../proposals/schemas';
import type { WriteValue } from '../../proposals/validate';
import { SalesforceProblem } from '../../salesforce/problems';
import { findNamedOpportunities } from './named-opportunities';

/** The record in view, as the note's proposal needs it. */
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
  auditId: string | null;
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
  if (!answer || answer.httpStatusCode >= 300) throw new SalesforceProblem('not-found', 'This record no longer exists, or you no longer have access to it.');
  const body = answer.body;
  const raw = typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {};
  const lastModifiedDate = typeof raw.LastModifiedDate === 'string' ? raw.LastModifiedDate : '';
  if (!lastModifiedDate) throw new SalesforceProblem('server', 'Salesforce did not say when this record last changed.');
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

export async function proposeNote(
  deps: Pick<FeatureDeps, 'auditLog' | 'modelSettings' | 'prices' | 'redaction' | 'now'>,
  access: WriteAccess,
  inView: InView,
  note: string,
): Promise<NoteProposalResult> {
  const describes = await access.describes(['Task', 'Contact', 'Opportunity', inView.objectName]);
  const describe = describes.get(inView.objectName);
  if (!describe) throw new SalesforceProblem('no-api-access', `You cannot see ${inView.objectName} records through the API.`);
  const record = await readRecord(access, describe, inView);
  const now = deps.now();
  const zone = timeZone();
  const redacted = redactSource(note, (await deps.redaction()).patterns);
  const prompt = renderPrompt('extract-note', {
    context: redacted.text,
    extra: {
      record: `${describe.label}: ${inView.name}`,
      fields: writableFieldLines(describe, 'update') || '(none: propose no field updates)',
      opportunity_fields: opportunityFieldLines(describes.get('Opportunity')),
      today: todayOf(now, zone),
    },
  });
  const { value, auditId } = await proposeAudited(deps, NoteProposal, prompt, {
    feature: 'log-note',
    orgId: access.client.session.orgId,
    recordId: inView.recordId,
    objectName: inView.objectName,
  });
  const proposal = restoreProposal(NoteProposal, value, redacted.redactions);
  const namedLookups = await lookUpNamed(access, describes.get('Opportunity'), proposal, note);
  const review = buildReview(proposal, describes, record, note, now, { timeZone: zone, namedLookups });
  return { review: await withDuplicates(access, review), lightningHost: access.lightningHost, auditId };
}
