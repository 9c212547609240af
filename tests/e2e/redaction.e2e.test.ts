/**
 * Zero leaks to the model host, end to end: sensitive values written in every format of the redaction corpus, and
 * values the rep's own pattern names, go through the production build's real paths (a record's summary, Log this
 * note, Extract to Lead, Ask) to the sandbox's Messages API; its request log must hold none of them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ACME } from '../sandbox/salesforce/seed';
import { compact, POSITIVES } from '../unit/context/redaction-corpus';
import { openOptions, serviceWorker, showFeature, showOptionsSection } from './chromium';
import { harnessForFile } from './harness';
import { orgRequest } from './org-api';

const harness = harnessForFile();
const API_KEY = 'sk-ant-e2e-redaction-0001';
const OWN_PATTERN = 'PROJ-\\d{4}';
const OWN_VALUE = 'PROJ-4411';


/** Every string in a request body (system blocks, messages), not its JSON text: escapes cannot hide a value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

const modelRequests = (): string[] =>
  harness()
    .sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages')
    .map((entry) => stringsOf(JSON.parse(entry.body)).join('\n'));

/** The corpus values (and the rep's own value) found in what the model host received. */
function leaked(values: readonly string[]): string[] {
  const sent = modelRequests().map(compact).join('\n');
  return values.filter((value) => sent.includes(compact(value)));
}

const placeholdersSent = (): Set<string> => new Set(modelRequests().flatMap((text) => text.match(/\[(?:SSN|CARD|IBAN|PRIVATE)-\d+\]/g) ?? []));

let configured = false;
/** A key, and the rep's own redaction pattern, saved through the options page as a rep would. */
async function configure(): Promise<void> {
  if (configured) return;
  const page = await openOptions(harness(), 'key');
  await page.locator('[data-testid=api-key-input]').fill(API_KEY);
  await showOptionsSection(page, 'privacy');
  await page.locator('[data-testid=redaction-patterns]').fill(OWN_PATTERN);
  await page.locator('[data-testid=save-settings]').click();
  await page.waitForSelector('[data-testid=settings-status][data-tone=info]');
  await page.close();
  configured = true;
}

async function openRecord(object: string, id: string): Promise<{ tab: Page; panel: Page }> {
  const { salesforceTab, openRecordPanel } = harness();
  const tab = await salesforceTab(`/lightning/r/${object}/${id}/view`);
  const panel = await openRecordPanel(tab);
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  return { tab, panel };
}

/** Puts text into a field as a paste does (one input event), so a long note needs no key-by-key typing. */
async function paste(panel: Page, selector: string, text: string): Promise<void> {
  await panel.focus(selector);
  await panel.$eval(selector, (node, value) => {
    (node as HTMLTextAreaElement).select();
    document.execCommand('insertText', false, value);
  }, text);
}

