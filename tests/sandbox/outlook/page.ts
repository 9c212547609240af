/**
 * The Outlook fake's HTML: the mail app (header with search, folder pane with "New mail", the message list, the
 * reading pane with every conversation pre-rendered and shown by the route) or a pop-out compose window, plus the
 * compose templates and the in-page app (page-script.ts). Ids and attributes follow what public integrations of
 * Outlook on the web rely on (`docking_InitVisiblePart_N`, `editorParent_N`, `data-app-section`, `data-convid`,
 * `ReadingPaneContainerId`, `SentReceivedSavedTime`, the body's `Signature`, `appendonsend` and `divRplyFwdMsg`);
 * class names imitate its generated ones and are invented in the same style.
 */
import { escapeHtml, pageScriptOf } from '../page-html';
import type { OutlookAccount, OutlookConversation, OutlookMessage } from './mailbox';
import { outlookPageApp, type OutlookDraft, type OutlookPageConfig } from './page-script';

export type PageRoute =
  | { kind: 'app' }
  | { kind: 'popout'; draftId: string | null; to: string[]; subject: string; body: string; saved?: OutlookDraft };

export interface PageOptions {
  mailBase: string;
  fillDelayMs: number;
  saveUrl: string;
}

function listItem(conversation: OutlookConversation): string {
  const last = conversation.messages.at(-1);
  if (!last) return '';
  const preview = last.body.replace(/\s+/g, ' ').slice(0, 90);
  return `<div class="hcptT${conversation.unread ? ' unread' : ''}" role="option" tabindex="-1" aria-selected="false" data-convid="${conversation.conversationId}" data-item-id="${last.itemId}">
<span class="XG5Jd" title="${escapeHtml(last.fromEmail)}">${escapeHtml(last.fromName)}</span><span class="TtcXM">${escapeHtml(conversation.subject)}</span><span class="jGG6V">${escapeHtml(preview)}</span></div>`;
}

function messageItem(message: OutlookMessage): string {
  const lines = message.body.split('\n').map((text) => (text ? `<div>${escapeHtml(text)}</div>` : '<div><br></div>')).join('');
  return `<div class="aVla3" role="listitem" data-item-id="${message.itemId}">
<div class="nHdr"><div class="Pers"><span class="OZZZK" title="${escapeHtml(message.fromEmail)}">${escapeHtml(message.fromName)}</span> <span class="yc2Xr">&lt;${escapeHtml(message.fromEmail)}&gt;</span></div>
<div class="toLine">To: <span title="${escapeHtml(message.toEmail)}">${escapeHtml(message.toName)}</span></div>
<div class="AL_OM" data-testid="SentReceivedSavedTime">${escapeHtml(message.date)}</div>
<div class="msgActions" role="toolbar"><button type="button" class="fui-Button" name="Reply" aria-label="Reply" title="Reply">Reply</button><button type="button" class="fui-Button" name="Reply all" aria-label="Reply all" title="Reply all">Reply all</button><button type="button" class="fui-Button" name="Forward" aria-label="Forward" title="Forward">Forward</button></div></div>
<div class="XbIp4 jmmB7" role="document" aria-label="Message body">${lines}</div>
</div>`;
}

function conversationView(conversation: OutlookConversation): string {
  return `<div class="wide-content-host" data-app-section="ConversationContainer" data-convid="${conversation.conversationId}" style="display:none">
<div class="full" role="heading" aria-level="2">${escapeHtml(conversation.subject)}</div>
${conversation.messages.map(messageItem).join('\n')}
</div>`;
}

const TOOLBAR =
  '<div class="ms-CommandBar" role="toolbar"><button type="button" class="fui-Button sendBtn" name="Send" aria-label="Send" title="Send (Ctrl+Enter)">Send</button><button type="button" class="fui-Button" name="Discard" aria-label="Discard" title="Discard">Discard</button><button type="button" class="fui-Button" name="Pop out" aria-label="Open in new window" title="Open in new window">&#8599;</button></div>';

