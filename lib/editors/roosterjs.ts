// roosterjs 9 (Outlook on the web). It puts no marker of its own on the editable, so it is recognised by Outlook's
// composer markup (role=textbox, aria-label 'Message body'; ../shared/helpdesk-evidence, evidence.json) and
// the editor object is not reachable from the page either. Its paste handler (CopyPastePlugin) inserts through
// formatContentModel, which takes an undo snapshot first: a step of its own, unlike native typing.
import type { EditorFamily } from './types';

export const roosterjsFamily: EditorFamily = {
  kind: 'roosterjs',
  matches: (target) =>
    // Case matters: Gmail's plain contenteditable is labelled 'Message Body' (evidence.json), Outlook's 'Message body'.
    target.getAttribute('role') === 'textbox' && target.getAttribute('aria-label') === 'Message body',
  path: 'paste',
  fallback: 'paste',
  undoGroupMs: 0,
  syncSelection: true,
};
