// The editor's own input path. `execCommand('insertText')` produces the same beforeinput/input events and
// undo step as typing or pasting; editors that model the document (ProseMirror, Quill, CKEditor) read the
// change back from the DOM. A synthetic paste is the second choice: editors handle paste themselves.

export function execInsertText(doc: Document, text: string): boolean {
  try {
    // Deprecated but still the only way to get an undoable, editor-visible insertion from script.
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

export function dispatchPaste(target: HTMLElement, text: string): boolean {
  const win = target.ownerDocument.defaultView;
  if (!win || typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function') return false;
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  // An editor that handled the paste cancelled the browser's default (which a synthetic event never runs).
  return event.defaultPrevented;
}

/** The editor's undo for our own half-done insertion (the browser's undo stack, which editors listen to). */
export function execUndo(doc: Document): boolean {
  try {
    return doc.execCommand('undo');
  } catch {
    return false;
  }
}
