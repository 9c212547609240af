/** Reading the open thread and opening an inline reply, on Gmail's markup in linkedom. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { gmail } from '../../../lib/features/mail/clients/gmail';
import { MAX_THREAD_CHARS, openInlineReply, readOpenThread, threadText } from '../../../lib/features/mail/thread';

const BODY_ATTRS = 'g_editable="true" role="textbox" contenteditable="true"';

function message(id: string, from: string, email: string, date: string, body: string, replyArea = ''): string {
  return `<div class="adn" data-message-id="#msg-f:${id}"><h3><span class="gD" email="${email}" name="${from}">${from}</span></h3>
<span class="g3" title="${date}">2 days ago</span><div class="a3s"><div dir="ltr">${body}</div></div>${replyArea}</div>`;
}

const REPLY_AREA = '<div class="ip iq"><div class="amn"><span class="ams bkH" role="link">Reply</span></div></div>';

function page(messages: string): Document {
  return parseHTML(`<html><body><div class="nH if"><h2 class="hP">Renewal quote</h2>${messages}</div></body></html>`).document;
}

describe('readOpenThread', () => {
  it('reads the subject and each message’s sender, full date and body, oldest first', () => {
    const doc = page(message('1', 'Dana Whitfield', 'dana@umbrella.example', 'Tue, Nov 17, 2026, 9:12 AM', 'Hi Sam, 240 seats please.') + message('2', 'Sam Rivera', 'sam@acme.example', 'Wed, Nov 18, 2026', 'On it.'));
    const thread = readOpenThread(gmail.dom, doc);
    expect(thread).toEqual({
      subject: 'Renewal quote',
      messages: [
        { from: 'Dana Whitfield', email: 'dana@umbrella.example', date: 'Tue, Nov 17, 2026, 9:12 AM', body: 'Hi Sam, 240 seats please.' },
        { from: 'Sam Rivera', email: 'sam@acme.example', date: 'Wed, Nov 18, 2026', body: 'On it.' },
      ],
    });
    expect(thread && threadText(thread)).toBe(
      'Subject: Renewal quote\n\n---\n\nFrom: Dana Whitfield <dana@umbrella.example>\nDate: Tue, Nov 17, 2026, 9:12 AM\n\nHi Sam, 240 seats please.\n\n---\n\nFrom: Sam Rivera <sam@acme.example>\nDate: Wed, Nov 18, 2026\n\nOn it.',
    );
  });

  it('is null with no thread open, and keeps the newest messages of a long thread', () => {
    expect(readOpenThread(gmail.dom, parseHTML('<html><body><div class="ae4">Inbox</div></body></html>').document)).toBeNull();
    const long = 'x'.repeat(5000);
    const doc = page(['1', '2', '3', '4'].map((id) => message(id, `P${id}`, `p${id}@x.example`, 'today', long)).join(''));
    const thread = readOpenThread(gmail.dom, doc);
    expect(thread?.messages.map((item) => item.from)).toEqual(['P3', 'P4']);
    expect(thread ? threadText(thread).length : 0).toBeLessThan(MAX_THREAD_CHARS + 500);
  });
});

describe('openInlineReply', () => {
  it('clicks Gmail’s own Reply button under the newest message', () => {
    const doc = page(message('1', 'Dana', 'dana@x.example', 'today', 'Hi', REPLY_AREA) + message('2', 'Dana', 'dana@x.example', 'today', 'Also', REPLY_AREA));
    const clicked: string[] = [];
    for (const button of doc.querySelectorAll('.ams.bkH')) button.addEventListener('click', () => clicked.push(button.closest('[data-message-id]')?.getAttribute('data-message-id') ?? ''));
    expect(openInlineReply(gmail.dom, doc)).toBe('opened');
    expect(clicked).toEqual(['#msg-f:2']);
  });

  it('uses a reply already open, and says when the Reply button is not recognised', () => {
    const open = `<div class="ip iq adB"><div class="M9"><div ${BODY_ATTRS}><br></div></div></div>`;
    expect(openInlineReply(gmail.dom, page(message('1', 'Dana', 'dana@x.example', 'today', 'Hi', open)))).toBe('already-open');
    expect(openInlineReply(gmail.dom, page(message('1', 'Dana', 'dana@x.example', 'today', 'Hi', '<div class="ip"><span class="zz">Reply</span></div>')))).toBe('dom-changed');
    expect(openInlineReply(gmail.dom, parseHTML('<html><body></body></html>').document)).toBe('no-thread');
  });
});