const WELLS =
  '<div class="PGAH1"><div class="dTRK1"><span class="l3sUo">To</span><div class="zcIxm" role="textbox" contenteditable="true" aria-label="To" spellcheck="false"></div></div><div class="dTRK1"><span class="l3sUo">Cc</span><div class="zcIxm ccWell" role="textbox" contenteditable="true" aria-label="Cc" spellcheck="false"></div></div></div>';

const SUBJECT = '<div class="subjectRow"><span class="fui-Input"><input type="text" class="fui-Input__input" maxlength="255" aria-label="Subject" placeholder="Add a subject"></span></div>';

function editor(bodyHtml = '<div class="elementToProof"><br></div>'): string {
  return `<div id="editorParent_1" class="dFCbN"><div class="DziEn elementToProof" role="textbox" contenteditable="true" aria-label="Message body" aria-multiline="true" spellcheck="true" style="font-family:Aptos,Calibri,Helvetica,sans-serif;font-size:12pt">${bodyHtml}</div></div>`;
}

const compose = (subject: boolean, bodyHtml?: string): string =>
  `<div class="yz4r1" id="docking_InitVisiblePart_0">${TOOLBAR}${WELLS}${subject ? SUBJECT : ''}${editor(bodyHtml)}</div>`;

function signatureTemplate(account: OutlookAccount): string {
  return `<template id="owa-signature"><div id="Signature" class="elementToProof">${account.signature.map((text) => `<div>${escapeHtml(text)}</div>`).join('')}</div></template>`;
}

/** A saved draft popped out: Outlook renders it as it was (recipients, subject, body) in a window of its own. */
function savedCompose(saved: OutlookDraft): string {
  const chips = saved.to.map((email) => `<div class="lpcChip" role="listitem" contenteditable="false"><span class="pU1YL" title="${escapeHtml(email)}">${escapeHtml(email)}</span></div>`).join('');
  const reply = saved.kind === 'inline';
  const subject = `<div class="subjectRow"><span class="fui-Input"><input type="text" class="fui-Input__input" maxlength="255" aria-label="Subject" value="${escapeHtml(reply ? `RE: ${saved.subject}` : saved.subject)}"></span></div>`;
  return `<div class="yz4r1" id="docking_InitVisiblePart_0" data-draft-id="${escapeHtml(saved.draftId)}"${reply ? ' data-reply="true"' : ''}>${TOOLBAR}${WELLS.replace('aria-label="To" spellcheck="false">', `aria-label="To" spellcheck="false">${chips}`)}${subject}${editor(saved.bodyHtml)}</div>`;
}

