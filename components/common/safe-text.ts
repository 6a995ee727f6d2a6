// Remote strings (customer comments, tips, names) are untrusted. React renders them as text nodes; these
// helpers cover the two remaining risks: links with a dangerous scheme, and bidi controls that make text
// display differently from what it is (e.g. an RTL override spoofing a file name or a URL).

/** The URL normalised by the URL parser when it is an absolute http(s) URL; otherwise null. */
export function safeHttpUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

// LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text with bidi embedding/override/isolate controls removed; `dir="auto"` on the element does the rest. */
export function displayText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).replace(BIDI_CONTROLS, '');
}
