// reinjectContentScripts with a fake extension API: which tabs get which files, and what it survives.
import { describe, expect, it } from 'vitest';
import { PING, PONG, type ReinjectApis, reinjectContentScripts } from '../../../lib/editors/reinject';

function fakeApis(opts: {
  manifest: { matches: string[]; js: string[] }[];
  registered?: { matches: string[]; js: string[] }[];
  tabs: Record<string, number[]>;
  failTab?: number;
  /** Tabs whose content script answers the ping. */
  alive?: number[];
}) {
  const calls: { tabId: number; files: string[] }[] = [];
  const apis: ReinjectApis = {
    runtime: { getManifest: () => ({ content_scripts: opts.manifest }) },
    tabs: {
      async query({ url }) {
        const patterns = Array.isArray(url) ? url : [url ?? ''];
        if (patterns.includes('bad')) throw new Error('Invalid url pattern');
        return [...new Set(patterns.flatMap((p) => opts.tabs[p] ?? []))].map((id) => ({ id }));
      },
      sendMessage: opts.alive
        ? async (tabId, message) => {
            expect(message).toEqual(PING);
            if (opts.alive?.includes(tabId)) return PONG;
            throw new Error('Could not establish connection. Receiving end does not exist.');
          }
        : undefined,
    },
    scripting: {
      async executeScript({ target, files }) {
        if (target.tabId === opts.failTab) throw new Error('Cannot access contents of the page');
        calls.push({ tabId: target.tabId, files });
      },
      getRegisteredContentScripts: opts.registered ? async () => opts.registered ?? [] : undefined,
    },
  };
  return { apis, calls };
}

describe('reinjectContentScripts', () => {
  it('injects manifest and registered scripts into every matching tab once', async () => {
    const { apis, calls } = fakeApis({
      manifest: [{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content-scripts/helpdesk.js'] }],
      registered: [{ matches: ['https://rt.example.org/*'], js: ['content-scripts/helpdesk.js'] }],
      tabs: { 'http://127.0.0.1/*': [1, 2], 'http://localhost/*': [2], 'https://rt.example.org/*': [7] },
    });
    expect(await reinjectContentScripts(apis)).toBe(3);
    expect(calls.map((c) => c.tabId).sort()).toEqual([1, 2, 7]);
    expect(calls.every((c) => c.files[0] === 'content-scripts/helpdesk.js')).toBe(true);
  });

  it.each([
    { name: 'a tab it may not script', failTab: 1, manifestMatches: ['http://127.0.0.1/*'], expected: 1 },
    { name: 'a pattern tabs.query rejects', failTab: undefined, manifestMatches: ['bad'], expected: 0 },
  ])('skips $name without throwing', async ({ failTab, manifestMatches, expected }) => {
    const { apis } = fakeApis({
      manifest: [{ matches: manifestMatches, js: ['content-scripts/helpdesk.js'] }],
      tabs: { 'http://127.0.0.1/*': [1, 2] },
      failTab,
    });
    expect(await reinjectContentScripts(apis)).toBe(expected);
  });

  it('leaves tabs whose coach answers the ping alone', async () => {
    const { apis, calls } = fakeApis({
      manifest: [{ matches: ['http://127.0.0.1/*'], js: ['content-scripts/helpdesk.js'] }],
      tabs: { 'http://127.0.0.1/*': [1, 2, 3] },
      alive: [2],
    });
    expect(await reinjectContentScripts(apis)).toBe(2);
    expect(calls.map((c) => c.tabId)).toEqual([1, 3]);
  });

  it('does nothing for scripts without files or matches', async () => {
    const { apis, calls } = fakeApis({
      manifest: [
        { matches: [], js: ['a.js'] },
        { matches: ['http://127.0.0.1/*'], js: [] },
      ],
      tabs: { 'http://127.0.0.1/*': [1] },
    });
    expect(await reinjectContentScripts(apis)).toBe(0);
    expect(calls).toEqual([]);
  });
});
