// The Feedback list rendered while hidden (the live panel waits behind the picture of its last view,
// entrypoints/sidepanel/app.tsx), then shown: it must stay at its top. Rows measured 0 px while hidden used to
// make the virtualiser scroll down by the rows' heights when they measured again, so the row under the agent's
// next click changed (an action meant for the top row went to another answer).
// jsdom has no layout and no ResizeObserver: a hidden ancestor gives 0 px, and a stand-in ResizeObserver
// reports sizes when the test says the browser would.
import { act, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackView } from '../../../components/panel/FeedbackView';
import { db } from '../../../lib/db';
import { feedbackItem, renderPanel, resetPanel } from './helpers';

const ROW = 107;
const VIEW = { width: 360, height: 800 };

const observers = new Set<FakeResizeObserver>();
class FakeResizeObserver {
  private readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    observers.add(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
    observers.delete(this);
  }
  /** What the browser does after a layout: reports every observed element's size. */
  report() {
    const entries = [...this.targets].map((target) => {
      const el = target as HTMLElement;
      const box = { blockSize: el.offsetHeight, inlineSize: el.offsetWidth };
      return {
        target,
        borderBoxSize: [box],
        contentBoxSize: [box],
        devicePixelContentBoxSize: [box],
        contentRect: { width: box.inlineSize, height: box.blockSize } as DOMRectReadOnly,
      } as ResizeObserverEntry;
    });
    if (entries.length > 0) this.callback(entries, this as unknown as ResizeObserver);
  }
}

const laidOut = (el: HTMLElement) => el.isConnected && !el.closest('[hidden]');
const saved: [object, string, PropertyDescriptor | undefined][] = [];
function stub(target: object, name: string, desc: PropertyDescriptor) {
  saved.push([target, name, Object.getOwnPropertyDescriptor(target, name)]);
  Object.defineProperty(target, name, { configurable: true, ...desc });
}

beforeAll(() => {
  stub(window, 'ResizeObserver', { value: FakeResizeObserver, writable: true });
  stub(HTMLElement.prototype, 'offsetHeight', {
    get(this: HTMLElement) {
      if (!laidOut(this)) return 0;
      return this.hasAttribute('data-index') ? ROW : VIEW.height;
    },
  });
  stub(HTMLElement.prototype, 'offsetWidth', {
    get(this: HTMLElement) {
      return laidOut(this) ? VIEW.width : 0;
    },
  });
  stub(HTMLElement.prototype, 'clientHeight', {
    get(this: HTMLElement) {
      return laidOut(this) ? VIEW.height : 0;
    },
  });
  stub(HTMLElement.prototype, 'clientWidth', {
    get(this: HTMLElement) {
      return laidOut(this) ? VIEW.width : 0;
    },
  });
  // jsdom lays nothing out: an element has client rects only where the stand-in layout gives it a size.
  stub(Element.prototype, 'getClientRects', {
    value(this: HTMLElement) {
      return laidOut(this) ? [{ width: VIEW.width, height: this.offsetHeight }] : [];
    },
  });
  stub(Element.prototype, 'scrollTo', {
    value(this: HTMLElement, opts: ScrollToOptions) {
      if (opts.top !== undefined) this.scrollTop = opts.top;
      this.dispatchEvent(new Event('scroll'));
    },
    writable: true,
  });
});

afterAll(() => {
  for (const [target, name, desc] of saved.reverse()) {
    if (desc) Object.defineProperty(target, name, desc);
    else delete (target as Record<string, unknown>)[name];
  }
});

beforeEach(resetPanel);

const reportSizes = () =>
  act(() => {
    for (const o of observers) o.report();
  });

describe('Feedback list rendered hidden, then shown', () => {
  it('stays at its top, with the newest answer first', async () => {
    await db.feedback.bulkPut(
      Array.from({ length: 30 }, (_, i) =>
        feedbackItem(`f${i}`, { answeredAt: new Date(Date.now() - i * 60_000).toISOString() }),
      ),
    );
    renderPanel(
      <div data-testid="host" hidden>
        <FeedbackView />
      </div>,
    );
    // The first frame renders a screenful (the virtualiser's initial rect) while the host is hidden: those rows
    // are measured 0 px, then the list learns it has no height.
    await waitFor(() => expect(screen.getByRole('feed', { hidden: true })).toBeTruthy());
    await reportSizes();
    screen.getByTestId('host').hidden = false;
    // Shown: the list and its rows report their real sizes.
    await reportSizes();
    await waitFor(() => expect(screen.queryAllByTestId('feedback-item').length).toBeGreaterThan(3));
    await reportSizes();

    const feed = screen.getByRole('feed');
    expect(feed.scrollTop).toBe(0);
    const first = screen.getAllByTestId('feedback-item')[0];
    expect(first?.getAttribute('data-feedback-id')).toBe('f0');
    expect(first?.parentElement?.style.transform).toBe('translateY(0px)');
  });
});
