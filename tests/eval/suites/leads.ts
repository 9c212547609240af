/**
 * "Extract to Lead" through the product's own extraction: the selection (and the page it came from) redacted and read
 * in parts by the model (lib/features/extract-lead), each person's values judged against their quotes and the Lead
 * describe, duplicates looked up in the org (lib/proposals). The eval scores the review the rep would see.
 */
import { extractLeads } from '../../../lib/features/extract-lead/extract';
import { LEAD_CASES } from '../cases/leads';
import type { LeadCase } from '../cases/types';
import { usageScores, type ModelPlan } from '../models';
import { evidenceRate, forbidden, personKey, proposalMisses, reviewItems, scoreItems, type Expected } from '../scoring/extraction';
import type { CaseOutcome } from '../scoring/scores';
import type { MeteredCall, World } from '../world';
import { proposalWorld } from './proposals';

function expectedItems(item: LeadCase): Expected[] {
  return item.leads.flatMap((lead) => {
    const group = personKey(String(lead.LastName ?? lead.Email ?? ''));
    return [{ key: 'Lead', group, value: group }, ...Object.entries(lead).map(([key, value]) => ({ key, group, value }))];
  });
}

export async function runLeads(world: World, models: ModelPlan): Promise<CaseOutcome[]> {
  const { deps, access } = await proposalWorld(world, models, 'leads');
  const outcomes: CaseOutcome[] = [];
  for (const item of LEAD_CASES) {
    const calls: MeteredCall[] = [];
    const expected = expectedItems(item);
    const source = { pageTitle: item.page.title, pageUrl: item.page.url, sender: null, messageId: null };
    try {
      const { review } = await world.metered(calls, () => extractLeads(deps, access, item.text, source, async () => {}));
      const items = reviewItems(review);
      const scored = scoreItems(items, expected);
      const banned = forbidden(items, item.mustNot ?? [], []);
      const evidence = evidenceRate(review);
      outcomes.push({
        caseId: item.id,
        scores: { parsed: 1, forbidden_values: banned.length, ...(evidence === null ? {} : { evidence_ok: evidence }), ...usageScores(calls, models.pricedAs('extract')) },
        fields: scored.fields,
        ticked: scored.ticked,
        calls,
        output: items.map((proposed) => `${proposed.ticked ? '[x]' : '[ ]'} ${proposed.key} (${proposed.group}): ${JSON.stringify(proposed.value)}`).join('\n') || '(no leads)',
        misses: proposalMisses(scored, banned),
      });
    } catch (error) {
      const scored = scoreItems([], expected);
      const why = error instanceof Error ? error.message : String(error);
      outcomes.push({ caseId: item.id, scores: { parsed: 0, forbidden_values: 0, ...usageScores(calls, models.pricedAs('extract')) }, fields: scored.fields, ticked: scored.ticked, calls, output: `(no proposal: ${why})`, misses: [`no proposal: ${why}`, ...scored.misses] });
    }
  }
  return outcomes;
}
