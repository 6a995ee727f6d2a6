// The content script's runtime against the saved demo pages (jsdom): composers found and classified, the
// chip's store filled from the real engine, opt-out honoured, and a sent reply reported as flags only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoachMessaging } from '../../../lib/coach';
import { startCoach } from '../../../lib/coach';
import { createCoachEngine } from '../../../entrypoints/coach.content/engine';
import { attuneDemoAdapter } from '../../../lib/sites/attune-demo';

function loadDemo(file: string) {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/attune-demo', file), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

function fakeMessaging() {
  const sent: Parameters<CoachMessaging['replySent']>[0][] = [];
  const usage: Parameters<CoachMessaging['usage']>[0][] = [];
  const messaging: CoachMessaging = {
    getContext: async () => ({ enabled: true, library: null, usage: {} }),
    usage: (d) => usage.push(d),
    replySent: (d) => sent.push(d),
  };
  return { messaging, sent, usage };
}

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
  // jsdom lays nothing out; textareas report no client rects, so make them look rendered.
  vi.spyOn(HTMLTextAreaElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 600, 120)] as never);
});
afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
});

function start(messaging: CoachMessaging) {
  return startCoach({
    doc: document,
    win: window,
    adapter: attuneDemoAdapter,
    engine: createCoachEngine(),
    messaging,
    mountUi: () => {},
    signal: abort.signal,
  });
}

function type(el: HTMLTextAreaElement, text: string) {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('coach controller on the demo helpdesk', () => {
  it('coaches the chat composer with the customer read from the thread', async () => {
    loadDemo('ticket-1-chat.html');
    const { messaging, usage } = fakeMessaging();
    const coach = start(messaging);
    await coach.ready;
    const composer = document.querySelector('textarea') as HTMLTextAreaElement;
    type(composer, 'Hi Maria, I can see the two charges.');
    const view = coach.store.getState().view;
    expect(view?.model.audience).toBe('customer');
    expect(view?.model.emotion).toBe('frustrated');
    expect(view?.model.customerState).toMatch(/third contact/);
    expect(view?.model.suggestions.length).toBeGreaterThan(0);
    expect(usage.filter((u) => u.event === 'shown').length).toBe(view?.model.suggestions.length);
  });

  it('reports a sent reply with behaviour flags, ticket and channel, and no text', async () => {
    loadDemo('ticket-1-chat.html');
    const { messaging, sent } = fakeMessaging();
    const coach = start(messaging);
    await coach.ready;
    const composer = document.querySelector('textarea') as HTMLTextAreaElement;
    type(composer, "Hi Maria, I'm so sorry about the double charge. I have refunded it today.");
    (document.querySelector('[data-action="send"]') as HTMLButtonElement).click();
    expect(sent).toHaveLength(1);
    const [report] = sent;
    expect(report).toMatchObject({ site: 'attune-demo', ticketId: '1', channel: 'chat' });
    expect(report?.behaviors).toContain('apology');
    expect(Object.keys(report ?? {}).sort()).toEqual(['behaviors', 'channel', 'sentAt', 'site', 'ticketId']);
    expect(JSON.stringify(report)).not.toMatch(/refunded|double charge/i);
  });

  it('closes for this reply and comes back for the next one', async () => {
    loadDemo('ticket-1-chat.html');
    const { messaging } = fakeMessaging();
    const coach = start(messaging);
    await coach.ready;
    const composer = document.querySelector('textarea') as HTMLTextAreaElement;
    type(composer, 'Hi Maria,');
    expect(coach.store.getState().view).not.toBeNull();
    coach.handlers.onClose();
    type(composer, 'Hi Maria, the refund is on its way.');
    expect(coach.store.getState().view).toBeNull();
    type(composer, '');
    type(composer, 'Hello again');
    expect(coach.store.getState().view).not.toBeNull();
  });

  it('does not report an empty reply', async () => {
    loadDemo('ticket-1-chat.html');
    const { messaging, sent } = fakeMessaging();
    const coach = start(messaging);
    await coach.ready;
    (document.querySelector('[data-action="send"]') as HTMLButtonElement).click();
    expect(sent).toEqual([]);
  });

  it('ignores a composer inside data-attune="off"', async () => {
    loadDemo('ticket-1-chat.html');
    document.querySelector('form.composer')?.closest('section')?.setAttribute('data-attune', 'off');
    const { messaging } = fakeMessaging();
    const coach = start(messaging);
    await coach.ready;
    type(document.querySelector('textarea') as HTMLTextAreaElement, 'You should have read the manual.');
    expect(coach.store.getState().view).toBeNull();
  });

  it('stays away when the coach is switched off for the site', async () => {
    loadDemo('ticket-1-chat.html');
    const { messaging } = fakeMessaging();
    messaging.getContext = async () => ({ enabled: false, library: null, usage: {} });
    const mountUi = vi.fn();
    const coach = startCoach({
      doc: document,
      win: window,
      adapter: attuneDemoAdapter,
      engine: createCoachEngine(),
      messaging,
      mountUi,
      signal: abort.signal,
    });
    await coach.ready;
    type(document.querySelector('textarea') as HTMLTextAreaElement, 'Hello');
    expect(mountUi).not.toHaveBeenCalled();
    expect(coach.store.getState().view).toBeNull();
  });
});
