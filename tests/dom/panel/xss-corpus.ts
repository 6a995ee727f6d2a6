// Untrusted strings that must stay text in the panel. Each one sets `window.__xss` if it ever runs.
export const XSS_CORPUS: readonly string[] = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss=\'img\'">',
  '<svg onload="window.__xss=\'svg\'"><script>window.__xss="svg-script"</script></svg>',
  '<svg><animate onbegin="window.__xss=\'animate\'" attributeName="x" dur="1s"/></svg>',
  '<a href="javascript:window.__xss=\'link\'">click me</a>',
  '"><iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=\'mxss\'">',
  '<details open ontoggle="window.__xss=\'details\'">',
  '<body onload="window.__xss=\'body\'">',
  '\u202Ecod.exe\u202C refund \u2067نص\u2069',
  '{{constructor.constructor("window.__xss=\'tpl\'")()}} $t(app.title)',
];

/** URLs that must never become a clickable link. */
export const UNSAFE_URLS: readonly string[] = [
  'javascript:window.__xss="href"',
  ' JaVaScRiPt:window.__xss="href2"',
  'data:text/html,<script>window.__xss="data"</script>',
  'vbscript:msgbox(1)',
  '//evil.example/phish',
];

/** Tag names that only a payload could have put into the panel's views. */
export const PAYLOAD_TAGS = ['script', 'img', 'iframe', 'math', 'style', 'animate', 'mglyph', 'body', 'svg'];

/** Problems in a rendered subtree: payload elements, on* attributes, non-http(s) links, bidi overrides. */
export function unsafeBits(root: ParentNode & { textContent: string | null }): string[] {
  const found: string[] = [];
  // The panel's own drawings (ring picture, pulse faces) are marked; anything else is a payload.
  for (const tag of PAYLOAD_TAGS) {
    for (const el of root.querySelectorAll(tag)) if (!el.closest('[data-own-graphic]')) found.push(`<${tag}> element`);
  }
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) found.push(`${attr} attribute`);
  }
  for (const a of root.querySelectorAll('a, [href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) found.push(`link to ${href}`);
  }
  if (/[\u202A-\u202E\u2066-\u2069]/.test(root.textContent ?? '')) found.push('bidi control in text');
  return found;
}
