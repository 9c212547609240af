/**
 * What every feature that proposes writes shares: what the model may propose (schemas), whether its quotes hold
 * (evidence), whether its values fit the rep's describe (validate), the review the rep confirms (review/), duplicate
 * look-ups, committing a review (commit.ts, through lib/salesforce/commit.ts), the proposal workflow (workflow.ts)
 * and its audit.
 */
export {
  ActivityProposal,
  ContactProposal,
  Evidenced,
  FieldValueProposal,
  FollowUpProposal,
  LEAD_FIELDS,
  LeadCandidate,
  LeadProposal,
  NoteProposal,
  LeadProposalOutput,
  NoteProposalOutput,
} from './schemas';
export {
  checkEvidence,
  evidenceMessage,
  judgeEvidence,
  normalizeForMatch,
  supportKindFor,
  valueSupported,
  type EvidenceMatch,
  type EvidenceStatus,
  type EvidenceVerdict,
  type SupportKind,
} from './evidence';
export { calendarDate, daysMentioned, supportsDate, todayOf, type DayRange } from './dates';
export {
  loadWriteDescribes,
  fieldOf,
  WriteField,
  WriteObjectDescribe,
  writeDescribes,
  type WriteDescribes,
} from './describe';
export {
  parseNumber,
  requiredFields,
  requiredOnCreate,
  validateValue,
  writableField,
  type FieldProblem,
  type Operation,
  type Validation,
  type WriteValue,
} from './validate';
export {
  buildLeadReview,
  buildReview,
  cardBlockers,
  cardsInOrder,
  cardsToCommit,
  cardWrites,
  confirmationText,
  createInstead,
  editRow,
  isFlagged,
  leftOutReason,
  recordValues,
  reviewBlockers,
  rowsOf,
  rowsToWrite,
  setCardIncluded,
  setRowChecked,
  updateExisting,
  type CardKind,
  type CreateForm,
  type ExistingRecord,
  type DuplicateMatch,
  type Link,
  type RecordInView,
  type Review,
  type ReviewCard,
  type ReviewOptions,
  type ReviewRow,
  type RowOrigin,
  type UpdateTarget,
} from './review';
export {
  attachDuplicates,
  duplicateCandidates,
  findDuplicates,
  type CandidateMatches,
  type DuplicateCandidate,
} from './duplicates';
export { commitReview, planOf, type CommitOutcome } from './commit';
export { ProposalWorkflow, exchangeWrites, type ProposalState, type WorkflowConfig } from './workflow';
export { writeAccess, type WriteAccess, type WriteAccessDeps } from './org-access';
export { proposeAudited, type AuditedProposal } from './model-call';
export { problemText } from './problem-text';
