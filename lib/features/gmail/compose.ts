/**
 * Finding Gmail's compose windows and remembering which one the rep was writing in. Elements are re-queried before
 * every action (Gmail re-renders freely); what is kept between events is only which compose root had the rep's focus
 * last, the caret in its body, and the order in which composes appeared.
 */
import { GMAIL } from './selectors';

export type ComposeKind = 'popup' | 'fullscreen' | 'inline';

export interface Compose {
  /** The element that holds the compose's recipients, subject and body. */
  root: HTMLElement;
  body: HTMLElement;
  kind: ComposeKind;
}

export interface ComposeScan {
  /** Open composes whose markup is recognised, in document order. */
  composes: Compose[];
  /** Something compose-like is open whose body no longer matches the selectors: Gmail's DOM changed. */
  unrecognised: boolean;
}

/** Hidden parts of the page (a thread opened earlier, a minimised compose) have no layout boxes. */
export function isRendered(element: Element): boolean {
  // DOMs without layout (unit tests) have no getClientRects: everything counts as shown there.
  return typeof element.getClientRects !== 'function' || element.getClientRects().length > 0;
}

/** The compose a body belongs to: its `.M9`, else the dialog or open inline reply around it. */
function rootOf(body: Element): HTMLElement | null {
  return body.closest<HTMLElement>(GMAIL.composeRoot) ?? body.closest<HTMLElement>(GMAIL.composeDialog) ?? body.closest<HTMLElement>(GMAIL.openInlineReply);
}

function kindOf(root: Element): ComposeKind {
  if (root.closest(GMAIL.inlineReplyArea)) return 'inline';
  return root.closest(GMAIL.composeDialog)?.matches(GMAIL.fullScreenDialog) ? 'fullscreen' : 'popup';
}

/** The compose whose body contains `node`, if its markup is recognised. */
export function composeAt(node: Node | null): Compose | null {
  const start = node instanceof Element ? node : (node?.parentElement ?? null);
  const body = start?.closest<HTMLElement>(GMAIL.composeBody);
  const root = body ? rootOf(body) : null;
  return body && root ? { root, body, kind: kindOf(root) } : null;
}

/** The compose root an element (subject, recipients, body) belongs to, if recognised. */
export function composeRootAt(element: Element): HTMLElement | null {
  const root = element.closest<HTMLElement>(GMAIL.composeRoot) ?? element.closest<HTMLElement>(GMAIL.composeDialog);
  return root?.querySelector(GMAIL.composeBody) ? root : (composeAt(element)?.root ?? null);
}

const ANY_EDITOR = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

export function scanComposes(doc: ParentNode, shown: (element: Element) => boolean = isRendered): ComposeScan {
  const composes: Compose[] = [];
  let unrecognised = false;
  for (const body of doc.querySelectorAll<HTMLElement>(GMAIL.composeBody)) {
    if (!shown(body)) continue;
    const root = rootOf(body);
    if (root) composes.push({ root, body, kind: kindOf(root) });
    else unrecognised = true;
  }
  for (const container of doc.querySelectorAll(GMAIL.composeLike)) {
    // A compose-like container with an editor in it but no recognised body: the body's markup changed.
    if (shown(container) && !container.querySelector(GMAIL.composeBody) && container.querySelector(ANY_EDITOR)) unrecognised = true;
  }
  return { composes, unrecognised };
}

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

export function recipientsOf(root: ParentNode): Recipients {
  const read = (field: 'to' | 'cc' | 'bcc'): string[] =>
    [...root.querySelectorAll(`${GMAIL.recipientField(field)} ${GMAIL.recipientChip}`)]
      .map((chip) => chip.getAttribute('data-hovercard-id') ?? '')
      .filter(Boolean);
  return { to: read('to'), cc: read('cc'), bcc: read('bcc') };
}

/** The subject the compose will send: the visible box of a new message, else the hidden one of a reply. */
export function subjectOf(root: ParentNode): string {
  const box = root.querySelector<HTMLInputElement>(GMAIL.subjectBox) ?? root.querySelector<HTMLInputElement>(GMAIL.hiddenSubject);
  return box?.value ?? '';
}

/** What insertion needs to know about the rep's recent activity in the page. */
export interface ComposeMemory {
  /** The rep's last focus in an editor was one whose markup is not recognised (Gmail changed): write nowhere. */
  lastEditorUnrecognised(): boolean;
  /** Recognised compose roots, the most recently focused last. */
  focusedRoots(): readonly Element[];
  /** The caret the rep last left in this compose's body; null when their last focus there was elsewhere (subject). */
  caretIn(root: Element): Range | null;
  /** When the compose appeared: higher is newer; 0 when never seen. */
  appearedAt(root: Element): number;
}

