/**
 * `npm run demo -- --headless --smoke`: every feature once on the demo records, as a rep would drive the panel, each
 * failing when its result is empty, a placeholder, or fails the product's own checks (citations, grounding, the use
 * case's rules, evidence and validation of proposed values). Returns one line per feature.
 */
import type { Page } from 'puppeteer-core';
import { DEMO_MODEL } from '../tests/sandbox/anthropic';
import { ACCOUNTS } from '../tests/sandbox/gmail';
import type { Sandbox } from '../tests/sandbox/sandbox';
import { ACME } from '../tests/sandbox/salesforce/seed';
import { enableOrgIfAsked, openSidePanel, serviceWorker, showFeature, type ExtensionBrowser } from '../tests/e2e/chromium';

export interface StepResult {
  feature: string;
  ok: boolean;
  detail: string;
}

/** A call note that states a stage, an amount, a dated next step and a new contact with an email and a phone. */
export const DEMO_NOTE =
  'Call with Pepper Ortiz today. Stark wants to move ahead: moving to Qualification, and the budget is now $210k.\n' +
  'Next step: send the robotics sizing workbook by next Friday.\n' +
  'New contact: Dev Malhotra, Director of Warehouse Operations, dev.malhotra@stark.example, (312) 555-0148.';

/** A signature selected in Gmail for "Extract to Lead". */
export const DEMO_SIGNATURE = 'Tomás Ortega\nDirector of Operations, Initech\ntomas.ortega@initech.example | +1 (512) 555-0188';

export const DEMO_QUESTION = 'Which open opportunities close this quarter over 50k?';

type Check = () => Promise<string>;

export async function walkEveryFeature(sandbox: Sandbox, launched: ExtensionBrowser, tab: Page): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const step = async (feature: string, check: Check): Promise<void> => {
    try {
      results.push({ feature, ok: true, detail: await check() });
    } catch (error) {
      results.push({ feature, ok: false, detail: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) });
    }
  };
  const lightning = `https://${sandbox.org.primary.lightningHost}`;
  await tab.goto(`${lightning}/lightning/r/Opportunity/${ACME.opportunities.globexExpansion.id}/view`);
  const panel = await openSidePanel(tab, launched.extension);
  await enableOrgIfAsked(panel);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.opportunities.globexExpansion.id}"]`, { timeout: 15_000 });

  const texts: Record<string, string> = {};
  for (const feature of ['summary', 'brief', 'insights'] as const) {
    await step(feature, async () => {
      texts[feature] = await generate(panel, feature);
      return `${texts[feature].length} characters, ${await count(panel, feature, 'citation')} citations`;
    });
  }
  await step('summary, brief and insights differ', async () => {
    const distinct = new Set(Object.values(texts));
    if (distinct.size !== 3) throw new Error('two of them are the same text');
    return 'three different texts';
  });
  await step('email draft', async () => {
    await generate(panel, 'email');
    const subject = await panel.$eval('[data-testid=email-subject]', (node) => (node as HTMLInputElement).value);
    const body = await panel.$eval('[data-testid=email-body]', (node) => (node as HTMLTextAreaElement).value);
    if (!subject.trim()) throw new Error('the draft has no subject');
    return `subject "${subject}", ${body.length} characters`;
  });
  await step('insert into Gmail', async () => {
    const gmail = await launched.browser.newPage();
    await gmail.goto(sandbox.gmail.urls.inbox);
    await gmail.locator('[gh="cm"]').click();
    await gmail.waitForFunction(() => document.querySelector('div[g_editable="true"] .gmail_signature') !== null);
    await tab.bringToFront();
    await panel.locator('[data-testid=insert-into-gmail]').click();
    const result = await panel.waitForSelector('[data-testid=gmail-insert-result]', { timeout: 10_000 });
    const kind = await result?.evaluate((node) => node.getAttribute('data-kind'));
    const saved = await gmail.$eval('div[g_editable="true"]', (node) => node.textContent ?? '');
    await gmail.close();
    if (kind !== 'inserted' || !saved.includes('Hi ')) throw new Error(`the draft was not inserted (${kind ?? 'no result'})`);
    return 'inserted at the cursor of the open compose';
  });

  await tab.goto(`${lightning}/lightning/r/Opportunity/${ACME.opportunities.starkRobotics.id}/view`);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${ACME.opportunities.starkRobotics.id}"]`, { timeout: 15_000 });
  await step('log a note', () => logNote(panel));
  await step('ask', () => ask(panel));
  await step('extract to lead', () => extractToLead(sandbox, launched));
  await step('mail card and create contact', () => mailCard(sandbox, launched));
  return results;
}

