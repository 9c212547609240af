/** The sandbox's Outlook on the web: its hosts, pages, deep link, pop-outs and draft saves, as served. */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutlook, OUTLOOK_ACCOUNT, type OutlookDraft } from '../../sandbox/outlook';

const outlook = createOutlook({ fillDelayMs: 5 });
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => void outlook.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => outlook.reset());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request as the browser sends it to one of Outlook's hosts (the sandbox answers by the Host header). */
function request(host: string, path: string, init: { method?: string; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function page(host: string, path: string): Promise<Document> {
  const res = await request(host, path);
  expect(res.status).toBe(200);
  return parseHTML(res.text).document as unknown as Document;
}

const DRAFT: OutlookDraft = {
  draftId: 'AAMkAGDraft1',
  kind: 'inline',
  host: 'outlook.office.com',
  to: ['dana.whitfield@umbrellahealth.example'],
  subject: 'Umbrella Health renewal: revised quote for 2027',
  bodyHtml: '<div class="elementToProof">Hi Dana,</div><div id="Signature"><div>Sam Rivera</div></div><div id="appendonsend"></div>',
  bodyText: 'Hi Dana,\nSam Rivera',
  trusted: true,
  savedAt: 1,
};

describe('Outlook on the web in the sandbox', () => {
  it('serves the mail app on its three hosts, with Trusted Types enforced, and nothing on look-alike hosts', async () => {
    for (const [host, path] of [['outlook.office.com', '/mail/inbox'], ['outlook.office365.com', '/mail/'], ['outlook.live.com', '/mail/0/inbox']] as const) {
      const res = await request(host, path);
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toBe("require-trusted-types-for 'script'");
      expect(res.text).toContain(`<title>Mail - ${OUTLOOK_ACCOUNT.email} - Outlook</title>`);
    }
    expect((await request('outlook.office.com.evil.example', '/mail/')).status).toBe(404);
    expect((await request('outlook.office.com', '/')).headers.location).toBe('/mail/');
    expect((await request('outlook.live.com', '/owa/')).headers.location).toBe('/mail/0/');
  });

  it('renders each conversation in the reading pane with its sender, date, body and Reply button, and the compose templates', async () => {
    const doc = await page('outlook.office.com', outlook.urls().message.replace('https://outlook.office.com', ''));
    const dana = doc.querySelector('[data-app-section="ConversationContainer"] [role="listitem"]');
    expect(dana?.querySelector('span.OZZZK')?.getAttribute('title')).toBe('dana.whitfield@umbrellahealth.example');
    expect(dana?.querySelector('[data-testid="SentReceivedSavedTime"]')?.textContent).toBe('Tue 11/17/2026 9:12 AM');
    expect(dana?.querySelector('[role="document"]')?.textContent).toContain('Before we sign the renewal');
    expect(dana?.querySelector('button[name="Reply"]')).not.toBeNull();
    expect(doc.querySelectorAll('[role="option"][data-convid]')).toHaveLength(OUTLOOK_ACCOUNT.conversations.length);
    const compose = (doc.getElementById('owa-compose') as HTMLTemplateElement | null)?.innerHTML ?? '';
    expect(compose).toContain('id="docking_InitVisiblePart_0"');
    expect(compose).toMatch(/id="editorParent_1"[^>]*><div[^>]*role="textbox" contenteditable="true"[^>]*aria-multiline="true"/);
    expect((doc.getElementById('owa-signature') as HTMLTemplateElement | null)?.innerHTML).toBe(
      '<div id="Signature" class="elementToProof"><div>Sam Rivera</div><div>Account Executive, Acme</div><div>+1 (415) 555-0100</div></div>',
    );
  });

  it('answers the deep link with a prefilled pop-out compose, on every host, with and without the account index', async () => {
    for (const [host, path] of [['outlook.office.com', '/mail/deeplink/compose'], ['outlook.live.com', '/mail/deeplink/compose'], ['outlook.live.com', '/mail/0/deeplink/compose']] as const) {
      const doc = await page(host, `${path}?to=dana%40x.example%3Bpriya%40x.example&subject=Quote%20%26%20terms&body=Hi%0ASee%20below`);
      const script = doc.querySelector('script')?.textContent ?? '';
      expect(script).toContain('"popout":{"draftId":null,"to":["dana@x.example","priya@x.example"],"subject":"Quote & terms","body":"Hi\\nSee below","reply":false}');
      expect(doc.getElementById('popoutHost')).not.toBeNull();
    }
  });

  it('keeps each draft save and send, refuses anything else, and opens a saved draft as it was in its pop-out window', async () => {
    const save = await request('outlook.office.com', '/owa/service.svc?action=UpdateItem', { method: 'POST', body: JSON.stringify(DRAFT) });
    expect(save.status).toBe(200);
    expect((await request('outlook.office.com', '/owa/service.svc?action=DeleteItem', { method: 'POST', body: JSON.stringify(DRAFT) })).status).toBe(400);
    expect((await request('outlook.office.com', '/owa/service.svc?action=UpdateItem', { method: 'POST', body: 'not json' })).status).toBe(400);
    expect(outlook.drafts).toEqual([DRAFT]);
    expect(outlook.sent).toEqual([]);

    const popout = await page('outlook.office.com', '/mail/deeplink/compose/AAMkAGDraft1?popoutv2=1');
    const root = popout.querySelector('#popoutHost #docking_InitVisiblePart_0');
    expect(root?.getAttribute('data-draft-id')).toBe('AAMkAGDraft1');
    expect(root?.querySelector('[id^="editorParent_"] > [role="textbox"]')?.innerHTML).toBe(DRAFT.bodyHtml);
    expect(root?.querySelector('[title="dana.whitfield@umbrellahealth.example"]')).not.toBeNull();
    expect(root?.querySelector<HTMLInputElement>('input.fui-Input__input')?.getAttribute('value')).toBe('RE: Umbrella Health renewal: revised quote for 2027');
  });
});
