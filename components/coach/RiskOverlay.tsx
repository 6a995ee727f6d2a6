// Risk highlights drawn over the composer from outside it (the editor's DOM is never touched).
// Boxes are viewport coordinates; the content script recomputes them on input, scroll and resize.
import { memo } from 'react';
import type { HighlightBox } from './types';

// Memoised: lib/coach/chip.ts keeps the same boxes array while nothing moved, so a keystroke skips it.
export const RiskOverlay = memo(function RiskOverlay({
  boxes,
  activeId,
}: {
  boxes: HighlightBox[];
  activeId: string | null;
}) {
  return (
    <div className="attune-overlay" aria-hidden="true">
      {boxes.map((b, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a span wrapping over lines gives several boxes per id
          key={`${b.id}:${i}`}
          className="attune-highlight"
          data-risk={b.risk}
          data-active={b.id === activeId ? 'true' : 'false'}
          style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
        />
      ))}
    </div>
  );
});
