// Composer tracking: which composers on the page (and in its iframes) the coach follows, which one the agent
// is using, and forgetting those the page removed. Each tracked composer gets an editor bridge.
import { createBridge, type FoundComposer, findComposers, iframeEditable, isOptedOut } from '../editors/detect';
import type { SiteAdapter } from '../sites/types';
import type { CoachStore } from './chip';
import type { CoachDeps, Tracked } from './types';

export interface ComposerHooks {
  /** Reads the composer's draft and runs the engine on it (renders when it is the active one). */
  analyze(t: Tracked): void;
  /** Renders the chip (nothing is active any more). */
  render(): void;
  scheduleLayout(): void;
  onKeyDown(t: Tracked, e: KeyboardEvent): void;
  /** The first composer was found: time to read the customer's thread. */
  firstTracked(): void;
}

export type ComposerTracker = ReturnType<typeof createComposerTracker>;

export function createComposerTracker(
  deps: Pick<CoachDeps, 'doc' | 'win' | 'adapter' | 'mirrorParent' | 'signal'>,
  store: CoachStore,
  hooks: ComposerHooks,
) {
  const { doc, win, adapter, signal } = deps;
  const tracked = new Map<HTMLElement, Tracked>();
  let active: Tracked | null = null;

  const activate = (t: Tracked) => {
    if (active === t) return;
    active = t;
    store.setState({ collapsed: store.getState().collapsed, previewId: null, view: null });
    hooks.analyze(t);
  };

  const track = (found: FoundComposer) => {
    if (tracked.has(found.target) || signal.aborted) return;
    if (isOptedOut(found.target, found.frame)) return;
    let classification: ReturnType<SiteAdapter['classifyComposer']> = null;
    try {
      classification = adapter.classifyComposer(found.frame ?? found.target, doc);
    } catch {
      classification = null;
    }
    if (!classification) return;
    const bridge = createBridge(found, { mirrorParent: found.frame ? undefined : deps.mirrorParent });
    const listeners = new AbortController();
    const t: Tracked = {
      found,
      bridge,
      audience: classification.audience,
      analysis: null,
      draft: '',
      closed: false,
      listeners,
      lastInputAt: -1,
    };
    tracked.set(found.target, t);
    // The thread is only read once there is something to coach (pages without a composer stay cheap).
    if (tracked.size === 1) hooks.firstTracked();
    const opts = { signal: listeners.signal, capture: true } as const;
    // Typing is the strongest sign of which composer the agent uses (an editor may recreate its body
    // without a focus event, e.g. CKEditor's setData in iframe mode).
    found.target.addEventListener(
      'input',
      () => {
        t.lastInputAt = performance.now();
        if (t === active) hooks.analyze(t);
        else activate(t);
      },
      opts,
    );
    found.target.addEventListener('focus', () => activate(t), opts);
    found.target.addEventListener('keydown', (e) => hooks.onKeyDown(t, e), opts);
    // An iframe editor scrolls in its own window, which the top window's scroll listener never hears.
    found.frame?.contentWindow?.addEventListener('scroll', () => hooks.scheduleLayout(), { ...opts, passive: true });
    // The helpdesk may flip this same composer between reply and internal note (RT's Update Type select,
    // Zendesk's channel switcher): re-coach it in place instead of waiting for it to be found again.
    try {
      adapter.watchAudience?.(
        found.frame ?? found.target,
        doc,
        (audience) => {
          if (audience === t.audience || signal.aborted) return;
          t.audience = audience;
          store.setState({ previewId: null });
          hooks.analyze(t);
        },
        listeners.signal,
      );
    } catch {
      // A broken adapter hook leaves the audience as first classified.
    }
    // The first customer-facing composer gets the coach before the agent even clicks into it.
    if (!active || (active.audience === 'internal' && t.audience === 'customer')) activate(t);
  };

  const untrackDetached = () => {
    for (const [target, t] of tracked) {
      const frameHoldsIt =
        !t.found.frame || (t.found.frame.isConnected && t.found.frame.contentDocument === target.ownerDocument);
      if (target.isConnected && frameHoldsIt) continue;
      t.listeners.abort();
      t.bridge.dispose();
      tracked.delete(target);
      if (active === t) {
        active = null;
        const next = [...tracked.values()].find((x) => x.audience === 'customer') ?? tracked.values().next().value;
        if (next) activate(next);
        else hooks.render();
      }
    }
  };

  const scan = (root: ParentNode, withShadow: boolean) => {
    for (const found of findComposers(root, withShadow)) track(found);
    watchFrames(root);
  };

  // Iframe editors (CKEditor 4, TinyMCE) fill their iframe after load; check again when it loads.
  const watchedFrames = new WeakSet<HTMLIFrameElement>();
  const watchFrames = (root: ParentNode) => {
    const frames = (root as Element).tagName === 'IFRAME' ? [root as HTMLIFrameElement] : [];
    for (const f of [...frames, ...root.querySelectorAll('iframe')]) {
      if (watchedFrames.has(f)) continue;
      watchedFrames.add(f);
      const check = () => {
        // The frame may have been re-filled (a new document): forget the old body first.
        untrackDetached();
        const body = iframeEditable(f);
        if (body) track({ target: body, frame: f });
      };
      f.addEventListener('load', () => win.setTimeout(check, 0), { signal });
      // Editors switch designMode/contenteditable on after load; give them a moment.
      win.setTimeout(check, 300);
    }
  };

  // Composers we never saw being added (e.g. contenteditable switched on, closed-over shadow DOM) are
  // picked up the moment the agent focuses them.
  const onFocusIn = (e: FocusEvent) => {
    const el = e.composedPath()[0];
    if (!(el instanceof win.HTMLElement)) return;
    const existing = tracked.get(el) ?? [...tracked.values()].find((t) => t.found.target.contains(el));
    if (existing) return activate(existing);
    if (el.tagName === 'IFRAME') {
      const body = iframeEditable(el as HTMLIFrameElement);
      if (!body) return;
      if (!tracked.has(body)) track({ target: body, frame: el as HTMLIFrameElement });
      const t = tracked.get(body);
      if (t) activate(t);
      return;
    }
    if (el.tagName === 'TEXTAREA' || el.isContentEditable) {
      let root: HTMLElement = el;
      while (root.parentElement?.isContentEditable) root = root.parentElement;
      track({ target: root, frame: null });
      const t = tracked.get(root);
      if (t) activate(t);
    }
  };

  return {
    get active() {
      return active;
    },
    /** Every composer followed now. */
    all: () => tracked.values(),
    get size() {
      return tracked.size;
    },
    /** Inside a tracked composer (typing there is not a new composer). */
    contains: (node: Node) => [...tracked.keys()].some((c) => c.contains(node)),
    scan,
    untrackDetached,
    onFocusIn,
    dispose() {
      for (const t of tracked.values()) {
        t.listeners.abort();
        t.bridge.dispose();
      }
      tracked.clear();
      active = null;
    },
  };
}
