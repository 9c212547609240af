/**
 * The Outlook on the web adapter on Outlook's markup in linkedom: composes found by the editor inside `editorParent_N`
 * (not the recipient fields, which are contenteditable too), drafts written above the signature and the quoted
 * history, the open message's sender, and Outlook's addresses. Carets, editing commands and autosave are proven in real
 * Chromium by tests/e2e/mail-insert.e2e.test.ts.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { conversationIdOf, mailClientOf } from '../../../lib/features/mail/clients';
import { outlook } from '../../../lib/features/mail/clients/outlook';
import { NO_MEMORY, scanComposes } from '../../../lib/features/mail/compose';
import { insertDraft } from '../../../lib/features/mail/insert';
import { openMessageSender, readOpenThread } from '../../../lib/features/mail/thread';

const SIGNATURE = '<div class="elementToProof"><br></div><div id="Signature" class="elementToProof"><div>Sam Rivera</div></div>';
const HISTORY =
  '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font><b>From:</b> Dana Whitfield<br></font><div>&nbsp;</div></div><div><div>Hi Sam,</div></div>';

function compose(id: number, bodyHtml: string, options: { subject?: string; to?: string[] } = {}): string {
  const chips = (options.to ?? []).map((email) => `<div role="listitem" contenteditable="false"><span class="pU1YL" title="${email}">${email}</span></div>`).join('');
  const subject = options.subject === undefined ? '' : `<input type="text" class="fui-Input__input" aria-label="Betreff" value="${options.subject}">`;
  return `<div id="docking_InitVisiblePart_${id}"><div class="zcIxm" role="textbox" contenteditable="true" aria-label="An">${chips}</div><div class="zcIxm" role="textbox" contenteditable="true" aria-label="Cc"></div>${subject}
<div id="editorParent_${id + 1}"><div id="body-${id}" role="textbox" contenteditable="true" aria-label="Nachrichtentext" aria-multiline="true">${bodyHtml}</div></div></div>`;
}

const MESSAGE = `<div role="listitem" data-item-id="AAQk1"><span class="OZZZK" title="dana.whitfield@umbrellahealth.example">Dana Whitfield</span>
<div data-testid="SentReceivedSavedTime">Tue 11/17/2026 9:12 AM</div><button name="Reply" aria-label="Antworten">Antworten</button><div role="document"><div>Hi Sam, 240 seats.</div></div></div>`;

function conversation(inner: string): string {
  return `<div data-app-section="ConversationContainer"><div role="heading" aria-level="2">Umbrella Health renewal</div>${inner}</div>`;
}

function page(html: string, href = 'https://outlook.office.com/mail/inbox/id/AAQk1'): Document {
  const doc = parseHTML(`<!doctype html><html><body><div id="ReadingPaneContainerId">${html}</div></body></html>`).document as unknown as Document;
  Object.defineProperty(doc, 'location', { value: new URL(href) });
  return doc;
}

describe('Outlook composes', () => {
  it('finds the body editor, not the recipient fields, and tells a reading-pane reply from a new message and a pop-out', () => {
    const reply = page(conversation(MESSAGE + compose(0, SIGNATURE + HISTORY, { to: ['dana.whitfield@umbrellahealth.example'] })));
    expect(scanComposes(outlook.dom, reply).composes.map((found) => [found.body.id, found.kind])).toEqual([['body-0', 'inline']]);
    expect(scanComposes(outlook.dom, page(compose(0, SIGNATURE, { subject: '' }))).composes.map((found) => found.kind)).toEqual(['pane']);
    const popout = page(compose(0, SIGNATURE, { subject: '' }), 'https://outlook.office.com/mail/deeplink/compose/AAMk1?popoutv2=1');
    expect(scanComposes(outlook.dom, popout).composes.map((found) => found.kind)).toEqual(['window']);
  });

  it('writes a reply above the signature and the quoted history, keeps its subject, and names its recipient', () => {
    const doc = page(conversation(MESSAGE + compose(0, `<div class="elementToProof"><br></div>${SIGNATURE}${HISTORY}`, { to: ['dana.whitfield@umbrellahealth.example'] })));
    const history = doc.getElementById('divRplyFwdMsg')?.outerHTML;

    const outcome = insertDraft(doc, { text: 'Hi Dana,\nThe quote is attached.', subject: 'Other' }, outlook, NO_MEMORY);

    expect(outcome).toEqual({
      kind: 'inserted',
      where: 'top',
      compose: 'inline',
      reply: true,
      method: 'dom-fallback',
      subjectSet: false,
      subject: 'Umbrella Health renewal',
      to: ['dana.whitfield@umbrellahealth.example'],
    });
    expect(doc.getElementById('body-0')?.innerHTML.startsWith('<div class="elementToProof">Hi Dana,</div><div class="elementToProof">The quote is attached.</div><div class="elementToProof"><br></div><div id="Signature"')).toBe(true);
    expect(doc.getElementById('divRplyFwdMsg')?.outerHTML).toBe(history);
    expect(doc.getElementById('Signature')?.textContent).toBe('Sam Rivera');
  });

  it('ignores a caret in the quoted history or the signature and writes at the top', () => {
    for (const inside of ['#divRplyFwdMsg font', '#Signature div']) {
      const doc = page(conversation(MESSAGE + compose(0, `<div class="elementToProof">Mine</div>${SIGNATURE}${HISTORY}`)));
      const target = doc.querySelector(inside)?.firstChild as Node;
      const caret = { endContainer: target, endOffset: 1, startContainer: target } as unknown as Range;
      const root = doc.getElementById('docking_InitVisiblePart_0') as Element;
      insertDraft(doc, { text: 'Draft' }, outlook, { ...NO_MEMORY, focusedRoots: () => [root], caretIn: () => caret });
      expect(doc.getElementById('body-0')?.innerHTML.startsWith('<div class="elementToProof">Draft</div><div class="elementToProof">Mine</div><div class="elementToProof"><br></div><div id="Signature"')).toBe(true);
      expect(doc.getElementById('divRplyFwdMsg')?.textContent).toBe('From: Dana Whitfield\u00a0');
    }
  });

  it('sets the subject only of a new message whose box is empty, and says when the editor is not recognised', () => {
    const doc = page(compose(0, SIGNATURE, { subject: '' }));
    expect(insertDraft(doc, { text: 'x', subject: 'Revised quote' }, outlook)).toMatchObject({ compose: 'pane', reply: false, subjectSet: true, subject: 'Revised quote' });
    const changed = page(compose(0, '<div>mine</div>', { subject: '' }).replace('editorParent_1', 'composeHost'));
    expect(insertDraft(changed, { text: 'x' }, outlook)).toMatchObject({ kind: 'dom-changed', message: expect.stringMatching(/^Outlook's compose window has changed/) });
    expect(changed.getElementById('body-0')?.innerHTML).toBe('<div>mine</div>');
    expect(insertDraft(page(''), { text: 'x' }, outlook)).toEqual({ kind: 'no-compose', message: 'No compose window is open in this Outlook tab.' });
  });
});

describe('Outlook messages and addresses', () => {
  it('reads the sender and thread of the open conversation, not the recipients of a reply open under it', () => {
    const doc = page(conversation(MESSAGE + compose(0, SIGNATURE, { to: ['someone.else@example.com'] })));
    expect(openMessageSender(outlook.dom, doc)).toEqual({ name: 'Dana Whitfield', email: 'dana.whitfield@umbrellahealth.example' });
    expect(readOpenThread(outlook.dom, doc)).toEqual({
      subject: 'Umbrella Health renewal',
      messages: [{ from: 'Dana Whitfield', email: 'dana.whitfield@umbrellahealth.example', date: 'Tue 11/17/2026 9:12 AM', body: 'Hi Sam, 240 seats.' }],
    });
    expect(openMessageSender(outlook.dom, page('<div class="readingPaneEmpty">Select an item to read</div>'))).toBeNull();
  });

  it('knows its hosts exactly, its conversation ids and its deep link for a prefilled new message', () => {
    expect(mailClientOf('https://outlook.live.com/mail/0/inbox')?.name).toBe('Outlook');
    expect(mailClientOf('https://outlook.office365.com/mail/')?.name).toBe('Outlook');
    expect(mailClientOf('https://outlook.office.com.evil.example/mail/')).toBeNull();
    expect(mailClientOf('http://outlook.office.com/mail/')).toBeNull();
    expect(conversationIdOf('https://outlook.office.com/mail/inbox/id/AAQkADAw%3D')).toBe('AAQkADAw=');
    expect(conversationIdOf('https://outlook.office.com/mail/inbox')).toBeNull();
    const url = new URL(outlook.composeUrl('https://outlook.live.com/mail/0/inbox', { to: ['dana@x.example', 'priya@x.example'], subject: 'Quote & terms', body: 'Hi Dana,\nSee below.' }));
    expect(url.origin + url.pathname).toBe('https://outlook.live.com/mail/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({ to: 'dana@x.example;priya@x.example', subject: 'Quote & terms', body: 'Hi Dana,\nSee below.' });
    expect(outlook.composeUrl(null, {})).toBe('https://outlook.office.com/mail/deeplink/compose?');
  });
});
