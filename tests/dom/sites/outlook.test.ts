// The Outlook on the web adapter on a fixture built from public evidence (tests/fixtures/outlook): only the
// compose body is evidenced, the reading pane is read by the generic heuristics.
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites';
import { conversationLanguage } from '../../../lib/sites/language';
import { outlookAdapter } from '../../../lib/sites/outlook';
import { loadFixture } from './fixtures';

const URL = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjUzLTFiZj';
const load = () => loadFixture('outlook', 'reading-pane.html', URL);
const composer = (doc: Document) => doc.querySelector('[contenteditable="true"]') as Element;

describe('outlook', () => {
  it('is picked on outlook.office.com', () => {
    const { doc, win } = load();
    expect(pickAdapter(doc, win).id).toBe('outlook');
  });

  it('the compose body is a customer reply in roosterjs', () => {
    const { doc } = load();
    expect(outlookAdapter.classifyComposer(composer(doc), doc)).toEqual({ audience: 'customer', editor: 'roosterjs' });
  });

  it("reads the open mail's words through the generic fallback, never the reply being written", async () => {
    const { doc, win } = load();
    const message = await outlookAdapter.latestCustomerMessage(doc, win);
    expect(message?.text).toContain('tredje gången jag skriver');
    expect(message?.text).not.toContain('förlåt att');
  });

  it('is email, with no evidenced ticket id', () => {
    const { doc, win } = load();
    expect(outlookAdapter.ticketContext(doc, win)).toMatchObject({ ticketId: null, channel: 'email' });
  });

  it("reads the conversation's language (Swedish)", async () => {
    const { doc, win } = load();
    expect(conversationLanguage(await outlookAdapter.latestCustomerMessage(doc, win))?.lang).toBe('sv');
  });
});
