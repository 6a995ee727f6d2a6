// The content script's end of the page-world bridge (page-world.ts). On first use it asks the background to
// inject the page-world function with a fresh random nonce (executeScript args, which the page never sees),
// then hands it one end of a MessageChannel in a single window message carrying only that nonce. From then on
// requests and answers go through the port, not through window messages: a page listening to every message
// sees the nonce once and nothing it could use, and cannot talk to the page world without the nonce. What goes
// through the port is the text to insert, the span it replaces and where the editable is; never the draft.
// Answers are not trusted either: the bridge checks the editor's text after every insertion (contenteditable.ts).
import type { PageRequest, PageResponse, PageStatus } from './page-world';

/** What the content script sends the background to have the page-world bridge injected into its frame. */
export const PAGE_WORLD = { type: 'attune:page-world' } as const;

/** How long an answer may take before the page world counts as gone (an unanswered handshake, a hung page). */
const ANSWER_TIMEOUT_MS = 2000;

export interface PageChannel {
  request(req: Omit<PageRequest, 'id'>): Promise<PageStatus | 'timeout'>;
}

/** Injects the page world; resolves true once it runs. Replaceable for tests that have no extension APIs. */
export type RequestInjection = (nonce: string) => Promise<boolean>;

type RuntimeLike = { runtime?: { sendMessage?(message: unknown): Promise<unknown> } };

// The extension's runtime as the content script sees it (Firefox's `browser`, Chrome's `chrome`), looked up
// when first needed rather than imported, so the bridges load in pages and test environments without one.
const defaultInjection: RequestInjection = async (nonce) => {
  const g = globalThis as { browser?: RuntimeLike; chrome?: RuntimeLike };
  const runtime = g.browser?.runtime?.sendMessage ? g.browser.runtime : g.chrome?.runtime;
  if (!runtime?.sendMessage) return false;
  return (await runtime.sendMessage({ ...PAGE_WORLD, nonce })) === true;
};

const channels = new WeakMap<Window, Promise<PageChannel | null>>();

function randomNonce(win: Window): string {
  const bytes = new Uint8Array(16);
  win.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function open(win: Window, inject: RequestInjection): Promise<PageChannel | null> {
  const nonce = randomNonce(win);
  try {
    if (!(await inject(nonce))) return null;
  } catch {
    return null; // No extension runtime (a test page), a page we may not script, a restarting background.
  }
  const { port1, port2 } = new MessageChannel();
  const pending = new Map<number, (status: PageStatus | 'timeout') => void>();
  let nextId = 1;
  let dead = false;
  port1.onmessage = (e: MessageEvent<PageResponse>) => {
    const done = pending.get(e.data?.id);
    const status = e.data?.status;
    if (!done || (status !== 'done' && status !== 'unsupported' && status !== 'failed')) return;
    pending.delete(e.data.id);
    done(status);
  };
  win.postMessage({ attuneEditorBridge: nonce }, '*', [port2]);
  return {
    request(req) {
      if (dead) return Promise.resolve('unsupported');
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = win.setTimeout(() => {
          pending.delete(id);
          // An unanswered channel stays unanswered (the handshake was swallowed): go generic from now on.
          dead = true;
          resolve('timeout');
        }, ANSWER_TIMEOUT_MS);
        pending.set(id, (status) => {
          win.clearTimeout(timer);
          resolve(status);
        });
        port1.postMessage({ ...req, id } satisfies PageRequest);
      });
    },
  };
}

/** This window's page channel, opened on first use; null when the page world cannot be reached. */
export function pageChannel(win: Window, inject: RequestInjection = defaultInjection): Promise<PageChannel | null> {
  let channel = channels.get(win);
  if (!channel) {
    channel = open(win, inject);
    channels.set(win, channel);
  }
  return channel;
}
