/**
 * Call transcripts in "Log this note", end to end: the production build in real Chromium, the sandbox org, and the
 * offline demo model chosen in the options page (no reply scripted), so what the review quotes comes from the model
 * reading the transcript the product sent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACME } from '../sandbox/salesforce/seed';
import { chooseDemoModel, showFeature } from './chromium';
import { harnessForFile } from './harness';
import { reviewRows } from './review-rows';
import { checkView, failing } from './layout';
import { orgRequest } from './org-api';

const harness = harnessForFile();
const OPPORTUNITY = ACME.opportunities.globexExpansion.id;
const files = mkdtempSync(join(tmpdir(), 'gw-transcripts-'));

beforeAll(async () => {
  await chooseDemoModel(harness(), 'sk-ant-e2e-transcript-0001');
});

/** Two speakers; the amount is said by the second one, four minutes in; the rep's own follow-up later. */
const CALL_VTT = `WEBVTT

00:00:03.000 --> 00:00:07.000
<v Sam Ortiz>Thanks for joining today, Rosa. Where did the budget land?</v>

00:04:12.000 --> 00:04:18.000
<v Rosa Diaz>Finance approved the budget at $515,000 for the expansion.</v>

00:06:40.000 --> 00:06:45.000
<v Sam Ortiz>Great. I will send the revised order form by next Friday.</v>
`;

const messageRequests = () => harness().sandbox.model.log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/messages');

async function openOpportunity(id: string): Promise<Page> {
  const { salesforceTab, openRecordPanel } = harness();
  const panel = await openRecordPanel(await salesforceTab(`/lightning/r/Opportunity/${id}/view`));
  await panel.waitForSelector(`[data-testid=record-card][data-record-id="${id}"]`);
  await showFeature(panel, 'note');
  return panel;
}

/** Drops a file on the note's editor as a drag from the desktop does: a DataTransfer with the file, dragover, drop. */
async function dropFile(panel: Page, name: string, content: string): Promise<void> {
  await panel.$eval(
    '[data-testid=note-editor]',
    (editor, fileName, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'text/vtt' }));
      editor.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      editor.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    name,
    content,
  );
}

async function pickFile(panel: Page, name: string, content: Uint8Array): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, content);
  const input = (await panel.waitForSelector('[data-testid=transcript-file]')) as ElementHandle<HTMLInputElement> | null;
  await input?.uploadFile(path);
}

async function query(soql: string): Promise<Record<string, unknown>[]> {
  const { body } = await orgRequest(harness().sandbox, { method: 'GET', path: `/services/data/v62.0/query?q=${encodeURIComponent(soql)}` });
  return (body as { records: Record<string, unknown>[] }).records;
}

