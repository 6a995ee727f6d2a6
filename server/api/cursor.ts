// The delta-sync cursor of `GET /me/feedback` and `GET /me/tips`.
/** Opaque delta-sync cursor: the last change sequence number seen. */
export const encodeCursor = (seq: string): string => Buffer.from(`s${seq}`).toString('base64url');
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return '0';
  const s = Buffer.from(cursor, 'base64url').toString();
  return /^s\d{1,18}$/.test(s) ? s.slice(1) : null;
}
