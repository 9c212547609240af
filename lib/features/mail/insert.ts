/**
 * Writing a draft into a mail client's compose, from the isolated-world content script (Gmail and Outlook enforce
 * Trusted Types, which binds only the page's main world). The draft goes where the rep's caret was in the body of the compose they used last,
 * else at the top of its body; always above the signature and the quoted text, and always beside what the rep wrote:
 * a selection is kept and the draft goes right after it, because replacing the rep's words is never what "insert" means.
 */
import { isRendered, type MailClient, type MailDom } from './client';
import { NO_MEMORY, scanComposes, type Compose, type ComposeMemory } from './compose';
import type { InsertOutcome } from './content-messages';
import { t } from '../../i18n';

export interface DraftToInsert {
  text: string;
  subject?: string;
}

/** A DOM position: inside `node`, before its child `offset` (elements) or character `offset` (text). */
interface Point {
  node: Node;
  offset: number;
}

const TEXT_NODE = 3;
const LEAVES = new Set(['BR', 'IMG', 'HR', 'INPUT']);
const BLOCKS = new Set(['DIV', 'P', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'TABLE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR']);

const domChanged = (client: MailClient): string => `${t('insert_domChanged', { client: client.name })} ${t('insert_onClipboard')}`;

export function insertDraft(doc: Document, draft: DraftToInsert, client: MailClient, memory: ComposeMemory = NO_MEMORY): InsertOutcome {
  const dom = client.dom;
  if (memory.lastEditorUnrecognised()) return { kind: 'dom-changed', message: domChanged(client) };
  const scan = scanComposes(dom, doc);
  const compose = targetCompose(scan.composes, memory);
  if (!compose) {
    if (scan.unrecognised) return { kind: 'dom-changed', message: domChanged(client) };
    return { kind: 'no-compose', message: t('insert_noComposeInTab', { client: client.name }) };
  }

  // Decided before anything moves the focus (the subject box takes it for a moment).
  const caret = caretPoint(doc, dom, compose, memory);
  const top = caret ? null : topPoint(doc, dom, compose.body);
  let text = draft.text.replace(/\r\n?/g, '\n');
  // At the top, above a line the rep already wrote: the draft ends its own line instead of running into theirs.
  if (top?.lineHasText && !text.endsWith('\n')) text += '\n';

  const reply = dom.isReply(compose.root);
  const subjectSet = draft.subject && !reply ? fillEmptySubject(doc, dom, compose, draft.subject) : false;
  const method = writeIntoBody(doc, dom, compose.body, caret ?? (top as TopPoint).point, text);
  return {
    kind: 'inserted',
    where: caret ? 'caret' : 'top',
    compose: compose.kind,
    reply,
    method,
    subjectSet,
    subject: dom.subjectOf(compose.root),
    to: dom.recipientsOf(compose.root),
  };
}

/** The compose the rep focused last that is still open; else the one that appeared last. */
function targetCompose(composes: Compose[], memory: ComposeMemory): Compose | null {
  const focused = memory.focusedRoots();
  for (let index = focused.length - 1; index >= 0; index--) {
    const match = composes.find((compose) => compose.root === focused[index]);
    if (match) return match;
  }
  let newest: Compose | null = null;
  for (const compose of composes) {
    if (!newest || memory.appearedAt(compose.root) > memory.appearedAt(newest.root)) newest = compose;
  }
  return newest;
}

/** The rep's caret in this body (the end of their selection), if it is above the signature and quote. */
function caretPoint(doc: Document, dom: MailDom, compose: Compose, memory: ComposeMemory): Point | null {
  const range = liveSelectionIn(doc, compose.body) ?? memory.caretIn(compose.root);
  // A caret in a body the client has since re-rendered is gone with the old body.
  if (!range || !compose.body.contains(range.endContainer)) return null;
  const point = { node: range.endContainer, offset: range.endOffset };
  const boundary = compose.body.querySelector(dom.notTheRepsText);
  return boundary && isAtOrAfter(boundary, point) ? null : point;
}

function liveSelectionIn(doc: Document, body: HTMLElement): Range | null {
  const selection = typeof doc.getSelection === 'function' ? doc.getSelection() : null;
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return body.contains(range.startContainer) && body.contains(range.endContainer) ? range : null;
}

function indexOf(node: Node): number {
  return node.parentNode ? Array.prototype.indexOf.call(node.parentNode.childNodes, node) : -1;
}

