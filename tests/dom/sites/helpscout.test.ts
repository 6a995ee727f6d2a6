// The Help Scout adapter on a fixture built from public code (tests/fixtures/helpscout), listed newest first.
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { helpscoutAdapter } from '../../../lib/sites/helpscout';
import { conversationLanguage } from '../../../lib/sites/language';
import { loadFixture } from './fixtures';

const URL = 'https://secure.helpscout.net/conversation/2211/9003';
const load = () => loadFixture('helpscout', 'conversation.html', URL);
const NEWEST = "I'm a bit confused, the label still will not print and my shipment leaves at five.";

describe('helpscout', () => {
  it('is picked on secure.helpscout.net', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('helpscout');
  });

  it('reads the newest customer thread of a newest-first list, not the note above it', async () => {
    const { doc, win } = load();
    const message = await helpscoutAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(NEWEST);
    expect(message?.author).toBe('Priya Raman');
    expect(message?.at).toBe('2026-11-23T15:40:00.000Z');
  });

  it('still reads the newest one when the agent lists threads oldest first (thread ids, no times)', async () => {
    const { doc, win } = load();
    const list = doc.querySelector('#threads') as Element;
    for (const t of [...list.children].reverse()) list.append(t);
    for (const t of doc.querySelectorAll('time')) t.remove();
    expect((await helpscoutAdapter.latestCustomerMessage(doc, win))?.text).toBe(NEWEST);
  });

  it('the Redactor editor is a customer reply and sends with #sendBtn', () => {
    const { doc } = load();
    const editor = doc.querySelector('.redactor_editor') as Element;
    expect(helpscoutAdapter.classifyComposer(editor, doc)).toEqual({ audience: 'customer', editor: 'contenteditable' });
    expect(helpscoutAdapter.sendButtons?.(editor, doc).map((b) => b.id)).toEqual(['sendBtn']);
  });

  it('names the conversation and the requester', () => {
    const { doc, win } = load();
    expect(helpscoutAdapter.ticketContext(doc, win)).toMatchObject({ ticketId: '2211', requesterName: 'Priya Raman' });
  });

  it("reads the conversation's language", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await helpscoutAdapter.latestCustomerMessage(doc, win))?.lang).toBe('en');
  });
});
