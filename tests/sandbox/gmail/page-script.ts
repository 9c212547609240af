/**
 * The Gmail fake's in-page app. It is serialised with Function.prototype.toString and runs in the browser, so it must
 * be self-contained: no imports at run time, no outside variables. The page is served with
 * `require-trusted-types-for 'script'`, so it builds DOM only with templates and DOM APIs, never HTML strings.
 *
 * What it imitates: hash routing (#inbox, #inbox/<threadId>, #inbox?compose=new), pop-up composes (several at once, a
 * Full-screen toggle), inline replies inside the message's `.ip` (which gains `adB`), the body being filled with the
 * signature a moment after the compose appears, the "…" (`.ajR`) button that reveals the quoted text, `?view=cm&fs=1`
 * prefilled composes, and draft autosave: after every `input` event in a compose, a snapshot (with `event.isTrusted`)
 * goes to `window.gmailFake.drafts` / `.saves` and is POSTed to the server, so tests can see whether "Gmail" registered
 * a change.
 */

export interface PageConfig {
  account: number;
  email: string;
  /** Gmail fills a new compose's body (signature, prefill) a moment after the compose appears. */
  fillDelayMs: number;
  draftUrl: string;
  sendUrl: string;
}

export type ComposeKind = 'popup' | 'fullscreen' | 'inline';

export interface DraftSnapshot {
  composeId: string;
  kind: ComposeKind;
  account: number;
  to: string[];
  subject: string;
  bodyHtml: string;
  bodyText: string;
  /** Whether the input event that caused this save was a trusted (user or execCommand) one. */
  trusted: boolean;
  savedAt: number;
}

