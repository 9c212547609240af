/**
 * The Outlook fake's in-page app. It is serialised with Function.prototype.toString and runs in the browser, so it must
 * be self-contained: no imports at run time, no outside variables. The page is served with
 * `require-trusted-types-for 'script'`, so it builds DOM only with templates and DOM APIs, never HTML strings.
 *
 * What it imitates: history routing (`/mail/inbox`, `/mail/inbox/id/<itemId>`), the message list, the reading pane
 * with its conversation, "New mail" (a compose in the reading pane), Reply (a compose inside the conversation, its body
 * filled a moment later with the signature and the quoted history), "Open in new window" (the draft pops out into a
 * window of its own at `/mail/deeplink/compose/<draftId>?popoutv2=1`), the deep-link compose
 * (`/mail/deeplink/compose?to=…&subject=…&body=…`), and draft autosave: after every `input` event in a compose a
 * snapshot (with `event.isTrusted`) goes to `window.outlookFake.saves` and is POSTed to the server.
 */

export interface OutlookPageConfig {
  /** `/mail` or, on outlook.live.com, `/mail/0`. */
  mailBase: string;
  email: string;
  fillDelayMs: number;
  saveUrl: string;
  /** A pop-out window: the compose to show, or null in the mail app. */
  popout: { draftId: string | null; to: string[]; subject: string; body: string; reply: boolean } | null;
}

export type OutlookComposeKind = 'pane' | 'inline' | 'window';

export interface OutlookDraft {
  draftId: string;
  kind: OutlookComposeKind;
  host: string;
  to: string[];
  subject: string;
  bodyHtml: string;
  bodyText: string;
  /** Whether the input event that caused this save was a trusted (user or execCommand) one. */
  trusted: boolean;
  savedAt: number;
}