/** Whether a position lies inside `boundary` or anywhere after its start (a position right before it counts too). */
function isAtOrAfter(boundary: Node, point: Point): boolean {
  const { node, offset } = point;
  if (boundary === node || boundary.contains(node)) return true;
  if (node.contains(boundary)) {
    let child: Node = boundary;
    while (child.parentNode && child.parentNode !== node) child = child.parentNode;
    // Right before it counts as inside: the browser may well put typed text into the element that follows the caret.
    return offset >= indexOf(child);
  }
  return comesAfter(node, boundary);
}

/** Document order for two nodes neither of which contains the other (by child indexes from the root). */
function comesAfter(node: Node, other: Node): boolean {
  const path = (start: Node): number[] => {
    const indexes: number[] = [];
    for (let current: Node = start; current.parentNode; current = current.parentNode) indexes.unshift(indexOf(current));
    return indexes;
  };
  const mine = path(node);
  const theirs = path(other);
  for (let depth = 0; depth < Math.min(mine.length, theirs.length); depth++) {
    const a = mine[depth] ?? 0;
    const b = theirs[depth] ?? 0;
    if (a !== b) return a > b;
  }
  return false;
}

interface TopPoint {
  point: Point;
  /** The body's first line already has something in it. */
  lineHasText: boolean;
}

/** The first thing a line can hold: non-empty text, a line break, an image. */
function firstLeaf(body: Node): Node | null {
  let node: Node | null = body.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE ? (node.nodeValue ?? '') !== '' : LEAVES.has(node.nodeName)) return node;
    if (node.nodeType !== TEXT_NODE && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== body && !node.nextSibling) node = node.parentNode;
    if (!node || node === body) return null;
    node = node.nextSibling;
  }
  return null;
}

/** Where a rep's caret lands when they click at the very top of the body. */
function topPoint(doc: Document, dom: MailDom, body: HTMLElement): TopPoint {
  const leaf = firstLeaf(body);
  if (!leaf?.parentNode) return { point: { node: body, offset: 0 }, lineHasText: false };
  const point = leaf.nodeType === TEXT_NODE ? { node: leaf, offset: 0 } : { node: leaf.parentNode, offset: indexOf(leaf) };
  const boundary = body.querySelector(dom.notTheRepsText);
  if (boundary && isAtOrAfter(boundary, point)) {
    // The body starts with the signature or the quote: the draft gets a line of its own above it.
    const line = emptyLine(doc);
    body.insertBefore(line, body.firstChild);
    return { point: { node: line, offset: 0 }, lineHasText: false };
  }
  return { point, lineHasText: leaf.nodeName !== 'BR' };
}

function emptyLine(doc: Document): HTMLElement {
  const line = doc.createElement('div');
  line.append(doc.createElement('br'));
  return line;
}

function lineElement(doc: Document, text: string): HTMLElement {
  if (!text) return emptyLine(doc);
  const line = doc.createElement('div');
  line.append(doc.createTextNode(text));
  return line;
}

function inputEvent(doc: Document, data: string): Event {
  const View = doc.defaultView;
  const init = { bubbles: true, cancelable: false, inputType: 'insertText', data };
  return View?.InputEvent ? new View.InputEvent('input', init) : new Event('input', init);
}

