/**
 * "Create contact" end to end, in Gmail and in Outlook on the web: for a sender no Contact or Lead has the address
 * of, the panel proposes the contact from the email (name and address from its header, title and phone from the
 * signature, each with its quote) on the one account whose website is the sender's domain, in the shared review;
 * confirming writes exactly what is ticked, the org then holds the contact and the card finds it; Undo deletes it.
 */
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../sandbox/salesforce/model';
import { ACME } from '../sandbox/salesforce/seed';
import { harnessForFile } from './harness';
import { checkView, failing } from './layout';
import { GMAIL_DRIVER, OUTLOOK_DRIVER, type MailDriver } from './mail-clients';
import { reviewRows } from './review-rows';

const harness = harnessForFile();
const MARCUS = 'marcus.lee@northwind.example';

function contactsWithAddress(email: string): StoredRecord[] {
  const db = harness().sandbox.org.org('acme').seed.db;
  return [...(db.records.get('Contact')?.values() ?? [])].filter((record) => String(record.Email).toLowerCase() === email);
}

describe.each([GMAIL_DRIVER, OUTLOOK_DRIVER])('Create contact in $name', (driver: MailDriver) => {
  it('proposes an unknown sender’s evidenced fields on their account; confirming writes the ticked ones, which the org then holds, and Undo deletes it', async () => {
    const { salesforceTab, openRecordPanel, sandbox } = harness();
    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.accounts.globex.id}"]`);
    expect(contactsWithAddress(MARCUS)).toEqual([]);

    await tab.goto(driver.marcus(sandbox));
    await panel.waitForSelector('[data-testid=gmail-card][data-state=none]', { timeout: 15_000 });
    const modelCalls = sandbox.model.log.length;
    await panel.locator('[data-testid=create-contact-start]').click();
    await panel.waitForSelector('[data-testid=create-contact][data-state=review] [data-testid=review-row]', { timeout: 15_000 });

    // Every value with its quote from the email, and the one account on the sender's domain, set by Groundwork.
    const rows = await reviewRows(panel);
    expect(rows.map(({ field, checked, evidence, quote }) => ({ field, checked, evidence, quote: quote?.replace(/^\s*“?|”?\s*$/g, '') }))).toEqual([
      { field: 'FirstName', checked: 'true', evidence: 'ok', quote: 'Marcus Lee' },
      { field: 'LastName', checked: 'true', evidence: 'ok', quote: 'Marcus Lee' },
      { field: 'Email', checked: 'true', evidence: 'ok', quote: MARCUS },
      { field: 'Phone', checked: 'true', evidence: 'ok', quote: '+1 (312) 555-0199' },
      { field: 'Title', checked: 'true', evidence: 'ok', quote: 'VP Revenue Operations, Northwind Traders' },
    ]);
    const northwind = ACME.accounts.northwind.id;
    expect(await panel.$eval('[data-testid=create-contact-account]', (node) => [node.getAttribute('data-account-id'), node.textContent])).toEqual([
      northwind,
      expect.stringContaining('Northwind Traders'),
    ]);
    // Read by code from the email: no model saw it.
    expect(sandbox.model.log.length).toBe(modelCalls);
    if (driver === GMAIL_DRIVER) expect(failing(await checkView(panel, 'panel-create-contact', [400]))).toEqual([]);

    // The rep leaves the phone out.
    await panel.locator('[data-testid=review-row][data-field=Phone] [data-testid=row-check]').click();
    await panel.waitForSelector('[data-testid=review-row][data-field=Phone][data-checked=false]');
    sandbox.org.clearLog();
    await panel.locator('[data-testid=review-confirm]').click();
    const result = await panel.waitForSelector('[data-testid=create-contact-result][data-contact-id]', { timeout: 15_000 });
    const contactId = await result?.evaluate((node) => node.getAttribute('data-contact-id'));

    const [written, ...others] = contactsWithAddress(MARCUS);
    expect(others).toEqual([]);
    expect(written).toMatchObject({ Id: contactId, FirstName: 'Marcus', LastName: 'Lee', Email: MARCUS, Title: 'VP Revenue Operations', AccountId: northwind });
    expect(written?.Phone ?? null).toBeNull();
    const writes = sandbox.org.log.filter((entry) => entry.method !== 'GET' && entry.path.includes('/services/data/') && entry.body.includes('Contact'));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.some((entry) => entry.body.includes('555-0199'))).toBe(false);

    // The card now finds the new contact, on its account.
    await panel.waitForSelector('[data-testid=gmail-card][data-state=found] [data-testid=sender-account]', { timeout: 15_000 });
    expect(await panel.$eval('[data-testid=sender-record-link]', (node) => node.getAttribute('href'))).toContain(`/Contact/${contactId}/view`);
    if (driver === GMAIL_DRIVER) expect(failing(await checkView(panel, 'panel-create-contact-done', [400]))).toEqual([]);

    await panel.locator('[data-testid=create-contact-undo]').click();
    await panel.waitForSelector('[data-testid=create-contact][data-state=undone]', { timeout: 15_000 });
    expect(contactsWithAddress(MARCUS)).toEqual([]);
    await panel.waitForSelector('[data-testid=gmail-card][data-state=none]', { timeout: 15_000 });
    await tab.close();
  });
});
