/**
 * The sandbox Salesforce: any number of orgs (tenants), each on its real host names, with login and sessions, the REST
 * API (`/services/data`), fault injection, a request log, and Lightning-like and Classic pages.
 *
 * Hosts (any org name works; the org is created and seeded on first use):
 *   <org>.my.salesforce.com            My Domain: login form, Classic pages, REST API, OAuth endpoints
 *   <org>.lightning.force.com          Lightning pages (needs the sid cookie frontdoor sets there)
 *   <org>.my.salesforce-setup.com      Setup pages
 *   and the same with `.sandbox.`, `.develop.` or `.scratch.` before `my.`/`lightning.` (a separate org each).
 *
 * Controls over HTTPS, on any org host, without authentication (not logged, not subject to faults or latency):
 *   GET    /__sandbox/log                      → the request log (JSON array of RequestLogEntry)
 *   DELETE /__sandbox/log                      → clear the log
 *   POST   /__sandbox/faults                   {kind, status?, path? (RegExp source), times?} → inject a fault
 *   DELETE /__sandbox/faults                   → clear faults
 *   POST   /__sandbox/latency                  {ms} → latency before every REST response
 *   POST   /__sandbox/reset                    → reseed every org, clear faults, log and latency (back to the start value)
 *   POST   /__sandbox/expire-sessions          {org?} → every current session of that org (all orgs if none) is invalid
 *   POST   /__sandbox/api-access-control       {org?, on} → refuse cookie sessions in the REST API (default: this host's org)
 *   POST   /__sandbox/api-enabled              {org?, on, username?} → the org's API feature, or one user's "API Enabled"
 *                                              permission; off, the REST API answers 403 API_DISABLED_FOR_ORG
 *   POST   /__sandbox/connected-apps           {org?, callbackUrls, clientId?, name?, scopes?, requirePkce?, preAuthorized?}
 *                                              → {clientId, name, callbackUrls}: a connected app for the OAuth flows
 *   POST   /__sandbox/oauth/session-timeout    {org?, seconds} → lifetime of connected apps' access tokens issued from now
 *   POST   /__sandbox/oauth/expire-access-tokens {org?} → every connected app's access token times out now (refresh
 *                                              tokens stay good)
 *   POST   /__sandbox/oauth/revoke-all         {org?, clientId?} → revoke every refresh token (and its access tokens)
 *   POST   /__sandbox/my-domain                {org?, name} → the org's My Domain takes a new name (`acme-corp`; for a
 *                                              sandbox `acme--uat.sandbox`): browser sessions end, the old hosts' pages
 *                                              redirect to the new ones, their API still answers → {apiHost, lightningHost}
 *   GET    /__sandbox/info                     → this host's org: {name, orgId, apiHost, lightningHost, sid, restrictedSid}
 *   POST   /__sandbox/deploy                   {org?} → deploy the repository's Salesforce DX metadata into that org (as
 *                                                `sf project deploy start`): {success, components} or 400 {error}
 *
 * OAuth 2.0 on the My Domain host (see `oauth/`): `/services/oauth2/authorize` (authorization code with PKCE, consent
 * page), `/services/oauth2/token` (authorization_code, refresh_token, password), `/services/oauth2/revoke` and
 * `/services/oauth2/userinfo`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { flatHeaders, hostOf, readBody, sendJson, sleep, type Handler, type RequestLogEntry } from '../http';
import { FaultQueue, faultFromJson, faultResponse, type Fault } from './faults';
import type { OrgSeed, OrgUser } from './model';
import { SalesforceError } from './model';
import { DAILY_API_LIMIT, Org, parseOrgHost } from './org';
import { serveAuthorize } from './oauth/authorize';
import { runOAuthControl } from './oauth/controls';
import { oauthEndpoint, writeOAuth } from './oauth/endpoints';
import { errorResponse, type RestContext, type RestResponse } from './rest/http';
import { executeRest, isSupportedVersion, versionsList } from './rest/router';
import type { Session } from './sessions';
import { serveUi } from './ui';
import { deployMetadata, type DeployResult } from './metadata/deploy';
import { notFound } from './writes';

export type { Fault } from './faults';

export interface OrgInfo {
  name: string;
  /** 18 characters, 00D… */
  orgId: string;
  /** `acme.my.salesforce.com` */
  apiHost: string;
  /** `acme.lightning.force.com` */
  lightningHost: string;
  /** An API session of the full user (as a script would have from OAuth). */
  sid: string;
  restrictedSid: string;
  users: { full: OrgUser; restricted: OrgUser };
}

