// Ordering helpers shared by adapters whose markup gives each message a time.

/** `items` newest first: by `timeOf` (epoch ms, NaN when unknown) when every item has one, else from the end. */
export function newestFirstByTime<T>(items: readonly T[], timeOf: (item: T) => number): T[] {
  const times = items.map(timeOf);
  if (items.length > 1 && times.every(Number.isFinite)) {
    return items
      .map((item, i) => ({ item, at: times[i] as number, i }))
      .sort((a, b) => b.at - a.at || b.i - a.i)
      .map((x) => x.item);
  }
  return [...items].reverse();
}
