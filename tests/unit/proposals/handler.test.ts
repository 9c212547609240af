import { describe, expect, it } from 'vitest';
import { emptyNotes, NotesRequest, NotesState } from '../../../lib/features/log-note/messages';
import { afterCommit } from '../../../lib/features/log-note/service';
import { redactSource, restoreProposal } from '../../../lib/proposals/prompt-input';
import { LeadProposal } from '../../../lib/proposals/schemas';
import { SalesforceProblem } from '../../../lib/salesforce/problems';

describe('write path handler pieces', () => {
  it('sends redacted text to the model and puts the originals back into its values and quotes', () => {
    const redacted = redactSource('Rosa Diaz, SSN 123-45-6789, wants a call about PROJ-4411.', [/PROJ-\d{4}/]);
    expect(redacted.text).not.toContain('123-45-6789');
    expect(redacted.text).not.toContain('PROJ-4411');
    const placeholder = redacted.redactions[0]?.placeholder ?? '';
    const proposal = { leads: [{ Description: { value: `SSN ${placeholder}`, evidence: `SSN ${placeholder}` }, otherFields: [] }] };
    const restored = restoreProposal(LeadProposal, proposal, redacted.redactions);
    expect(restored.leads[0]?.Description).toEqual({ value: 'SSN 123-45-6789', evidence: 'SSN 123-45-6789' });
  });

  it('keeps the idempotency key after an unknown outcome and replaces it after a refusal', () => {
    const state = { ...emptyNotes('006000000000001AAA'), phase: 'committing' as const, idempotencyKey: 'key-1' };
    const unknown = afterCommit(state, { kind: 'unknown', problem: new SalesforceProblem('network', 'No answer.') });
    expect(unknown).toMatchObject({ phase: 'review', idempotencyKey: 'key-1', problem: 'No answer.' });
    const failed = afterCommit(state, { kind: 'failed', error: new Error('boom') });
    expect(failed.problem).toMatch(/Nothing was written/);
    expect(NotesState.safeParse(unknown).success).toBe(true);
  });

  it('refuses requests that are not part of the protocol (no delete, no id from the panel)', () => {
    expect(NotesRequest.safeParse({ type: 'delete', id: '001000000000001AAA' }).success).toBe(false);
    expect(NotesRequest.safeParse({ type: 'confirm' }).success).toBe(true);
  });
});
