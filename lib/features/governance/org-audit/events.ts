/**
 * An audit entry of the rep's chain as a Groundwork_AI_Event__c record (the object in ./metadata): its facts, its
 * latest outcome folded in from the chain's amendments, and its links in the chain. The same history always gives the
 * same values, so a resend matches the record already in the org (the validation rule there keeps facts final).
 */
import type { ChainRecord, EntryRecord, OutcomeRecord } from '../../../audit/chain';

export const EVENT_OBJECT = 'Groundwork_AI_Event__c';
export const EVENT_KEY_FIELD = 'Event_Id__c';

export type OrgAuditContent = 'metadata' | 'redacted-text';
export type EventValue = string | number | null;

export interface EntryHistory {
  entry: EntryRecord;
  amendments: OutcomeRecord[];
}

/** The entry record and its amendments out of a chain's records for one entry; null when the entry is gone (retention). */
export function historyFrom(records: readonly ChainRecord[]): EntryHistory | null {
  const entry = records.find((record): record is EntryRecord => record.kind === 'entry');
  if (!entry) return null;
  const amendments = records.filter((record): record is OutcomeRecord => record.kind === 'outcome' && record.seq > entry.seq);
  return { entry, amendments };
}

const USER_ID = /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const RECORD_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const LONG_TEXT = 131_072;

const clip = (value: string | undefined, length: number): string | null => (value === undefined || value === '' ? null : value.slice(0, length));
const whole = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value));

interface Folded {
  outcome: OutcomeRecord['outcome'];
  feedback: 'up' | 'down' | null;
  editDistance: number | null;
  lastHash: string | null;
}

function fold(history: EntryHistory): Folded {
  const folded: Folded = { outcome: history.entry.entry.outcome, feedback: history.entry.entry.feedback ?? null, editDistance: null, lastHash: null };
  for (const amendment of history.amendments) {
    if (amendment.outcome === 'feedback-up' || amendment.outcome === 'feedback-down') folded.feedback = amendment.outcome === 'feedback-up' ? 'up' : 'down';
    else folded.outcome = amendment.outcome;
    if (amendment.editDistance !== undefined) folded.editDistance = amendment.editDistance;
    folded.lastHash = amendment.hash;
  }
  return folded;
}

/**
 * The record's fields. `redact` is the redaction applied before anything goes to the model: text goes to the org
 * only when the policy asks for it, and then only as it would go to the model.
 */
export function eventFields(history: EntryHistory, content: OrgAuditContent, redact: (text: string) => string): Record<string, EventValue> {
  const { entry: record } = history;
  const { entry } = record;
  const folded = fold(history);
  const outcome = folded.outcome === 'feedback-up' || folded.outcome === 'feedback-down' ? 'pending' : folded.outcome;
  const userId = entry.user?.id;
  return {
    [EVENT_KEY_FIELD]: entry.id,
    Occurred_At__c: entry.time,
    User__c: userId !== undefined && USER_ID.test(userId) ? userId : null,
    Org_Id__c: clip(entry.orgId, 18),
    Record_Id__c: entry.recordId !== undefined && RECORD_ID.test(entry.recordId) ? entry.recordId : null,
    Record_Object__c: clip(entry.objectName, 80),
    Feature__c: entry.feature,
    Trigger__c: entry.trigger,
    Prompt_Id__c: clip(entry.promptId, 80),
    Prompt_Version__c: clip(entry.promptVersion, 40),
    Prompt_Variant__c: clip(entry.variant, 20),
    Model__c: clip(entry.model, 80),
    Input_Tokens__c: entry.tokens.input,
    Output_Tokens__c: entry.tokens.output,
    Cache_Read_Tokens__c: entry.tokens.cacheRead,
    Cache_Write_Tokens__c: entry.tokens.cacheWrite,
    Cost_USD__c: Number(entry.costUsd.toFixed(6)),
    Latency_Ms__c: whole(entry.latencyMs),
    Grounding_Flags__c: entry.groundingFlags,
    Outcome__c: outcome,
    Approved__c: outcome === 'accepted' || outcome === 'edited' ? 1 : 0,
    Feedback__c: folded.feedback,
    Edit_Distance__c: folded.editDistance,
    Write_Operation__c: entry.write?.operation ?? null,
    Error__c: clip(entry.error, 255),
    Chain_Seq__c: record.seq,
    Chain_Hash__c: record.hash,
    Chain_Previous_Hash__c: record.prevHash,
    Outcome_Chain_Hash__c: folded.lastHash,
    ...(content === 'redacted-text'
      ? { Prompt_Text__c: clip(redact(entry.sent), LONG_TEXT), Response_Text__c: clip(redact(entry.received), LONG_TEXT) }
      : {}),
  };
}
