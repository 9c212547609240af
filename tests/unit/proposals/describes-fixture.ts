/** Test helper: the sandbox org's describes, as the full (or restricted) rep sees them over REST. */
import { writeDescribes, type RecordInView, type WriteDescribes } from '../../../lib/proposals';
import { ACME } from '../../sandbox/salesforce/seed';
import { startOrg, V } from '../sandbox/salesforce-client';

export const WRITE_OBJECTS = ['Task', 'Contact', 'Lead', 'Opportunity', 'Account'];

export async function sandboxDescribes(restricted = false): Promise<WriteDescribes> {
  const org = await startOrg();
  try {
    const sid = restricted ? org.sf.primary.restrictedSid : org.sf.primary.sid;
    const raw = await Promise.all(
      WRITE_OBJECTS.map(async (name) => (await org.send('GET', `${V}/sobjects/${name}/describe`, { sid })).json()),
    );
    return writeDescribes(raw);
  } finally {
    await org.close();
  }
}

/** The Globex expansion opportunity in view, as the note's proposal reads it before a review is built. */
export const GLOBEX_EXPANSION_IN_VIEW: RecordInView = {
  id: ACME.opportunities.globexExpansion.id,
  objectName: 'Opportunity',
  name: 'Globex Industries - Plant Automation Expansion',
  lastModifiedDate: '2026-11-20T10:00:00.000+0000',
  fields: { Amount: 480_000, StageName: 'Negotiation/Review', NextStep: 'Send redlined MSA', AccountId: ACME.accounts.globex.id },
};
