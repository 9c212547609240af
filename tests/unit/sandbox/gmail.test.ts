import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGmail, DANA } from '../../sandbox/gmail';

const gmail = createGmail({ fillDelayMs: 5 });
let server: Server;
let base = '';

const BODY = 'div[g_editable="true"][role="textbox"][contenteditable="true"]';
const SIGNATURE_START =
  '<div><br clear="all"></div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">';

beforeAll(async () => {
  server = createServer((req, res) => void gmail.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => gmail.reset());

const get = (path: string): Promise<Response> => fetch(`${base}${path}`, { redirect: 'manual' });
const pathOf = (url: string): string => url.replace('https://mail.google.com', '');
const tick = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function staticPage(path = '/mail/u/0/'): Promise<Document> {
  return parseHTML(await (await get(path)).text()).document as unknown as Document;
}

/** Loads a served page into linkedom and runs its own script there, with `location` and `fetch` pointed at the fake. */
async function livePage(url: string): Promise<{ document: Document; window: Window }> {
  const target = new URL(url);
  const dom = parseHTML(await (await get(`${target.pathname}${target.search}`)).text());
  const document = dom.document as unknown as Document;
  const script = document.querySelector('script')?.textContent ?? '';
  const location = { hash: target.hash, search: target.search };
  const pageFetch = (path: string, init: RequestInit): Promise<Response> => fetch(`${base}${path}`, init);
  const globals = { window: dom.window, document, location, fetch: pageFetch, HTMLTemplateElement: dom.HTMLTemplateElement, HTMLInputElement: dom.HTMLInputElement, HTMLElement: dom.HTMLElement, Element: dom.Element };
  // The page script is the fake's own code, served as a string; running it here checks it as served.
  new Function(...Object.keys(globals), script)(...Object.values(globals));
  return { document, window: dom.window as unknown as Window };
}

function click(document: Document, selector: string): void {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  element.dispatchEvent(new (element.ownerDocument.defaultView as unknown as { Event: typeof Event }).Event('click', { bubbles: true }));
}

describe('served pages', () => {
  it('serves both accounts with the Trusted Types CSP and the account address in the title', async () => {
    for (const [path, email] of [['/mail/u/0/', 'sam@acme.example'], ['/mail/u/1/', 'sam.rivera@acme-partners.example']] as const) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe("require-trusted-types-for 'script'");
      expect(await res.text()).toContain(`<title>Inbox - ${email} - Acme Mail</title>`);
    }
  });

  it('redirects to the first account keeping the query, and answers 404 with the CSP for anything else', async () => {
    const compose = await get('/mail/?view=cm&fs=1&to=a%40b.example');
    expect(compose.status).toBe(302);
    expect(compose.headers.get('location')).toBe('/mail/u/0/?view=cm&fs=1&to=a%40b.example');
    expect((await get('/mail/u/1')).headers.get('location')).toBe('/mail/u/1/');
    const missing = await get('/mail/u/7/');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe("require-trusted-types-for 'script'");
  });

  it('renders the open message with the seeded contact as sender and Gmail message ids', async () => {
    const document = await staticPage();
    const threadId = gmail.urls.message.split('#inbox/')[1] ?? '';
    const thread = document.querySelector(`div.if[data-thread-key="${threadId}"]`);
    const sender = thread?.querySelector('span.gD[email][name]');
    expect(sender?.getAttribute('email')).toBe(DANA.email);
    expect(sender?.getAttribute('name')).toBe('Dana Whitfield');
    const message = thread?.querySelector('[data-message-id]');
    expect(message?.getAttribute('data-message-id')).toMatch(/^#msg-f:\d+$/);
    expect(message?.getAttribute('data-legacy-message-id')).toMatch(/^[0-9a-f]{16}$/);
    expect(thread?.querySelector('h2.hP')?.textContent).toMatch(/renewal/i);
    expect(message?.querySelector('.a3s')?.textContent).toContain('240 seats');
    expect(message?.querySelector('.ip .ams.bkH')?.textContent).toBe('Reply');
  });

  it('has compose templates with the selectors the notes document', async () => {
    const document = await staticPage();
    const popup = (document.getElementById('gw-compose') as HTMLTemplateElement).content;
    expect(popup.querySelector('[role="dialog"] form')).not.toBeNull();
    const root = popup.querySelector('[role="dialog"] .M9');
    expect(root?.querySelector('div.anm[name="to"] input[role="combobox"][peoplekit-id]')).not.toBeNull();
    expect(root?.querySelector('input[name="subjectbox"]')).not.toBeNull();
    expect(root?.querySelector(BODY)).not.toBeNull();
    const reply = (document.getElementById('gw-reply') as HTMLTemplateElement).content;
    expect(reply.querySelector('.M9 input[type="hidden"][name="subject"]')).not.toBeNull();
    expect(reply.querySelector('input[name="subjectbox"]')).toBeNull();
    expect(reply.querySelector(`.M9 ${BODY}`)).not.toBeNull();
    expect(reply.querySelector('.M9 .ajR[role="button"]')).not.toBeNull();
    const signature = document.getElementById('gw-signature') as HTMLTemplateElement;
    expect(signature.innerHTML.startsWith(SIGNATURE_START)).toBe(true);
  });

  it('ships a page script that never assigns HTML strings (Trusted Types would block it)', async () => {
    const script = (await staticPage()).querySelector('script')?.textContent ?? '';
    expect(script).toContain('gmailPageApp');
    expect(script).not.toMatch(/\.(innerHTML|outerHTML)\s*=[^=]|insertAdjacentHTML|document\.write|createContextualFragment/);
  });
});

describe('the in-page app', () => {
  it('routes #inbox/<threadId> to the thread and titles the page with its subject', async () => {
    const { document } = await livePage(gmail.urls.message);
    expect(document.title).toBe('Umbrella Health renewal: revised quote for 2027 - sam@acme.example - Acme Mail');
    expect(document.querySelector<HTMLElement>('.ae4')?.style.display).toBe('none');
  });

  it('opens an inline reply inside .ip (which gains adB), fills the signature a moment later and reveals the quote on "…"', async () => {
    const { document } = await livePage(gmail.urls.message);
    click(document, 'div.if .ip .ams.bkH');
    const ip = document.querySelector('.ip');
    expect(ip?.classList.contains('adB')).toBe(true);
    const body = ip?.querySelector(`.M9 ${BODY}`);
    expect(body?.innerHTML).toBe('<br>');
    await tick();
    expect(body?.innerHTML.startsWith(SIGNATURE_START)).toBe(true);
    expect(ip?.querySelector<HTMLInputElement>('input[name="subject"]')?.value).toBe('Re: Umbrella Health renewal: revised quote for 2027');
    expect(ip?.querySelector('.anm[name="to"] [role="option"]')?.getAttribute('data-hovercard-id')).toBe(DANA.email);
    click(document, '.ip .ajR');
    expect(body?.querySelector('div.gmail_quote > div.gmail_attr + blockquote.gmail_quote')?.textContent).toContain('240 seats');
    expect(body?.lastElementChild?.className).toBe('gmail_quote');
  });

  it('opens several pop-up composes and toggles full screen', async () => {
    const { document } = await livePage(gmail.urls.inbox);
    click(document, '[gh="cm"]');
    click(document, '[gh="cm"]');
    expect(document.querySelectorAll('[role="dialog"] .M9 form')).toHaveLength(2);
    click(document, '[role="dialog"] .Hq');
    expect(document.querySelector('[role="dialog"]')?.classList.contains('aSs')).toBe(true);
  });

  it('opens a full-screen compose prefilled from ?view=cm&fs=1, and one from #inbox?compose=new', async () => {
    const { document } = await livePage('https://mail.google.com/mail/u/0/?view=cm&fs=1&to=dana.whitfield%40umbrellahealth.example&su=Renewal&body=Hi%20Dana%0AThanks');
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.classList.contains('aSs')).toBe(true);
    expect(dialog?.querySelector<HTMLInputElement>('input[name="subjectbox"]')?.value).toBe('Renewal');
    expect(dialog?.querySelector('.anm[name="to"] [data-hovercard-id]')?.getAttribute('data-hovercard-id')).toBe(DANA.email);
    await tick();
    expect(dialog?.querySelector(BODY)?.innerHTML.startsWith(`<div>Hi Dana</div><div>Thanks</div>${SIGNATURE_START}`)).toBe(true);
    const fromHash = await livePage(gmail.urls.compose);
    expect(fromHash.document.querySelectorAll('[role="dialog"] .M9')).toHaveLength(1);
  });

  it('autosaves a draft after an input event, in the page and on the server', async () => {
    const { document, window } = await livePage(gmail.urls.inbox);
    click(document, '[gh="cm"]');
    await tick();
    const body = document.querySelector(`[role="dialog"] ${BODY}`);
    body?.prepend(document.createTextNode('Hello Dana'));
    expect(gmail.drafts).toHaveLength(0);
    body?.dispatchEvent(new (window as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
    const pageDrafts = (window as unknown as { gmailFake: { saves: { bodyHtml: string }[] } }).gmailFake.saves;
    expect(pageDrafts).toHaveLength(1);
    // The page posts the draft over HTTP: wait for the server to have it, however loaded the machine (a fixed 50 ms
    // was not always enough, and the late post then landed in the next test).
    await vi.waitFor(() => expect(gmail.drafts).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(gmail.drafts[0]).toMatchObject({ kind: 'popup', account: 0, composeId: '1', trusted: false });
    expect(gmail.drafts[0]?.bodyHtml.startsWith('Hello Dana<div><br clear="all">')).toBe(true);
    expect(gmail.log.some((entry) => entry.method === 'POST' && entry.path === '/mail/u/0/__draft')).toBe(true);
  });

  it('rejects a draft post that is not a draft', async () => {
    const res = await fetch(`${base}/mail/u/0/__draft`, { method: 'POST', body: 'nope' });
    expect(res.status).toBe(400);
    expect(gmail.drafts).toHaveLength(0);
  });
});

describe('urls', () => {
  it('points at mail.google.com pages the fake serves', async () => {
    expect(gmail.urls.inbox).toBe('https://mail.google.com/mail/u/0/#inbox');
    expect(gmail.urls.compose).toBe('https://mail.google.com/mail/u/0/#inbox?compose=new');
    expect((await get(pathOf(gmail.urls.message).split('#')[0] ?? '')).status).toBe(200);
  });
});
