/**
 * Groundwork's own Salesforce sign-in (OAuth 2.0 code flow with PKCE) for orgs that keep browser sessions out of their
 * API, driven as a rep drives it: the panel's "Sign in with Salesforce", Salesforce's "Allow Access?" page in the
 * browser's OAuth window, and what the org saw in its request log.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { openOptions, serviceWorker } from './chromium';
import { harnessForFile } from './harness';
import { checkView, failing, type ViewCheck } from './layout';
import { orgRequest } from './org-api';
import {
  CONSUMER_KEY,
  browserSid,
  dataBearers,
  enterConsumerKey,
  forgetSignIns,
  oauthCalls,
  orgControl,
  registerConnectedApp,
  signInFromPanel,
  signInWindow,
} from './sign-in';

const harness = harnessForFile();

const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;
const GLOBEX = ACME.accounts.globex;

async function waitForRecord(panel: Page, id: string): Promise<void> {
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`, { timeout: 15_000 });
}

async function panelState(panel: Page, state: string): Promise<string> {
  const notice = await panel.waitForSelector(`[data-testid=panel-state][data-state=${state}]`, { timeout: 15_000 });
  return (await notice?.evaluate((node) => node.textContent ?? '')) ?? '';
}

/** A Salesforce tab on Globex with the panel open, the org enabled, at the point where the panel offers the sign-in. */
async function panelAskingToSignIn(): Promise<{ tab: Page; panel: Page; sid: string }> {
  const { salesforceTab, openRecordPanel, browser, sandbox } = harness();
  const tab = await salesforceTab(recordPath('Account', GLOBEX.id));
  const panel = await openRecordPanel(tab);
  await panelState(panel, 'sign-in-required');
  return { tab, panel, sid: await browserSid(browser, sandbox.org.primary.apiHost) };
}

/** Starts the sign-in, then loads Salesforce's authorize page in the OAuth window again with one parameter changed. */
async function signInWithAuthorizeParam(panel: Page, name: string, value: string): Promise<void> {
  await panel.locator('[data-testid=sign-in]').click();
  const window = await signInWindow(harness().browser);
  const changed = new URL(window.url());
  changed.searchParams.set(name, value);
  await window.goto(changed.href);
  await window.locator('#oaapprove').click();
}

async function signedInOnGlobex(): Promise<{ tab: Page; panel: Page; sid: string; token: string }> {
  const asked = await panelAskingToSignIn();
  harness().sandbox.org.clearLog();
  await signInFromPanel(asked.panel);
  await waitForRecord(asked.panel, GLOBEX.id);
  const token = dataBearers(harness().sandbox.org.log).at(-1)?.bearer ?? '';
  return { ...asked, token };
}

beforeAll(async () => {
  const { browser, extensionId } = harness();
  await enterConsumerKey(browser, extensionId, CONSUMER_KEY);
});

beforeEach(async () => {
  const { sandbox, extension, extensionId } = harness();
  sandbox.org.reset();
  await registerConnectedApp(sandbox, extensionId);
  sandbox.org.setApiAccessControl('acme', true);
  await forgetSignIns(await serviceWorker(extension));
});

describe('an org that takes the browser session', () => {
  it('offers no sign-in, even with a consumer key set: the record is read with the browser session', async () => {
    const { sandbox, salesforceTab, openRecordPanel, browser } = harness();
    sandbox.org.setApiAccessControl('acme', false);
    const tab = await salesforceTab(recordPath('Account', GLOBEX.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, GLOBEX.id);
    const sid = await browserSid(browser, sandbox.org.primary.apiHost);
    expect(await panel.$('[data-testid=sign-in]')).toBeNull();
    expect(await panel.$('[data-testid=signed-in]')).toBeNull();
    const reads = dataBearers(sandbox.org.log);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((read) => read.bearer === sid && read.status === 200)).toBe(true);
    expect(oauthCalls(sandbox.org.log, 'authorize')).toEqual([]);
  });
});

