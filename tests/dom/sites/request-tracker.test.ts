// The Request Tracker adapter against pages saved from the real RT 5.0.3 (tests/fixtures/request-tracker,
// captured by capture.ts in that folder).
import { afterEach, describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import {
  clearRtCache,
  latestRequestorMessage,
  requestTrackerAdapter,
  rtDisplayName,
  rtRequestors,
  rtTransactions,
} from '../../../lib/sites/request-tracker';
import { loadFixture, serveFixtures } from './fixtures';

const RT = 'http://127.0.0.1:8085';
const SITE = 'request-tracker';

function updatePage(file: string, query: string, base = RT) {
  return loadFixture(SITE, file, `${base}/Ticket/Update.html?${query}`);
}

const recentPath = (id: number, prefix = '') =>
  `${prefix}/Helpers/TicketHistoryPage?id=${id}&oldestTransactionsFirst=0`;
const ticketRoutes = (id: number, prefix = '') => ({
  [`${prefix}/Ticket/Display.html?id=${id}`]: `display-${id}.html`,
  [recentPath(id, prefix)]: `recent-${id}.html`,
  [`${prefix}/Ticket/History.html?id=${id}`]: `history-${id}.html`,
});

afterEach(() => clearRtCache());

describe('request-tracker: detection', () => {
  it.each([
    ['update-respond-4.html', '/Ticket/Update.html?Action=Respond&id=4'],
    ['update-comment-4.html', '/Ticket/Update.html?Action=Comment&id=4'],
    ['display-4.html', '/Ticket/Display.html?id=4'],
    ['history-4.html', '/Ticket/History.html?id=4'],
  ])('%s is RT and picks the RT adapter', (file, path) => {
    const { doc, win } = loadFixture(SITE, file, `${RT}${path}`);
    expect(requestTrackerAdapter.detect(doc, win)).toBe(true);
    expect(pickAdapter(doc, win).id).toBe('request-tracker');
  });

  it('is not RT on the demo helpdesk', () => {
    const { doc, win } = loadFixture('attune-demo', 'ticket-2-email.html', 'http://127.0.0.1:8788/tickets/2');
    expect(requestTrackerAdapter.detect(doc, win)).toBe(false);
  });
});

describe('request-tracker: composers', () => {
  it.each([
    { file: 'update-respond-4.html', query: 'Action=Respond&id=4', audience: 'customer' },
    { file: 'update-respond-1.html', query: 'Action=Respond&id=1', audience: 'customer' },
    { file: 'update-comment-4.html', query: 'Action=Comment&id=4', audience: 'internal' },
  ] as const)('$file: the CKEditor iframe is a $audience composer', ({ file, query, audience }) => {
    const { doc } = updatePage(file, query);
    const iframe = doc.querySelector('#cke_UpdateContent iframe.cke_wysiwyg_frame');
    expect(iframe).not.toBeNull();
    expect(requestTrackerAdapter.classifyComposer(iframe as Element, doc)).toEqual({ audience, editor: 'ckeditor4' });
  });

  it('follows the Update Type select when the agent flips reply to comment and back', () => {
    const { doc } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    const iframe = doc.querySelector('iframe.cke_wysiwyg_frame') as Element;
    const select = doc.querySelector('select[name="UpdateType"]') as HTMLSelectElement;
    select.value = 'private';
    expect(requestTrackerAdapter.classifyComposer(iframe, doc)?.audience).toBe('internal');
    select.value = 'response';
    expect(requestTrackerAdapter.classifyComposer(iframe, doc)?.audience).toBe('customer');
  });

  it.each([
    ['the quick search box', 'input[name="q"]'],
    ['the subject line', 'input[name="UpdateSubject"]'],
    ['the one-time Cc', 'input[name="UpdateCc"]'],
  ])('ignores %s', (_label, selector) => {
    const { doc } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    const el = doc.querySelector(selector);
    expect(el).not.toBeNull();
    expect(requestTrackerAdapter.classifyComposer(el as Element, doc)).toBeNull();
  });

  it("finds the Update Ticket button as the composer's send button", () => {
    const { doc } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    const iframe = doc.querySelector('iframe.cke_wysiwyg_frame') as Element;
    const buttons = requestTrackerAdapter.sendButtons?.(iframe, doc) ?? [];
    expect(buttons.map((b) => b.getAttribute('name'))).toEqual(['SubmitTicket']);
  });
});

describe('request-tracker: ticket context', () => {
  it('reads ticket id and the agent from the inline RT.CurrentUser, without the page world', () => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    expect((win as Window & { RT?: unknown }).RT).toBeUndefined();
    expect(requestTrackerAdapter.ticketContext(doc, win)).toEqual({
      ticketId: '4',
      channel: 'email',
      requesterName: null,
      agent: 'Alex Agent',
      url: `${RT}/Ticket/Display.html?id=4`,
    });
  });

  it('names the requester once the ticket was fetched', async () => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    serveFixtures(win, SITE, ticketRoutes(4));
    await requestTrackerAdapter.latestCustomerMessage(doc, win);
    expect(requestTrackerAdapter.ticketContext(doc, win).requesterName).toBe('Tom Becker');
  });

  it('names the requester straight from a Display page', () => {
    const { doc, win } = loadFixture(SITE, 'display-1.html', `${RT}/Ticket/Display.html?id=1`);
    expect(requestTrackerAdapter.ticketContext(doc, win)).toMatchObject({
      ticketId: '1',
      requesterName: 'Mark Thompson',
    });
  });
});