async function count(panel: Page, feature: string, testId: string): Promise<number> {
  return panel.$$eval(`[data-testid=generation][data-feature=${feature}] [data-testid=${testId}]`, (nodes) => nodes.length);
}

/** Writes one feature's output and checks it as the panel does: done, cited, nothing unverified, no failed rule. */
async function generate(panel: Page, feature: string): Promise<string> {
  await showFeature(panel, feature);
  await panel.locator('[data-testid=generate]').click();
  const output = await panel.waitForSelector(`[data-testid=generation][data-feature=${feature}]:is([data-status=done],[data-status=failed])`, { timeout: 20_000 });
  const status = await output?.evaluate((node) => node.getAttribute('data-status'));
  const shown = feature === 'email' ? '[data-testid=email-body]' : `[data-testid=generation][data-feature=${feature}] [data-testid=generation-text]`;
  const text = (await panel.$eval(shown, (node) => (node instanceof HTMLTextAreaElement ? node.value : (node.textContent ?? ''))).catch(() => '')).trim();
  const label = (await output?.evaluate((node) => node.textContent ?? '')) ?? '';
  if (status !== 'done') throw new Error(`it ended ${status ?? 'nowhere'}`);
  if (!text) throw new Error('the output is empty');
  if (!label.includes(DEMO_MODEL.displayName)) throw new Error(`the output is not labelled "${DEMO_MODEL.displayName}"`);
  if ((await count(panel, feature, 'citation')) === 0 && feature !== 'email') throw new Error('nothing is cited');
  if ((await count(panel, feature, 'unverified-claim')) > 0) throw new Error('the grounding check flagged a claim');
  const failed = await panel.$(`[data-testid=generation][data-feature=${feature}] [data-testid=generation-validation]`);
  if (failed) throw new Error(`a check failed: ${await failed.evaluate((node) => node.textContent ?? '')}`);
  return text;
}

async function typeNote(panel: Page, text: string): Promise<void> {
  await showFeature(panel, 'note');
  await panel.focus('[data-testid=note-input]');
  await panel.$eval('[data-testid=note-input]', (node) => (node as HTMLTextAreaElement).select());
  await panel.keyboard.type(text);
}

interface Row {
  field: string | null;
  checked: string | null;
  evidence: string | null;
}

async function reviewRows(panel: Page): Promise<Row[]> {
  return panel.$$eval('[data-testid=review-row]', (rows) =>
    rows.map((row) => ({ field: row.getAttribute('data-field'), checked: row.getAttribute('data-checked'), evidence: row.getAttribute('data-evidence') })),
  );
}

async function logNote(panel: Page): Promise<string> {
  await typeNote(panel, DEMO_NOTE);
  await panel.locator('[data-testid=propose-updates]').click();
  await panel.waitForSelector('[data-testid=notes-review]', { timeout: 20_000 });
  const rows = await reviewRows(panel);
  const ticked = rows.filter((row) => row.checked === 'true' && row.evidence === 'ok').map((row) => row.field);
  for (const field of ['StageName', 'Amount', 'NextStep', 'Email', 'Phone']) {
    if (!ticked.includes(field)) throw new Error(`no ticked, evidenced ${field} (rows: ${JSON.stringify(rows)})`);
  }
  const flagged = rows.filter((row) => ['missing', 'not-found', 'unsupported', 'instruction'].includes(row.evidence ?? ''));
  if (flagged.length > 0) throw new Error(`unsupported values: ${JSON.stringify(flagged)}`);
  await panel.locator('[data-testid=review-confirm]').click();
  await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 20_000 });
  return `${ticked.length} ticked, evidenced values written`;
}

