// No adapter throws on pages it has never seen, and settings parsing never throws on what an agent types:
// a broken helpdesk page must degrade the coach, never break it (ARCHITECTURE.md, "Rules of the road").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteAdapters } from '../../../lib/sites';
import { hostFromInput, parseSiteInput, sanitizeSiteSettings } from '../../../lib/sites/settings';

const TAGS = ['div', 'p', 'span', 'article', 'section', 'li', 'ul', 'time', 'textarea', 'form', 'iframe', 'blockquote'];
const TOKENS = [
  'message',
  'comment',
  'customer',
  'agent',
  'note',
  'internal',
  'body',
  'author',
  'transaction',
  'messagebody',
  'user',
  'end-user',
  'incoming',
  'thread',
  'composer',
];

const node: fc.Memo<string> = fc.memo((depth) =>
  fc
    .record({
      tag: fc.constantFrom(...TAGS),
      classes: fc.array(fc.constantFrom(...TOKENS), { maxLength: 3 }),
      attrs: fc.array(
        fc.tuple(
          fc.constantFrom('data-test-id', 'type', 'datetime', 'data-user-id', 'data-transaction-id', 'contenteditable'),
          fc.oneof(
            fc.constantFrom(...TOKENS),
            fc.string({ maxLength: 12 }),
            fc.constantFrom('2026-11-23T10:00:00Z', 'x'),
          ),
        ),
        { maxLength: 2 },
      ),
      text: fc.string({ maxLength: 40 }),
      children: depth > 1 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([] as string[]),
    })
    .map(({ tag, classes, attrs, text, children }) => {
      const esc = (v: string) => v.replace(/[&"<>]/g, '');
      const a = attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
      return `<${tag} class="${classes.join(' ')}"${a}>${esc(text)}${children.join('')}</${tag}>`;
    }),
);

const urls = fc.constantFrom(
  'https://acme.zendesk.com/agent/tickets/1',
  'https://acme.freshdesk.com/a/tickets/2',
  'http://127.0.0.1:8085/Ticket/Update.html?Action=Respond&id=3',
  'https://desk.example.org/tickets/4',
);

describe('adapters on arbitrary pages', () => {
  it('detect, classify, read the customer and the ticket without throwing', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(node(4), { maxLength: 5 }), urls, async (parts, url) => {
        const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${parts.join('')}</body>`, 'text/html');
        const win = {
          location: new URL(url),
          fetch: async () => new Response('', { status: 404 }),
          DOMParser,
        } as unknown as Window;
        for (const adapter of siteAdapters) {
          adapter.detect(doc, win);
          for (const el of doc.querySelectorAll('textarea, [contenteditable], iframe, div')) {
            const c = adapter.classifyComposer(el, doc);
            if (c) expect(['customer', 'internal']).toContain(c.audience);
          }
          const message = await adapter.latestCustomerMessage(doc, win);
          if (message) expect(typeof message.text).toBe('string');
          const ctx = adapter.ticketContext(doc, win);
          expect(ctx.channel === null || ctx.channel === 'chat' || ctx.channel === 'email').toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('settings input', () => {
  it('parseSiteInput and hostFromInput answer every string without throwing', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.domain()), (input) => {
        const parsed = parseSiteInput(input);
        if (parsed.ok) expect(parsed.pattern).toMatch(/^https?:\/\/[^/]+\/\*$/);
        else expect(parsed.error.length).toBeGreaterThan(0);
        const host = hostFromInput(input);
        expect(host === null || typeof host === 'string').toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('sanitizeSiteSettings turns anything stored into the settings shape', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const s = sanitizeSiteSettings(stored);
        expect(Array.isArray(s.enabledSites) && Array.isArray(s.coachOffHosts)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