describe('call transcripts in Log this note', () => {
  it('a dropped two-speaker VTT yields values quoting the right speaker and time, kept across a panel reload, and confirming logs a Call task and the amount', async () => {
    const panel = await openOpportunity(OPPORTUNITY);
    harness().sandbox.model.clearLog();
    await dropFile(panel, 'globex-call.vtt', CALL_VTT);
    await panel.waitForSelector('[data-testid=transcript-attached]');
    expect(await panel.$eval('[data-testid=transcript-speakers]', (node) => node.textContent)).toBe('Speakers: Sam Ortiz, Rosa Diaz');

    // Nothing lost on close: the transcript is the background's, and comes back with the panel.
    await panel.reload();
    await panel.waitForSelector(`[data-testid=record-card][data-record-id="${OPPORTUNITY}"]`);
    await showFeature(panel, 'note');
    await panel.waitForSelector('[data-testid=transcript-attached][data-lines="3"]');
    expect(messageRequests()).toHaveLength(0);
    expect(failing(await checkView(panel, 'panel-note-transcript', [400]))).toEqual([]);

    await panel.locator('[data-testid=propose-updates]').click();
    await panel.waitForSelector('[data-testid=notes-review]', { timeout: 20_000 });
    const rows = await reviewRows(panel);
    expect(rows.find((row) => row.card === 'update' && row.field === 'Amount')).toEqual({
      card: 'update',
      field: 'Amount',
      checked: 'true',
      evidence: 'ok',
      error: '',
      speaker: 'Rosa Diaz at 4:12: ',
      quote: '$515,000',
    });
    const followUp = rows.find((row) => row.card === 'follow_up_0' && row.field === 'Subject');
    expect(followUp).toMatchObject({ evidence: 'ok', speaker: 'Sam Ortiz at 6:40: ' });
    expect(rows.find((row) => row.card === 'activity' && row.field === 'Subject')).toMatchObject({ speaker: 'Sam Ortiz at 0:03: ' });
    expect(failing(await checkView(panel, 'panel-note-transcript-review', [400]))).toEqual([]);

    // One model call, with the transcript's turns and speakers as data in the call prompt.
    const requests = messageRequests();
    expect(requests).toHaveLength(1);
    const body = JSON.parse(requests[0]?.body ?? '{}') as { messages: { content: { text: string }[] }[] };
    const userTurn = body.messages[0]?.content.map((block) => block.text).join('\n') ?? '';
    expect(userTurn).toContain('[4:12] Rosa Diaz: Finance approved the budget at $515,000 for the expansion.');
    expect(userTurn).toMatch(/<speakers>\nSam Ortiz, Rosa Diaz\n<\/speakers>/);

    await panel.locator('[data-testid=review-confirm]').click();
    await panel.waitForSelector('[data-testid=commit-result][data-state=committed]', { timeout: 15_000 });
    const [deal] = await query(`SELECT Amount FROM Opportunity WHERE Id = '${OPPORTUNITY}'`);
    expect(deal?.Amount).toBe(515000);
    const calls = await query(`SELECT Subject, Description, TaskSubtype, Status FROM Task WHERE WhatId = '${OPPORTUNITY}' AND Subject = 'Call with Sam Ortiz and Rosa Diaz'`);
    expect(calls).toEqual([expect.objectContaining({ TaskSubtype: 'Call', Status: 'Completed' })]);
    expect(String(calls[0]?.Description)).toContain('Rosa Diaz: “Finance approved the budget at $515,000 for the expansion.”');
  });

  it('refuses a binary file, a 10 MB file and a file in another encoding with their reasons, and sends nothing to the model', async () => {
    const panel = await openOpportunity(ACME.opportunities.initechMigration.id);
    harness().sandbox.model.clearLog();

    await pickFile(panel, 'call-recording.m4a', new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20]));
    await panel.waitForSelector('[data-testid=transcript-problem]');
    expect(await panel.$eval('[data-testid=transcript-problem]', (node) => node.textContent)).toMatch(/“call-recording.m4a” is not a text file/);

    await pickFile(panel, 'all-hands.vtt', new Uint8Array(10_000_000).fill(0x61));
    await panel.waitForFunction(() => document.querySelector('[data-testid=transcript-problem]')?.textContent?.includes('“all-hands.vtt” is 10.0 MB'));

    // "Dana: Grüße" in Latin-1.
    await pickFile(panel, 'latin1.txt', new Uint8Array([0x44, 0x61, 0x6e, 0x61, 0x3a, 0x20, 0x47, 0x72, 0xfc, 0xdf, 0x65]));
    await panel.waitForFunction(() => document.querySelector('[data-testid=transcript-problem]')?.textContent?.includes('is not UTF-8 text'));
    expect(failing(await checkView(panel, 'panel-note-transcript-refused', [400]))).toEqual([]);

    // Nothing was added, so there is nothing to propose, and no request reached the model.
    expect(await panel.$('[data-testid=transcript-attached]')).toBeNull();
    expect(await panel.$eval('[data-testid=propose-updates]', (button) => (button as HTMLButtonElement).disabled)).toBe(true);
    expect(messageRequests()).toHaveLength(0);
  });
});