async function ask(panel: Page): Promise<string> {
  await showFeature(panel, 'ask');
  await panel.locator('[data-testid=ask-input]').fill(DEMO_QUESTION);
  await panel.keyboard.press('Enter');
  await panel.waitForSelector('[data-testid=ask-outcome]:is([data-phase=done],[data-phase=refused],[data-phase=failed])', { timeout: 20_000 });
  const phase = await panel.$eval('[data-testid=ask-outcome]', (node) => node.getAttribute('data-phase'));
  if (phase !== 'done') throw new Error(`the question was ${phase ?? 'not answered'}`);
  const soql = await panel.$eval('[data-testid=ask-soql]', (node) => node.textContent ?? '');
  const rows = await panel.$$eval('[data-testid=ask-row]', (nodes) => nodes.length);
  if (rows === 0) throw new Error(`no rows for ${soql}`);
  return `${rows} rows from ${soql}`;
}

async function extractToLead(sandbox: Sandbox, launched: ExtensionBrowser): Promise<string> {
  const gmail = await launched.browser.newPage();
  await gmail.goto(sandbox.gmail.urls.message);
  const worker = await serviceWorker(launched.extension);
  await worker.evaluate(
    async (selection, pageUrl) => {
      type Api = { tabs: { query(filter: object): Promise<{ id?: number }[]> }; contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const [found] = await api.tabs.query({ url: 'https://mail.google.com/*' });
      if (!found?.id) throw new Error('no Gmail tab');
      api.contextMenus.onClicked.dispatch({ menuItemId: 'groundwork-extract-lead', selectionText: selection, frameId: 0, editable: false, pageUrl }, found);
    },
    DEMO_SIGNATURE,
    sandbox.gmail.urls.message,
  );
  const panel = await openSidePanel(gmail, launched.extension);
  await panel.waitForSelector('[data-testid=lead-review]:is([data-phase=review],[data-phase=failed])', { timeout: 20_000 });
  const rows = await reviewRows(panel);
  const ticked = rows.filter((row) => row.checked === 'true' && row.evidence === 'ok').map((row) => row.field);
  for (const field of ['FirstName', 'LastName', 'Company', 'Email', 'Phone', 'Title']) {
    if (!ticked.includes(field)) throw new Error(`no ticked, evidenced ${field} (rows: ${JSON.stringify(rows)})`);
  }
  await panel.locator('[data-testid=review-confirm]').click();
  await panel.waitForSelector('[data-testid=lead-created]', { timeout: 20_000 });
  await gmail.close();
  return `a lead with ${ticked.length} evidenced values created`;
}

/** The Gmail card of a known sender (account, open opportunities and cases), then "Create contact" for an unknown one. */
async function mailCard(sandbox: Sandbox, launched: ExtensionBrowser): Promise<string> {
  const gmail = await launched.browser.newPage();
  await gmail.goto(sandbox.gmail.urls.message);
  const panel = await openSidePanel(gmail, launched.extension);
  await panel.waitForSelector('[data-testid=gmail-card][data-state=found] [data-testid=sender-account]', { timeout: 20_000 });
  const account = await panel.$eval('[data-testid=sender-account-link]', (node) => node.textContent ?? '');
  const deals = await panel.$$eval('[data-testid=sender-opportunity]', (nodes) => nodes.length);
  const cases = await panel.$$eval('[data-testid=sender-case]', (nodes) => nodes.length);
  if (deals === 0) throw new Error(`the card shows no open opportunity of ${account}`);
  const unknownSender = ACCOUNTS[0]?.threads[1];
  if (!unknownSender) throw new Error('the Gmail fake has no second thread');
  await gmail.goto(`${sandbox.gmail.urls.inbox}/${unknownSender.threadId}`);
  await panel.locator('[data-testid=create-contact-start]').click();
  await panel.waitForSelector('[data-testid=create-contact][data-state=review] [data-testid=review-row]', { timeout: 20_000 });
  const ticked = (await reviewRows(panel)).filter((row) => row.checked === 'true' && row.evidence === 'ok').map((row) => row.field);
  for (const field of ['LastName', 'Email', 'Title']) {
    if (!ticked.includes(field)) throw new Error(`no ticked, evidenced ${field} for the new contact`);
  }
  await panel.locator('[data-testid=review-confirm]').click();
  await panel.waitForSelector('[data-testid=create-contact-result][data-contact-id]', { timeout: 20_000 });
  await gmail.close();
  const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  return `${account} with ${counted(deals, 'open opportunity', 'open opportunities')} and ${counted(cases, 'open case', 'open cases')}; a contact with ${counted(ticked.length, 'evidenced value', 'evidenced values')} created`;
}
