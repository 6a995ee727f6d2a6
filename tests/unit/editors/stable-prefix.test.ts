// Which part of a textarea's text keeps its layout after an edit (lib/editors/textarea.ts reuses the highlight
// boxes of spans that end there).
import { describe, expect, test } from 'vitest';
import { stablePrefix } from '../../../lib/editors/textarea';

describe('stablePrefix', () => {
  test.each([
    ['unchanged', 'You should have paid.', 'You should have paid.', 21],
    ['a letter appended to the last word', 'Thanks for waiting', 'Thanks for waitingg', 11],
    ['a space appended (the word before it counts as being typed)', 'Thanks for waiting', 'Thanks for waiting ', 11],
    ['a new word after a space', 'Thanks for waiting ', 'Thanks for waiting a', 19],
    ['an edit in the middle', 'one two three four', 'one twoo three four', 4],
    ['a deletion at the end', 'one two three', 'one two thre', 8],
    ['a new line', 'one two', 'one two\n', 4],
    ['everything replaced', 'abc', 'xyz', 0],
    ['from empty', '', 'a', 0],
    ['to empty', 'abc', '', 0],
  ])('%s', (_name, before, after, expected) => {
    expect(stablePrefix(before, after)).toBe(expected);
  });

  test('never beyond either text, and text up to it is the same in both', () => {
    const texts = ['', 'a', 'a b', 'ab cd', 'ab cd ef', 'ab  cd\nef', 'x y z'];
    for (const before of texts)
      for (const after of texts) {
        const n = stablePrefix(before, after);
        expect(n).toBeLessThanOrEqual(Math.min(before.length, after.length));
        expect(before.slice(0, n)).toBe(after.slice(0, n));
      }
  });
});