describe('request-tracker: latest customer message', () => {
  it.each([
    // Ticket 4 has the customer's create, an agent comment, an agent reply, then the customer's follow-up.
    {
      id: 4,
      author: 'Tom Becker',
      has: "today I'm locked out again",
      not: ['Best regards', 'Checked the auth log', 'password this morning'],
    },
    { id: 1, author: 'Mark Thompson', has: 'This is absolutely ridiculous.', not: [] },
    { id: 2, author: 'Anna Lindqvist', has: 'dragit 1 249 kr från mitt kort två gånger', not: [] },
    { id: 3, author: 'Priya Raman', has: 'update the billing address', not: ['<b>'] },
  ])('ticket $id: the latest message by $author', async ({ id, author, has, not }) => {
    const { doc, win } = updatePage(
      id === 1 ? 'update-respond-1.html' : 'update-respond-4.html',
      `Action=Respond&id=${id}`,
    );
    // The saved Update page for ticket 4 carries id=4 in its form; point it at the ticket under test.
    doc.querySelector('form[name="TicketUpdate"] input[name="id"]')?.setAttribute('value', String(id));
    (doc.querySelector('form[name="TicketUpdate"] input[name="id"]') as HTMLInputElement).value = String(id);
    const { requested } = serveFixtures(win, SITE, ticketRoutes(id));
    const message = await requestTrackerAdapter.latestCustomerMessage(doc, win);
    // The newest page of history holds the customer's message: the full History is not fetched.
    expect(requested.sort()).toEqual([recentPath(id), `/Ticket/Display.html?id=${id}`]);
    expect(message?.author).toBe(author);
    expect(message?.text).toContain(has);
    for (const absent of not) expect(message?.text).not.toContain(absent);
    expect(message?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps paragraphs apart', async () => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    serveFixtures(win, SITE, ticketRoutes(4));
    const message = await requestTrackerAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe("It worked for a day, but today I'm locked out again. Same message.\n\nTom");
  });

  it('reads a Display page whose history already loaded without fetching anything', async () => {
    const { doc, win } = loadFixture(SITE, 'display-4-rendered.html', `${RT}/Ticket/Display.html?id=4`);
    const { requested } = serveFixtures(win, SITE, {});
    const message = await requestTrackerAdapter.latestCustomerMessage(doc, win);
    expect(requested).toEqual([]);
    expect(message?.text).toContain('locked out again');
  });

  it('fetches under the web path RT is installed at', async () => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4', `${RT}/rt`);
    const { requested } = serveFixtures(win, SITE, ticketRoutes(4, '/rt'));
    const message = await requestTrackerAdapter.latestCustomerMessage(doc, win);
    expect(requested.sort()).toEqual([recentPath(4, '/rt'), '/rt/Ticket/Display.html?id=4']);
    expect(message?.author).toBe('Tom Becker');
  });

  it.each([
    ['RT has no scroll-history helper (404, RT 4.4)', undefined],
    ['the newest page holds no message by the requestor', 'recent-2.html'],
  ])('reads the full History when %s', async (_label, recent) => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    const routes: Record<string, string> = { ...ticketRoutes(4) };
    if (recent) routes[recentPath(4)] = recent;
    else delete routes[recentPath(4)];
    const { requested } = serveFixtures(win, SITE, routes);
    const message = await requestTrackerAdapter.latestCustomerMessage(doc, win);
    expect(requested).toContain('/Ticket/History.html?id=4');
    expect(message?.text).toContain('locked out again');
  });

  it('asks RT once per ticket while the answer is fresh', async () => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    const { requested } = serveFixtures(win, SITE, ticketRoutes(4));
    await requestTrackerAdapter.latestCustomerMessage(doc, win);
    await requestTrackerAdapter.latestCustomerMessage(doc, win);
    expect(requested).toHaveLength(2);
  });

  it.each([
    ['RT answers 500', { status: 500, body: 'oops' }],
    ['the session expired (login page)', { status: 200, body: '<form id="login"><input name="pass"></form>' }],
    ['RT answers garbage', { status: 200, body: '\u0000not html at all' }],
  ])('degrades to null when %s', async (_label, answer) => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    serveFixtures(win, SITE, { '/Ticket/Display.html?id=4': answer, '/Ticket/History.html?id=4': answer });
    await expect(requestTrackerAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });

  it('degrades to null when the network fails', async () => {
    const { doc, win } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    (win as Window & { fetch: typeof fetch }).fetch = (() =>
      Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(requestTrackerAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });

  it('returns null when only agents wrote on the ticket', () => {
    const { doc } = loadFixture(SITE, 'history-4.html', `${RT}/Ticket/History.html?id=4`);
    const agentOnly = [{ id: '31', name: 'Alex Agent' }];
    const txns = rtTransactions(doc);
    expect(txns.filter((t) => t.isMessage)).toHaveLength(5);
    expect(latestRequestorMessage(txns, [{ id: '999', name: 'Nobody' }])).toBeNull();
    expect(latestRequestorMessage(txns, agentOnly)?.text).toContain('raised the lock threshold');
  });

  it('lists the requestors of a Display page', () => {
    const { doc } = loadFixture(SITE, 'display-4.html', `${RT}/Ticket/Display.html?id=4`);
    expect(rtRequestors(doc)).toEqual([{ id: '40', name: 'Tom Becker' }]);
  });
});

describe('rtDisplayName', () => {
  it.each([
    ['Tom Becker <tom.becker@example.net>', 'Tom Becker'],
    ['"Tom Becker" <tom.becker@example.net>', 'Tom Becker'],
    ['agent1 (Alex Agent)', 'Alex Agent'],
    ['tom.becker@example.net', 'tom.becker@example.net'],
    ['  The RT System itself ', 'The RT System itself'],
  ])('%s -> %s', (input, name) => {
    expect(rtDisplayName(input)).toBe(name);
  });
});

describe('request-tracker: audience changes', () => {
  it('reports a flip of the Update Type select, and stops after abort', () => {
    const { doc } = updatePage('update-respond-4.html', 'Action=Respond&id=4');
    const iframe = doc.querySelector('iframe.cke_wysiwyg_frame') as Element;
    const select = doc.querySelector('select[name="UpdateType"]') as HTMLSelectElement;
    const seen: string[] = [];
    const controller = new AbortController();
    requestTrackerAdapter.watchAudience?.(iframe, doc, (a) => seen.push(a), controller.signal);
    select.value = 'private';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.value = 'response';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    controller.abort();
    select.value = 'private';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(seen).toEqual(['internal', 'customer']);
  });
});