describe('signing in with Salesforce where the org refuses the browser session', () => {
  it('offers the sign-in, completes it in the Salesforce window, and reads the record with the OAuth token, never the cookie', async () => {
    const { sandbox } = harness();
    const { panel, sid } = await panelAskingToSignIn();
    const offered = await panelState(panel, 'sign-in-required');
    expect(offered).toContain('This org does not let your browser session use its API, so Groundwork needs its own Salesforce sign-in here.');
    expect(await panel.$eval('[data-testid=sign-in]', (node) => node.textContent)).toBe('Sign in with Salesforce');
    expect(await seriousA11yViolations(panel)).toEqual([]);
    // The browser session was tried and refused with Salesforce's own words, nothing else was sent with it.
    expect(dataBearers(sandbox.org.log).map(({ bearer, status }) => [bearer === sid, status])).toEqual([[true, 401]]);

    sandbox.org.clearLog();
    await signInFromPanel(panel);
    await waitForRecord(panel, GLOBEX.id);
    expect(await panel.$eval('[data-testid=signed-in-name]', (node) => node.textContent)).toBe(ACME.users.admin.name);

    const exchange = oauthCalls(sandbox.org.log, 'token');
    expect(exchange.map((entry) => [new URLSearchParams(entry.body).get('grant_type'), entry.status])).toEqual([['authorization_code', 200]]);
    expect(new URLSearchParams(exchange[0]?.body).get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const reads = dataBearers(sandbox.org.log);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect({ status: read.status, cookie: read.bearer === sid, org: read.bearer.slice(0, 15) }).toEqual({ status: 200, cookie: false, org: sandbox.org.primary.orgId.slice(0, 15) });
    // The cookie went only to userinfo, to check the sign-in is the browser session's user (refused there too).
    const withCookie = sandbox.org.log.filter((entry) => entry.headers.authorization === `Bearer ${sid}`).map((entry) => entry.path);
    expect(new Set(withCookie)).toEqual(new Set(['/services/oauth2/userinfo']));
  });

  it('refreshes the access token when the org ends it, without the rep, and reads on', async () => {
    const { sandbox } = harness();
    const { tab, panel, token } = await signedInOnGlobex();
    await orgControl(sandbox, 'oauth/expire-access-tokens');
    sandbox.org.clearLog();
    const contact = ACME.contacts.rosa;
    await tab.locator(`a[data-record-id="${contact.id}"]`).click();
    await waitForRecord(panel, contact.id);
    const reads = dataBearers(sandbox.org.log);
    expect(reads[0]).toMatchObject({ bearer: token, status: 401 });
    expect(reads.slice(1).every((read) => read.status === 200 && read.bearer !== token)).toBe(true);
    expect(oauthCalls(sandbox.org.log, 'token').map((entry) => [new URLSearchParams(entry.body).get('grant_type'), entry.status])).toEqual([['refresh_token', 200]]);
    expect(oauthCalls(sandbox.org.log, 'authorize')).toEqual([]);
  });

  it('signs out by revoking the sign-in at Salesforce', async () => {
    const { sandbox } = harness();
    const { panel, token } = await signedInOnGlobex();
    sandbox.org.clearLog();
    await panel.locator('[data-testid=sign-out]').click();
    await panelState(panel, 'sign-in-required');
    const [revoke] = oauthCalls(sandbox.org.log, 'revoke');
    expect(revoke?.status).toBe(200);
    const revoked = new URLSearchParams(revoke?.body).get('token') ?? '';
    const refresh = await orgRequest(sandbox, {
      method: 'POST',
      path: `/services/oauth2/token?${new URLSearchParams({ grant_type: 'refresh_token', refresh_token: revoked, client_id: CONSUMER_KEY }).toString()}`,
    });
    expect(refresh.body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    expect((await orgRequest(sandbox, { method: 'GET', path: '/services/data/v62.0/limits', sid: token })).status).toBe(401);
  });
});

describe('a sign-in that does not finish', () => {
  it('ends a denied consent with a clear message, and asks for no token', async () => {
    const { sandbox } = harness();
    const { panel, sid } = await panelAskingToSignIn();
    sandbox.org.clearLog();
    await signInFromPanel(panel, 'deny');
    const failed = await panelState(panel, 'sign-in-failed');
    expect(failed).toContain('You chose Deny on Salesforce\'s "Allow Access?" page, so Groundwork is not signed in.');
    expect(await panel.$eval('[data-testid=sign-in]', (node) => node.textContent)).toBe('Sign in with Salesforce');
    expect(oauthCalls(sandbox.org.log, 'token')).toEqual([]);
    expect(dataBearers(sandbox.org.log).every((read) => read.bearer === sid)).toBe(true);
  });

  it('ends a sign-in window the rep closed with a clear message, offers it again, and asks for no token', async () => {
    const { sandbox, browser } = harness();
    const { panel, sid } = await panelAskingToSignIn();
    sandbox.org.clearLog();
    await panel.locator('[data-testid=sign-in]').click();
    const window = await signInWindow(browser);
    await window.close();
    const failed = await panelState(panel, 'sign-in-failed');
    expect(failed).toContain('The Salesforce sign-in window was closed before the sign-in finished. Nothing was signed in.');
    expect(await panel.$eval('[data-testid=sign-in]', (node) => (node as HTMLButtonElement).disabled)).toBe(false);
    expect(oauthCalls(sandbox.org.log, 'token')).toEqual([]);
    expect(dataBearers(sandbox.org.log).every((read) => read.bearer === sid)).toBe(true);
  });

  it('ignores an answer carrying another state: its code is never exchanged', async () => {
    const { sandbox } = harness();
    const { panel, sid } = await panelAskingToSignIn();
    sandbox.org.clearLog();
    await signInWithAuthorizeParam(panel, 'state', 'a-state-of-someone-elses-request');
    const failed = await panelState(panel, 'sign-in-failed');
    expect(failed).toContain('did not belong to this sign-in (its state did not match)');
    expect(oauthCalls(sandbox.org.log, 'token')).toEqual([]);
    expect(dataBearers(sandbox.org.log).every((read) => read.bearer === sid)).toBe(true);
  });

  it('refuses a code issued for another challenge (verifier mismatch) with a clear message, and reads nothing with it', async () => {
    const { sandbox } = harness();
    const { panel, sid } = await panelAskingToSignIn();
    sandbox.org.clearLog();
    await signInWithAuthorizeParam(panel, 'code_challenge', 'AttackersOwnChallengeAttackersOwnChallenge0');
    const failed = await panelState(panel, 'sign-in-failed');
    expect(failed).toContain('the PKCE code verifier did not match');
    expect(oauthCalls(sandbox.org.log, 'token').map((entry) => entry.status)).toEqual([400]);
    expect(dataBearers(sandbox.org.log).every((read) => read.bearer === sid)).toBe(true);
  });

  it('after the org revokes the sign-in, says to sign in again and never sends the refused token again', async () => {
    const { sandbox } = harness();
    const { tab, panel, token } = await signedInOnGlobex();
    await orgControl(sandbox, 'oauth/revoke-all');
    sandbox.org.clearLog();
    await tab.locator(`a[data-record-id="${ACME.contacts.rosa.id}"]`).click();
    const ended = await panelState(panel, 'signed-out');
    expect(ended).toContain('sign-in for this org ended (it was revoked or it expired). Sign in again');
    expect(dataBearers(sandbox.org.log).filter((read) => read.bearer === token).map((read) => read.status)).toEqual([401]);
    expect(oauthCalls(sandbox.org.log, 'token').map((entry) => entry.status)).toEqual([400]);

    sandbox.org.clearLog();
    await tab.goto(`https://${sandbox.org.primary.lightningHost}${recordPath('Account', ACME.accounts.initech.id)}`);
    await panelState(panel, 'sign-in-required');
    expect(dataBearers(sandbox.org.log).some((read) => read.bearer === token)).toBe(false);
    expect(oauthCalls(sandbox.org.log, 'token')).toEqual([]);
  });
});

describe('an org or profile without API access', () => {
  it('says API_DISABLED_FOR_ORG in plain words, with what the admin must change', async () => {
    const { sandbox, salesforceTab, openRecordPanel } = harness();
    sandbox.org.setApiAccessControl('acme', false);
    await orgControl(sandbox, 'api-enabled', { on: false });
    const tab = await salesforceTab(recordPath('Account', GLOBEX.id));
    const panel = await openRecordPanel(tab);
    const notice = await panelState(panel, 'api-disabled');
    expect(notice).toContain('API access is off for you in this org');
    expect(notice).toContain('Ask your Salesforce admin for the "API Enabled" permission');
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('says the same of a profile without "API Enabled": the admin gives the permission, no sign-in is offered', async () => {
    const { sandbox, salesforceTab, openRecordPanel } = harness();
    sandbox.org.setApiAccessControl('acme', false);
    await orgControl(sandbox, 'api-enabled', { on: false, username: sandbox.org.primary.users.full.username });
    const tab = await salesforceTab(recordPath('Account', GLOBEX.id));
    const panel = await openRecordPanel(tab);
    const notice = await panelState(panel, 'api-disabled');
    expect(notice).toContain('(Setup → your profile or a permission set → System Permissions)');
    expect(await panel.$('[data-testid=sign-in]')).toBeNull();
    expect(dataBearers(sandbox.org.log).map((read) => read.status)).toEqual([403]);
  });
});

describe('the sign-in states as the rep sees them', () => {
  it('lays out each sign-in state at 400 px (the options page at 1,280 and 400) in light and dark, with no overflow and no serious accessibility finding', async () => {
    const { sandbox, browser, salesforceTab, openRecordPanel } = harness();
    const checks: ViewCheck[] = [];
    const look = async (page: Page, view: string, widths: readonly number[] = [400]): Promise<void> => {
      checks.push(...(await checkView(page, view, widths)));
    };
    const { tab, panel } = await panelAskingToSignIn();
    await look(panel, 'panel-sign-in-required');

    await panel.locator('[data-testid=sign-in]').click();
    const window = await signInWindow(browser);
    await panel.waitForSelector('[data-testid=sign-in][disabled]');
    await look(panel, 'panel-sign-in-pending');
    await window.locator('#oadeny').click();
    await panelState(panel, 'sign-in-failed');
    await look(panel, 'panel-sign-in-failed');

    await signInFromPanel(panel);
    await waitForRecord(panel, GLOBEX.id);
    await panel.waitForSelector('[data-testid=signed-in]');
    await look(panel, 'panel-signed-in');
    const options = await openOptions(harness(), 'orgs');
    await options.waitForSelector('[data-testid=signed-in-org]');
    await look(options, 'options-orgs-signed-in', [1280, 400]);
    await options.close();

    await orgControl(sandbox, 'oauth/revoke-all');
    await tab.bringToFront();
    await tab.locator(`a[data-record-id="${ACME.contacts.rosa.id}"]`).click();
    await panelState(panel, 'signed-out');
    await look(panel, 'panel-signed-out');

    sandbox.org.setApiAccessControl('acme', false);
    await orgControl(sandbox, 'api-enabled', { on: false });
    const disabled = await openRecordPanel(await salesforceTab(recordPath('Account', ACME.accounts.initech.id)));
    await panelState(disabled, 'api-disabled');
    await look(disabled, 'panel-api-disabled');
    expect(failing(checks)).toEqual([]);
  }, 120_000);
});
