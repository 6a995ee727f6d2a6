// The plain text of a contenteditable root and a map back to DOM positions. Blocks become line breaks;
// a trailing <br> in a block (ProseMirror, Quill and browsers put one in empty lines) adds nothing.
// Engine spans are offsets into `text`, so both directions must come from the same walk.

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the plain text. */
  start: number;
}

export interface TextMap {
  text: string;
  segments: TextSegment[];
}

export interface DomPoint {
  node: Node;
  offset: number;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function isLastContent(br: Element): boolean {
  for (let n = br.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) return false;
    if (n.nodeType === 3 && (n.nodeValue ?? '') !== '') return false;
  }
  return true;
}

export function buildTextMap(root: Node): TextMap {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;
  const emit = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const breakBeforeContent = () => {
    if (pendingBreak && length > 0) emit('\n');
    pendingBreak = false;
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = (child as Text).data;
        if (value === '') continue;
        breakBeforeContent();
        segments.push({ node: child as Text, start: length });
        emit(value);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag)) continue;
      // Editor chrome inside the editable (widgets, Quill's list markers) is not part of the draft.
      if (el.getAttribute('contenteditable') === 'false') continue;
      if (tag === 'BR') {
        if (!isLastContent(el)) {
          breakBeforeContent();
          emit('\n');
        }
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) pendingBreak = true;
      walk(el);
      if (block) pendingBreak = true;
    }
  };
  walk(root);
  return { text: parts.join(''), segments };
}

/** Index of the last segment starting at or before `offset`, or -1. */
function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid];
    if (seg && seg.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * DOM point for a plain-text offset. At a boundary between two text nodes (or on a synthetic line break)
 * `affinity` picks the side: 'forward' for a range start, 'backward' for a range end.
 */
export function pointAt(map: TextMap, offset: number, affinity: 'forward' | 'backward'): DomPoint | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  const clamped = Math.max(0, Math.min(offset, map.text.length));
  const i = segmentAt(segments, clamped);
  const seg = i >= 0 ? segments[i] : undefined;
  if (!seg) {
    const first = segments[0];
    return first ? { node: first.node, offset: 0 } : null;
  }
  const inside = clamped - seg.start;
  const len = seg.node.data.length;
  if (inside < len) {
    if (inside === 0 && affinity === 'backward' && i > 0) {
      const prev = segments[i - 1];
      if (prev && prev.start + prev.node.data.length === clamped)
        return { node: prev.node, offset: prev.node.data.length };
    }
    return { node: seg.node, offset: inside };
  }
  // Past the end of this node: on a line break or at the very end.
  const next = segments[i + 1];
  if (affinity === 'forward' && next && inside > len) return { node: next.node, offset: 0 };
  if (affinity === 'forward' && next && inside === len && next.start === clamped) return { node: next.node, offset: 0 };
  return { node: seg.node, offset: len };
}

/** A DOM range for `[start, end)` of the plain text, or null when the root holds no text. */
export function rangeFor(map: TextMap, doc: Document, start: number, end: number): Range | null {
  const a = pointAt(map, start, 'forward');
  const b = pointAt(map, Math.max(start, end), 'backward');
  if (!a || !b) return null;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  // A span of only a line break maps its start past its end; setEnd then collapses the range at the end.
  return range;
}

/** Plain-text offset of a DOM point (a selection end); an element point counts as the first text after it. */
export function offsetAt(map: TextMap, node: Node, offset: number): number {
  if (node.nodeType === 3) {
    const seg = map.segments.find((s) => s.node === node);
    if (seg) return seg.start + Math.min(offset, seg.node.data.length);
  }
  const doc = node.ownerDocument;
  if (!doc) return map.text.length;
  const point = doc.createRange();
  point.setStart(node, offset);
  for (const seg of map.segments) if (point.comparePoint(seg.node, 0) >= 0) return seg.start;
  return map.text.length;
}