export interface SalesforceFake {
  handler: Handler;
  /** The "acme" org. */
  primary: OrgInfo;
  /** The org with this name, created and seeded on first use. */
  org(name: string): OrgInfo & { seed: OrgSeed };
  /** Every request to any org host (pages too), with all headers. */
  log: RequestLogEntry[];
  clearLog(): void;
  /** Added before every REST response. */
  setLatency(ms: number): void;
  /** Fails the next N matching REST requests. */
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Every current session (of one org, or all) becomes invalid; new logins work. */
  expireSessions(orgName?: string): void;
  /** API Access Control: cookie sessions are refused by the REST API. */
  setApiAccessControl(orgName: string, on: boolean): void;
  /** Reseeds data (a deployment goes with it), clears faults, log and latency. */
  reset(): void;
  /** Deploys the repository's metadata (sfdx-project.json) into the org, as an admin would. */
  deploy(orgName: string): DeployResult;
}

const PRIMARY_ORG = 'acme';

interface Tenant {
  org: Org;
  sid: string;
  restrictedSid: string;
}

function sessionError(message = 'Session expired or invalid'): RestResponse {
  return { status: 401, body: [{ message, errorCode: 'INVALID_SESSION_ID' }] };
}

function bearerToken(headers: Record<string, string>): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

