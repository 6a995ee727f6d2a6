// Finding composers: textareas, contenteditable roots, the editable body of same-origin iframes (CKEditor 4,
// TinyMCE) and editables inside open shadow roots. Pure DOM; the content script decides when to look.
import { COMPOSER_CANDIDATES as CANDIDATES } from './candidates';
import { createContentEditableBridge } from './contenteditable';
import { familyOf } from './families';
import { createTextareaBridge, type TextareaBridgeOptions } from './textarea';
import type { EditorBridge, EditorKind } from './types';

/** Composers inside an element with this attribute are never coached (the opt-out a host page or a test sets). */
export const OPT_OUT_SELECTOR = '[data-attune="off"]';

export interface FoundComposer {
  /** The element that takes input (inside the iframe for iframe editors). */
  target: HTMLElement;
  /** The iframe holding it, if any. */
  frame: HTMLIFrameElement | null;
}

// Tag and node-type checks rather than instanceof: iframe documents have their own constructors.
function isElement(node: ParentNode): node is HTMLElement {
  return (node as Node).nodeType === 1;
}

function isEditableRoot(el: HTMLElement): boolean {
  if (!el.isContentEditable) return false;
  const parent = el.parentElement;
  return !parent?.isContentEditable;
}

/** Rich editors (CKEditor, TinyMCE) hide the textarea they replace; a hidden one is not a composer (yet). */
function isUsableTextarea(el: HTMLTextAreaElement): boolean {
  return !el.disabled && !el.readOnly && el.getClientRects().length > 0;
}

export function isOptedOut(el: Element, frame: HTMLIFrameElement | null = null): boolean {
  if (el.closest(OPT_OUT_SELECTOR)) return true;
  // Open shadow roots: look past the host too.
  const root = el.getRootNode();
  if (root.nodeType === 11 && 'host' in root) {
    const host = (root as ShadowRoot).host;
    if (host && isOptedOut(host)) return true;
  }
  return frame ? isOptedOut(frame) : false;
}

/** The editable body of a same-origin iframe, or null (cross-origin, not loaded, or not an editor). */
export function iframeEditable(frame: HTMLIFrameElement): HTMLElement | null {
  let doc: Document | null = null;
  try {
    doc = frame.contentDocument;
  } catch {
    return null;
  }
  const body = doc?.body;
  if (!body) return null;
  if (body.isContentEditable || doc?.designMode === 'on') return body;
  return null;
}

/**
 * Composers under `root` (document, shadow root or element), including open shadow roots below it.
 * `withShadow` walks every element looking for shadow roots, which costs; the content script does it on
 * the first scan and for added subtrees only.
 */
export function findComposers(root: ParentNode, withShadow = true): FoundComposer[] {
  const out: FoundComposer[] = [];
  const visit = (scope: ParentNode) => {
    const self = isElement(scope) && scope.matches(CANDIDATES) ? [scope] : [];
    for (const el of [...self, ...scope.querySelectorAll<HTMLElement>(CANDIDATES)]) {
      const tag = el.tagName;
      if (tag === 'IFRAME') {
        const body = iframeEditable(el as HTMLIFrameElement);
        if (body && !isOptedOut(el)) out.push({ target: body, frame: el as HTMLIFrameElement });
      } else if (tag === 'TEXTAREA') {
        if (isUsableTextarea(el as HTMLTextAreaElement) && !isOptedOut(el)) out.push({ target: el, frame: null });
      } else if (isEditableRoot(el) && !isOptedOut(el)) {
        out.push({ target: el, frame: null });
      }
    }
    if (!withShadow) return;
    const elements = isElement(scope) ? [scope, ...scope.querySelectorAll('*')] : scope.querySelectorAll('*');
    for (const el of elements) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return out;
}

/** The editor family whose markers are on the editable (families.ts); 'contenteditable' when none. */
export function editorKindOf(target: HTMLElement, frame: HTMLIFrameElement | null): EditorKind {
  return familyOf(target, frame).kind;
}

export function createBridge(found: FoundComposer, opts: TextareaBridgeOptions = {}): EditorBridge {
  const { target, frame } = found;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') {
    return createTextareaBridge(target as HTMLTextAreaElement, opts);
  }
  return createContentEditableBridge(target, { family: familyOf(target, frame), frame });
}
