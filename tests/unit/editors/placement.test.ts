// Where the chip goes relative to the composer: table-driven, including the send button it must not cover.
import { describe, expect, it } from 'vitest';
import { type Box, placeChip } from '../../../components/coach/placement';

const viewport = { width: 1280, height: 900 };
const chip = { width: 300, height: 60 };

function overlaps(a: Box, b: Box) {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('placeChip', () => {
  it.each([
    {
      name: 'room above: above, right-aligned',
      anchor: { left: 100, top: 400, width: 600, height: 150 },
      side: 'above',
      left: 400,
    },
    {
      name: 'composer at the top: below',
      anchor: { left: 100, top: 20, width: 600, height: 150 },
      side: 'below',
      left: 400,
    },
    {
      name: 'composer fills the viewport: inside',
      anchor: { left: 0, top: 0, width: 1280, height: 900 },
      side: 'inside',
      left: 974,
    },
    {
      name: 'narrow composer at the left edge: clamped',
      anchor: { left: 0, top: 400, width: 100, height: 100 },
      side: 'above',
      left: 6,
    },
  ] as const)('$name', ({ anchor, side, left }) => {
    const p = placeChip(anchor, chip, [], viewport);
    expect(p.side).toBe(side);
    expect(p.left).toBe(left);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.top + chip.height).toBeLessThanOrEqual(viewport.height);
  });

  it('never covers a send button: slides left of it', () => {
    const anchor = { left: 100, top: 400, width: 600, height: 150 };
    const send = { left: 620, top: 330, width: 80, height: 40 };
    const p = placeChip(anchor, chip, [send], viewport);
    expect(overlaps({ ...p, ...chip }, send)).toBe(false);
    expect(p.side).toBe('above');
  });

  it('tries the next side when a send button blocks the whole row', () => {
    const anchor = { left: 0, top: 400, width: 300, height: 150 };
    const send = { left: 0, top: 330, width: 300, height: 70 };
    const p = placeChip(anchor, chip, [send], viewport);
    expect(overlaps({ ...p, ...chip }, send)).toBe(false);
    expect(p.side).toBe('below');
  });
});