function writeRest(res: ServerResponse, method: string, response: RestResponse, extra: Record<string, string> = {}): void {
  const headers = { ...(response.headers ?? {}), ...extra };
  if (response.body === undefined || response.status === 204 || response.status === 304) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (method === 'HEAD') {
    res.writeHead(response.status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
    res.end();
    return;
  }
  sendJson(res, response.status, response.body, headers);
}

export function createSalesforce(options: { latencyMs?: number; now?: () => Date } = {}): SalesforceFake {
  const now = options.now ?? ((): Date => new Date());
  const initialLatency = options.latencyMs ?? 0;
  let latency = initialLatency;
  const tenants = new Map<string, Tenant>();
  const faults = new FaultQueue();
  const log: RequestLogEntry[] = [];

  function tenant(name: string): Tenant {
    const key = name.toLowerCase();
    let existing = tenants.get(key);
    if (!existing) {
      const org = new Org(key, now);
      existing = {
        org,
        sid: org.sessions.createDurable('oauth', org.user('full')).sid,
        restrictedSid: org.sessions.createDurable('oauth', org.user('restricted')).sid,
      };
      tenants.set(key, existing);
    }
    return existing;
  }

  function info(name: string): OrgInfo & { seed: OrgSeed } {
    const { org, sid, restrictedSid } = tenant(name);
    return {
      name: org.name,
      orgId: org.orgId,
      apiHost: org.apiHost,
      lightningHost: org.lightningHost,
      sid,
      restrictedSid,
      get users() {
        return { full: org.user('full'), restricted: org.user('restricted') };
      },
      get seed() {
        return org.seed;
      },
    };
  }

  function expireSessions(orgName?: string): void {
    const targets = orgName === undefined ? [...tenants.values()] : [tenant(orgName)];
    for (const { org } of targets) org.sessions.expireAll();
  }

  /** Setup → My Domain → a new name: the same tenant answers on the new hosts too. */
  function renameMyDomain(orgName: string, newName: unknown): { apiHost: string; lightningHost: string } {
    const target = tenant(orgName);
    const name = typeof newName === 'string' ? newName.toLowerCase() : '';
    if (parseOrgHost(`${name}.my.salesforce.com`)?.orgName !== name) throw new Error(`not a My Domain name: ${String(newName)}`);
    const taken = tenants.get(name);
    if (taken && taken !== target) throw new Error(`${name} is another org's My Domain`);
    target.org.renameMyDomain(name);
    tenants.set(name, target);
    return { apiHost: target.org.apiHost, lightningHost: target.org.lightningHost };
  }

  function reset(): void {
    for (const [key, { org }] of tenants) if (key !== org.name) tenants.delete(key);
    for (const { org } of tenants.values()) {
      org.reseed();
      org.sessions.reviveDurable();
    }
    faults.clear();
    log.length = 0;
    latency = initialLatency;
  }

  /** The REST API's view of a request's session: 401 unless it is a live API-usable session of this org. */
  function apiSession(org: Org, headers: Record<string, string>): Session | RestResponse {
    const session = org.sessions.find(bearerToken(headers));
    if (!session || session.kind === 'lightning') return sessionError();
    if (session.kind === 'ui' && org.apiAccessControl) {
      return sessionError('This session is not valid for use with the REST API');
    }
    return session;
  }

  /** The edition's API feature and the user's "API Enabled" permission: Salesforce names the org either way. */
  function apiDisabled(org: Org, session: Session): RestResponse | null {
    if (org.apiEnabled && !org.usersWithoutApi.has(session.user.id)) return null;
    return errorResponse(new SalesforceError(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'));
  }

  async function serveRest(org: Org, req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const method = req.method ?? 'GET';
    const headers = flatHeaders(req);
    if (latency > 0) await sleep(latency);
    const fault = faults.take(url.pathname + url.search);
    if (fault) {
      const response = faultResponse(fault);
      if (!response) {
        req.socket.destroy();
        return;
      }
      writeRest(res, method, response);
      return;
    }
    if (/^\/services\/data\/?$/.test(url.pathname)) {
      writeRest(res, method, { status: 200, body: versionsList() });
      return;
    }
    if (url.pathname.startsWith('/services/oauth2/')) {
      const bearer = apiSession(org, headers);
      const reply = oauthEndpoint(org, {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        bearerSession: 'sid' in bearer ? bearer : undefined,
        bearerGiven: bearerToken(headers) !== undefined,
      });
      writeOAuth(res, reply ?? errorResponse(notFound()));
      return;
    }
    const versioned = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname);
    const session = apiSession(org, headers);
    if (!('sid' in session)) {
      writeRest(res, method, session);
      return;
    }
    const disabled = apiDisabled(org, session);
    if (disabled) {
      writeRest(res, method, disabled);
      return;
    }
    org.apiUsage += 1;
    const limitInfo = { 'Sforce-Limit-Info': `api-usage=${org.apiUsage}/${DAILY_API_LIMIT}` };
    if (org.apiUsage > DAILY_API_LIMIT) {
      writeRest(res, method, errorResponse(new SalesforceError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')), limitInfo);
      return;
    }
    if (!versioned?.[1] || !isSupportedVersion(versioned[1])) {
      writeRest(res, method, errorResponse(notFound()), limitInfo);
      return;
    }
    const version = versioned[1];
    const access = org.accessFor(session.user);
    const ctx: RestContext = {
      org,
      session,
      user: session.user,
      access,
      version,
      actor: {
        org,
        user: session.user,
        access,
        apiVersion: version,
        allowDuplicates: /allowSave\s*=\s*true/i.test(headers['sforce-duplicate-rule-header'] ?? ''),
      },
    };
    const response = executeRest(ctx, { method, path: versioned[2] ?? '/', query: url.searchParams, headers, body });
    writeRest(res, method, response, limitInfo);
  }

  async function serveControls(host: string, method: string, path: string, body: string, res: ServerResponse): Promise<void> {
    const parsed = parseOrgHost(host);
    const input = body.trim() === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
    const orgName = typeof input.org === 'string' ? input.org : parsed?.orgName;
    const ok = (): void => sendJson(res, 200, { ok: true });
    switch (`${method} ${path}`) {
      case 'GET /__sandbox/log':
        return sendJson(res, 200, log);
      case 'DELETE /__sandbox/log':
        log.length = 0;
        return ok();
      case 'POST /__sandbox/faults':
        faults.inject(faultFromJson(input));
        return ok();
      case 'DELETE /__sandbox/faults':
        faults.clear();
        return ok();
      case 'POST /__sandbox/latency':
        latency = Number(input.ms ?? 0);
        return ok();
      case 'POST /__sandbox/reset':
        reset();
        return ok();
      case 'POST /__sandbox/expire-sessions':
        expireSessions(typeof input.org === 'string' ? input.org : undefined);
        return ok();
      case 'POST /__sandbox/api-access-control':
        if (orgName === undefined) return sendJson(res, 400, { error: 'org is required' });
        tenant(orgName).org.apiAccessControl = input.on === true;
        return ok();
      case 'POST /__sandbox/my-domain':
        if (orgName === undefined) return sendJson(res, 400, { error: 'org is required' });
        return sendJson(res, 200, renameMyDomain(orgName, input.name));
      case 'POST /__sandbox/deploy':
        if (orgName === undefined) return sendJson(res, 400, { error: 'org is required' });
        return sendJson(res, 200, deployMetadata(tenant(orgName).org));
      case 'GET /__sandbox/info': {
        if (orgName === undefined) return sendJson(res, 400, { error: 'not an org host' });
        const { name, orgId, apiHost, lightningHost, sid, restrictedSid } = info(orgName);
        return sendJson(res, 200, { name, orgId, apiHost, lightningHost, sid, restrictedSid });
      }
      default: {
        const control = orgName === undefined ? { handled: false } : runOAuthControl(tenant(orgName).org, method, path, input);
        if (!control.handled) return sendJson(res, 404, { error: `no control ${method} ${path}` });
        return sendJson(res, 200, control.result ?? { ok: true });
      }
    }
  }

  const handler: Handler = async (req, res) => {
    const host = hostOf(req);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    const body = await readBody(req);
    if (url.pathname.startsWith('/__sandbox/')) {
      try {
        await serveControls(host, method, url.pathname, body, res);
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    const entry: RequestLogEntry = { time: Date.now(), method, host, path: req.url ?? '/', headers: flatHeaders(req), body };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const parsed = parseOrgHost(host);
    if (!parsed) {
      res.writeHead(404, { 'Content-Type': 'text/plain;charset=UTF-8' });
      res.end(`No Salesforce org is served at ${host}`);
      return;
    }
    const { org } = tenant(parsed.orgName);
    if (parsed.orgName !== org.myDomain && !url.pathname.startsWith('/services/')) {
      // A former My Domain: its pages move to the new one, as Salesforce redirects them.
      const moved = { api: org.apiHost, lightning: org.lightningHost, setup: org.setupHost }[parsed.kind];
      res.writeHead(302, { Location: `https://${moved}${url.pathname}${url.search}` });
      res.end();
      return;
    }
    if (parsed.kind === 'api' && url.pathname === '/services/oauth2/authorize') {
      serveAuthorize(org, { method, url, headers: flatHeaders(req), body }, res);
      return;
    }
    if (parsed.kind === 'api' && url.pathname.startsWith('/services/')) {
      await serveRest(org, req, res, url, body);
      return;
    }
    serveUi(org, parsed.kind, { method, url, headers: flatHeaders(req), body }, res);
  };

  const primaryInfo = info(PRIMARY_ORG);
  return {
    handler,
    primary: primaryInfo,
    org: info,
    log,
    clearLog: () => {
      log.length = 0;
    },
    setLatency: (ms) => {
      latency = ms;
    },
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    expireSessions,
    setApiAccessControl: (orgName, on) => {
      tenant(orgName).org.apiAccessControl = on;
    },
    reset,
    deploy: (orgName) => deployMetadata(tenant(orgName).org),
  };
}