export function gmailPageApp(config: PageConfig): void {
  const drafts: Record<string, DraftSnapshot> = {};
  const saves: DraftSnapshot[] = [];
  Object.assign(window, { gmailFake: { drafts, saves } });
  let composeCount = 0;
  const BODY = 'div[g_editable="true"][role="textbox"][contenteditable="true"]';

  const fragment = (templateId: string): DocumentFragment => {
    const template = document.getElementById(templateId);
    if (!(template instanceof HTMLTemplateElement)) throw new Error(`Gmail fake: template ${templateId} missing`);
    return template.content.cloneNode(true) as DocumentFragment;
  };
  const element = (tag: string, className = '', text = ''): HTMLElement => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const setHidden = (input: Element | null, value: string): void => {
    if (input instanceof HTMLInputElement) input.value = value;
  };

  /* ---------- recipients ---------- */

  const addChip = (field: Element, email: string, name = ''): void => {
    const chip = element('div', 'afV');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', email);
    chip.setAttribute('data-name', name || email);
    chip.tabIndex = -1;
    chip.append(element('div', 'akl', name || email));
    const remove = element('div', 'afX');
    remove.setAttribute('role', 'button');
    remove.setAttribute('aria-label', `Remove ${email}`);
    chip.append(remove);
    field.insertBefore(chip, field.querySelector('input[role="combobox"]'));
  };

  const commitTypedRecipient = (input: HTMLInputElement, trusted: boolean): void => {
    const value = input.value.trim().replace(/[,;]$/, '');
    const field = input.closest('.anm');
    if (!field || !value.includes('@')) return;
    addChip(field, value);
    input.value = '';
    const root = field.closest('.M9');
    if (root instanceof HTMLElement) saveDraft(root, trusted);
  };

  /* ---------- compose windows ---------- */

  const kindOf = (root: HTMLElement): ComposeKind => {
    if (root.closest('.ip')) return 'inline';
    return root.closest('[role="dialog"]')?.classList.contains('aSs') ? 'fullscreen' : 'popup';
  };

  const snapshot = (root: HTMLElement, trusted: boolean): DraftSnapshot => {
    const body = root.querySelector<HTMLElement>(BODY);
    const subjectBox = root.querySelector<HTMLInputElement>('input[name="subjectbox"]');
    const hiddenSubject = root.querySelector<HTMLInputElement>('input[name="subject"]');
    const composeId = root.querySelector<HTMLInputElement>('input[name="composeid"]')?.value ?? '';
    return {
      composeId,
      kind: kindOf(root),
      account: config.account,
      to: [...root.querySelectorAll('.anm[name="to"] [role="option"][data-hovercard-id]')].map(
        (chip) => chip.getAttribute('data-hovercard-id') ?? '',
      ),
      subject: subjectBox?.value ?? hiddenSubject?.value ?? '',
      bodyHtml: body?.innerHTML ?? '',
      bodyText: body?.innerText ?? '',
      // Non-browser DOMs (tests) leave isTrusted undefined: that is not a trusted event either.
      trusted: trusted === true,
      savedAt: Date.now(),
    };
  };

  function saveDraft(root: HTMLElement, trusted: boolean): void {
    const draft = snapshot(root, trusted);
    drafts[draft.composeId] = draft;
    saves.push(draft);
    void fetch(config.draftUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(draft),
      keepalive: true,
    }).catch(() => undefined);
  }

  const newIds = (root: ParentNode): void => {
    composeCount += 1;
    setHidden(root.querySelector('input[name="composeid"]'), String(composeCount));
    setHidden(root.querySelector('input[name="draft"]'), `#msg-a:r-${Math.floor(Math.random() * 1e18)}`);
    root.querySelector(BODY)?.setAttribute('id', `:b${composeCount}`);
  };

  /** Gmail's body after it loads: the prefill (one div a line), then the signature block. */
  const fillBody = (body: HTMLElement, text: string | undefined): void => {
    if (body.childNodes.length === 1 && body.firstChild?.nodeName === 'BR') body.replaceChildren();
    for (const line of text ? text.split('\n') : []) {
      const div = element('div', '', line);
      if (!line) div.append(element('br'));
      body.append(div);
    }
    body.append(fragment('gw-signature'));
  };

  const openPopup = (prefill: { to?: string[]; subject?: string; body?: string; fullscreen?: boolean } = {}): HTMLElement => {
    const content = fragment('gw-compose');
    const dialog = content.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) throw new Error('Gmail fake: compose template has no dialog');
    newIds(dialog);
    if (prefill.fullscreen) setFullScreen(dialog, true);
    document.querySelector('.dw .no')?.prepend(content);
    const field = dialog.querySelector('.anm[name="to"]');
    for (const email of prefill.to ?? []) if (field) addChip(field, email);
    const subject = dialog.querySelector<HTMLInputElement>('input[name="subjectbox"]');
    if (subject && prefill.subject) subject.value = prefill.subject;
    updateComposeTitle(dialog);
    const body = dialog.querySelector<HTMLElement>(BODY);
    if (body) setTimeout(() => fillBody(body, prefill.body), config.fillDelayMs);
    const first = prefill.to?.length ? body : dialog.querySelector<HTMLElement>('.anm input[role="combobox"]');
    first?.focus();
    return dialog;
  };

  const updateComposeTitle = (dialog: Element): void => {
    const subject = dialog.querySelector<HTMLInputElement>('input[name="subjectbox"]')?.value ?? '';
    const title = dialog.querySelector('.aYF');
    if (title) title.textContent = subject || 'New Message';
  };

  function setFullScreen(dialog: HTMLElement, on: boolean): void {
    dialog.classList.toggle('aSs', on);
    const toggle = dialog.querySelector('.Hq');
    toggle?.setAttribute('aria-label', on ? 'Exit full screen (Shift for pop-out)' : 'Full screen (Shift for pop-out)');
    toggle?.setAttribute('data-tooltip', toggle.getAttribute('aria-label') ?? '');
  }

  const openReply = (message: HTMLElement): void => {
    const ip = message.querySelector<HTMLElement>('.ip');
    if (!ip) return;
    const existing = ip.querySelector<HTMLElement>(BODY);
    if (existing) {
      existing.focus();
      return;
    }
    ip.classList.add('adB');
    ip.querySelector<HTMLElement>('.amn')?.style.setProperty('display', 'none');
    const content = fragment('gw-reply');
    newIds(content);
    const sender = message.querySelector('span.gD[email]');
    const field = content.querySelector('.anm[name="to"]');
    if (sender && field) addChip(field, sender.getAttribute('email') ?? '', sender.getAttribute('name') ?? '');
    const subject = document.querySelector(`h2.hP[data-thread-perm-id="${message.closest('[data-thread-perm-id]')?.getAttribute('data-thread-perm-id') ?? ''}"]`);
    setHidden(content.querySelector('input[name="subject"]'), `Re: ${subject?.textContent ?? ''}`);
    setHidden(content.querySelector('input[name="rm"]'), message.getAttribute('data-legacy-message-id') ?? '');
    ip.append(content);
    const body = ip.querySelector<HTMLElement>(BODY);
    if (!body) return;
    setTimeout(() => fillBody(body, undefined), config.fillDelayMs);
    body.focus();
  };

  /** The "…" button: appends the quoted message to the reply's body, as Gmail reveals trimmed content. */
  const showQuote = (button: HTMLElement): void => {
    const root = button.closest<HTMLElement>('.M9');
    const message = button.closest<HTMLElement>('[data-message-id]');
    const body = root?.querySelector<HTMLElement>(BODY);
    if (!root || !message || !body) return;
    const sender = message.querySelector('span.gD[email]');
    const date = message.querySelector('span.g3')?.getAttribute('title') ?? '';
    const quote = element('div', 'gmail_quote');
    const attribution = element('div', 'gmail_attr', `On ${date} ${sender?.getAttribute('name') ?? ''} <${sender?.getAttribute('email') ?? ''}> wrote:`);
    attribution.setAttribute('dir', 'ltr');
    attribution.append(element('br'));
    const blockquote = element('blockquote', 'gmail_quote');
    blockquote.setAttribute('style', 'margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex');
    const original = message.querySelector('.a3s > div');
    if (original) blockquote.append(original.cloneNode(true));
    quote.append(attribution, blockquote);
    body.append(element('br'), quote);
    button.style.display = 'none';
  };

  const closeCompose = (root: HTMLElement): void => {
    const ip = root.closest<HTMLElement>('.ip');
    if (ip) {
      for (const child of [...ip.children]) if (!child.classList.contains('amn')) child.remove();
      ip.classList.remove('adB');
      ip.querySelector<HTMLElement>('.amn')?.style.removeProperty('display');
      return;
    }
    root.closest('[role="dialog"]')?.remove();
  };

  const send = (root: HTMLElement): void => {
    void fetch(config.sendUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(snapshot(root, true)) }).catch(
      () => undefined,
    );
    closeCompose(root);
    const toast = document.querySelector<HTMLElement>('.vh');
    if (toast) {
      toast.textContent = 'Message sent';
      toast.style.display = 'block';
      setTimeout(() => toast.style.removeProperty('display'), 3000);
    }
  };

  /* ---------- routing ---------- */

  const route = (): void => {
    const hash = decodeURIComponent(location.hash.slice(1)) || 'inbox';
    const [path = 'inbox', query = ''] = hash.split('?');
    const threadKey = path.split('/')[1] ?? '';
    const threads = [...document.querySelectorAll<HTMLElement>('div.if[data-thread-key]')];
    const open = threads.find((thread) => thread.getAttribute('data-thread-key') === threadKey);
    for (const thread of threads) thread.style.display = thread === open ? '' : 'none';
    const inbox = document.querySelector<HTMLElement>('.ae4');
    if (inbox) inbox.style.display = open ? 'none' : '';
    const subject = open?.querySelector('h2.hP')?.textContent;
    document.title = `${subject ?? 'Inbox'} - ${config.email} - Acme Mail`;
    document.querySelector(`tr.zA[data-thread-key="${threadKey}"]`)?.classList.replace('zE', 'yO');
    if (new URLSearchParams(query).get('compose') === 'new' && !document.querySelector('[role="dialog"] .M9')) openPopup();
  };

  /* ---------- events ---------- */

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const hit = (selector: string): HTMLElement | null => target?.closest<HTMLElement>(selector) ?? null;
    const root = hit('.M9');
    if (hit('[gh="cm"]')) openPopup();
    else if (hit('.ams.bkH')) {
      const message = hit('[data-message-id]');
      if (message) openReply(message);
    } else if (hit('.ajR')) showQuote(hit('.ajR') as HTMLElement);
    else if (hit('.Hq')) {
      const dialog = hit('[role="dialog"]');
      if (dialog) setFullScreen(dialog, !dialog.classList.contains('aSs'));
    } else if (hit('.Ha')) hit('[role="dialog"]')?.remove();
    else if (root && hit('.og')) closeCompose(root);
    else if (root && hit('.aoO')) send(root);
    else if (hit('.afX')) hit('[role="option"]')?.remove();
    else if (hit('.lS')) location.hash = 'inbox';
    else if (hit('tr.zA')) location.hash = `inbox/${hit('tr.zA')?.getAttribute('data-thread-key') ?? ''}`;
  });

  document.addEventListener(
    'input',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const root = target?.closest<HTMLElement>('.M9');
      if (!target || !root) return;
      if (target.matches('input[name="subjectbox"]')) updateComposeTitle(root);
      if (target.matches('.anm input[role="combobox"]') && /[,;]$/.test((target as HTMLInputElement).value)) {
        commitTypedRecipient(target as HTMLInputElement, event.isTrusted);
      }
      saveDraft(root, event.isTrusted);
    },
    true,
  );

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.matches('.anm input[role="combobox"]')) {
      event.preventDefault();
      commitTypedRecipient(target, event.isTrusted);
    }
  });

  document.addEventListener(
    'blur',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.matches('.anm input[role="combobox"]')) commitTypedRecipient(target, event.isTrusted);
    },
    true,
  );

  window.addEventListener('hashchange', route);
  route();
  const params = new URLSearchParams(location.search);
  if (params.get('view') === 'cm') {
    const to = (params.get('to') ?? '').split(',').map((item) => item.trim()).filter(Boolean);
    openPopup({ to, subject: params.get('su') ?? '', body: params.get('body') ?? '', fullscreen: params.get('fs') === '1' });
  }
}
