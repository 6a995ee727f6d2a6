// Draft.js 0.11 test page (bundled with esbuild at test time) on React 19: draft-js 0.11.7 uses neither
// findDOMNode nor string refs, so it runs on today's React as is.
import { ContentState, Editor, EditorState, SelectionState } from 'draft-js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { expose } from './test-api';

let latest = EditorState.createEmpty();
let setLatest: (s: typeof latest) => void = () => {};
let editorRef: { focus(): void } | null = null;

function Reply() {
  const [state, setState] = useState(latest);
  setLatest = (s) => {
    latest = s;
    setState(s);
  };
  return (
    <Editor
      ref={(r: { focus(): void } | null) => {
        editorRef = r;
      }}
      editorState={state}
      onChange={setLatest}
      placeholder="Reply…"
      ariaLabel="Reply"
    />
  );
}

createRoot(document.getElementById('editor') as HTMLElement).render(<Reply />);

expose({
  ready: () => !!editorRef && !!document.querySelector('.public-DraftEditor-content'),
  model: () => latest.getCurrentContent().getPlainText('\n'),
  textBeforeCaret: () => {
    const sel = latest.getSelection();
    if (!sel.getHasFocus()) return null;
    const content = latest.getCurrentContent();
    const out: string[] = [];
    for (const block of content.getBlocksAsArray()) {
      if (block.getKey() === sel.getStartKey()) {
        out.push(block.getText().slice(0, sel.getStartOffset()));
        return out.join('\n');
      }
      out.push(block.getText());
    }
    return null;
  },
  focusEnd: () => {
    editorRef?.focus();
    setLatest(EditorState.moveFocusToEnd(latest));
  },
  setDraft: (text) => {
    const next = EditorState.push(latest, ContentState.createFromText(text), 'insert-fragment');
    setLatest(
      EditorState.forceSelection(next, SelectionState.createEmpty(next.getCurrentContent().getFirstBlock().getKey())),
    );
  },
});
