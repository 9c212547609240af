/**
 * Test helpers for Ask: describes exactly as the sandbox org serves them to the full and the restricted user (fetched
 * once over HTTP, then plain data), and a plan builder with the model's defaults.
 */
import { AskObjectDescribe, type AskDescribes, type AskField } from '../../../lib/features/ask/describe';
import type { QueryPlan } from '../../../lib/features/ask/plan';
import { OBJECTS } from '../../sandbox/salesforce/schema';
import { startOrg, V } from '../sandbox/salesforce-client';

export type DescribeMap = Map<string, AskObjectDescribe | null>;

export function asDescribes(map: DescribeMap): AskDescribes {
  return { get: (name) => map.get(name.toLowerCase()) };
}

export interface SandboxDescribes {
  full: DescribeMap;
  restricted: DescribeMap;
}

/** Every object of the sandbox schema, described as each user sees it (404 → null, as OrgClient remembers it). */
export async function loadSandboxDescribes(): Promise<SandboxDescribes> {
  const org = await startOrg();
  try {
    const describeAs = async (sid: string): Promise<DescribeMap> => {
      const map: DescribeMap = new Map();
      for (const object of OBJECTS) {
        const reply = await org.send('GET', `${V}/sobjects/${object.name}/describe`, { sid });
        map.set(object.name.toLowerCase(), reply.status === 200 ? AskObjectDescribe.parse(reply.json()) : null);
      }
      return map;
    };
    return { full: await describeAs(org.sf.primary.sid), restricted: await describeAs(org.sf.primary.restrictedSid) };
  } finally {
    await org.close();
  }
}

/** A copy of `map` whose `objectName` has `field` too (for field kinds the sandbox schema lacks, like multipicklists). */
export function withField(map: DescribeMap, objectName: string, field: AskField): DescribeMap {
  const copy: DescribeMap = new Map(map);
  const describe = map.get(objectName.toLowerCase());
  if (!describe) throw new Error(`no describe of ${objectName}`);
  copy.set(objectName.toLowerCase(), { ...describe, fields: [...describe.fields, field] });
  return copy;
}

export const REGIONS_FIELD: AskField = {
  name: 'Regions__c',
  label: 'Regions',
  type: 'multipicklist',
  filterable: true,
  sortable: false,
  groupable: false,
  aggregatable: false,
  picklistValues: ['West', 'East', 'North', 'South'].map((value) => ({ value, label: value, active: true })),
};

export function plan(object: string, parts: Partial<QueryPlan> = {}): QueryPlan {
  return {
    object,
    fields: [],
    filters: [],
    filterLogic: [],
    scope: null,
    aggregates: [],
    groupBy: [],
    orderBy: [],
    limit: null,
    ...parts,
  };
}
