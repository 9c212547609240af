/**
 * The Gmail fake's one HTML page per account: the shell (header, nav with Compose, inbox list, every thread view
 * pre-rendered and shown by the hash route), the compose templates and the in-page app (page-script.ts). Class names
 * imitate Gmail's obfuscated ones where the notes name them (.M9, .ip/.adB, span.gD, .anm, .ajR, …); the rest are
 * invented in the same style.
 */
import type { MailAccount, MailMessage, MailThread } from './mailbox';
import { escapeHtml, pageScriptOf } from '../page-html';
import { gmailPageApp, type PageConfig } from './page-script';

const CLEAR_DOT = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Lines as Gmail's editor writes them: one div a line, `<div><br></div>` for an empty one. */
function lines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `<div>${escapeHtml(line)}</div>` : '<div><br></div>'))
    .join('');
}

function inboxRow(thread: MailThread): string {
  const last = thread.messages[thread.messages.length - 1];
  const first = thread.messages[0];
  if (!last || !first) return '';
  const snippet = last.body.replace(/\s+/g, ' ').slice(0, 90);
  return `<tr class="zA ${thread.unread ? 'zE' : 'yO'}" role="row" tabindex="-1" data-thread-key="${thread.threadId}">
<td class="oZ-x3 xY"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1"></div></td>
<td class="yX xY"><div class="yW"><span class="bA4"><span class="yP" email="${escapeHtml(first.fromEmail)}" name="${escapeHtml(first.fromName)}">${escapeHtml(first.fromName)}</span></span></div></td>
<td class="xY a4W"><div class="xS" role="link"><div class="xT"><span class="bog"><span data-thread-id="#${thread.permId}" data-legacy-thread-id="${last.legacyId}">${escapeHtml(thread.subject)}</span></span><span class="y2"> - ${escapeHtml(snippet)}</span></div></div></td>
<td class="xW xY"><span title="${escapeHtml(last.date)}">${escapeHtml(thread.listDate)}</span></td>
</tr>`;
}

function messageView(message: MailMessage, account: MailAccount, isLast: boolean): string {
  const reply = isLast
    ? `<div class="ip iq"><div class="amn"><span class="ams bkH" role="link" tabindex="0">Reply</span><span class="ams bkG" role="link" tabindex="0">Forward</span></div></div>`
    : '';
  return `<div class="adn ads" data-message-id="${message.messageId}" data-legacy-message-id="${message.legacyId}">
<div class="gs">
<div class="gE iv gt"><table class="cf gJ"><tbody>
<tr class="acZ"><td class="gF gK"><h3 class="iw"><span class="gD" email="${escapeHtml(message.fromEmail)}" name="${escapeHtml(message.fromName)}" data-hovercard-id="${escapeHtml(message.fromEmail)}">${escapeHtml(message.fromName)}</span> <span class="go"><span aria-hidden="true">&lt;</span>${escapeHtml(message.fromEmail)}<span aria-hidden="true">&gt;</span></span></h3></td>
<td class="gH"><span class="g3" title="${escapeHtml(message.date)}" role="gridcell" tabindex="-1">${escapeHtml(message.date)}</span></td></tr>
<tr class="acZ xD"><td colspan="2"><div class="iw ajw"><span class="hb">to <span class="g2" email="${escapeHtml(account.email)}" name="me" data-hovercard-id="${escapeHtml(account.email)}">me</span></span></div></td></tr>
</tbody></table></div>
<div class="ii gt"><div class="a3s aiL"><div dir="ltr">${lines(message.body)}</div></div></div>
</div>
${reply}
</div>`;
}

