// The Zammad adapter on a fixture built from Zammad's own classic-UI templates (tests/fixtures/zammad; its
// header names each template and commit).
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { conversationLanguage } from '../../../lib/sites/language';
import { zammadAdapter } from '../../../lib/sites/zammad';
import { loadFixture } from './fixtures';

const URL = 'https://support.example.se/#ticket/zoom/31002';
const load = () => loadFixture('zammad', 'ticket-zoom.html', URL);
const composer = (doc: Document) => doc.querySelector('.articleNewEdit-body') as Element;

describe('zammad', () => {
  it('is picked on a page with Zammad articles', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('zammad');
  });

  it("reads the newest customer article, not the agent's note after it or an internal customer article", async () => {
    const { doc, win } = load();
    const message = await zammadAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(
      'Det har gått en vecka och jag har fortfarande inte fått något svar. Jag är riktigt besviken.',
    );
    expect(message?.author).toBe('Anna Lindqvist');
    expect(message?.at).toBe('2026-11-23T07:00:00.000Z');
    expect(message?.element?.getAttribute('data-id')).toBe('103');
  });

  it('a form.article-add.is-public composer is a customer reply, .is-internal an internal note', () => {
    const { doc } = load();
    expect(zammadAdapter.classifyComposer(composer(doc), doc)).toEqual({
      audience: 'customer',
      editor: 'contenteditable',
    });
    const form = doc.querySelector('form.article-add') as Element;
    form.classList.replace('is-public', 'is-internal');
    expect(zammadAdapter.classifyComposer(composer(doc), doc)?.audience).toBe('internal');
  });

  it('names ticket, channel (the article type) and requester; no agent is evidenced', () => {
    const { doc, win } = load();
    expect(zammadAdapter.ticketContext(doc, win)).toEqual({
      ticketId: '31002',
      channel: 'email',
      requesterName: 'Anna Lindqvist',
      agent: null,
      url: URL,
    });
    doc.querySelector('#article-103')?.classList.replace('email', 'chat');
    expect(zammadAdapter.ticketContext(doc, win).channel).toBe('chat');
  });

  it("reads the conversation's language (Swedish, on a German UI)", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await zammadAdapter.latestCustomerMessage(doc, win))?.lang).toBe('sv');
  });

  it('returns null when only agents and internal articles are left', async () => {
    const { doc, win } = load();
    for (const id of ['101', '103']) doc.querySelector(`[data-id="${id}"]`)?.remove();
    await expect(zammadAdapter.latestCustomerMessage(doc, win)).resolves.toBeNull();
  });
});
