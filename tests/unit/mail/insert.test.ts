/**
 * Compose discovery and insertion on Gmail's markup in linkedom. linkedom has no editing commands and no selection, so
 * these runs take the DOM fallback; the editing-command path, carets and undo are proven in real Chromium by
 * tests/e2e/gmail-insert.e2e.test.ts.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NO_MEMORY, scanComposes, type ComposeMemory } from '../../../lib/features/mail/compose';
import { insertDraft } from '../../../lib/features/mail/insert';
import { InsertDraftCommand, InsertOutcome, isFromOwnExtension } from '../../../lib/features/mail/content-messages';
import { gmail, gmailAccountOf, gmailComposeUrl } from '../../../lib/features/mail/clients/gmail';

const BODY_ATTRS = 'class="Am aiL" aria-label="Message Body" g_editable="true" role="textbox" aria-multiline="true" contenteditable="true"';
const SIGNATURE =
  '<div><br clear="all"></div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">Sam Rivera<div>Account Executive, Acme</div></div></div>';
const QUOTE = '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue Dana wrote:<br></div><blockquote class="gmail_quote"><div dir="ltr"><div>Hi Sam,</div></div></blockquote></div>';

function popup(id: string, bodyHtml: string, options: { subject?: string; fullscreen?: boolean; to?: string[] } = {}): string {
  const chips = (options.to ?? []).map((email) => `<div class="afV" role="option" data-hovercard-id="${email}"><div class="akl">${email}</div></div>`).join('');
  return `<div class="nH Hd${options.fullscreen ? ' aSs' : ''}" role="dialog" aria-label="New Message"><div class="M9" id="root-${id}">
<form class="bAs"><div class="anm" name="to">${chips}<input role="combobox"></div><input name="subjectbox" class="aoT" value="${options.subject ?? ''}"><input type="hidden" name="composeid" value="${id}"><input type="hidden" name="subject" value=""></form>
<table class="iN"><tbody><tr><td><div id="body-${id}" ${BODY_ATTRS}>${bodyHtml}</div></td></tr></tbody></table></div></div>`;
}

function inlineReply(bodyHtml: string): string {
  return `<div class="adn" data-message-id="#msg-f:1"><div class="ip iq adB"><div class="nH"><div class="M9" id="root-reply">
<form class="bAs"><div class="anm" name="to"><div role="option" data-hovercard-id="dana@umbrella.example"></div></div><input type="hidden" name="subject" value="Re: Renewal"></form>
<div id="body-reply" ${BODY_ATTRS}>${bodyHtml}</div><div class="ajR" role="button"></div></div></div></div></div>`;
}

function page(html: string): Document {
  return parseHTML(`<!doctype html><html><body><div class="nH">${html}</div></body></html>`).document as unknown as Document;
}

function bodyOf(doc: Document, id: string): HTMLElement {
  const body = doc.getElementById(`body-${id}`);
  if (!body) throw new Error(`no body-${id}`);
  return body;
}

/** A memory in which the rep last focused these roots (oldest first), with no caret. */
function focused(doc: Document, ...ids: string[]): ComposeMemory {
  const roots = ids.map((id) => doc.getElementById(`root-${id}`)).filter((root): root is HTMLElement => root !== null);
  return { ...NO_MEMORY, focusedRoots: () => roots };
}

describe('compose discovery', () => {
  it('finds pop-up, full-screen and inline composes by the body attributes, whatever the labels say', () => {
    const doc = page(popup('1', '<br>') + popup('2', '<br>', { fullscreen: true }) + inlineReply('<br>'));
    for (const body of doc.querySelectorAll('[aria-label]')) body.setAttribute('aria-label', 'Nachrichtentext');
    const scan = scanComposes(gmail.dom, doc);
    expect(scan.composes.map((compose) => [compose.root.id, compose.kind])).toEqual([
      ['root-1', 'popup'],
      ['root-2', 'fullscreen'],
      ['root-reply', 'inline'],
    ]);
    expect(scan.unrecognised).toBe(false);
  });

  it('flags a compose whose editor no longer carries the body attributes as unrecognised', () => {
    const doc = page(popup('1', '<br>'));
    bodyOf(doc, '1').removeAttribute('g_editable');
    expect(scanComposes(gmail.dom, doc)).toEqual({ composes: [], unrecognised: true });
  });
});

