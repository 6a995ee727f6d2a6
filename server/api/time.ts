// Timestamps in API objects: ISO 8601 in UTC, as lib/contract's schemas expect.
export const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());
/** A NOT NULL timestamp column. */
export const isoOf = (d: Date | string): string => new Date(d).toISOString();
