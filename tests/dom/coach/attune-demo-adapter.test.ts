// The demo helpdesk adapter against the saved demo pages (tests/fixtures/attune-demo), which are
// copies of what demo/helpdesk renders; a second test checks they are still current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTicket } from '../../../demo/helpdesk/render';
import { findTicket } from '../../../demo/helpdesk/tickets';
import { attuneDemoAdapter } from '../../../lib/sites/attune-demo';

const fixturePath = (file: string) => join(process.cwd(), 'tests/fixtures/attune-demo', file);

function load(file: string): Document {
  const html = readFileSync(fixturePath(file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const cases = [
  {
    file: 'ticket-1-chat.html',
    id: '1',
    channel: 'chat',
    requester: 'Maria Sandberg',
    customerStarts: 'This is the third time',
    composers: [{ selector: 'textarea', audience: 'customer', editor: 'textarea' }],
  },
  {
    file: 'ticket-2-email.html',
    id: '2',
    channel: 'email',
    requester: 'Johan Ek',
    customerStarts: 'Hej igen,',
    composers: [
      { selector: '[data-composer="public-reply"] [contenteditable]', audience: 'customer', editor: 'contenteditable' },
      {
        selector: '[data-composer="internal-note"] [contenteditable]',
        audience: 'internal',
        editor: 'contenteditable',
      },
    ],
  },
] as const;

describe('attune-demo adapter', () => {
  it.each(cases)('reads $file', async (c) => {
    const doc = load(c.file);
    expect(attuneDemoAdapter.detect(doc, window)).toBe(true);
    const ctx = attuneDemoAdapter.ticketContext(doc, window);
    expect(ctx).toMatchObject({
      ticketId: c.id,
      channel: c.channel,
      requesterName: c.requester,
      agent: 'Alex Lindqvist',
    });
    const msg = await attuneDemoAdapter.latestCustomerMessage(doc, window);
    expect(msg?.text.startsWith(c.customerStarts)).toBe(true);
    expect(msg?.author).toBe(c.requester);
    expect(msg?.element?.getAttribute('data-author')).toBe(c.requester);
    for (const comp of c.composers) {
      const el = doc.querySelector(comp.selector);
      expect(el).not.toBeNull();
      if (!el) continue;
      expect(attuneDemoAdapter.classifyComposer(el, doc)).toEqual({ audience: comp.audience, editor: comp.editor });
      const buttons = attuneDemoAdapter.sendButtons?.(el, doc) ?? [];
      expect(buttons.map((b) => b.textContent)).toHaveLength(1);
    }
  });

  it.each(cases)('$file matches what the demo renders today', (c) => {
    const ticket = findTicket(c.id);
    expect(ticket).toBeDefined();
    if (!ticket) return;
    const saved = readFileSync(fixturePath(c.file), 'utf8');
    expect(saved).toBe(renderTicket(ticket));
  });

  it('does not claim other pages and ignores editables outside composers', () => {
    const doc = new DOMParser().parseFromString('<main><textarea></textarea></main>', 'text/html');
    expect(attuneDemoAdapter.detect(doc, window)).toBe(false);
    const ta = doc.querySelector('textarea');
    expect(ta && attuneDemoAdapter.classifyComposer(ta, doc)).toBeNull();
    expect(attuneDemoAdapter.ticketContext(doc, window).ticketId).toBeNull();
  });
});
