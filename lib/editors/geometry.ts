// Coordinates: editors inside same-origin iframes report rects in the iframe's viewport; the overlay lives in
// the top document, so rects are shifted by every frame's content box on the way up.

export function toTopViewport(rect: DOMRect, win: Window | null): DOMRect {
  let x = rect.left;
  let y = rect.top;
  let w: Window | null = win;
  while (w && w !== w.parent) {
    const frame = w.frameElement as HTMLElement | null;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
    w = w.parent;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}

/** Rects that intersect `clip` (the editor's visible box), clipped to it; empty rects are dropped. */
export function clipRects(rects: Iterable<DOMRect>, clip: DOMRect): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of rects) {
    const left = Math.max(r.left, clip.left);
    const top = Math.max(r.top, clip.top);
    const right = Math.min(r.right, clip.right);
    const bottom = Math.min(r.bottom, clip.bottom);
    if (right - left > 0.5 && bottom - top > 0.5) out.push(new DOMRect(left, top, right - left, bottom - top));
  }
  return out;
}
