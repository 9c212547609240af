/**
 * The team's usage from the org, for the options page's usage view: read through the rep's own session, so the org's
 * sharing and field-level security decide what comes back. First one query asks whether the rep holds the
 * "Groundwork AI Admin" permission set (only then is the org's answer the whole team's, by its View All); then one
 * composite request runs the four aggregate queries (team-queries.ts). Every outcome is a reply the page can put in
 * words: no org enabled, not logged in, not an admin, nothing deployed, or Salesforce's own problem.
 */
import { z } from 'zod/mini';
import type { Subrequest, Subresponse } from '../../../salesforce/context/api';
import { API_VERSION } from '../../../salesforce/client';
import { toSalesforceProblem } from '../../../salesforce/problems';
import { adminCheckSoql, breakdownSoql, BREAKDOWNS, foldBreakdown, readAdminCheck, totalOf, type Breakdown } from './team-queries';
import type { TeamGroup, TeamUsageReply, TeamUsageRequest } from './team-messages';
import { t } from '../../../i18n';

/** What reading needs of the org: its queries, one at a time or in one composite request (OrgClient fits). */
export interface TeamUsageOrg {
  query(soql: string): Promise<unknown>;
  composite(subrequests: readonly Subrequest[]): Promise<Map<string, Subresponse>>;
}

export interface TeamUsageDeps {
  /** The enabled org (or the one used last); null when the rep enabled none. */
  org(orgId: string | undefined): Promise<{ orgId: string; apiHost: string } | null>;
  /** The org's client and the user behind the rep's session there; null when not logged in to it. */
  connect(org: { orgId: string; apiHost: string }): Promise<{ client: TeamUsageOrg; userId: string } | null>;
}

const BREAKDOWN_NAMES = Object.keys(BREAKDOWNS) as Breakdown[];
/** The object or the permission set is not in the org (or not visible to this user): nothing was deployed. */
const NOT_DEPLOYED_CODES = new Set(['INVALID_TYPE', 'NOT_FOUND']);

export async function readTeamUsage(deps: TeamUsageDeps, request: TeamUsageRequest): Promise<TeamUsageReply> {
  const org = await deps.org(request.orgId);
  if (!org) return { state: 'no-org' };
  try {
    const connected = await deps.connect(org);
    if (!connected) return { state: 'signed-out', org };
    const access = readAdminCheck(await connected.client.query(adminCheckSoql(connected.userId)));
    if (access !== 'admin') return { state: access, org };
    const responses = await connected.client.composite(
      BREAKDOWN_NAMES.map((name) => ({ referenceId: name, url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(breakdownSoql(name, request))}` })),
    );
    const folded = new Map<Breakdown, ReturnType<typeof foldBreakdown>>();
    for (const name of BREAKDOWN_NAMES) {
      const response = responses.get(name);
      if (!response || response.httpStatusCode >= 300) return refusal(org, response);
      folded.set(name, foldBreakdown(name, response.body));
    }
    const groups = (name: Breakdown): TeamGroup[] => folded.get(name)?.groups ?? [];
    return {
      state: 'ready',
      org,
      usage: {
        total: totalOf(groups('byFeature')),
        byUser: groups('byUser'),
        byFeature: groups('byFeature'),
        byDepartment: groups('byDepartment'),
        byPrompt: groups('byPrompt'),
        truncated: [...folded.values()].some((breakdown) => breakdown.truncated),
      },
    };
  } catch (error) {
    if (error instanceof z.core.$ZodError) return { state: 'error', org, message: t('teamUsage_unreadable') };
    return { state: 'error', org, message: toSalesforceProblem(error).message };
  }
}

/** A query of the composite request failed: the object is missing, or Salesforce's error in its own words. */
function refusal(org: { orgId: string; apiHost: string }, response: Subresponse | undefined): TeamUsageReply {
  const first: unknown = Array.isArray(response?.body) ? response.body[0] : undefined;
  const { errorCode, message } = z.catch(z.object({ errorCode: z._default(z.string(), ''), message: z._default(z.string(), '') }), { errorCode: '', message: '' }).parse(first);
  if (NOT_DEPLOYED_CODES.has(errorCode)) return { state: 'not-deployed', org };
  return { state: 'error', org, message: message ? t('teamUsage_refused', { message }) : t('teamUsage_serverProblem') };
}
