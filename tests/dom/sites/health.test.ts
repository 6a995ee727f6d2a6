// Site health in the coach (lib/coach/site-health.ts over lib/sites/health.ts) on real and evidence-built
// pages: what the coach sees, the fallback when a named adapter's selectors stop matching, adapters that
// throw, and a diagnostic report that never carries message or draft text.
import { describe, expect, it } from 'vitest';
import { createSiteHealth } from '../../../lib/coach/site-health';
import { pickAdapter } from '../../../lib/sites';
import { freescoutAdapter } from '../../../lib/sites/freescout';
import { adapterStale, firstWords, pathShape, selectorCounts } from '../../../lib/sites/health';
import type { SiteAdapter } from '../../../lib/sites/types';
import { zendeskAdapter } from '../../../lib/sites/zendesk';
import { loadFixture } from './fixtures';

const FREESCOUT_URL = 'http://127.0.0.1:8090/conversation/1?folder_id=1';
const DRAFT = 'Quixotic zebras paddle marmalade canoes';

function freescout() {
  const page = loadFixture('freescout', 'conversation-reply-open.html', FREESCOUT_URL);
  const editor = page.doc.querySelector('.note-editable') as HTMLElement;
  editor.textContent = DRAFT;
  return { ...page, editor };
}

describe('site health: what the coach sees', () => {
  it('on the saved FreeScout page: adapter, the reply composer, the newest message found, English', async () => {
    const { doc, win, editor } = freescout();
    const seen: unknown[] = [];
    const monitor = createSiteHealth({ doc, win, adapter: pickAdapter(doc, win), onChange: (h) => seen.push(h) });
    expect(monitor.adapter.classifyComposer(editor, doc)?.audience).toBe('customer');
    await monitor.adapter.latestCustomerMessage(doc, win);
    expect(monitor.health()).toEqual({
      adapter: { id: 'freescout', name: 'FreeScout' },
      fellBackFrom: null,
      composers: [{ audience: 'customer', editor: 'summernote' }],
      latestCustomer: { found: true, firstWords: 'It has been another week and…' },
      language: 'en',
      errors: [],
    });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('says when no customer message was found (draft-only coaching)', async () => {
    const { doc, win } = freescout();
    for (const t of doc.querySelectorAll('.thread-type-customer')) t.remove();
    const monitor = createSiteHealth({ doc, win, adapter: freescoutAdapter });
    await monitor.adapter.latestCustomerMessage(doc, win);
    expect(monitor.health().latestCustomer).toEqual({ found: false, firstWords: null });
    expect(monitor.health().language).toBeNull();
  });
});

describe('site health: a named adapter whose selectors stop matching', () => {
  // Zendesk after a (pretend) redesign: still zendesk.com, none of the evidenced data-test-ids left.
  function redesignedZendesk() {
    const page = loadFixture('zendesk', 'agent-workspace-ticket.html', 'https://acme.zendesk.com/agent/tickets/48213');
    page.doc.body.innerHTML =
      '<main><div class="thread"><div class="message from-customer"><p>Where is my refund? I am upset.</p></div>' +
      '<div class="message from-agent"><p>Checking now.</p></div></div>' +
      '<div class="reply"><div class="editor" contenteditable="true"><p></p></div></div></main>';
    return page;
  }

  it('falls back to generic once a composer is found, says so once, and reads the page the generic way', async () => {
    const { doc, win } = redesignedZendesk();
    expect(pickAdapter(doc, win).id).toBe('zendesk');
    expect(adapterStale(zendeskAdapter, doc)).toBe(true);
    const notices: string[] = [];
    const monitor = createSiteHealth({
      doc,
      win,
      adapter: zendeskAdapter,
      onChange: (h) => {
        if (h.fellBackFrom && !notices.includes(h.fellBackFrom.id)) notices.push(h.fellBackFrom.id);
      },
    });
    const editor = doc.querySelector('[contenteditable]') as Element;
    expect(monitor.adapter.classifyComposer(editor, doc)?.audience).toBe('customer');
    monitor.adapter.classifyComposer(editor, doc);
    expect(notices).toEqual(['zendesk']);
    expect(monitor.health().adapter.id).toBe('generic');
    expect(monitor.adapter.id).toBe('generic');
    expect((await monitor.adapter.latestCustomerMessage(doc, win))?.text).toBe('Where is my refund? I am upset.');
  });

  it('does not fall back on a page that still matches (the evidence-built ticket)', () => {
    const { doc, win } = loadFixture(
      'zendesk',
      'agent-workspace-ticket.html',
      'https://acme.zendesk.com/agent/tickets/48213',
    );
    const monitor = createSiteHealth({ doc, win, adapter: zendeskAdapter });
    monitor.adapter.classifyComposer(
      doc.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]') as Element,
      doc,
    );
    expect(monitor.health().fellBackFrom).toBeNull();
    expect(monitor.health().composers).toEqual([{ audience: 'customer', editor: 'ckeditor5' }]);
  });
});

describe('site health: an adapter that throws', () => {
  const broken: SiteAdapter = {
    id: 'broken',
    name: 'Broken',
    matches: [],
    detect: () => true,
    classifyComposer: () => {
      throw new Error('new markup');
    },
    latestCustomerMessage: () => Promise.reject(new Error('new markup')),
    ticketContext: () => {
      throw new TypeError('null');
    },
    sendButtons: () => {
      throw new Error('x');
    },
  };

  it('is answered by the generic adapter, and the errors are named in the health', async () => {
    const { doc, win, editor } = freescout();
    const monitor = createSiteHealth({ doc, win, adapter: broken });
    expect(monitor.adapter.classifyComposer(editor, doc)?.audience).toBe('customer');
    expect((await monitor.adapter.latestCustomerMessage(doc, win))?.author).toBe('Mark Thompson');
    expect(monitor.adapter.ticketContext(doc, win).ticketId).toBe('1');
    expect(monitor.adapter.sendButtons?.(editor, doc)).toEqual([]);
    expect(monitor.health().errors.sort()).toEqual([
      'classifyComposer',
      'latestCustomerMessage',
      'sendButtons',
      'ticketContext',
    ]);
  });
});

describe('the diagnostic report', () => {
  it('names adapter, selectors with sources and match counts, editor kinds and versions', async () => {
    const { doc, win, editor } = freescout();
    const monitor = createSiteHealth({
      doc,
      win,
      adapter: freescoutAdapter,
      versions: { extension: '0.1.0', userAgent: 'TestAgent/1' },
    });
    monitor.adapter.classifyComposer(editor, doc);
    await monitor.adapter.latestCustomerMessage(doc, win);
    const report = JSON.parse(monitor.report());
    expect(report.adapter).toBe('freescout');
    expect(report.page).toEqual({ host: '127.0.0.1:8090', path: '/conversation/*' });
    expect(report.composers).toEqual([{ audience: 'customer', editor: 'summernote' }]);
    expect(report.versions).toEqual({ extension: '0.1.0', userAgent: 'TestAgent/1' });
    const customer = report.selectors.find((s: { role: string }) => s.role === 'customerThread');
    expect(customer).toMatchObject({ matches: 2, seen: '2026-12-07' });
    expect(customer.source).toContain('freescout-1.8.145');
  });

  it('never carries message text, draft text or names', async () => {
    const { doc, win, editor } = freescout();
    const monitor = createSiteHealth({ doc, win, adapter: freescoutAdapter });
    monitor.adapter.classifyComposer(editor, doc);
    await monitor.adapter.latestCustomerMessage(doc, win);
    // The health shown on the agent's screen does hold the first words: the report must not.
    expect(monitor.health().latestCustomer.firstWords).toContain('another week');
    const report = monitor.report();
    const written = [
      ...[...doc.querySelectorAll('.thread-content')].map((t) => t.textContent ?? ''),
      DRAFT,
      'Mark Thompson',
      'mark.thompson@example.test',
      'Order never arrived',
    ];
    const words = new Set(
      written
        .flatMap((t) => t.toLowerCase().match(/[a-zåäöø]{5,}/g) ?? [])
        .filter((w) => !['thread', 'order'].includes(w)),
    );
    expect(words.size).toBeGreaterThan(20);
    const lower = report.toLowerCase();
    const leaked = [...words].filter((w) => lower.includes(w));
    expect(leaked).toEqual([]);
  });

  it('masks path segments that could carry ids, names or subjects', () => {
    expect(pathShape('/agent/tickets/48213')).toBe('/agent/tickets/*');
    expect(pathShape('/tickets/123-order-never-arrived')).toBe('/tickets/*');
    expect(pathShape('/mail/u/0/')).toBe('/mail/u/*/');
  });
});

describe('site health helpers', () => {
  it('firstWords keeps six words and marks the cut', () => {
    expect(firstWords('one two three')).toBe('one two three');
    expect(firstWords('a b c d e f g h')).toBe('a b c d e f…');
    expect(firstWords('   ')).toBe('');
  });

  it('selectorCounts reports -1 for a selector the browser rejects instead of throwing', () => {
    const { doc } = freescout();
    const odd: SiteAdapter = {
      ...freescoutAdapter,
      selectors: { bad: [{ selector: '[[nope', seen: '2026-12-07', source: 'test' }] },
    };
    expect(selectorCounts(odd, doc)).toEqual([
      { role: 'bad', selector: '[[nope', seen: '2026-12-07', source: 'test', matches: -1 },
    ]);
    expect(adapterStale({ ...odd, healthKeys: ['bad'] }, doc)).toBe(true);
  });
});
