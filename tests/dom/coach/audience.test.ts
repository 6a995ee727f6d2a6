// Live audience switching: on a page saved from the real RT 5, the agent flips the Update Type select
// between "Reply to requestors" and "Comments (Not sent to requestors)"; the same composer is re-coached in
// place — empathy suggestions for the reply, readability only for the internal note.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoachMessaging } from '../../../lib/coach';
import { startCoach } from '../../../lib/coach';
import { createCoachEngine } from '../../../entrypoints/coach.content/engine';
import { clearRtCache, requestTrackerAdapter } from '../../../lib/sites/request-tracker';
import { fixtureHtml, serveFixtures } from '../sites/fixtures';

const SITE = 'request-tracker';

const messaging: CoachMessaging = {
  getContext: async () => ({ enabled: true, library: null, usage: {} }),
  usage: () => {},
  replySent: () => {},
};

/**
 * The saved reply page of ticket #4 as RT renders it with rich text switched off: the plain UpdateContent
 * textarea (jsdom runs no CKEditor), the real Update Type select, the ticket's history served from saved pages.
 * Loaded into the test's own window: the controller's listeners use this realm's AbortSignal.
 */
function rtReplyPage() {
  const saved = new DOMParser().parseFromString(fixtureHtml(SITE, 'update-respond-4.html'), 'text/html');
  document.documentElement.innerHTML = saved.documentElement.innerHTML;
  window.history.replaceState(null, '', '/Ticket/Update.html?Action=Respond&id=4');
  document.getElementById('cke_UpdateContent')?.remove();
  const textarea = document.querySelector('textarea[name="UpdateContent"]') as HTMLTextAreaElement;
  textarea.removeAttribute('style');
  // jsdom lays nothing out; a shown textarea must report a box to count as a composer.
  vi.spyOn(HTMLTextAreaElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 600, 120)] as never);
  vi.spyOn(window, 'fetch');
  serveFixtures(window, SITE, {
    '/Ticket/Display.html?id=4': 'display-4.html',
    '/Helpers/TicketHistoryPage?id=4&oldestTransactionsFirst=0': 'recent-4.html',
    '/Ticket/History.html?id=4': 'history-4.html',
  });
  const select = document.querySelector('select[name="UpdateType"]') as HTMLSelectElement;
  return { textarea, select };
}

function start() {
  return startCoach({
    doc: document,
    win: window,
    adapter: requestTrackerAdapter,
    engine: createCoachEngine(),
    messaging,
    mountUi: () => mounts++,
    signal: abort.signal,
  });
}

let abort: AbortController;
let mounts = 0;
const originalFetch = window.fetch;
beforeEach(() => {
  abort = new AbortController();
  mounts = 0;
});
afterEach(() => {
  abort.abort();
  clearRtCache();
  window.fetch = originalFetch;
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

function type(textarea: HTMLTextAreaElement, text: string) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function flip(select: HTMLSelectElement, value: 'private' | 'response') {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('coach controller: audience switching on Request Tracker', () => {
  it('switches between empathy coaching and readability-only hints without re-finding the composer', async () => {
    const { textarea, select } = rtReplyPage();
    const coach = start();
    await coach.ready;
    type(textarea, 'Hi Tom, thanks for the details. I checked the order');

    const audience = () => coach.store.getState().view?.model.audience;
    const suggestions = () => coach.store.getState().view?.model.suggestions.length ?? 0;
    expect(audience()).toBe('customer');
    expect(suggestions()).toBeGreaterThan(0);
    const customerState = coach.store.getState().view?.model.customerState;

    flip(select, 'private');
    expect(audience()).toBe('internal');
    expect(suggestions()).toBe(0);
    expect(coach.store.getState().view?.model.rewrites).toEqual([]);
    expect(coach.store.getState().view?.model.customerState).toBe('Internal note');
    expect(coach.store.getState().view?.model.readability).not.toBeNull();

    flip(select, 'response');
    expect(audience()).toBe('customer');
    expect(suggestions()).toBeGreaterThan(0);
    expect(coach.store.getState().view?.model.customerState).toBe(customerState);
    // One chip throughout: the composer was never dropped and found again.
    expect(mounts).toBe(1);
  });

  it('stops listening once the coach is torn down', async () => {
    const { textarea, select } = rtReplyPage();
    const coach = start();
    await coach.ready;
    type(textarea, 'Hi Tom, I checked the order');
    expect(coach.store.getState().view?.model.audience).toBe('customer');
    abort.abort();
    flip(select, 'private');
    expect(coach.store.getState().view?.model.audience).toBe('customer');
  });
});