export function outlookPageApp(config: OutlookPageConfig): void {
  const saves: OutlookDraft[] = [];
  Object.assign(window, { outlookFake: { saves } });
  let composeCount = document.querySelectorAll('[id^="docking_InitVisiblePart_"]').length;
  const BODY = 'div[id^="editorParent_"] > div[role="textbox"][contenteditable="true"]';
  const ROOT = '[id^="docking_InitVisiblePart_"]';

  const fragment = (templateId: string): DocumentFragment => {
    const template = document.getElementById(templateId);
    if (!(template instanceof HTMLTemplateElement)) throw new Error(`Outlook fake: template ${templateId} missing`);
    return template.content.cloneNode(true) as DocumentFragment;
  };
  const element = (tag: string, className = '', text = ''): HTMLElement => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const line = (text: string): HTMLElement => {
    const div = element('div', 'elementToProof', text);
    if (!text) div.append(element('br'));
    return div;
  };

  /* ---------- composes ---------- */

  const kindOf = (root: Element): OutlookComposeKind => (config.popout ? 'window' : root.closest('[data-app-section="ConversationContainer"]') ? 'inline' : 'pane');

  const addRecipient = (root: Element, email: string, name = ''): void => {
    const well = root.querySelector('.zcIxm');
    if (!well) return;
    const chip = element('div', 'lpcChip');
    chip.setAttribute('role', 'listitem');
    chip.contentEditable = 'false';
    const label = element('span', 'pU1YL', name || email);
    label.title = email;
    chip.append(label);
    well.append(chip);
  };

  const snapshot = (root: HTMLElement, trusted: boolean): OutlookDraft => {
    const body = root.querySelector<HTMLElement>(BODY);
    const subjectBox = root.querySelector<HTMLInputElement>('input.fui-Input__input');
    const heading = root.closest('[data-app-section="ConversationContainer"]')?.querySelector('[role="heading"]')?.textContent ?? '';
    return {
      draftId: root.getAttribute('data-draft-id') ?? '',
      kind: kindOf(root),
      host: location.hostname,
      to: [...root.querySelectorAll('.zcIxm [title]')].map((chip) => chip.getAttribute('title') ?? ''),
      subject: subjectBox ? subjectBox.value : root.getAttribute('data-reply-subject') || heading,
      bodyHtml: body?.innerHTML ?? '',
      bodyText: body?.innerText ?? '',
      trusted: trusted === true,
      savedAt: Date.now(),
    };
  };

  const post = (action: 'UpdateItem' | 'CreateItem', draft: OutlookDraft): Promise<unknown> =>
    fetch(`${config.saveUrl}?action=${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft), keepalive: true }).catch(() => undefined);

  const saveDraft = (root: HTMLElement, trusted: boolean): Promise<unknown> => {
    const draft = snapshot(root, trusted);
    saves.push(draft);
    return post('UpdateItem', draft);
  };

  const signature = (): HTMLElement => fragment('owa-signature').firstElementChild as HTMLElement;

  /** The quoted history Outlook puts under a reply: the marker, a rule, the header block, the original message. */
  const quotedHistory = (message: Element): Node[] => {
    const sender = message.querySelector('span.OZZZK');
    const date = message.querySelector('[data-testid="SentReceivedSavedTime"]')?.textContent ?? '';
    const subject = document.querySelector('[data-app-section="ConversationContainer"] [role="heading"]')?.textContent ?? '';
    const marker = element('div');
    marker.id = 'appendonsend';
    const rule = element('hr');
    rule.setAttribute('style', 'display:inline-block;width:98%');
    rule.tabIndex = -1;
    const header = element('div');
    header.id = 'divRplyFwdMsg';
    header.dir = 'ltr';
    const font = element('font');
    font.setAttribute('face', 'Calibri, sans-serif');
    font.setAttribute('style', 'font-size:11pt');
    const field = (name: string, value: string): void => {
      font.append(element('b', '', `${name}:`), ` ${value}`, element('br'));
    };
    field('From', `${sender?.textContent ?? ''} <${sender?.getAttribute('title') ?? ''}>`);
    field('Sent', date);
    field('To', config.email);
    field('Subject', subject);
    header.append(font, element('div', '', '\u00a0'));
    const original = element('div');
    for (const text of (message.querySelector('[role="document"]')?.textContent ?? '').split('\n')) original.append(text ? element('div', '', text) : line(''));
    return [marker, rule, header, original];
  };

  const fillBody = (body: HTMLElement, prefill: string, quoted: Node[]): void => {
    if (prefill) {
      body.replaceChildren(...prefill.split('\n').map(line));
    }
    body.append(line(''), signature(), ...quoted);
  };

  const newCompose = (templateId: string, into: Element, reply: boolean): HTMLElement => {
    const content = fragment(templateId);
    const root = content.querySelector<HTMLElement>(ROOT);
    if (!root) throw new Error('Outlook fake: compose template has no root');
    composeCount += 1;
    root.id = `docking_InitVisiblePart_${composeCount - 1}`;
    root.setAttribute('data-draft-id', `AAMkAGDraft${composeCount}${Math.floor(Math.random() * 1e9)}`);
    const parent = root.querySelector('[id^="editorParent_"]');
    if (parent) parent.id = `editorParent_${composeCount}`;
    if (reply) root.setAttribute('data-reply', 'true');
    into.append(content);
    return root;
  };

  const openNewMessage = (): void => {
    const pane = document.getElementById('ReadingPaneContainerId');
    if (!pane) return;
    // The conversation, and any compose already in the pane, make way (Outlook keeps such drafts in tabs below).
    for (const child of pane.children) (child as HTMLElement).style.display = 'none';
    const root = newCompose('owa-compose', pane, false);
    const body = root.querySelector<HTMLElement>(BODY);
    if (body) setTimeout(() => fillBody(body, '', []), config.fillDelayMs);
    root.querySelector<HTMLElement>('.zcIxm')?.focus();
  };

  const openReply = (message: HTMLElement): void => {
    const conversation = message.closest('[data-app-section="ConversationContainer"]');
    if (!conversation) return;
    const existing = conversation.querySelector<HTMLElement>(`${ROOT} ${BODY}`);
    if (existing) {
      existing.focus();
      return;
    }
    const root = newCompose('owa-reply', conversation, true);
    const sender = message.querySelector('span.OZZZK');
    addRecipient(root, sender?.getAttribute('title') ?? '', sender?.textContent ?? '');
    const body = root.querySelector<HTMLElement>(BODY);
    if (!body) return;
    const quoted = quotedHistory(message);
    setTimeout(() => fillBody(body, '', quoted), config.fillDelayMs);
    body.focus();
  };

  const popOut = async (root: HTMLElement): Promise<void> => {
    await saveDraft(root, true);
    const draftId = root.getAttribute('data-draft-id') ?? '';
    const notice = element('div', 'popoutNotice', 'This message is open in another window.');
    root.replaceWith(notice);
    window.open(`${config.mailBase}/deeplink/compose/${encodeURIComponent(draftId)}?popoutv2=1`, '_blank', 'popup,width=800,height=700');
  };

  const closeCompose = (root: HTMLElement): void => {
    const pane = document.getElementById('ReadingPaneContainerId');
    root.remove();
    if (config.popout) {
      window.close();
      return;
    }
    for (const child of pane?.children ?? []) (child as HTMLElement).style.removeProperty('display');
    route();
  };

  /* ---------- routing ---------- */

  function route(): void {
    if (config.popout) return;
    const match = /\/id\/([^/?#]+)/.exec(location.pathname);
    const itemId = match?.[1] ? decodeURIComponent(match[1]) : '';
    let subject = '';
    for (const conversation of document.querySelectorAll<HTMLElement>('[data-app-section="ConversationContainer"]')) {
      const open = [...conversation.querySelectorAll('[data-item-id]')].some((item) => item.getAttribute('data-item-id') === itemId);
      conversation.style.display = open ? '' : 'none';
      if (open) subject = conversation.querySelector('[role="heading"]')?.textContent ?? '';
    }
    const empty = document.querySelector<HTMLElement>('.readingPaneEmpty');
    if (empty) empty.style.display = itemId ? 'none' : '';
    document.title = subject ? `Mail - ${config.email} - ${subject} - Outlook` : `Mail - ${config.email} - Outlook`;
  }

  const openPopout = (popout: NonNullable<OutlookPageConfig['popout']>): void => {
    const host = document.getElementById('popoutHost');
    const existing = host?.querySelector<HTMLElement>(ROOT);
    if (existing) return;
    if (!host) return;
    const root = newCompose('owa-compose', host, popout.reply);
    for (const email of popout.to) addRecipient(root, email);
    const box = root.querySelector<HTMLInputElement>('input.fui-Input__input');
    if (box) box.value = popout.subject;
    const body = root.querySelector<HTMLElement>(BODY);
    if (body) setTimeout(() => fillBody(body, popout.body, []), config.fillDelayMs);
    (popout.to.length ? body : root.querySelector<HTMLElement>('.zcIxm'))?.focus();
  };

  /* ---------- events ---------- */

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const hit = (selector: string): HTMLElement | null => target?.closest<HTMLElement>(selector) ?? null;
    const root = hit(ROOT);
    if (hit('button.newMailButton')) openNewMessage();
    else if (hit('button[name="Reply"]')) {
      const message = hit('[data-item-id]');
      if (message) openReply(message);
    } else if (root && hit('button[name="Send"]')) {
      void post('CreateItem', snapshot(root, true));
      closeCompose(root);
    } else if (root && hit('button[name="Discard"]')) closeCompose(root);
    else if (root && hit('button[name="Pop out"]')) void popOut(root);
    else if (hit('[role="option"][data-convid]')) {
      const itemId = hit('[role="option"][data-convid]')?.getAttribute('data-item-id') ?? '';
      window.history.pushState(null, '', `${config.mailBase}/inbox/id/${encodeURIComponent(itemId)}`);
      route();
    }
  });

  document.addEventListener(
    'input',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const root = target?.closest<HTMLElement>(ROOT);
      if (root) void saveDraft(root, event.isTrusted);
    },
    true,
  );

  window.addEventListener('popstate', route);
  if (config.popout) openPopout(config.popout);
  else route();
}
