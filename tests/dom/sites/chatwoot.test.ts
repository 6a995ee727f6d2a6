// The Chatwoot adapter on a fixture built from Chatwoot's own source (tests/fixtures/chatwoot): authorship is
// only the message's side. The generic adapter must read the same page the same way (layout side).
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { chatwootAdapter } from '../../../lib/sites/chatwoot';
import { genericAdapter } from '../../../lib/sites/generic';
import { conversationLanguage } from '../../../lib/sites/language';
import { loadFixture } from './fixtures';

const URL = 'https://app.chatwoot.example/app/accounts/1/conversations/4711';
const load = () => loadFixture('chatwoot', 'conversation.html', URL);
const NEWEST = 'It has been an hour. I need this money back today, I am really worried.';

describe('chatwoot', () => {
  it('is picked on a page with Chatwoot messages and its reply box', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('chatwoot');
  });

  it("reads the contact's newest message (left side), not the agent's (right) or an activity (centre)", async () => {
    const { doc, win } = load();
    const message = await chatwootAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(NEWEST);
    expect(message?.element?.getAttribute('data-message-id')).toBe('13');
  });

  it('the generic adapter reads authorship from the same layout classes', async () => {
    const { doc, win } = load();
    expect((await genericAdapter.latestCustomerMessage(doc, win))?.text).toBe(NEWEST);
  });

  it('the ProseMirror reply box is customer-facing, and internal in private-note mode', () => {
    const { doc } = load();
    const editor = doc.querySelector('.ProseMirror') as Element;
    expect(chatwootAdapter.classifyComposer(editor, doc)).toEqual({ audience: 'customer', editor: 'prosemirror' });
    doc.querySelector('.reply-box__top')?.classList.add('is-private');
    expect(chatwootAdapter.classifyComposer(editor, doc)?.audience).toBe('internal');
    expect(genericAdapter.classifyComposer(editor, doc)?.audience).toBe('internal');
  });

  it('names the conversation from the URL; channel, requester and agent are not in the message DOM', () => {
    const { doc, win } = load();
    expect(chatwootAdapter.ticketContext(doc, win)).toEqual({
      ticketId: '4711',
      channel: null,
      requesterName: null,
      agent: null,
      url: URL,
    });
  });

  it("reads the conversation's language", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await chatwootAdapter.latestCustomerMessage(doc, win))?.lang).toBe('en');
  });
});