export function renderOutlookPage(account: OutlookAccount, route: PageRoute, options: PageOptions): string {
  const popout = route.kind === 'popout';
  const config: OutlookPageConfig = {
    mailBase: options.mailBase,
    email: account.email,
    fillDelayMs: options.fillDelayMs,
    saveUrl: options.saveUrl,
    popout: popout && !route.saved ? { draftId: route.draftId, to: route.to, subject: route.subject, body: route.body, reply: false } : null,
  };
  if (popout && route.saved) config.popout = { draftId: route.draftId, to: [], subject: '', body: '', reply: route.saved.kind === 'inline' };
  const main = popout
    ? `<div id="popoutHost" class="popoutHost" role="main">${route.saved ? savedCompose(route.saved) : ''}</div>`
    : `<div class="appBody">
<div class="folderPane" role="navigation"><button type="button" class="fui-Button newMailButton" aria-label="New mail">New mail</button>
<div role="tree"><div role="treeitem" aria-selected="true" title="Inbox">Inbox</div><div role="treeitem" title="Sent Items">Sent Items</div></div></div>
<div class="mailList" role="listbox" aria-label="Message list">${account.conversations.map(listItem).join('\n')}</div>
<div id="ReadingPaneContainerId" role="main"><div class="readingPaneEmpty">Select an item to read</div>
${account.conversations.map(conversationView).join('\n')}</div>
</div>`;
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail - ${escapeHtml(account.email)} - Outlook</title>
<style>${CSS}</style></head>
<body>
<div id="app">
<div id="O365_NavHeader" role="banner"><span class="brand">Outlook</span><input id="topSearchInput" class="searchBox" type="search" aria-label="Search" placeholder="Search"><span class="me" title="${escapeHtml(account.email)}">${escapeHtml(account.name.charAt(0))}</span></div>
${main}
</div>
<template id="owa-compose">${compose(true)}</template>
<template id="owa-reply">${compose(false)}</template>
${signatureTemplate(account)}
<script>${pageScriptOf(outlookPageApp, config)}</script>
</body></html>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 "Segoe UI",Arial,sans-serif;color:#242424;background:#f5f5f5}
#O365_NavHeader{display:flex;align-items:center;gap:24px;height:48px;padding:0 16px;background:#0f6cbd;color:#fff}
.brand{font-weight:600;font-size:16px}.searchBox{flex:1;max-width:480px;height:32px;border:0;border-radius:4px;padding:0 12px}
.me{width:32px;height:32px;border-radius:50%;background:#fff;color:#0f6cbd;display:flex;align-items:center;justify-content:center}
.appBody{display:flex;height:calc(100vh - 48px)}
.folderPane{width:200px;padding:12px}.newMailButton{background:#0f6cbd;color:#fff;border:0;border-radius:4px;padding:8px 16px;cursor:pointer;margin-bottom:12px}
[role=treeitem]{padding:6px 8px;border-radius:4px}[role=treeitem][aria-selected=true]{background:#e0e0e0;font-weight:600}
.mailList{width:320px;background:#fff;border-right:1px solid #e0e0e0;overflow:auto}
.hcptT{display:flex;flex-direction:column;padding:10px 12px;border-bottom:1px solid #f0f0f0;cursor:pointer}.hcptT.unread .XG5Jd{font-weight:700}
.jGG6V{color:#616161;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#ReadingPaneContainerId{flex:1;overflow:auto;padding:16px;background:#fff}.readingPaneEmpty{color:#616161;text-align:center;margin-top:30vh}
.full{font-size:20px;font-weight:600;margin-bottom:12px}
.aVla3{border:1px solid #e0e0e0;border-radius:6px;padding:12px;margin-bottom:12px}
.OZZZK{font-weight:600}.yc2Xr,.toLine,.AL_OM{color:#616161;font-size:12px}
.msgActions{display:flex;gap:8px;margin:8px 0}.fui-Button{border:1px solid #d1d1d1;background:#fff;border-radius:4px;padding:4px 12px;cursor:pointer}
.sendBtn{background:#0f6cbd;color:#fff;border-color:#0f6cbd}
.yz4r1{border:1px solid #d1d1d1;border-radius:6px;padding:12px;margin-top:12px;background:#fff}
.ms-CommandBar{display:flex;gap:8px;margin-bottom:8px}
.dTRK1{display:flex;gap:8px;align-items:center;border-bottom:1px solid #f0f0f0;padding:4px 0}.l3sUo{color:#616161;width:28px}
.zcIxm{flex:1;min-height:24px;outline:0}.lpcChip{display:inline-flex;background:#ebf3fc;border-radius:12px;padding:0 8px;margin-right:4px}
.subjectRow{border-bottom:1px solid #f0f0f0;padding:4px 0}.fui-Input__input{width:100%;border:0;outline:0;font:inherit;padding:4px 0}
.DziEn{min-height:200px;outline:0;padding:8px 0}#Signature{color:#424242}
.popoutHost{padding:16px}.popoutNotice{color:#616161;padding:12px}
`;