/** `insertText` fires trusted input events (the client saves the draft) and joins the native undo stack. */
function editingInsert(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function focusWithin(doc: Document, element: HTMLElement): boolean {
  element.focus();
  const active = doc.activeElement;
  return active !== null && (active === element || element.contains(active));
}

/** The subject of a new message, only while its subject box is visible and empty (a reply's is never touched). */
function fillEmptySubject(doc: Document, dom: MailDom, compose: Compose, subject: string): boolean {
  const box = compose.root.querySelector<HTMLInputElement>(dom.subjectBox);
  const line = subject.replace(/\s+/g, ' ').trim();
  if (!box || !line || box.value !== '' || !isRendered(box)) return false;
  if (focusWithin(doc, box) && editingInsert(doc, line) && box.value === line) return true;
  box.value = line;
  box.dispatchEvent(inputEvent(doc, line));
  return true;
}

/** The text of the signature and quote, to check that an editing command left them alone. */
function protectedText(dom: MailDom, body: HTMLElement): string {
  return [...body.querySelectorAll(dom.notTheRepsText)].map((element) => element.textContent ?? '').join('\u0000');
}

function writeIntoBody(doc: Document, dom: MailDom, body: HTMLElement, point: Point, text: string): 'editing-command' | 'dom-fallback' {
  const before = protectedText(dom, body);
  if (placeCaret(doc, body, point) && editingInsert(doc, text)) {
    if (protectedText(dom, body) === before) return 'editing-command';
    // The browser moved the text into the signature or quote after all: take it back and write at the exact position.
    doc.execCommand('undo');
  }
  const last = insertWithDom(doc, body, point, text);
  body.dispatchEvent(inputEvent(doc, text));
  if (last && typeof doc.getSelection === 'function') {
    doc.getSelection()?.collapse(last, last.nodeType === TEXT_NODE ? (last.nodeValue ?? '').length : last.childNodes.length);
  }
  return 'dom-fallback';
}

/** Focus in the body and the selection collapsed at the point: the editing command writes where the focus is. */
function placeCaret(doc: Document, body: HTMLElement, point: Point): boolean {
  if (typeof doc.getSelection !== 'function' || typeof doc.createRange !== 'function') return false;
  if (!focusWithin(doc, body)) return false;
  const selection = doc.getSelection();
  if (!selection) return false;
  const range = doc.createRange();
  range.setStart(point.node, point.offset);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.rangeCount === 1 && body.contains(selection.getRangeAt(0).startContainer);
}

function isBlock(node: Node): boolean {
  return BLOCKS.has(node.nodeName);
}

function hasContent(element: Element): boolean {
  return (element.textContent ?? '') !== '' || element.querySelector('br, img') !== null;
}

/** Moves everything after the point inside `limit` into a shallow copy of `limit` (and of the elements in between). */
function splitAfter(doc: Document, limit: Element, container: Element, offset: number): Element {
  let current: Element = container;
  let cut = offset;
  let carried: Node | null = null;
  for (;;) {
    const copy = current.cloneNode(false) as Element;
    copy.removeAttribute('id');
    if (carried) copy.append(carried);
    while (current.childNodes.length > cut) {
      const moved = current.childNodes[cut];
      if (!moved) break;
      copy.append(moved);
    }
    if (current === limit || !current.parentElement) return copy;
    cut = indexOf(current) + 1;
    carried = copy;
    current = current.parentElement;
  }
}

/**
 * The fallback when editing commands are unavailable: the same line structure the clients' editors make (one `<div>` a line,
 * `<div><br></div>` for an empty one), built with DOM calls only (no HTML strings: Trusted Types). Returns the node the
 * caret should follow.
 */
function insertWithDom(doc: Document, body: HTMLElement, point: Point, text: string): Node | null {
  const lines = text.split('\n');
  let node = point.node;
  let offset = point.offset;
  if (node.nodeType === TEXT_NODE) {
    const textNode = node as Text;
    const parent = textNode.parentNode;
    if (!parent) return null;
    const rest = textNode.data.slice(offset);
    textNode.data = textNode.data.slice(0, offset);
    if (rest) parent.insertBefore(doc.createTextNode(rest), textNode.nextSibling);
    node = parent;
    offset = indexOf(textNode) + 1;
  }
  const container = node as Element;
  if (container === body) return insertLinesAtBodyLevel(doc, body, offset, lines);

  // A lone <br> only holds an empty line open: the text takes its place.
  if (container.childNodes.length === 1 && container.firstChild?.nodeName === 'BR') {
    container.firstChild.remove();
    offset = 0;
  }
  if (lines.length === 1) {
    const textNode = doc.createTextNode(lines[0] ?? '');
    container.insertBefore(textNode, container.childNodes[offset] ?? null);
    return textNode;
  }
  let block: Element = container;
  while (block.parentElement && block.parentElement !== body) block = block.parentElement;
  const tail = splitAfter(doc, block, container, offset);
  const first = lines[0] ?? '';
  const middle = lines.slice(1, -1);
  const last = lines[lines.length - 1] ?? '';
  if (first) container.append(doc.createTextNode(first));
  let lastText: Node = tail;
  if (last) {
    lastText = doc.createTextNode(last);
    tail.insertBefore(lastText, tail.firstChild);
    if (tail.childNodes.length === 2 && tail.lastChild?.nodeName === 'BR') tail.lastChild.remove();
  }
  if (!hasContent(block)) block.append(doc.createElement('br'));
  if (!hasContent(tail)) tail.append(doc.createElement('br'));
  const after = block.nextSibling;
  for (const line of [...middle.map((text) => lineElement(doc, text)), tail]) body.insertBefore(line, after);
  return lastText;
}

function insertLinesAtBodyLevel(doc: Document, body: HTMLElement, offset: number, lines: string[]): Node | null {
  const before = body.childNodes[offset] ?? null;
  // Inline content right after the point is a line of its own already: a final empty line would add a blank one.
  if (lines.length > 1 && lines[lines.length - 1] === '' && before && !isBlock(before)) lines.pop();
  let last: Node | null = null;
  for (const line of lines) {
    const element = lineElement(doc, line);
    body.insertBefore(element, before);
    last = element.firstChild?.nodeType === TEXT_NODE ? element.firstChild : element;
  }
  return last;
}
