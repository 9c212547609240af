/**
 * The problems the rep and the admin read, in a German browser: an administrator's policy value Groundwork ignored, the
 * settings form's and the price table's validation, and a Salesforce sign-in that did not finish. Each is worded in the
 * background or in shared code, away from the components the JSX literal check reads.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { openOptions, serviceWorker, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';
import { checkView, failing } from './layout';
import { CONSUMER_KEY, enterConsumerKey, forgetSignIns, oauthCalls, registerConnectedApp, signInFromPanel } from './sign-in';

/** "acme" passes Chromium's policy schema (a list of strings) but is no org id: Groundwork ignores it and says so. */
const harness = harnessForFile({}, { uiLanguage: 'de', managedPolicy: { allowedOrgIds: ['acme'] } });

const text = (page: Page, selector: string): Promise<string> => page.$eval(selector, (node) => node.textContent?.trim() ?? '');

describe('problems in a German browser', () => {
  it('lists the ignored policy value, and refuses a wrong gateway address and a negative price, in German', async () => {
    const page = await openOptions(harness(), 'key');
    await page.waitForSelector('[data-testid=policy-problems]');
    expect(await text(page, '[data-testid=policy-problems]')).toContain('Die Richtlinie „allowedOrgIds“ wurde ignoriert: Keine Salesforce-Org-ID.');

    await page.locator('[data-testid=base-url-input]').fill('http://gateway.example');
    await page.locator('[data-testid=save-settings]').click();
    await page.waitForSelector('[data-testid=settings-status][data-tone=error]');
    expect(await text(page, '[data-testid=settings-status]')).toBe('Basis-URL des Gateways: Verwenden Sie eine https://-Adresse (http:// nur für localhost).');
    await page.locator('[data-testid=base-url-input]').fill('');

    await showOptionsSection(page, 'budgets');
    const input = '[data-testid=price-input][data-model="claude-sonnet-5-5"][data-kind=input]';
    await page.locator(input).fill('-3');
    await page.waitForSelector('[data-testid=price-error]');
    expect(await text(page, '[data-testid=price-error]')).toBe('Der Preis „Eingabe“ für claude-sonnet-5-5 darf nicht unter null liegen.');
    expect(failing(await checkView(page, 'de-options-problems', [1280, 400]))).toEqual([]);
    await page.close();
  });

  it('ends a denied Salesforce sign-in with its German message, and asks Salesforce for no token', async () => {
    const { browser, extensionId, extension, sandbox, salesforceTab, openRecordPanel } = harness();
    await enterConsumerKey(browser, extensionId, CONSUMER_KEY);
    await registerConnectedApp(sandbox, extensionId);
    sandbox.org.setApiAccessControl('acme', true);
    await forgetSignIns(await serviceWorker(extension));
    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await panel.waitForSelector('[data-testid=panel-state][data-state=sign-in-required]', { timeout: 15_000 });
    sandbox.org.clearLog();
    await signInFromPanel(panel, 'deny');
    const failed = await panel.waitForSelector('[data-testid=panel-state][data-state=sign-in-failed]', { timeout: 15_000 });
    expect(await failed?.evaluate((node) => node.textContent ?? '')).toContain(
      'Sie haben auf der Salesforce-Seite „Zugriff erlauben?“ „Verweigern“ gewählt, daher ist Groundwork nicht angemeldet.',
    );
    expect(oauthCalls(sandbox.org.log, 'token')).toEqual([]);
    expect(failing(await checkView(panel, 'de-panel-sign-in-denied', [400]))).toEqual([]);
    sandbox.org.setApiAccessControl('acme', false);
  });
});