describe('insertDraft', () => {
  it('writes plain text as Gmail lines at the top of the body, above the signature, and signals the input', () => {
    const doc = page(popup('1', SIGNATURE));
    const inputs: string[] = [];
    bodyOf(doc, '1').addEventListener('input', (event) => inputs.push((event as InputEvent).data ?? ''));

    const outcome = insertDraft(doc, { text: 'Hi Dana,\r\n\r\nThe quote is attached.\nSam' }, gmail);

    expect(outcome).toEqual({ kind: 'inserted', where: 'top', compose: 'popup', reply: false, method: 'dom-fallback', subjectSet: false, subject: '', to: [] });
    expect(bodyOf(doc, '1').innerHTML).toBe(
      // As Chromium's own insertText writes it: the first empty line's placeholder gives way to the text.
      '<div>Hi Dana,</div><div><br></div><div>The quote is attached.</div><div>Sam</div>' + SIGNATURE.slice('<div><br clear="all"></div>'.length),
    );
    expect(inputs).toEqual(['Hi Dana,\n\nThe quote is attached.\nSam']);
  });

  it('gives the draft its own line above a line the rep already wrote at the top', () => {
    const doc = page(popup('1', `<div>P.S. call me</div>${SIGNATURE}`));
    insertDraft(doc, { text: 'Hi Dana,\nSee below.' }, gmail);
    expect(bodyOf(doc, '1').innerHTML.startsWith('<div>Hi Dana,</div><div>See below.</div><div>P.S. call me</div>')).toBe(true);
  });

  it('adds an empty line above a signature the body starts with, instead of writing into the signature', () => {
    const signatureOnly = '<span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">Sam</div>';
    const doc = page(popup('1', signatureOnly));
    expect(insertDraft(doc, { text: 'Hello' }, gmail)).toMatchObject({ kind: 'inserted', where: 'top' });
    expect(bodyOf(doc, '1').innerHTML).toBe(`<div>Hello</div>${signatureOnly}`);
  });

  it('writes at the remembered caret, after a selection rather than over it', () => {
    const doc = page(popup('1', `<div>Hello Dana, see below.</div>${SIGNATURE}`));
    const text = bodyOf(doc, '1').firstChild?.firstChild as Node;
    // The end of a selection of "Dana,": the draft goes after the rep's words, never over them.
    const caret = { endContainer: text, endOffset: 'Hello Dana,'.length, startContainer: text } as unknown as Range;
    const memory: ComposeMemory = { ...focused(doc, '1'), caretIn: () => caret };

    const outcome = insertDraft(doc, { text: ' the quote is attached.\nBest,' }, gmail, memory);

    expect(outcome).toMatchObject({ kind: 'inserted', where: 'caret' });
    expect(bodyOf(doc, '1').innerHTML).toBe(`<div>Hello Dana, the quote is attached.</div><div>Best, see below.</div>${SIGNATURE}`);
  });

  it('ignores a remembered caret inside the signature or the quoted text and writes at the top', () => {
    for (const inside of ['.gmail_signature div', 'blockquote.gmail_quote div div']) {
      const doc = page(inlineReply(`<div><br></div>${SIGNATURE}${QUOTE}`));
      const before = doc.querySelector('.gmail_signature')?.outerHTML;
      const target = doc.querySelector(inside)?.firstChild as Node;
      const caret = { endContainer: target, endOffset: 2, startContainer: target } as unknown as Range;
      const outcome = insertDraft(doc, { text: 'Draft', subject: 'New subject' }, gmail, { ...focused(doc, 'reply'), caretIn: () => caret });
      expect(outcome).toMatchObject({ kind: 'inserted', where: 'top', compose: 'inline', subjectSet: false, subject: 'Re: Renewal', to: ['dana@umbrella.example'] });
      expect(bodyOf(doc, 'reply').innerHTML.startsWith('<div>Draft</div>')).toBe(true);
      expect(doc.querySelector('.gmail_signature')?.outerHTML).toBe(before);
      expect(doc.querySelector('blockquote.gmail_quote')?.textContent).toBe('Hi Sam,');
    }
  });

  it('picks the compose the rep focused last, else the one that appeared last', () => {
    const doc = page(popup('1', '<br>') + popup('2', '<br>'));
    insertDraft(doc, { text: 'to one' }, gmail, focused(doc, '2', '1'));
    expect(bodyOf(doc, '1').textContent).toBe('to one');
    expect(bodyOf(doc, '2').textContent).toBe('');

    const appeared = new Map([[doc.getElementById('root-1'), 1], [doc.getElementById('root-2'), 2]]);
    insertDraft(doc, { text: 'to the newest' }, gmail, { ...NO_MEMORY, appearedAt: (root) => appeared.get(root as HTMLElement) ?? 0 });
    expect(bodyOf(doc, '2').textContent).toBe('to the newest');
  });

  it('sets the subject only on a new message whose subject box is empty', () => {
    const doc = page(popup('1', '<br>') + popup('2', '<br>', { subject: 'Mine' }));
    expect(insertDraft(doc, { text: 'x', subject: 'Revised\nquote' }, gmail, focused(doc, '1'))).toMatchObject({ subjectSet: true, subject: 'Revised quote' });
    expect(insertDraft(doc, { text: 'x', subject: 'Revised quote' }, gmail, focused(doc, '2'))).toMatchObject({ subjectSet: false, subject: 'Mine' });
  });

  it('answers no-compose, and dom-changed without writing when the markup is not recognised', () => {
    const empty = page('<div class="ae4"></div>');
    expect(insertDraft(empty, { text: 'x' }, gmail)).toEqual({ kind: 'no-compose', message: 'No compose window is open in this Gmail tab.' });

    const changed = page(popup('1', '<div>mine</div>'));
    bodyOf(changed, '1').removeAttribute('g_editable');
    expect(insertDraft(changed, { text: 'x', subject: 'y' }, gmail)).toMatchObject({ kind: 'dom-changed' });
    expect(bodyOf(changed, '1').innerHTML).toBe('<div>mine</div>');
    expect(changed.querySelector<HTMLInputElement>('input[name="subjectbox"]')?.value).toBe('');

    const recognised = page(popup('1', '<br>'));
    const unrecognisedFocus: ComposeMemory = { ...focused(recognised, '1'), lastEditorUnrecognised: () => true };
    expect(insertDraft(recognised, { text: 'x' }, gmail, unrecognisedFocus)).toMatchObject({ kind: 'dom-changed' });
    expect(bodyOf(recognised, '1').innerHTML).toBe('<br>');
  });
});

