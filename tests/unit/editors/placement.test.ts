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

  describe('keeps clear of the latest customer message', () => {
    // The demo helpdesk's chat ticket at 1280×800: the message sits right above the composer.
    const vp = { width: 1280, height: 800 };
    const tall = { width: 380, height: 300 };
    const composer = { left: 290, top: 500, width: 860, height: 120 };
    const message = { left: 288, top: 340, width: 864, height: 104 };

    it.each([
      {
        name: 'room above the message: above it, still right-aligned with the composer',
        anchor: composer,
        clearOf: [message],
        side: 'above',
        top: message.top - tall.height - 6,
      },
      {
        name: 'message near the top, room below the composer: below',
        anchor: { ...composer, top: 300 },
        clearOf: [{ ...message, top: 150 }],
        side: 'below',
        top: 300 + 120 + 6,
      },
      {
        name: 'narrow composer with room on its right: beside',
        anchor: { left: 100, top: 450, width: 500, height: 300 },
        clearOf: [{ left: 100, top: 40, width: 500, height: 400 }],
        side: 'beside',
        top: 450 + 300 - tall.height,
      },
      {
        name: 'no message on the page: the usual spot above the composer',
        anchor: composer,
        clearOf: [],
        side: 'above',
        top: composer.top - tall.height - 6,
      },
      {
        name: 'message out of the way: the usual spot',
        anchor: composer,
        clearOf: [{ ...message, left: 0, width: 200 }],
        side: 'above',
        top: composer.top - tall.height - 6,
      },
    ] as const)('$name', ({ anchor, clearOf, side, top }) => {
      const p = placeChip(anchor, tall, [], vp, [...clearOf]);
      expect(p.side).toBe(side);
      expect(p.top).toBe(top);
      for (const m of clearOf) expect(overlaps({ ...p, ...tall }, m)).toBe(false);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.left + tall.width).toBeLessThanOrEqual(vp.width);
    });

    it('covers the message only when nothing else fits, and still never the send button', () => {
      const anchor = { left: 0, top: 420, width: 1280, height: 300 };
      const m = { left: 0, top: 0, width: 1280, height: 410 };
      const send = { left: 1180, top: 300, width: 90, height: 40 };
      const p = placeChip(anchor, tall, [send], vp, [m]);
      expect(overlaps({ ...p, ...tall }, send)).toBe(false);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.top + tall.height).toBeLessThanOrEqual(vp.height);
    });
  });
});
