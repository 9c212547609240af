/** Test helper: the sandbox org's describes, as the full (or restricted) rep sees them over REST. */
import { writeDescribes, type WriteDescribes } from '../../../lib/proposals';
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
