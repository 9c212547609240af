/**
 * Finding a mail client's compose windows and remembering which one the rep was writing in. Elements are re-queried
 * before every action (the clients re-render freely); what is kept between events is only which compose root had the
 * rep's focus last, the caret in its body, and the order in which composes appeared.
 */
import { isRendered, type ComposeKind, type MailDom } from './client';

export interface Compose {
  /** The element that holds the compose's recipients, subject and body. */
  root: HTMLElement;
  body: HTMLElement;
  kind: ComposeKind;
}

export interface ComposeScan {
  /** Open composes whose markup is recognised, in document order. */
  composes: Compose[];
  /** Something compose-like is open whose body no longer matches the selectors: the client's DOM changed. */
  unrecognised: boolean;
}

/** The compose whose body contains `node`, if its markup is recognised. */
export function composeAt(dom: MailDom, node: Node | null): Compose | null {
  const start = node instanceof Element ? node : (node?.parentElement ?? null);
  const body = start?.closest<HTMLElement>(dom.composeBody);
  const root = body ? dom.composeRootOf(body) : null;
  return body && root ? { root, body, kind: dom.composeKind(root) } : null;
}

/** The compose root an element (subject, recipients, body) belongs to, if recognised. */
export function composeRootAt(dom: MailDom, element: Element): HTMLElement | null {
  return dom.composeRootAround(element) ?? composeAt(dom, element)?.root ?? null;
}

const ANY_EDITOR = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

export function scanComposes(dom: MailDom, doc: ParentNode, shown: (element: Element) => boolean = isRendered): ComposeScan {
  const composes: Compose[] = [];
  let unrecognised = false;
  for (const body of doc.querySelectorAll<HTMLElement>(dom.composeBody)) {
    if (!shown(body)) continue;
    const root = dom.composeRootOf(body);
    if (root) composes.push({ root, body, kind: dom.composeKind(root) });
    else unrecognised = true;
  }
  for (const container of doc.querySelectorAll(dom.composeLike)) {
    // A compose-like container with an editor in it but no recognised body: the body's markup changed.
    if (shown(container) && !container.querySelector(dom.composeBody) && container.querySelector(ANY_EDITOR)) unrecognised = true;
  }
  return { composes, unrecognised };
}

/** What insertion needs to know about the rep's recent activity in the page. */
export interface ComposeMemory {
  /** The rep's last focus in an editor was one whose markup is not recognised (the client changed): write nowhere. */
  lastEditorUnrecognised(): boolean;
  /** Recognised compose roots, the most recently focused last. */
  focusedRoots(): readonly Element[];
  /** The caret the rep last left in this compose's body; null when their last focus there was elsewhere (subject). */
  caretIn(root: Element): Range | null;
  /** When the compose appeared: higher is newer; 0 when never seen. */
  appearedAt(root: Element): number;
}

/** When the rep last worked in a compose of this page that is still open (ms since the epoch); null if never. */
export function lastComposeUse(tracker: ComposeTracker): number | null {
  return tracker.focusedRoots().length > 0 ? tracker.lastUsedAt : null;
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
  /** When the rep last focused or moved the caret in a recognised compose. */
  lastUsedAt: number | null = null;

  constructor(
    private readonly doc: Document,
    private readonly dom: MailDom,
  ) {}

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
        // Cheap: most of the client's mutations add text or small subtrees without an editor in them.
        if (node instanceof this.elementClass() && (node.matches(this.dom.composeBody) || node.querySelector(this.dom.composeBody))) {
          this.noteComposesIn(node);
        }
      }
    }
    // Forget roots the client removed, so the list stays as small as the number of composes open.
    for (let index = this.focusOrder.length - 1; index >= 0; index--) {
      if (!this.focusOrder[index]?.isConnected) this.focusOrder.splice(index, 1);
    }
  }

  private elementClass(): typeof Element {
    return this.doc.defaultView?.Element ?? Element;
  }

  private noteComposesIn(scope: ParentNode): void {
    const bodies = scope instanceof this.elementClass() && scope.matches(this.dom.composeBody) ? [scope] : [...scope.querySelectorAll(this.dom.composeBody)];
    for (const body of bodies) {
      const compose = composeAt(this.dom, body);
      if (compose && !this.appeared.has(compose.root)) this.appeared.set(compose.root, ++this.appearances);
    }
  }

  private touch(root: Element): void {
    const index = this.focusOrder.indexOf(root);
    if (index >= 0) this.focusOrder.splice(index, 1);
    this.focusOrder.push(root);
    this.lastUsedAt = Date.now();
    if (!this.appeared.has(root)) this.appeared.set(root, ++this.appearances);
    this.unrecognisedFocus = false;
  }

  private onFocusIn(target: EventTarget | null): void {
    if (!(target instanceof this.elementClass())) return;
    const compose = composeAt(this.dom, target);
    if (compose) {
      this.touch(compose.root);
      this.carets.set(compose.root, this.selectionIn(compose.body));
      return;
    }
    const root = composeRootAt(this.dom, target);
    if (root) {
      // Subject or recipients: the caret is no longer in the body, so a draft goes to the body's top.
      this.touch(root);
      this.carets.set(root, null);
      return;
    }
    if ((target as HTMLElement).isContentEditable === true && target.closest(this.dom.composeLike)) {
      this.unrecognisedFocus = true;
    }
  }

  private onSelectionChange(): void {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const compose = composeAt(this.dom, range.endContainer);
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
