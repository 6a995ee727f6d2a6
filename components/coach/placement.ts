// Where the chip goes: just above the composer's top-right corner, else below it, else inside it at the
// top-right, never over the send button (issue #4) and always inside the viewport.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below' | 'inside';
}

const GAP = 6;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

export function placeChip(
  anchor: Box,
  chip: { width: number; height: number },
  avoid: Box[],
  viewport: { width: number; height: number },
): Placement {
  const clampLeft = (left: number) => Math.max(GAP, Math.min(left, viewport.width - chip.width - GAP));
  const right = clampLeft(anchor.left + anchor.width - chip.width);
  const candidates: Placement[] = [
    { left: right, top: anchor.top - chip.height - GAP, side: 'above' },
    { left: right, top: anchor.top + anchor.height + GAP, side: 'below' },
    { left: clampLeft(anchor.left + anchor.width - chip.width - GAP), top: anchor.top + GAP, side: 'inside' },
  ];
  const fits = (p: Placement) => p.top >= 0 && p.top + chip.height <= viewport.height;
  for (const base of candidates) {
    if (!fits(base)) continue;
    let p = base;
    // Slide left past anything we must not cover (send buttons), keeping the same row.
    for (let guard = 0; guard < avoid.length + 1; guard++) {
      const hit = avoid.find((b) => overlaps({ ...p, ...chip }, b));
      if (!hit) return p;
      p = { ...p, left: hit.left - chip.width - GAP };
      if (p.left < 0) break;
    }
  }
  // Nothing fits cleanly (tiny viewport): pin to the top-right corner of the viewport.
  return { left: clampLeft(viewport.width - chip.width - GAP), top: GAP, side: 'inside' };
}
