/**
 * The offline demo model end to end: the production build in real Chromium, every use case set to the sandbox's demo
 * model through the options page (as `npm run demo` does), no reply scripted. What the panel shows and what the org
 * holds afterwards come from the demo model reading the requests the product sent.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MODEL } from '../sandbox/anthropic';
import type { StoredRecord } from '../sandbox/salesforce/model';
import { ACME } from '../sandbox/salesforce/seed';
import { seriousA11yViolations } from './a11y';
import { chooseDemoModel, openOptions, showFeature } from './chromium';
import { harnessForFile } from './harness';
import { reviewRows } from './review-rows';
import { orgRequest } from './org-api';

const harness = harnessForFile();

beforeAll(async () => {
  await chooseDemoModel(harness(), 'sk-ant-e2e-demo-model-0001');
});

const API = '/services/data/v62.0';

async function openRecord(object: string, id: string): Promise<Page> {
  const { salesforceTab, openRecordPanel } = harness();
  const tab = await salesforceTab(`/lightning/r/${object}/${id}/view`);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return panel;
}

async function query(soql: string): Promise<Record<string, unknown>[]> {
  const { body } = await orgRequest(harness().sandbox, { method: 'GET', path: `${API}/query?q=${encodeURIComponent(soql)}` });
  return (body as { records: Record<string, unknown>[] }).records;
}

const messageRequests = () => harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the offline demo model, chosen in the options page, does each job from the request', () => {
  it('reads a call note: stage, amount, a dated next step and a new contact come ticked with their quotes, and confirming writes them', async () => {
    const opportunity = ACME.opportunities.initechMigration.id;
    const note =
      'Met with Rachel today about the migration. We are moving to Perception Analysis and the amount is now $265,000.\n' +
      'Next step: deliver the cutover plan in two weeks.\n' +
      'Looping in Hannah Weiss, VP of Engineering, hannah.weiss@initech.example, +1 (512) 555-0134.';
    const panel = await openRecord('Opportunity', opportunity);
    harness().sandbox.model.clearLog();
    await showFeature(panel, 'note');
    await panel.focus('[data-testid=note-input]');
    await panel.keyboard.type(note);
    await panel.locator('[data-testid=propose-updates]').click();
    await panel.waitForSelector('[data-testid=notes-review]', { timeout: 15_000 });

    const rows = await reviewRows(panel);
    const ticked = (field: string) => rows.find((row) => row.field === field && row.checked === 'true' && row.evidence === 'ok');
    for (const field of ['StageName', 'Amount', 'NextStep', 'FirstName', 'LastName', 'Email', 'Phone', 'Title']) expect(ticked(field), field).toBeDefined();
    expect(rows.filter((row) => ['missing', 'not-found', 'unsupported', 'instruction'].includes(row.evidence ?? ''))).toEqual([]);
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');

    // The model was the demo model, asked once, with no script: its reply is what the review shows.
    const [request] = messageRequests();
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ model: DEMO_MODEL.id });
    const userTurn = (JSON.parse(request?.body ?? '{}') as { messages: { content: { text: string }[] }[] }).messages[0]?.content.map((block) => block.text).join('\n') ?? '';
    const today = /<today>\n(\d{4}-\d{2}-\d{2})/.exec(userTurn)?.[1] ?? '';
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await panel.locator('[data-testid=review-confirm]').click();
    await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 15_000 });
    const [deal] = await query(`SELECT StageName, Amount, NextStep FROM Opportunity WHERE Id = '${opportunity}'`);
    expect(deal).toMatchObject({ StageName: 'Perception Analysis', Amount: 265000, NextStep: 'Deliver the cutover plan in two weeks' });
    const contacts = await query("SELECT FirstName, LastName, Title, Email, Phone, AccountId FROM Contact WHERE Email = 'hannah.weiss@initech.example'");
    expect(contacts).toEqual([
      expect.objectContaining({ FirstName: 'Hannah', LastName: 'Weiss', Title: 'VP of Engineering', Phone: '+1 (512) 555-0134', AccountId: ACME.accounts.initech.id }),
    ]);
    const tasks = await query(`SELECT Subject, ActivityDate FROM Task WHERE WhatId = '${opportunity}' AND Subject = 'Deliver the cutover plan'`);
    expect(tasks).toEqual([expect.objectContaining({ ActivityDate: addDays(today, 14) })]);
  });

  it('answers "which open opportunities close this quarter over 50k?" with the rows the org holds, showing the SOQL it ran', async () => {
    const panel = await openRecord('Opportunity', ACME.opportunities.globexExpansion.id);
    await showFeature(panel, 'ask');
    await panel.locator('[data-testid=ask-input]').fill('which open opportunities close this quarter over 50k?');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid=ask-outcome]:is([data-phase=done],[data-phase=refused],[data-phase=failed])', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=ask-outcome]', (node) => node.getAttribute('data-phase'))).toBe('done');

    const db = harness().sandbox.org.org('acme').seed.db;
    const now = db.now();
    const first = Math.floor(now.getUTCMonth() / 3) * 3;
    const start = new Date(Date.UTC(now.getUTCFullYear(), first, 1)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(now.getUTCFullYear(), first + 3, 1)).toISOString().slice(0, 10);
    const opportunities: StoredRecord[] = [...(db.records.get('Opportunity')?.values() ?? [])];
    const expected = opportunities
      .filter((o) => o.IsClosed === false && String(o.CloseDate) >= start && String(o.CloseDate) < end && Number(o.Amount) > 50_000)
      .map((o) => String(o.Id));
    expect(expected.length).toBeGreaterThan(1);
    const shown = await panel.$$eval('[data-testid=ask-row]', (nodes) => nodes.map((node) => node.getAttribute('data-record-id') ?? ''));
    expect([...shown].sort()).toEqual([...expected].sort());

    const soql = await panel.$eval('[data-testid=ask-soql]', (node) => node.textContent ?? '');
    expect(soql).toMatch(/^SELECT .* FROM Opportunity WHERE /);
    expect(soql).toContain('IsClosed = FALSE');
    expect(soql).toContain('CloseDate = THIS_QUARTER');
    expect(soql).toContain('Amount > 50000');
    const ran = harness().sandbox.org.log.filter((entry) => entry.path.includes('/query?q=')).map((entry) => decodeURIComponent(entry.path.split('q=')[1] ?? ''));
    expect(ran).toContain(soql);
  });

  it('writes a summary, a brief and insights of one record that differ, each cited, grounded and passing its checks, labelled as the demo model', async () => {
    const panel = await openRecord('Opportunity', ACME.opportunities.globexAnalytics.id);
    const texts: string[] = [];
    for (const feature of ['summary', 'brief', 'insights']) {
      await showFeature(panel, feature);
      await panel.locator('[data-testid=generate]').click();
      const output = `[data-testid=generation][data-feature=${feature}]`;
      await panel.waitForSelector(`${output}[data-status=done]`, { timeout: 15_000 });
      texts.push(await panel.$eval(`${output} [data-testid=generation-text]`, (node) => node.textContent ?? ''));
      // Labelled as AI output, and by the model that wrote it.
      expect(await panel.$eval(`${output} .gw-ai-label`, (node) => node.textContent ?? '')).toBe(`AI-generated · check before you use it${DEMO_MODEL.displayName}`);
      expect(await panel.$$eval(`${output} [data-testid=citation]`, (nodes) => nodes.length)).toBeGreaterThan(2);
      expect(await panel.$$eval(`${output} [data-testid=unverified-claim]`, (nodes) => nodes.map((node) => node.textContent))).toEqual([]);
      expect(await panel.$(`${output} [data-testid=generation-validation]`)).toBeNull();
    }
    expect(new Set(texts).size).toBe(3);
    // Insights rest on the deterministic checks: this deal's close date is in the past, and the answer says so.
    expect(texts[2]).toMatch(/close date .* in the past/i);
    expect(JSON.stringify(await seriousA11yViolations(panel))).toBe('[]');
  });

  it('names the demo model in the audit trail and costs it at the zero price the options page set', async () => {
    const page = await openOptions(harness(), 'audit');
    await page.waitForSelector('[data-testid=audit-row][data-feature=summary]');
    const row = await page.$eval('[data-testid=audit-row][data-feature=summary]', (node) => ({
      model: node.querySelector('[data-testid=audit-model]')?.textContent,
      cost: node.querySelector('[data-testid=audit-cost]')?.textContent,
    }));
    expect(row.model).toBe(DEMO_MODEL.displayName);
    expect(row.cost).toMatch(/^\$0(\.0+)?$/);
    await page.close();
  });
});
