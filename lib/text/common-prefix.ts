// The common prefix of two versions of a draft, found by comparing halves natively: `===` on substrings is a
// memory compare, so a keystroke at the end of a 30,000-character draft costs about a microsecond here where
// a loop over the characters costs a hundred. Both the engine (what it can reuse of the last analysis) and the
// textarea highlights (what still lays out the same) ask this on every keystroke.

/** Length of the common prefix of `a` and `b`, at most `m` (default: the shorter length). */
export function commonPrefix(a: string, b: string, m = Math.min(a.length, b.length)): number {
  if (a.substring(0, m) === b.substring(0, m)) return m;
  // The first `lo` characters are equal; the first `hi` are not.
  let lo = 0;
  let hi = m;
  while (hi - lo > 32) {
    const mid = (lo + hi) >> 1;
    if (a.substring(lo, mid) === b.substring(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}
