// The agent's private daily well-being check-in (one per day).
export interface PulseEntry {
  /** YYYY-MM-DD, local date. */
  date: string;
  /** 1 (low) .. 5 (great). */
  mood: number;
}