function threadView(thread: MailThread, account: MailAccount): string {
  const messages = thread.messages.map((message, index) => messageView(message, account, index === thread.messages.length - 1));
  return `<div class="nH if" data-thread-key="${thread.threadId}" data-thread-perm-id="${thread.permId}" style="display:none">
<div class="G-atb" gh="mtb"><div class="T-I J-J5-Ji lS T-I-ax7 mA" role="button" tabindex="0" aria-label="Back to Inbox" data-tooltip="Back to Inbox">&#8592;</div></div>
<div class="ha"><h2 class="hP" data-thread-perm-id="${thread.permId}" data-legacy-thread-id="${thread.messages[0]?.legacyId ?? ''}" tabindex="-1">${escapeHtml(thread.subject)}</h2></div>
<div class="Bu"><div class="nH aHU">${messages.join('\n')}</div></div>
</div>`;
}

const BODY_EDITOR =
  '<div class="Am aiL Al editable LW-avf tS-tW" hidefocus="true" aria-label="Message Body" g_editable="true" role="textbox" aria-multiline="true" contenteditable="true" tabindex="1" spellcheck="false" style="direction: ltr;"><br></div>';

const RECIPIENTS =
  '<div class="aoD hl"><div class="fX aiL"><div class="anm" name="to"><span class="gO aQY">To</span><input class="agP aFw" role="combobox" peoplekit-id="BbVjBd" aria-label="To recipients" aria-autocomplete="list" autocomplete="off" spellcheck="false" tabindex="1"></div></div></div>';

const HIDDEN_INPUTS =
  '<input type="hidden" name="composeid" value=""><input type="hidden" name="subject" value=""><input type="hidden" name="draft" value=""><input type="hidden" name="rm" value=""><input type="hidden" name="rt" value="">';

const BOTTOM_BAR =
  '<div class="btC"><div class="dC"><div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1" aria-label="Send (Ctrl-Enter)" data-tooltip="Send (Ctrl-Enter)">Send</div></div><div class="og T-I-J3" role="button" tabindex="1" aria-label="Discard draft (Ctrl-Shift-D)" data-tooltip="Discard draft (Ctrl-Shift-D)"></div></div>';

const POPUP_TEMPLATE = `<template id="gw-compose"><div class="nH Hd" role="dialog" aria-label="New Message" tabindex="-1">
<div class="nH Hy aXJ"><table class="cf Ht"><tbody><tr>
<td><div class="Hp"><h2 class="a3E"><div class="a3I">Compose:</div><div class="aYF">New Message</div></h2></div></td>
<td class="Hm"><img class="Hl" src="${CLEAR_DOT}" role="button" tabindex="1" alt="Minimise" aria-label="Minimise" data-tooltip="Minimise"><img class="Hq aUG" src="${CLEAR_DOT}" role="button" tabindex="1" alt="Pop-out" aria-label="Full screen (Shift for pop-out)" data-tooltip="Full screen (Shift for pop-out)"><img class="Ha" src="${CLEAR_DOT}" role="button" tabindex="1" alt="Close" aria-label="Save &amp; close" data-tooltip="Save &amp; close"></td>
</tr></tbody></table></div>
<div class="nH"><div class="aaZ"><div class="M9"><div class="aoI" role="region" aria-label="New Message">
<form class="bAs" method="POST" enctype="multipart/form-data" accept-charset="utf-8" action="">${RECIPIENTS}<div class="aoD az6"><input name="subjectbox" class="aoT" autocomplete="off" spellcheck="true" tabindex="1" placeholder="Subject" aria-label="Subject"></div>${HIDDEN_INPUTS}</form>
<table class="iN"><tbody><tr><td class="Ap"><div class="Ar Au">${BODY_EDITOR}</div></td></tr></tbody></table>
${BOTTOM_BAR}
</div></div></div></div>
</div></template>`;

