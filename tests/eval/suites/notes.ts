/**
 * "Log this note" through the product's own proposal: the record in view read from the sandbox org as Salesforce has
 * it, the note redacted and sent with the fields the rep may update (lib/features/log-note), the model's structured
 * answer checked by the product's schema, named opportunities looked up by name, and the review built, every value
 * judged against its quote and the org's describe (lib/proposals). The eval scores that review, as the rep would see it.
 */
import { proposeNote } from '../../../lib/features/log-note/propose';
import { NOTE_CASES } from '../cases/notes';
import type { Expected } from '../scoring/extraction';
import { evidenceRate, forbidden, personKey, proposalMisses, reviewItems, scoreItems } from '../scoring/extraction';
import type { NoteCase } from '../cases/types';
import { usageScores, type ModelPlan } from '../models';
import type { CaseOutcome } from '../scoring/scores';
import { normalise } from '../scoring/text';
import type { MeteredCall, World } from '../world';
import { pageOf, proposalWorld } from './proposals';

function expectedItems(item: NoteCase): Expected[] {
  const { fields = {}, contacts = [], followUps = [], activityDate, named = [] } = item.expect;
  return [
    ...Object.entries(fields).map(([key, value]) => ({ key, group: '', value })),
    ...contacts.flatMap((contact) => {
      const group = personKey(`${contact.firstName} ${contact.lastName}`);
      const details = { Email: contact.email, Phone: contact.phone, Title: contact.title };
      return [
        { key: 'Contact', group, value: group },
        ...Object.entries(details).flatMap(([field, value]) => (value === undefined ? [] : [{ key: `Contact.${field}`, group, value }])),
      ];
    }),
    ...followUps.map((followUp) => ({ key: 'FollowUp', group: followUp.due, value: { contains: [followUp.about] } })),
    ...(activityDate ? [{ key: 'ActivityDate', group: '', value: activityDate }] : []),
    ...named.flatMap((opportunity) => Object.entries(opportunity.fields).map(([field, value]) => ({ key: `Named.${field}`, group: normalise(opportunity.name), value }))),
  ];
}

/** The proposal in a few lines, for the report. */
function describeItems(items: ReturnType<typeof reviewItems>): string {
  return items.map((item) => `${item.ticked ? '[x]' : '[ ]'} ${item.key}${item.group ? ` (${item.group})` : ''}: ${JSON.stringify(item.value)}`).join('\n') || '(nothing proposed)';
}

export async function runNotes(world: World, models: ModelPlan): Promise<CaseOutcome[]> {
  const { deps, access } = await proposalWorld(world, models, 'notes');
  const outcomes: CaseOutcome[] = [];
  for (const item of NOTE_CASES) {
    const calls: MeteredCall[] = [];
    const inView = { slotKey: item.id, recordId: item.record.id, objectName: item.record.objectName, name: item.record.name, pageUrl: pageOf(item.record) };
    const expected = expectedItems(item);
    const usage = (): Record<string, number> => usageScores(calls, models.pricedAs('extract'));
    try {
      const { review } = await world.metered(calls, () => proposeNote(deps, access, inView, { text: item.note, transcript: null }));
      // The day of the call is scored only where the note states it: elsewhere the product's default (today) stands.
      const items = reviewItems(review).filter((proposed) => proposed.key !== 'ActivityDate' || item.expect.activityDate !== undefined);
      const scored = scoreItems(items, expected);
      const banned = forbidden(items, item.mustNot ?? [], ['Contact']);
      const evidence = evidenceRate(review);
      outcomes.push({
        caseId: item.id,
        scores: { parsed: 1, forbidden_values: banned.length, ...(evidence === null ? {} : { evidence_ok: evidence }), ...usage() },
        fields: scored.fields,
        ticked: scored.ticked,
        calls,
        output: describeItems(items),
        misses: proposalMisses(scored, banned),
      });
    } catch (error) {
      const scored = scoreItems([], expected);
      outcomes.push({
        caseId: item.id,
        scores: { parsed: 0, forbidden_values: 0, ...usage() },
        fields: scored.fields,
        ticked: scored.ticked,
        calls,
        output: `(no proposal: ${error instanceof Error ? error.message : String(error)})`,
        misses: [`no proposal: ${error instanceof Error ? error.message : String(error)}`, ...scored.misses],
      });
    }
  }
  return outcomes;
}