describe('messages and URLs', () => {
  it('builds Gmail\'s prefilled compose URL for an account', () => {
    const url = new URL(gmailComposeUrl(1, { to: ['dana@umbrella.example', 'priya@umbrella.example'], subject: 'Quote & terms', body: 'Hi Dana,\n\nSee below.' }));
    expect(url.pathname).toBe('/mail/u/1/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cm',
      fs: '1',
      to: 'dana@umbrella.example,priya@umbrella.example',
      su: 'Quote & terms',
      body: 'Hi Dana,\n\nSee below.',
    });
    expect(gmailComposeUrl('0', {})).toBe('https://mail.google.com/mail/u/0/?view=cm&fs=1');
  });

  it('reads the account from Gmail URLs only', () => {
    expect(gmailAccountOf('https://mail.google.com/mail/u/2/#inbox')).toBe('2');
    expect(gmailAccountOf('https://mail.google.com/mail/u/sam%40acme.example/#inbox')).toBe('sam@acme.example');
    expect(gmailAccountOf('https://mail.google.com/mail/#inbox')).toBeNull();
    expect(gmailAccountOf('https://evil.example/mail/u/1/')).toBeNull();
  });

  it('accepts commands only from the extension itself, not from a tab or another extension', () => {
    expect(isFromOwnExtension({ id: 'ours' }, 'ours')).toBe(true);
    expect(isFromOwnExtension({ id: 'ours', tab: { id: 3 } }, 'ours')).toBe(false);
    expect(isFromOwnExtension({ id: 'theirs' }, 'ours')).toBe(false);
    expect(InsertDraftCommand.safeParse({ type: 'mail-insert', text: '' }).success).toBe(false);
    expect(InsertDraftCommand.safeParse({ type: 'mail-insert', text: 'x', subject: 'y' }).success).toBe(true);
    expect(InsertOutcome.safeParse({ kind: 'dom-changed', message: 'm' }).success).toBe(true);
  });
});
