// What the coach's bridge reads from the page's composer, for the tests to compare with the editor's model:
// the same detection and text map the extension uses (lib/editors), bundled into the test page on demand.
import { findComposers } from '../../../lib/editors/detect';
import { buildTextMap } from '../../../lib/editors/text-map';

(window as unknown as { attuneBridgeRead: () => string | null }).attuneBridgeRead = () => {
  const [found] = findComposers(document);
  if (!found) return null;
  const t = found.target;
  return t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' ? (t as HTMLTextAreaElement).value : buildTextMap(t).text;
};
