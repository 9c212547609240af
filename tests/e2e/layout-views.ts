import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO_NOTE, DEMO_QUESTION, DEMO_SIGNATURE } from '../../scripts/demo-walk';
import { ACME } from '../sandbox/salesforce/seed';
import { chooseDemoModel, openOptions, openSidePanel, serviceWorker, showFeature, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';
import { englishLeft } from './english-left';
import { checkView, failing, type ViewCheck } from './layout';

const PANEL_WIDTHS = [400, 1280] as const;
/** The record's tabs at the narrowest side panel Chrome allows, where "More" takes what does not fit. */
const RECORD_WIDTHS = [400, 1280, 320] as const;
const OPTIONS_WIDTHS = [1280, 400] as const;

/**
 * Every view of the panel and the options page in the browser's UI language (English, and German, whose words run about
 * a third longer): screenshots named by view (German ones prefixed `de-`), checked by geometry and axe.
 */
export function describeEveryView(uiLanguage: 'en' | 'de'): void {
  const harness = harnessForFile({}, { uiLanguage });
  const named = (view: string): string => (uiLanguage === 'en' ? view : `${uiLanguage}-${view}`);
  const checks: ViewCheck[] = [];
  /** In a German browser, the panel's own words left in English, by view (english-left.ts). */
  const english: string[] = [];
  const look = async (page: Page, view: string, widths: readonly number[] = PANEL_WIDTHS): Promise<void> => {
    checks.push(...(await checkView(page, named(view), widths)));
    if (uiLanguage !== 'en') english.push(...(await englishLeft(page)).map((text) => `${view}: ${text}`));
  };

  async function recordPanel(tab: Page, object: string, id: string): Promise<Page> {
    await tab.goto(harness().recordUrl(object, id));
    const panel = await openSidePanel(tab, harness().extension);
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"], [data-testid=panel-state][data-state=org-not-enabled]`);
    return panel;
  }

  async function generated(panel: Page, feature: string): Promise<void> {
    await showFeature(panel, feature);
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector(`[data-testid=generation][data-feature=${feature}][data-status=done]`, { timeout: 20_000 });
  }

  describe(`every view at the side panel’s widths and the options page’s, light and dark, by geometry and axe (${uiLanguage})`, () => {
    it('lays out every panel view without horizontal overflow or wrapped tab labels, with no serious accessibility finding', async () => {
      const { salesforceTab, sandbox, browser } = harness();
      const tab = await salesforceTab('/lightning/page/home');
      const opportunity = ACME.opportunities.globexExpansion.id;

      let panel = await recordPanel(tab, 'Opportunity', opportunity);
      await look(panel, 'panel-org-not-enabled');
      await panel.locator('[data-testid=enable-org]').click();
      await panel.waitForSelector('[data-testid=feature-blocked]');
      await look(panel, 'panel-no-key', RECORD_WIDTHS);

      await chooseDemoModel(harness(), 'sk-ant-demo-offline-sandbox-key');
      await tab.bringToFront();
      await panel.waitForSelector('[data-testid=generate]:not([disabled])');
      for (const feature of ['summary', 'brief', 'insights', 'email']) {
        await generated(panel, feature);
        await look(panel, `panel-${feature}`, RECORD_WIDTHS);
      }
      // Mid-stream: Stop in the output's head, above the growing text (a reply long enough to outlast the looks).
      sandbox.model.script({ text: 'Globex is widening the rollout to every region this quarter. '.repeat(200), chunkDelayMs: 40 });
      await showFeature(panel, 'summary');
      await panel.locator('[data-testid=regenerate]').click();
      await panel.waitForFunction(() => (document.querySelector('[data-testid=generation][data-status=streaming] [data-testid=generation-text]')?.textContent ?? '').length > 300);
      await look(panel, 'panel-summary-streaming');
      await panel.locator('[data-testid=stop-generation]').click();
      await panel.waitForSelector('[data-testid=generation][data-feature=summary][data-status=stopped]');

      panel = await recordPanel(tab, 'Opportunity', ACME.opportunities.starkRobotics.id);
      await showFeature(panel, 'note');
      await panel.focus('[data-testid=note-input]');
      await panel.keyboard.type(DEMO_NOTE);
      await look(panel, 'panel-note');
      await panel.locator('[data-testid=propose-updates]').click();
      await panel.waitForSelector('[data-testid=notes-review]', { timeout: 20_000 });
      await look(panel, 'panel-note-review', RECORD_WIDTHS);
      await panel.locator('[data-testid=review-confirm]').click();
      await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 20_000 });
      await look(panel, 'panel-note-written');

      await showFeature(panel, 'ask');
      await panel.locator('[data-testid=ask-input]').fill(DEMO_QUESTION);
      await panel.keyboard.press('Enter');
      await panel.waitForSelector('[data-testid=ask-outcome][data-phase=done]', { timeout: 20_000 });
      await look(panel, 'panel-ask', RECORD_WIDTHS);

      await tab.goto(`https://${sandbox.org.primary.lightningHost}/lightning/page/home`);
      await panel.waitForSelector('[data-testid=panel-state][data-state=no-record]');
      await look(panel, 'panel-no-record');

      const gmail = await browser.newPage();
      await gmail.goto(sandbox.gmail.urls.message);
      const mailPanel = await openSidePanel(gmail, harness().extension);
      await mailPanel.waitForSelector('[data-testid=gmail-card]:not([data-state=looking])', { timeout: 15_000 });
      await look(mailPanel, 'panel-gmail');

      const worker = await serviceWorker(harness().extension);
      await worker.evaluate(
        async (selection, pageUrl) => {
          type Api = { tabs: { query(filter: object): Promise<{ id?: number }[]> }; contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } };
          const api = (globalThis as unknown as { chrome: Api }).chrome;
          const [found] = await api.tabs.query({ url: 'https://mail.google.com/*' });
          if (found?.id) api.contextMenus.onClicked.dispatch({ menuItemId: 'groundwork-extract-lead', selectionText: selection, frameId: 0, editable: false, pageUrl }, found);
        },
        DEMO_SIGNATURE,
        sandbox.gmail.urls.message,
      );
      await mailPanel.waitForSelector('[data-testid=lead-review][data-phase=review]', { timeout: 20_000 });
      await look(mailPanel, 'panel-lead-review');
      await mailPanel.locator('[data-testid=review-cancel]').click();
      await mailPanel.waitForSelector('[data-testid=lead-review]', { hidden: true });

      await tab.bringToFront();
      sandbox.org.expireSessions();
      await tab.evaluate((path) => history.pushState({}, '', path), `/lightning/r/Account/${ACME.accounts.soylent.id}/view`);
      await panel.waitForSelector('[data-testid=panel-state][data-state=session-expired]');
      await look(panel, 'panel-session-expired');

      const blank = await browser.newPage();
      const elsewhere = await openSidePanel(blank, harness().extension);
      await elsewhere.waitForSelector('[data-testid=panel-state][data-state=not-salesforce]');
      await look(elsewhere, 'panel-not-salesforce');

      expect(failing(checks)).toEqual([]);
      expect(english).toEqual([]);
    }, 300_000);

    it('lays out every options section at 1,280 and 400 px (the audit table at 1,100 too) with no column lost and no serious accessibility finding', async () => {
      const page = await openOptions(harness(), 'key');
      const sectionChecks: ViewCheck[] = [];
      const englishInOptions: string[] = [];
      for (const section of ['key', 'features', 'language', 'privacy', 'budgets', 'orgs', 'audit', 'usage']) {
        await showOptionsSection(page, section);
        if (section === 'audit') {
          await page.waitForSelector('[data-testid=audit-table]');
          await page.locator('[data-testid=audit-details-toggle]').click();
        }
        if (section === 'usage') await page.waitForSelector('[data-testid=usage-features]');
        sectionChecks.push(...(await checkView(page, named(`options-${section}`), section === 'audit' ? [...OPTIONS_WIDTHS, 1100] : OPTIONS_WIDTHS)));
        if (uiLanguage !== 'en') englishInOptions.push(...(await englishLeft(page)).map((text) => `options-${section}: ${text}`));
      }
      expect(failing(sectionChecks)).toEqual([]);
      expect(englishInOptions).toEqual([]);
      await page.close();
    }, 120_000);
  });
}
