// The Intercom adapter on a fixture built from public extension code (tests/fixtures/intercom).
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { intercomAdapter } from '../../../lib/sites/intercom';
import { conversationLanguage } from '../../../lib/sites/language';
import { loadFixture } from './fixtures';

const URL = 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/555';
const load = () => loadFixture('intercom', 'inbox-conversation.html', URL);
const NEWEST = 'Chrome. I have a board meeting in an hour and I really need this report, please help.';

describe('intercom', () => {
  it('is picked on app.intercom.com', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('intercom');
  });

  it("reads the newest customer part (category 1), not the teammate's note or the bot after it", async () => {
    const { doc, win } = load();
    const message = await intercomAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toBe(NEWEST);
    expect(message?.element?.getAttribute('data-part-group-id')).toBe('g3');
  });

  it('finds a customer part inside an open shadow root', async () => {
    const { doc, win } = load();
    const host = doc.createElement('div');
    doc.querySelector('[data-testid="conversation-stream-scroll-container"]')?.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<div data-part-group-id="g6" data-part-group-category="1"><div class="interblocks-html"><p>Any news?</p></div></div>';
    expect((await intercomAdapter.latestCustomerMessage(doc, win))?.text).toBe('Any news?');
  });

  it('reads the newer layout-only markup by side (outgoing parts end the line)', async () => {
    const { doc, win } = load();
    const stream = doc.querySelector('[data-testid="conversation-stream-scroll-container"]') as Element;
    stream.innerHTML =
      '<div class="group/content-part flex justify-start"><div class="inbox-2__break-words">My parcel is lost again.</div></div>' +
      '<div class="group/content-part flex justify-end"><div class="inbox-2__break-words">Let me look into it.</div></div>';
    expect((await intercomAdapter.latestCustomerMessage(doc, win))?.text).toBe('My parcel is lost again.');
  });

  it('the reply composer is customer-facing, the o__note composer internal', () => {
    const { doc } = load();
    const [reply, note] = [...doc.querySelectorAll('.ProseMirror')] as Element[];
    expect(intercomAdapter.classifyComposer(reply as Element, doc)).toEqual({
      audience: 'customer',
      editor: 'prosemirror',
    });
    expect(intercomAdapter.classifyComposer(note as Element, doc)?.audience).toBe('internal');
  });

  it('channel is chat unless the email part is shown; the conversation id comes from the URL', () => {
    const { doc, win } = load();
    expect(intercomAdapter.ticketContext(doc, win)).toMatchObject({ ticketId: '555', channel: 'chat' });
    doc.body.insertAdjacentHTML('beforeend', '<div class="inbox-2__user-email-part">anna@example.se</div>');
    expect(intercomAdapter.ticketContext(doc, win).channel).toBe('email');
  });

  it("reads the conversation's language", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await intercomAdapter.latestCustomerMessage(doc, win))?.lang).toBe('en');
  });
});