const REPLY_TEMPLATE = `<template id="gw-reply"><div class="nH"><div class="M9"><div class="aoI" role="region" aria-label="Reply">
<form class="bAs" method="POST" enctype="multipart/form-data" accept-charset="utf-8" action="">${RECIPIENTS}${HIDDEN_INPUTS}</form>
<table class="iN"><tbody><tr><td class="Ap"><div class="Ar Au">${BODY_EDITOR}</div></td></tr></tbody></table>
<div class="ajR" role="button" tabindex="1" aria-label="Show trimmed content" data-tooltip="Show trimmed content"><img class="ajT" src="${CLEAR_DOT}" alt=""></div>
${BOTTOM_BAR}
</div></div></div></template>`;

/** Exactly the block the notes describe; no whitespace between nodes, as Gmail writes it. */
function signatureTemplate(account: MailAccount): string {
  const [first = '', ...rest] = account.signature.map(escapeHtml);
  const signature = `<div dir="ltr">${first}${rest.map((line) => `<div>${line}</div>`).join('')}</div>`;
  return `<template id="gw-signature"><div><br clear="all"></div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">${signature}</div></template>`;
}


export function renderPage(account: MailAccount, config: PageConfig): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inbox - ${escapeHtml(account.email)} - Acme Mail</title>
<style>${CSS}</style></head>
<body>
<div class="nH w-asV aiw">
<header class="gb_Ua" role="banner"><div class="gb_Lc"><span class="gb_Tc">Acme Mail</span></div>
<form class="gb_Ac" role="search"><input class="gb_qe" aria-label="Search mail" placeholder="Search mail"></form>
<a class="gb_B gb_Za" href="#inbox" aria-label="Account: ${escapeHtml(account.name)} (${escapeHtml(account.email)})">${escapeHtml(account.name.charAt(0))}</a></header>
<div class="nH bkL">
<div class="aeN" role="navigation"><div class="aic"><div class="T-I T-I-KE L3" role="button" tabindex="0" gh="cm">Compose</div></div>
<div class="TK"><div class="aim ain"><a class="J-Ke n0" href="#inbox" aria-label="Inbox">Inbox</a></div><div class="aim"><a class="J-Ke n0" href="#sent" aria-label="Sent">Sent</a></div></div></div>
<div class="nH bkK" role="main">
<div class="ae4 UI" gh="tl"><table class="F cf zt" role="grid"><tbody>
${account.threads.map(inboxRow).join('\n')}
</tbody></table></div>
${account.threads.map((thread) => threadView(thread, account)).join('\n')}
</div></div>
<div class="dw"><div class="nH"><div class="no"></div></div></div>
<div class="vh" role="alert" aria-live="assertive"></div>
</div>
${POPUP_TEMPLATE}
${REPLY_TEMPLATE}
${signatureTemplate(account)}
<script>${pageScriptOf(gmailPageApp, config)}</script>
</body></html>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 Roboto,Arial,sans-serif;color:#1f1f1f;background:#f6f8fc}
.gb_Ua{display:flex;align-items:center;gap:24px;height:64px;padding:0 16px}
.gb_Tc{font-size:22px;color:#444}
.gb_Ac{flex:1;max-width:720px}
.gb_qe{width:100%;height:46px;border:0;border-radius:24px;background:#e9eef6;padding:0 20px;font-size:16px}
.gb_B{display:flex;align-items:center;justify-content:center;width:32px;height:32px;border-radius:50%;background:#1a73e8;color:#fff;text-decoration:none}
.bkL{display:flex;min-height:calc(100vh - 64px)}
.aeN{width:256px;padding:8px 16px 0 8px}
.T-I-KE{display:inline-block;background:#c2e7ff;border-radius:16px;padding:18px 24px;font-weight:500;cursor:pointer;margin-bottom:16px}
.aim a{display:block;padding:6px 26px;border-radius:0 16px 16px 0;color:#1f1f1f;text-decoration:none}
.aim.ain a{background:#d3e3fd;font-weight:700}
.bkK{flex:1;background:#fff;border-radius:16px;margin:0 16px 16px 0;overflow:hidden}
.F{width:100%;border-collapse:collapse;table-layout:fixed}
.zA{cursor:pointer;border-bottom:1px solid #f1f3f4}.zA:hover{box-shadow:inset 1px 0 0 #dadce0,inset -1px 0 0 #dadce0,0 1px 2px rgba(60,64,67,.3)}
.zA td{padding:10px 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.zA.zE{font-weight:700}.zA.yO{background:#f2f6fc}
.oZ-x3{width:40px}.yX{width:200px}.xW{width:90px;text-align:right}
.y2{color:#5f6368;font-weight:400}
.G-atb{padding:8px 16px;border-bottom:1px solid #f1f3f4}
.lS{display:inline-block;cursor:pointer;padding:4px 10px;border-radius:50%}
.ha{padding:16px 24px 0 72px}.hP{font-size:22px;font-weight:400;margin:0 0 12px}
.adn{padding:0 24px 16px 72px}
.gD{font-weight:700}.go{color:#5f6368;font-size:12px}.g3{color:#5f6368;font-size:12px}
.gE table{width:100%}.gH{text-align:right}.hb{color:#5f6368;font-size:12px}
.a3s{padding:12px 0;font-size:14px}
.amn{display:flex;gap:12px;margin-top:16px}
.ams{display:inline-block;border:1px solid #747775;border-radius:18px;padding:8px 22px;cursor:pointer;color:#444}
.ip.adB{border-radius:8px;box-shadow:0 1px 3px rgba(60,64,67,.3),0 4px 8px 3px rgba(60,64,67,.15);margin-top:16px}
.ip .aoI{padding:8px 16px}
.dw{position:fixed;right:0;bottom:0;z-index:10;pointer-events:none}
.dw .no{display:flex;flex-direction:row-reverse;align-items:flex-end;gap:16px;padding-right:16px}
.Hd{pointer-events:auto;width:540px;background:#fff;border-radius:8px 8px 0 0;box-shadow:0 8px 10px 1px rgba(0,0,0,.14),0 3px 14px 2px rgba(0,0,0,.12)}
.Hd.aSs{position:fixed;inset:5vh 10vw;width:auto;border-radius:8px;z-index:20}
.Hd.aSs .Am{min-height:60vh}
.Hy{background:#f2f6fc;border-radius:8px 8px 0 0;padding:10px 16px}
.Ht{width:100%}.a3E{margin:0;font-size:14px;font-weight:500}.a3I{display:none}
.Hm{text-align:right;white-space:nowrap}
.Hl,.Hq,.Ha{width:20px;height:20px;margin-left:8px;cursor:pointer;border-radius:4px;background:#c4c7c5}
.Ha{background:#e57373}
.aoI{padding:0 16px}
.aoD{border-bottom:1px solid #f1f3f4;padding:6px 0}
.anm{display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.gO{color:#5f6368;margin-right:4px}
.afV{display:inline-flex;align-items:center;gap:4px;background:#e8eaed;border-radius:12px;padding:2px 8px}
.afX{width:12px;height:12px;cursor:pointer;border-radius:50%;background:#9aa0a6}
.agP,.aoT{flex:1;border:0;outline:0;font:inherit;padding:4px 0;min-width:120px;width:100%}
.iN{width:100%}.Ap{padding:0}
.Am{min-height:180px;outline:0;padding:8px 0}
.gmail_signature{color:#5f6368}
.ajR{display:inline-block;background:#e8eaed;border-radius:4px;width:24px;height:12px;cursor:pointer;margin:4px 0}
.btC{display:flex;align-items:center;gap:12px;padding:12px 0}
.aoO{background:#0b57d0;color:#fff;border-radius:18px;padding:9px 24px;cursor:pointer;font-weight:500}
.og{width:20px;height:20px;margin-left:auto;cursor:pointer;border-radius:4px;background:#c4c7c5}
.vh{display:none;position:fixed;left:16px;bottom:16px;background:#323232;color:#fff;padding:14px 24px;border-radius:4px}
`;
