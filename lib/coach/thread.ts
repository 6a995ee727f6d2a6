// The customer side of the conversation: the latest customer message (read through the site adapter and
// analysed by the engine), the ticket's channel, and where that message sits on the page.
import type { Box } from '../../components/coach/placement';
import type { Channel, MessageAnalysis } from '../empathy/types';
import type { CoachDeps } from './types';

export interface CustomerThread {
  readonly customer: MessageAnalysis | null;
  readonly text: string | null;
  readonly channel: Channel | null;
  /** Reads the thread again; concurrent calls share one read. Calls `onRead` after every read. */
  refresh(): Promise<void>;
  /** The read in flight, if any. */
  readonly pending: Promise<void> | null;
  /** At most one read a second while the page keeps changing. */
  refreshThrottled(): void;
  /** The latest customer message, while it is on the page: the chip stays off what the agent is answering. */
  keepClear(): Box[];
}

export function box(r: DOMRect): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

export function createCustomerThread(
  { doc, win, adapter, engine, signal }: Pick<CoachDeps, 'doc' | 'win' | 'adapter' | 'engine' | 'signal'>,
  /** Called after each read (the drafts are analysed again against it). */
  onRead: () => void,
): CustomerThread {
  let customer: MessageAnalysis | null = null;
  let text: string | null = null;
  let element: Element | null = null;
  // Read with the customer message, not per keystroke: adapters may scan the page for it.
  let channel: Channel | null = null;
  let pending: Promise<void> | null = null;

  const refresh = (): Promise<void> => {
    pending ??= adapter
      .latestCustomerMessage(doc, win, signal)
      .catch(() => null)
      .then(async (msg) => {
        text = msg?.text ?? null;
        element = msg?.element ?? null;
        try {
          channel = adapter.ticketContext(doc, win).channel;
        } catch {
          channel = null;
        }
        customer = msg ? await engine.analyzeMessage(msg.text).catch(() => null) : null;
      })
      .finally(() => {
        pending = null;
        onRead();
      });
    return pending;
  };

  let lastRefresh = 0;
  let timer = 0;
  const refreshThrottled = () => {
    const wait = 1000 - (Date.now() - lastRefresh);
    if (timer) return;
    timer = win.setTimeout(
      () => {
        timer = 0;
        lastRefresh = Date.now();
        void refresh();
      },
      Math.max(0, wait),
    );
  };

  return {
    get customer() {
      return customer;
    },
    get text() {
      return text;
    },
    get channel() {
      return channel;
    },
    get pending() {
      return pending;
    },
    refresh,
    refreshThrottled,
    keepClear() {
      if (!element?.isConnected) return [];
      const r = element.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? [box(r)] : [];
    },
  };
}
