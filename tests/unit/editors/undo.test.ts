// How long an insertion waits so it becomes its own undo step: table-driven over editors and timings.
import { describe, expect, it } from 'vitest';
import { UNDO_GROUP_MS, UNDO_WAIT_CAP_MS, undoBoundaryDelay } from '../../../lib/editors/undo';

describe('undoBoundaryDelay', () => {
  it.each([
    // kind, ms since the last input, ms already waited, expected wait
    { kind: 'textarea', since: 0, waited: 0, wait: 0 },
    { kind: 'contenteditable', since: 10, waited: 0, wait: 0 },
    { kind: 'ckeditor4', since: 10, waited: 0, wait: 0 },
    { kind: 'prosemirror', since: 0, waited: 0, wait: UNDO_GROUP_MS.prosemirror },
    { kind: 'prosemirror', since: 200, waited: 0, wait: UNDO_GROUP_MS.prosemirror - 200 },
    { kind: 'prosemirror', since: 500, waited: 0, wait: UNDO_GROUP_MS.prosemirror - 500 },
    { kind: 'prosemirror', since: 5000, waited: 0, wait: 0 },
    { kind: 'quill', since: 100, waited: 0, wait: UNDO_GROUP_MS.quill - 100 },
    { kind: 'quill', since: 1000, waited: 0, wait: UNDO_GROUP_MS.quill - 1000 },
    { kind: 'quill', since: 2000, waited: 0, wait: 0 },
    // An agent who never pauses: the wait is capped, then the insertion goes in.
    { kind: 'quill', since: 0, waited: UNDO_WAIT_CAP_MS - 300, wait: 300 },
    { kind: 'quill', since: 0, waited: UNDO_WAIT_CAP_MS, wait: 0 },
    { kind: 'quill', since: 0, waited: UNDO_WAIT_CAP_MS + 50, wait: 0 },
    // A clock that went backwards or a missing timestamp never holds an insertion.
    { kind: 'quill', since: -5, waited: 0, wait: 0 },
    { kind: 'prosemirror', since: Number.NaN, waited: 0, wait: 0 },
  ] as const)('$kind, $since ms after input, waited $waited ms → $wait ms', ({ kind, since, waited, wait }) => {
    expect(undoBoundaryDelay(kind, since, waited)).toBe(wait);
  });

  it('covers each editor’s default grouping window', () => {
    // prosemirror-history newGroupDelay = 500; Quill history delay = 1000.
    expect(UNDO_GROUP_MS.prosemirror).toBeGreaterThan(500);
    expect(UNDO_GROUP_MS.quill).toBeGreaterThan(1000);
  });
});
