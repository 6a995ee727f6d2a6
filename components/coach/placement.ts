// Where the chip goes: just above the composer's top-right corner, else below it, else beside it, else inside
// it at the top-right; never over the send button and always inside the viewport. It also keeps
// clear of what the agent is answering (the latest customer message, usually right above the composer): when
// the spot above the composer would cover it, the chip moves above that message, or below or beside the
// composer, and covers it only when nothing else fits.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below' | 'beside' | 'inside';
}

const GAP = 6;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * @param avoid boxes the chip must never cover (send buttons)
 * @param keepClear boxes the chip should not cover when another place fits (the latest customer message)
 */
export function placeChip(
  anchor: Box,
  chip: { width: number; height: number },
  avoid: Box[],
  viewport: { width: number; height: number },
  keepClear: Box[] = [],
): Placement {
  const clampLeft = (left: number) => Math.max(GAP, Math.min(left, viewport.width - chip.width - GAP));
  const right = clampLeft(anchor.left + anchor.width - chip.width);
  const above: Placement = { left: right, top: anchor.top - chip.height - GAP, side: 'above' };
  const below: Placement = { left: right, top: anchor.top + anchor.height + GAP, side: 'below' };
  const candidates: Placement[] = [
    above,
    below,
    { left: clampLeft(anchor.left + anchor.width - chip.width - GAP), top: anchor.top + GAP, side: 'inside' },
  ];
  const fits = (p: Placement) =>
    p.top >= 0 &&
    p.top + chip.height <= viewport.height &&
    (p.side !== 'beside' || p.left + chip.width <= viewport.width);
  const clear = (p: Placement) => !keepClear.some((k) => overlaps({ ...p, ...chip }, k));
  // Slide left past anything we must not cover (send buttons), keeping the same row; null if that fails.
  const dodge = (base: Placement): Placement | null => {
    let p = base;
    for (let guard = 0; guard < avoid.length + 1; guard++) {
      const hit = avoid.find((b) => overlaps({ ...p, ...chip }, b));
      if (!hit) return p;
      p = { ...p, left: hit.left - chip.width - GAP };
      if (p.left < 0) return null;
    }
    return null;
  };

  if (keepClear.length > 0) {
    const cleared: Placement[] = [];
    // Above the customer message(s) the usual spot would cover, still right-aligned with the composer.
    let up = above;
    for (let guard = 0; guard < keepClear.length && !clear(up); guard++) {
      const top = Math.min(...keepClear.filter((k) => overlaps({ ...up, ...chip }, k)).map((k) => k.top));
      up = { ...up, top: top - chip.height - GAP };
    }
    cleared.push(up, below, {
      left: anchor.left + anchor.width + GAP,
      top: Math.max(GAP, anchor.top + anchor.height - chip.height),
      side: 'beside',
    });
    for (const base of cleared) {
      if (!fits(base)) continue;
      const p = dodge(base);
      if (p && clear(p)) return p;
    }
  }
  for (const base of candidates) {
    if (!fits(base)) continue;
    const p = dodge(base);
    if (p) return p;
  }
  // Nothing fits cleanly (tiny viewport): pin to the top-right corner of the viewport.
  return { left: clampLeft(viewport.width - chip.width - GAP), top: GAP, side: 'inside' };
}
