// What an error may put in a log: its class and codes, never its message or the SQL behind it. PGlite's
// errors carry the statement and every parameter (customer comments, tokens); PostgreSQL's messages quote
// the offending value.
export function safeError(err: unknown): { name: string; code?: string; constraint?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const e = err as Error & { code?: unknown; constraint?: unknown };
  return {
    name: e.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
  };
}