async function modelRequestArrives(count: number): Promise<void> {
  for (let waited = 0; modelRequests().length < count; waited += 100) {
    if (waited > 15_000) throw new Error(`The model host received ${modelRequests().length} requests, not ${count}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const distinctValues = new Set(POSITIVES.map(({ kind, value }) => `${kind}:${value}`)).size;

describe('redaction end to end: nothing sensitive reaches the model host', () => {
  it('Log this note sends a note holding every format of the corpus with each value replaced, and none in the clear', async () => {
    await configure();
    const { sandbox } = harness();
    const { panel } = await openRecord('Opportunity', ACME.opportunities.globexExpansion.id);
    const note = [...POSITIVES.map((sample) => sample.text), `Internal code ${OWN_VALUE} for the rollout.`].join('\n');
    sandbox.model.clearLog();
    await showFeature(panel, 'note');
    await paste(panel, '[data-testid=note-input]', note);
    expect(await panel.$eval('[data-testid=note-input]', (node) => (node as HTMLTextAreaElement).value)).toBe(note);
    await panel.locator('[data-testid=propose-updates]').click();
    await modelRequestArrives(1);

    expect(modelRequests()[0]).toContain('Internal code [PRIVATE-1] for the rollout.');
    expect(leaked([...POSITIVES.map((sample) => sample.value), OWN_VALUE])).toEqual([]);
    // Every value went out as a placeholder: the note was sent whole, not cut short.
    expect(placeholdersSent().size).toBe(distinctValues + 1);
  });

  it("a record's summary sends the formats the issue found leaking, redacted, and What will be sent shows the same", async () => {
    await configure();
    const { sandbox } = harness();
    const values = ['536.22.1847', '4111\u20091111\u20091111\u20091111', 'DE89-3704-0044-0532-0130-00', `SSN is ${'\uff11\uff12\uff13'} 456 789`];
    const description = `Ids read out: ${values.join('; ')}; ref ${OWN_VALUE}.`;
    const patched = await orgRequest(sandbox, { method: 'PATCH', path: `/services/data/v62.0/sobjects/Case/${ACME.pii.caseId}`, body: { Description: description } });
    expect(patched.status).toBe(204);
    const { panel } = await openRecord('Case', ACME.pii.caseId);
    sandbox.model.clearLog();
    await panel.locator('[data-testid=show-context]').click();
    const preview = (await (await panel.waitForSelector('[data-testid=context-preview-text]'))?.evaluate((node) => node.textContent ?? '')) ?? '';
    await panel.locator('[data-testid=close-context-preview]').click();
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });

    expect(leaked([...values, OWN_VALUE, ACME.pii.cardNumber, ACME.pii.ssn])).toEqual([]);
    const sent = modelRequests().join('\n');
    for (const placeholder of ['[SSN-', '[CARD-', '[IBAN-', '[PRIVATE-']) expect(sent).toContain(placeholder);
    expect(compact(preview)).not.toContain(compact(values[2] ?? ''));
    expect(preview).toContain('[IBAN-');
  });

  it('Extract to Lead and Ask send the selection and the question redacted', async () => {
    await configure();
    const { sandbox, salesforceTab, openRecordPanel } = harness();
    const tab = await salesforceTab(`/lightning/r/Account/${ACME.accounts.globex.id}/view`);
    const panel = await openRecordPanel(tab);
    await showFeature(panel, 'ask');
    sandbox.model.clearLog();
    const question = `Which deals mention ${OWN_VALUE} or card 4111.1111.1111.1111 or SSN 123_45_6789?`;
    await panel.locator('[data-testid=ask-input]').fill(question);
    await panel.keyboard.press('Enter');
    await modelRequestArrives(1);

    const selection = `Rosa Diaz, Globex\nrosa.diaz@globex.example\nSSN: 536 22 1847 · card ${'\uff15\uff15\uff15\uff15'} 5555 5555 4444\nIBAN GB82.WEST.1234.5698.7654.32, project ${OWN_VALUE}`;
    const worker = await serviceWorker(harness().extension);
    await worker.evaluate(
      async (text, pageUrl) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(filter: object): Promise<{ id?: number }[]> }; contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } }).chrome;
        const [active] = await api.tabs.query({ url: pageUrl });
        if (!active) throw new Error('no Salesforce tab');
        api.contextMenus.onClicked.dispatch({ menuItemId: 'groundwork-extract-lead', selectionText: text, frameId: 0, editable: false, pageUrl }, active);
      },
      selection,
      tab.url(),
    );
    await modelRequestArrives(2);

    expect(leaked(['4111.1111.1111.1111', '123_45_6789', '536 22 1847', `${'\uff15\uff15\uff15\uff15'} 5555 5555 4444`, 'GB82.WEST.1234.5698.7654.32', OWN_VALUE])).toEqual([]);
    const sent = modelRequests().join('\n');
    expect(sent).toContain('rosa.diaz@globex.example');
    expect(sent).toContain('[PRIVATE-1]');
  });
});
