// Privacy thresholds for team aggregates a lead sees. Each number is published so that no single person's
// answer can be read from it, alone or by comparing two publications:
//   - pulse: only agents' answers count (never a lead's), at least PULSE_MIN_PEOPLE of them besides the viewer,
//     and a day is published only once it is closed for writing (pulseDayOpen), so a day's figure never
//     changes after it is first shown and "n=5 mean 2.8, then n=6 mean 3.2" cannot happen;
//   - team medians of KPIs: only when at least MEDIAN_MIN_AGENTS agents have a value (in a team of two, the
//     median an agent sees would be the colleague's own figure).
export const PULSE_MIN_PEOPLE = 5;
export const MEDIAN_MIN_AGENTS = 5;
const DAY_MS = 86_400_000;

const utcDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Agents answer for their own calendar day: UTC yesterday, today or tomorrow covers every time zone. */
export function pulseDayOpen(date: string, now: Date): boolean {
  const t = now.getTime();
  return date >= utcDay(t - DAY_MS) && date <= utcDay(t + DAY_MS);
}

/** The last day whose pulse is closed for writing and may be published. */
export function lastPublishedPulseDay(now: Date): string {
  return utcDay(now.getTime() - 2 * DAY_MS);
}
