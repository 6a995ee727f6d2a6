// commonPrefix must agree with a plain character loop for every pair, long or short, equal or not.
import { describe, expect, test } from 'vitest';
import { commonPrefix } from '../../../lib/text/common-prefix';

function byLoop(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

const long = 'Thanks for getting back to us about the invoice. '.repeat(600);

describe('commonPrefix', () => {
  test.each([
    ['', ''],
    ['a', ''],
    ['abc', 'abc'],
    ['abc', 'abd'],
    ['abc', 'abcd'],
    ['x', 'y'],
    [long, `${long}a`],
    [`${long}a`, long],
    [long, `${long.slice(0, 12_345)}Z${long.slice(12_346)}`],
    [long, `Z${long.slice(1)}`],
    [long, `${long.slice(0, -1)}Z`],
    ['åäö 😀 tack', 'åäö 😀 tacka'],
    ['😀a', '😁a'],
  ])('%#', (a, b) => {
    expect(commonPrefix(a, b)).toBe(byLoop(a, b));
    expect(commonPrefix(b, a)).toBe(byLoop(a, b));
  });

  test('random edits of a long text', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 300; k++) {
      const at = Math.floor(rnd() * long.length);
      const edited = long.slice(0, at) + 'xyz'.slice(0, 1 + Math.floor(rnd() * 3)) + long.slice(at + (k % 3));
      expect(commonPrefix(long, edited)).toBe(byLoop(long, edited));
    }
  });

  test('a bound below the shorter length', () => {
    expect(commonPrefix('abcdef', 'abcdxx', 3)).toBe(3);
    expect(commonPrefix('abcdef', 'abxdef', 5)).toBe(2);
  });
});
