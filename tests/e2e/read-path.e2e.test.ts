import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACCOUNTS } from '../sandbox/gmail';
import type { RequestLogEntry } from '../sandbox/http';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { harnessForFile } from './harness';
import { orgRequest } from './org-api';

const harness = harnessForFile();

const recordPath = (object: string, id: string): string => `/lightning/r/${object}/${id}/view`;

async function waitForRecord(panel: Page, id: string): Promise<string> {
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`, { timeout: 10_000 });
  return panel.$eval('[data-testid=record-name]', (node) => node.textContent ?? '');
}

async function contextPreviewText(panel: Page): Promise<string> {
  await panel.locator('[data-testid=show-context]').click();
  const preview = await panel.waitForSelector('[data-testid=context-preview-text]');
  return (await preview?.evaluate((node) => node.textContent ?? '')) ?? '';
}

const dataRequests = (log: RequestLogEntry[], host: string): RequestLogEntry[] =>
  log.filter((entry) => entry.host === host && entry.path.startsWith('/services/data/'));

describe('the read path: the record in view and its context', () => {
  it('asks before reading an org the first time, and reads nothing from it until the rep agrees', async () => {
    const { salesforceTab, openPanel, sandbox } = harness();
    sandbox.org.clearLog();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.globex.id));
    const panel = await openPanel(tab);
    await panel.waitForSelector('[data-testid=panel-state][data-state=org-not-enabled]');
    const { orgId, apiHost } = sandbox.org.primary;
    expect(await panel.$eval('[data-testid=org-id]', (node) => node.textContent)).toBe(orgId.slice(0, 15));
    expect(await panel.$eval('[data-testid=org-host]', (node) => node.textContent)).toBe(apiHost);
    expect(await seriousA11yViolations(panel)).toEqual([]);
    expect(dataRequests(sandbox.org.log, apiHost)).toEqual([]);

    await panel.locator('[data-testid=enable-org]').click();
    expect(await waitForRecord(panel, ACME.accounts.globex.id)).toBe(ACME.accounts.globex.name);
  });

  it('shows key fields and related counts, and follows the rep to an Opportunity and a Contact in the same tab', async () => {
    const { salesforceTab, openRecordPanel } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.globex.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.accounts.globex.id);
    const keyFields = await panel.$eval('[data-testid=key-fields]', (node) => node.textContent ?? '');
    expect(keyFields).toContain('Manufacturing');
    expect(keyFields).toContain('$850,000,000');
    const counts = await panel.$$eval('[data-testid=related-count]', (nodes) => nodes.map((node) => node.textContent));
    expect(counts).toContain('Contacts: 3');

    const opportunity = ACME.opportunities.globexExpansion;
    await tab.locator(`a[data-record-id="${opportunity.id}"]`).click();
    expect(await waitForRecord(panel, opportunity.id)).toBe(opportunity.name);
    expect(await panel.$eval('[data-testid=record-object]', (node) => node.textContent)).toBe('Opportunity');

    await tab.goBack();
    const contact = ACME.contacts.rosa;
    await tab.locator(`a[data-record-id="${contact.id}"]`).click();
    expect(await waitForRecord(panel, contact.id)).toBe(contact.name);
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('reads a record’s whole context in exactly one request once the org’s describes are cached', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.initech.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.accounts.initech.id);

    sandbox.org.clearLog();
    await tab.locator(`a[data-record-id="${ACME.contacts.tom.id}"]`).click();
    await waitForRecord(panel, ACME.contacts.tom.id);
    const requests = dataRequests(sandbox.org.log, sandbox.org.primary.apiHost);
    expect(requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /services/data/v62.0/composite']);
  });

  it('shows exactly what would be sent, with PII redacted and marked', async () => {
    const { salesforceTab, openRecordPanel } = harness();
    const tab = await salesforceTab(recordPath('Case', ACME.pii.caseId));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.pii.caseId);
    const text = await contextPreviewText(panel);
    expect(text).toContain('[SSN-1]');
    expect(text).toContain('[CARD-1]');
    expect(text).not.toContain(ACME.pii.ssn);
    expect(text).not.toContain(ACME.pii.cardNumber);
    expect(text).toContain(ACME.pii.orderNumber);
    const marks = await panel.$$eval('[data-testid=redaction]', (nodes) => nodes.map((node) => node.textContent));
    expect(marks).toEqual(expect.arrayContaining(['[SSN-1]', '[CARD-1]']));
    expect(await seriousA11yViolations(panel)).toEqual([]);
  });

  it('never reads or sends the fields the restricted user cannot see', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const full = await salesforceTab(recordPath('Account', ACME.accounts.globex.id));
    const fullPanel = await openRecordPanel(full);
    await waitForRecord(fullPanel, ACME.accounts.globex.id);
    expect(await contextPreviewText(fullPanel)).toContain('Annual Revenue: $850,000,000');
    await full.close();

    sandbox.org.clearLog();
    const restricted = await salesforceTab(recordPath('Account', ACME.accounts.globex.id), 'restricted');
    const panel = await openRecordPanel(restricted);
    await waitForRecord(panel, ACME.accounts.globex.id);
    expect(await panel.$eval('[data-testid=record-card]', (node) => node.textContent)).not.toContain('850,000,000');
    const text = await contextPreviewText(panel);
    expect(text).toContain('Globex Industries');
    expect(text).not.toContain('Annual Revenue');
    expect(text).not.toContain('850,000,000');
    const sent = dataRequests(sandbox.org.log, sandbox.org.primary.apiHost).map((entry) => decodeURIComponent(entry.path + entry.body));
    expect(sent.join('\n')).not.toMatch(/AnnualRevenue/);
  });

  it('lists what changed since the last visit without any model call, a new owner by name', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const opportunity = ACME.opportunities.starkTelematics;
    const tab = await salesforceTab(recordPath('Opportunity', opportunity.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, opportunity.id);

    const update = await orgRequest(sandbox, {
      method: 'PATCH',
      path: `/services/data/v62.0/sobjects/Opportunity/${opportunity.id}`,
      body: { StageName: 'Proposal/Price Quote', Amount: 335000, OwnerId: ACME.users.admin.id },
    });
    expect(update.status).toBe(204);
    const created = await orgRequest(sandbox, {
      method: 'POST',
      path: '/services/data/v62.0/sobjects/Task',
      body: { Subject: 'Send pilot ROI summary to Victor', WhatId: opportunity.id, ActivityDate: new Date().toISOString().slice(0, 10) },
    });
    expect(created.status).toBe(201);
    sandbox.model.clearLog();

    await tab.reload();
    await panel.waitForSelector('[data-testid=since-last-visit] [data-testid=change]');
    const changes = await panel.$$eval('[data-testid=change]', (nodes) => nodes.map((node) => node.textContent));
    expect(changes).toEqual(
      expect.arrayContaining([
        'Stage: Perception Analysis → Proposal/Price Quote',
        'Amount: $310,000 → $335,000',
        `Owner: ${ACME.users.restricted.name} → ${ACME.users.admin.name}`,
        expect.stringContaining('Send pilot ROI summary to Victor'),
      ]),
    );
    // Said in words only: no lookup ids, and no field history rows repeating the field changes as ids.
    expect(changes.join('\n')).not.toMatch(/Owner ID|\(empty\) → \(empty\)|Field history|\b0[0-9A-Za-z]{14}(?:[0-9A-Za-z]{3})?\b/);
    expect(sandbox.model.log).toEqual([]);
  });

  it('says plainly when the org keeps browser sessions out of its API and no connected app is set up', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    sandbox.org.setApiAccessControl('acme', true);
    try {
      const tab = await salesforceTab(recordPath('Account', ACME.accounts.soylent.id));
      const panel = await openRecordPanel(tab);
      await panel.waitForSelector('[data-testid=panel-state][data-state=no-api-access]');
      const notice = await panel.$eval('[data-testid=panel-state]', (node) => node.textContent);
      expect(notice).toContain('This org does not let browser sessions use its API (API Access Control)');
      expect(notice).toContain("Ask your Salesforce admin for Groundwork's connected app");
    } finally {
      sandbox.org.setApiAccessControl('acme', false);
    }
  });

  it('keeps two orgs in two tabs apart, each read with its own session', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const other = sandbox.org.org('globex');
    const account = [...(other.seed.db.records.get('Account')?.values() ?? [])][0];
    if (!account) throw new Error('the second org has no account');
    const acmeTab = await salesforceTab(recordPath('Account', ACME.accounts.massive.id));
    const panel = await openRecordPanel(acmeTab);
    await waitForRecord(panel, ACME.accounts.massive.id);

    sandbox.org.clearLog();
    const otherTab = await salesforceTab(recordPath('Account', account.Id), 'full', other);
    await panel.waitForSelector('[data-testid=panel-state][data-state=org-not-enabled]');
    expect(dataRequests(sandbox.org.log, other.apiHost)).toEqual([]);
    await panel.locator('[data-testid=enable-org]').click();
    expect(await waitForRecord(panel, account.Id)).toBe(account.Name);

    await acmeTab.bringToFront();
    expect(await waitForRecord(panel, ACME.accounts.massive.id)).toBe(ACME.accounts.massive.name);
    for (const entry of dataRequests(sandbox.org.log, other.apiHost)) {
      expect(entry.headers.authorization).toMatch(new RegExp(`^Bearer ${other.orgId.slice(0, 15)}!`));
    }
    await otherTab.close();
  });

  it('shows the Salesforce Contact behind a Gmail sender, and says when the sender is unknown', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(recordPath('Account', ACME.accounts.umbrella.id));
    const panel = await openRecordPanel(tab);
    await waitForRecord(panel, ACME.accounts.umbrella.id);

    await tab.goto(sandbox.gmail.urls.message);
    await panel.waitForSelector('[data-testid=gmail-card][data-state=found]');
    expect(await panel.$eval('[data-testid=sender-match]', (node) => node.textContent)).toContain(ACME.contacts.dana.name);
    expect(await panel.$eval('[data-testid=sender-record-link]', (node) => node.getAttribute('href'))).toBe(
      `https://${sandbox.org.primary.lightningHost}/lightning/r/Contact/${ACME.contacts.dana.id}/view`,
    );
    expect(await seriousA11yViolations(panel)).toEqual([]);

    await tab.goto(sandbox.gmail.urls.inbox);
    const unknownSender = ACCOUNTS[0]?.threads[1];
    if (!unknownSender) throw new Error('the Gmail fake has no second thread');
    await tab.locator(`tr[data-thread-key="${unknownSender.threadId}"]`).click();
    await panel.waitForSelector('[data-testid=gmail-card][data-state=none]');
    expect(await panel.$eval('[data-testid=sender-unknown]', (node) => node.textContent)).toContain('No Contact or Lead');
  });
});
