// A real FreeScout 1.8.145 page (tests/fixtures/freescout/, saved from a running instance; the note variant is
// the same page switched into note mode as FreeScout's script does). Threads are listed newest first with no
// machine-readable times, and the reply editor is Summernote, whose class names all start with "note-": both
// the FreeScout adapter and the generic one must read the newest customer message and a customer-facing reply.
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { freescoutAdapter } from '../../../lib/sites/freescout';
import { genericAdapter } from '../../../lib/sites/generic';
import { conversationLanguage } from '../../../lib/sites/language';
import type { SiteAdapter } from '../../../lib/sites/types';
import { loadFixture } from './fixtures';

const URL = 'http://127.0.0.1:8090/conversation/1?folder_id=1';
const REPLY = 'conversation-reply-open.html';
const NOTE = 'conversation-note-open.html';
const NEWEST =
  'It has been another week and nobody has told me anything. This is really frustrating, I need the desk for work.';
const load = (file = REPLY) => loadFixture('freescout', file, URL);
const editor = (doc: Document) => doc.querySelector('.note-editable') as Element;

describe('freescout: the saved page picks the FreeScout adapter', () => {
  it('detects FreeScout from its body ids and threads', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('freescout');
  });
});

describe.each([
  ['freescout', freescoutAdapter],
  ['generic', genericAdapter],
] as Array<[string, SiteAdapter]>)('%s adapter on the saved FreeScout page', (_id, adapter) => {
  it('reads the newest customer message (listed first), not the oldest, the agent reply or the note', async () => {
    const { doc, win } = load();
    const message = await adapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(NEWEST);
    expect(message?.author).toBe('Mark Thompson');
    expect(message?.element?.closest('.thread')?.getAttribute('data-thread_id')).toBe('4');
  });

  it('classifies the open Summernote reply editor as customer-facing', () => {
    const { doc } = load();
    expect(adapter.classifyComposer(editor(doc), doc)?.audience).toBe('customer');
  });

  it('classifies the same editor in note mode as internal', () => {
    const { doc } = load(NOTE);
    expect(adapter.classifyComposer(editor(doc), doc)?.audience).toBe('internal');
  });

  it('names ticket, channel, requester and agent', () => {
    const { doc, win } = load();
    expect(adapter.ticketContext(doc, win)).toMatchObject({
      ticketId: '1',
      channel: 'email',
      requesterName: 'Mark Thompson',
      agent: 'Alex',
    });
  });

  it("reads the conversation's language from the customer's words", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await adapter.latestCustomerMessage(doc, win))?.lang).toBe('en');
  });
});

describe('freescout adapter specifics', () => {
  it('follows FreeScout switching the composer block to a note and back', async () => {
    const { doc } = load();
    const block = doc.querySelector('.conv-reply-block') as Element;
    const seen: string[] = [];
    const controller = new AbortController();
    freescoutAdapter.watchAudience?.(editor(doc), doc, (a) => seen.push(a), controller.signal);
    block.classList.add('conv-note-block');
    await expect.poll(() => seen).toEqual(['internal']);
    block.classList.remove('conv-note-block');
    await expect.poll(() => seen).toEqual(['internal', 'customer']);
    controller.abort();
  });

  it('takes the note mode from is_note even before the class changes (FreeScout sets the value with jQuery)', () => {
    const { doc } = load();
    (doc.querySelector('input[name="is_note"]') as HTMLInputElement).value = '1';
    expect(freescoutAdapter.classifyComposer(editor(doc), doc)?.audience).toBe('internal');
  });

  it('finds the send and add-note buttons of the composer block', () => {
    const { doc } = load();
    const labels = freescoutAdapter.sendButtons?.(editor(doc), doc).map((b) => b.textContent?.trim());
    expect(labels).toContain('Send Reply');
    expect(labels).toContain('Add Note');
  });

  it('uses the tooltip dates when the threads are not in page order', async () => {
    const { doc, win } = load();
    // Move the newest customer thread to the bottom: its date still says it is the newest.
    const main = doc.querySelector('#conv-layout-main') as Element;
    main.append(doc.querySelector('#thread-4') as Element);
    expect((await freescoutAdapter.latestCustomerMessage(doc, win))?.text).toBe(NEWEST);
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe(NEWEST);
  });
});
