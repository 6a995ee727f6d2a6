// The page-world channel without a browser: the background's injection (nonce checks, MAIN world, the
// sender's frame), the content script's end of the channel (handshake carries only a nonce and a port; answers
// only by id; a silent page times out to the generic path), and the check that an insertion landed whole.
import { describe, expect, it, vi } from 'vitest';
import { insertionLanded } from '../../../lib/editors/contenteditable';
import { PAGE_WORLD, pageChannel } from '../../../lib/editors/page-channel';
import { injectPageWorld } from '../../../lib/editors/page-inject';
import { attunePageWorld, type PageRequest } from '../../../lib/editors/page-world';

const NONCE = 'a'.repeat(32);

describe('injectPageWorld', () => {
  const sender = { tab: { id: 7 }, frameId: 3 };

  it('ignores other messages', () => {
    const executeScript = vi.fn();
    expect(injectPageWorld({ scripting: { executeScript } }, { type: 'attune:ping' }, sender)).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it.each([undefined, 'short', 'Z'.repeat(32), `${NONCE}<script>`, 42])('refuses nonce %s', async (nonce) => {
    const executeScript = vi.fn();
    expect(await injectPageWorld({ scripting: { executeScript } }, { ...PAGE_WORLD, nonce }, sender)).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("runs the page-world function in the sender's frame, main world, with the nonce as its only argument", async () => {
    const executeScript = vi.fn().mockResolvedValue([]);
    expect(await injectPageWorld({ scripting: { executeScript } }, { ...PAGE_WORLD, nonce: NONCE }, sender)).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      world: 'MAIN',
      func: attunePageWorld,
      args: [NONCE],
    });
  });

  it('answers false when the frame may not be scripted', async () => {
    const executeScript = vi.fn().mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await injectPageWorld({ scripting: { executeScript } }, { ...PAGE_WORLD, nonce: NONCE }, sender)).toBe(
      false,
    );
    expect(await injectPageWorld({ scripting: { executeScript } }, { ...PAGE_WORLD, nonce: NONCE }, {})).toBe(false);
  });
});

/** A window whose postMessage hands the transferred port to the test (Node has MessageChannel). */
function fakeWindow() {
  const posted: { data: unknown; ports: MessagePort[] }[] = [];
  const win = {
    crypto: globalThis.crypto,
    setTimeout: globalThis.setTimeout.bind(globalThis),
    clearTimeout: globalThis.clearTimeout.bind(globalThis),
    postMessage: (data: unknown, _origin: string, ports: MessagePort[] = []) => posted.push({ data, ports }),
  } as unknown as Window;
  return { win, posted };
}

describe('pageChannel', () => {
  it('is null when the page world cannot be injected', async () => {
    expect(await pageChannel(fakeWindow().win, async () => false)).toBeNull();
    expect(
      await pageChannel(fakeWindow().win, async () => {
        throw new Error('no runtime');
      }),
    ).toBeNull();
  });

  it('hands over one port with only the nonce, then talks through it; forged answers are ignored', async () => {
    const { win, posted } = fakeWindow();
    let given = '';
    const channel = await pageChannel(win, async (nonce) => {
      given = nonce;
      return true;
    });
    expect(given).toMatch(/^[0-9a-f]{32}$/);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.data).toEqual({ attuneEditorBridge: given });
    const port = posted[0]?.ports[0] as MessagePort;
    const seen: PageRequest[] = [];
    port.onmessage = (e: MessageEvent<PageRequest>) => {
      seen.push(e.data);
      port.postMessage({ id: e.data.id + 100, status: 'done' }); // an answer to nothing
      port.postMessage({ id: e.data.id, status: 'nonsense' }); // not a status
      port.postMessage({ id: e.data.id, status: 'unsupported' });
    };
    const req: Omit<PageRequest, 'id'> = {
      op: 'insert',
      kind: 'ckeditor5',
      locate: { frame: -1, index: 4 },
      span: [3, 3],
      text: 'Hi',
    };
    expect(await channel?.request(req)).toBe('unsupported');
    expect(seen).toEqual([{ ...req, id: 1 }]);
    port.close();
  });

  it('a page world that never answers times out once, then the channel is skipped', async () => {
    vi.useFakeTimers();
    try {
      const { win } = fakeWindow();
      const channel = await pageChannel(win, async () => true);
      const first = channel?.request({
        op: 'insert',
        kind: 'lexical',
        locate: { frame: -1, index: 0 },
        span: [0, 0],
        text: 'x',
      });
      await vi.advanceTimersByTimeAsync(2500);
      expect(await first).toBe('timeout');
      expect(
        await channel?.request({
          op: 'undo',
          kind: 'lexical',
          locate: { frame: -1, index: 0 },
          span: [0, 0],
          text: '',
        }),
      ).toBe('unsupported');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('insertionLanded', () => {
  const before = 'Hello Maria. You should have read it.';
  it.each([
    ['exactly', `${before} Sorry.`, [before.length, before.length], ' Sorry.', true],
    ['with a no-break space at the edge', `${before}\u00a0Sorry.`, [before.length, before.length], ' Sorry.', true],
    ['over a span', 'Hello Maria. It may help to read it.', [13, 28], 'It may help to', true],
    ['twice', `${before} Sorry. Sorry.`, [before.length, before.length], ' Sorry.', false],
    ['half', `${before} Sor`, [before.length, before.length], ' Sorry.', false],
    ['nothing', before, [before.length, before.length], ' Sorry.', false],
    ['the span and more', 'Hello It may help to read it.', [13, 28], 'It may help to', false],
  ] as const)('%s', (_name, after, span, text, expected) => {
    expect(insertionLanded(before, after, [span[0], span[1]], text)).toBe(expected);
  });
});