export const NO_MEMORY: ComposeMemory = {
  lastEditorUnrecognised: () => false,
  focusedRoots: () => [],
  caretIn: () => null,
  appearedAt: () => 0,
};

/**
 * Watches one document: a first scan (a compose may already be open), a mutation observer that only looks at added
 * subtrees for a compose body, focus and selection changes for the last-focused compose and its caret.
 */
export class ComposeTracker implements ComposeMemory {
  private readonly appeared = new WeakMap<Element, number>();
  private appearances = 0;
  private readonly focusOrder: Element[] = [];
  private readonly carets = new WeakMap<Element, Range | null>();
  private unrecognisedFocus = false;

  constructor(private readonly doc: Document) {}

  /** Starts watching; returns the function that stops. */
  start(): () => void {
    this.noteComposesIn(this.doc);
    const View = this.doc.defaultView;
    const observer = View ? new View.MutationObserver((records) => this.onMutations(records)) : null;
    observer?.observe(this.doc.documentElement, { childList: true, subtree: true });
    const onFocusIn = (event: Event): void => this.onFocusIn(event.target);
    const onSelectionChange = (): void => this.onSelectionChange();
    this.doc.addEventListener('focusin', onFocusIn, true);
    this.doc.addEventListener('selectionchange', onSelectionChange);
    return () => {
      observer?.disconnect();
      this.doc.removeEventListener('focusin', onFocusIn, true);
      this.doc.removeEventListener('selectionchange', onSelectionChange);
    };
  }

  lastEditorUnrecognised(): boolean {
    return this.unrecognisedFocus;
  }

  focusedRoots(): readonly Element[] {
    return this.focusOrder.filter((root) => root.isConnected);
  }

  caretIn(root: Element): Range | null {
    return this.carets.get(root) ?? null;
  }

  appearedAt(root: Element): number {
    return this.appeared.get(root) ?? 0;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // Cheap: most of Gmail's mutations add text or small subtrees without an editor in them.
        if (node instanceof this.elementClass() && (node.matches(GMAIL.composeBody) || node.querySelector(GMAIL.composeBody))) {
          this.noteComposesIn(node);
        }
      }
    }
    // Forget roots Gmail removed, so the list stays as small as the number of composes open.
    for (let index = this.focusOrder.length - 1; index >= 0; index--) {
      if (!this.focusOrder[index]?.isConnected) this.focusOrder.splice(index, 1);
    }
  }

  private elementClass(): typeof Element {
    return this.doc.defaultView?.Element ?? Element;
  }

  private noteComposesIn(scope: ParentNode): void {
    const bodies = scope instanceof this.elementClass() && scope.matches(GMAIL.composeBody) ? [scope] : [...scope.querySelectorAll(GMAIL.composeBody)];
    for (const body of bodies) {
      const compose = composeAt(body);
      if (compose && !this.appeared.has(compose.root)) this.appeared.set(compose.root, ++this.appearances);
    }
  }

  private touch(root: Element): void {
    const index = this.focusOrder.indexOf(root);
    if (index >= 0) this.focusOrder.splice(index, 1);
    this.focusOrder.push(root);
    if (!this.appeared.has(root)) this.appeared.set(root, ++this.appearances);
    this.unrecognisedFocus = false;
  }

  private onFocusIn(target: EventTarget | null): void {
    if (!(target instanceof this.elementClass())) return;
    const compose = composeAt(target);
    if (compose) {
      this.touch(compose.root);
      this.carets.set(compose.root, this.selectionIn(compose.body));
      return;
    }
    const root = composeRootAt(target);
    if (root) {
      // Subject or recipients: the caret is no longer in the body, so a draft goes to the body's top.
      this.touch(root);
      this.carets.set(root, null);
      return;
    }
    if ((target as HTMLElement).isContentEditable === true && target.closest(GMAIL.composeLike)) {
      this.unrecognisedFocus = true;
    }
  }

  private onSelectionChange(): void {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const compose = composeAt(range.endContainer);
    if (!compose || !compose.body.contains(range.startContainer)) return;
    this.touch(compose.root);
    this.carets.set(compose.root, range.cloneRange());
  }

  private selectionIn(body: HTMLElement): Range | null {
    const selection = typeof this.doc.getSelection === 'function' ? this.doc.getSelection() : null;
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return body.contains(range.startContainer) && body.contains(range.endContainer) ? range.cloneRange() : null;
  }
}
