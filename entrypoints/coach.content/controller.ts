// The content script's runtime: finds composers, runs the engine on each keystroke, keeps the coach's
// store current, and inserts through the editor bridges. Browser messaging and the UI are injected, so this
// file only knows the page.
import { createStore } from 'zustand/vanilla';
import type { CoachHandlers, CoachRootState } from '../../components/coach/CoachRoot';
import type { Box } from '../../components/coach/placement';
import { COACH_STRINGS, coachUiLang } from '../../components/coach/strings';
import type { CoachRewrite, HighlightBox } from '../../components/coach/types';
import { createBridge, findComposers, type FoundComposer, iframeEditable, isOptedOut } from '../../lib/editors/detect';
import type { EditorBridge } from '../../lib/editors/types';
import { undoBoundaryDelay } from '../../lib/editors/undo';
import {
  type Behavior,
  type Channel,
  type DraftAnalysis,
  LANGS,
  type Lang,
  type MessageAnalysis,
  type Suggestion,
} from '../../lib/empathy/types';
import type { CoachContext, ProtocolMap } from '../../lib/messaging';
import type { Audience, SiteAdapter } from '../../lib/sites/types';
import type { CoachEngine } from './engine';
import { buildCoachModel } from './model';

export interface CoachMessaging {
  getContext(): Promise<CoachContext>;
  usage(data: Parameters<ProtocolMap['coach:usage']>[0]): void;
  replySent(data: Parameters<ProtocolMap['coach:replySent']>[0]): void;
}

/** The agent's settings the coach follows (the options page stores them; the content script reads them). */
export interface CoachSettings {
  /** Languages the agent coaches in, first choice first. */
  coachLangs(): Promise<readonly Lang[]>;
  /** Calls `onChange` when the agent changes them; returns the unsubscribe. */
  watchCoachLangs(onChange: (langs: readonly Lang[]) => void): () => void;
}

/** Only known languages, in the agent's order; anything else in storage is ignored. */
export function validCoachLangs(value: unknown): Lang[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((l): l is Lang => (LANGS as readonly unknown[]).includes(l)))];
}

export interface CoachDeps {
  doc: Document;
  win: Window & typeof globalThis;
  adapter: SiteAdapter;
  engine: CoachEngine;
  messaging: CoachMessaging;
  /** Without it the coach follows the conversation's language. */
  settings?: CoachSettings;
  /** The chip's language; defaults to the browser's UI language (navigator.language). */
  uiLang?: Lang;
  /** Creates the UI on first need (keeps start-up cheap on pages without a composer). */
  mountUi(): void;
  /** Where the textarea bridge may attach its measuring mirror (inside our shadow root). */
  mirrorParent?: () => Node | null;
  signal: AbortSignal;
}

interface Tracked {
  found: FoundComposer;
  bridge: EditorBridge;
  audience: Audience;
  analysis: DraftAnalysis | null;
  draft: string;
  closed: boolean;
  listeners: AbortController;
  /** performance.now() of the composer's last input event (-1: none yet), for the undo boundary. */
  lastInputAt: number;
}

const DEFAULT_CONTEXT: CoachContext = { enabled: true, library: null, usage: {} };

export type CoachStore = ReturnType<typeof createCoachStore>;

export function createCoachStore(uiLang: Lang = 'en') {
  // The viewport is read in layout(): reading innerWidth at start-up would force the page's first layout.
  return createStore<CoachRootState>(() => ({
    view: null,
    collapsed: false,
    highlights: [],
    previewId: null,
    viewport: { width: 0, height: 0 },
    uiLang,
  }));
}

function box(r: DOMRect): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/** Dark when the nearest opaque background behind the composer is dark (page themes, not the OS setting). */
export function detectTheme(el: Element, win: Window): 'light' | 'dark' {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(
      win.getComputedStyle(n).backgroundColor,
    );
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function startCoach(deps: CoachDeps, store: CoachStore = createCoachStore()) {
  const { doc, win, adapter, engine, messaging, signal } = deps;
  const tracked = new Map<HTMLElement, Tracked>();
  const uiLang = deps.uiLang ?? coachUiLang(win.navigator?.language);
  const strings = COACH_STRINGS[uiLang];
  if (store.getState().uiLang !== uiLang) store.setState({ uiLang });
  const hidden = new Set<string>();
  const shown = new Set<string>();
  let context: CoachContext = DEFAULT_CONTEXT;
  let coachLangs: readonly Lang[] = [];
  let customer: MessageAnalysis | null = null;
  let customerText: string | null = null;
  let customerElement: Element | null = null;
  // Read with the customer message, not per keystroke: adapters may scan the page for it.
  let channel: Channel | null = null;
  let active: Tracked | null = null;
  let uiMounted = false;
  let frame = 0;
  let revision = 0;

  // ---- customer message -------------------------------------------------------------------------------
  let customerRefresh: Promise<void> | null = null;
  const refreshCustomer = (): Promise<void> => {
    customerRefresh ??= adapter
      .latestCustomerMessage(doc, win, signal)
      .catch(() => null)
      .then(async (msg) => {
        customerText = msg?.text ?? null;
        customerElement = msg?.element ?? null;
        try {
          channel = adapter.ticketContext(doc, win).channel;
        } catch {
          channel = null;
        }
        customer = msg ? await engine.analyzeMessage(msg.text).catch(() => null) : null;
      })
      .finally(() => {
        customerRefresh = null;
        for (const t of tracked.values()) analyze(t);
      });
    return customerRefresh;
  };

  // ---- analysis and view ------------------------------------------------------------------------------
  const analyze = (t: Tracked) => {
    if (signal.aborted) return;
    const draft = t.bridge.readText();
    // Closed for this reply only: an emptied composer (sent, or cleared) starts a new reply.
    if (t.closed && draft.trim() === '' && t.draft.trim() !== '') t.closed = false;
    t.draft = draft;
    const lang = engine.coachLang(draft, customer?.lang, coachLangs);
    // Coaching in another language than the customer's: the customer's words (topic, mirroring) would be
    // read with the wrong language pack, so only their emotion and cues carry over.
    const sameLang = !customer || lang === customer.lang;
    t.analysis = engine.analyzeDraft(draft, {
      customer: customer ?? undefined,
      customerText: sameLang ? (customerText ?? undefined) : undefined,
      lang,
      channel: channel ?? undefined,
      library: context.library ?? undefined,
      usage: context.usage,
    });
    if (t === active) render();
  };

  const render = () => {
    const t = active;
    if (!t || t.closed || !t.analysis || signal.aborted) {
      store.setState({ view: null, highlights: [] });
      return;
    }
    if (!uiMounted) {
      uiMounted = true;
      deps.mountUi();
    }
    const model = buildCoachModel({
      audience: t.audience,
      draft: t.draft,
      analysis: t.analysis,
      customer,
      customerText,
      hidden,
      strings,
    });
    for (const s of model.suggestions) {
      if (shown.has(s.id)) continue;
      shown.add(s.id);
      messaging.usage({ suggestionId: s.id, event: 'shown' });
    }
    const prev = store.getState().view;
    if (!prev) store.setState({ viewport: { width: win.innerWidth, height: win.innerHeight } });
    // Geometry is refreshed in the next frame (layout()); reading it here would force a synchronous
    // layout of the freshly typed-in editor on every keystroke.
    store.setState({
      view: {
        model,
        anchor: prev?.anchor ?? box(t.bridge.anchor.getBoundingClientRect()),
        avoid: prev?.avoid ?? sendButtons(t).map((b) => box(b.getBoundingClientRect())),
        keepClear: prev?.keepClear ?? keepClear(),
        theme: prev?.theme ?? detectTheme(t.bridge.anchor, win),
        revision: ++revision,
      },
    });
    scheduleLayout();
  };

  // Geometry (overlay rects, anchor) is read once per frame, after the keystroke's chip update.
  const scheduleLayout = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      layout();
    });
  };
  const layout = () => {
    const t = active;
    const state = store.getState();
    if (!t || !state.view || signal.aborted) return;
    if (!t.bridge.anchor.isConnected) return;
    const rewrites = state.view.model.rewrites;
    const rects = rewrites.length > 0 ? t.bridge.rectsFor(rewrites.map((r) => r.span)) : [];
    const highlights: HighlightBox[] = [];
    rewrites.forEach((r, i) => {
      for (const rect of rects[i] ?? []) highlights.push({ id: r.id, risk: r.risk, ...box(rect) });
    });
    store.setState({
      highlights,
      viewport: { width: win.innerWidth, height: win.innerHeight },
      view: {
        ...state.view,
        anchor: box(t.bridge.anchor.getBoundingClientRect()),
        avoid: sendButtons(t).map((b) => box(b.getBoundingClientRect())),
        keepClear: keepClear(),
      },
    });
  };

  // The latest customer message, while it is on the page: the chip stays off what the agent is answering.
  const keepClear = (): Box[] => {
    if (!customerElement?.isConnected) return [];
    const r = customerElement.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? [box(r)] : [];
  };

  const sendButtons = (t: Tracked): Element[] => {
    try {
      return adapter.sendButtons?.(t.found.frame ?? t.found.target, doc) ?? [];
    } catch {
      return [];
    }
  };

  // ---- composers --------------------------------------------------------------------------------------
  const activate = (t: Tracked) => {
    if (active === t) return;
    active = t;
    store.setState({ collapsed: store.getState().collapsed, previewId: null, view: null });
    analyze(t);
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
    if (tracked.size === 1) void refreshCustomer();
    const opts = { signal: listeners.signal, capture: true } as const;
    // Typing is the strongest sign of which composer the agent uses (an editor may recreate its body
    // without a focus event, e.g. CKEditor's setData in iframe mode).
    found.target.addEventListener(
      'input',
      () => {
        t.lastInputAt = performance.now();
        if (t === active) analyze(t);
        else activate(t);
      },
      opts,
    );
    found.target.addEventListener('focus', () => activate(t), opts);
    found.target.addEventListener('keydown', (e) => onKeyDown(t, e), opts);
    // An iframe editor scrolls in its own window, which the top window's scroll listener never hears.
    found.frame?.contentWindow?.addEventListener('scroll', () => scheduleLayout(), { ...opts, passive: true });
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
          analyze(t);
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
        else render();
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

  // ---- keyboard and actions ---------------------------------------------------------------------------
  const onKeyDown = (t: Tracked, e: KeyboardEvent) => {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    const m = /^Digit([1-3])$/.exec(e.code);
    if (!m || t !== active) return;
    const suggestion = store.getState().view?.model.suggestions[Number(m[1]) - 1];
    if (!suggestion) return;
    e.preventDefault();
    e.stopPropagation();
    insertSuggestion(suggestion);
  };

  // Runs `edit` once the editor's undo-grouping window since the agent's last keystroke has closed, so the
  // edit is its own undo step (lib/editors/undo.ts); at once for editors that need no wait.
  const atUndoBoundary = (t: Tracked, edit: () => void) => {
    const started = performance.now();
    const attempt = () => {
      if (signal.aborted || t.closed || active !== t) return;
      const now = performance.now();
      const wait = t.lastInputAt < 0 ? 0 : undoBoundaryDelay(t.bridge.kind, now - t.lastInputAt, now - started);
      if (wait > 0) win.setTimeout(attempt, wait);
      else edit();
    };
    attempt();
  };

  const insertSuggestion = (s: Suggestion) => {
    const t = active;
    if (t) atUndoBoundary(t, () => insertNow(t, s));
  };

  const insertNow = (t: Tracked, s: Suggestion) => {
    // Keep words apart on both sides, as the agent would have typed it.
    const before = t.bridge.charBeforeCaret();
    const after = t.bridge.charAfterCaret();
    const text = `${before && !/\s/.test(before) ? ' ' : ''}${s.text}${after && !/[\s.,;:!?]/.test(after) ? ' ' : ''}`;
    if (t.bridge.insertAtCaret(text)) messaging.usage({ suggestionId: s.id, event: 'accepted' });
    analyze(t);
  };

  const applyRewrite = (r: CoachRewrite) => {
    const t = active;
    if (!t) return;
    store.setState({ previewId: null });
    atUndoBoundary(t, () => {
      // The draft may have changed since the span was computed: replace only the words the agent saw.
      if (t.bridge.readText().slice(r.span[0], r.span[1]) === r.original) t.bridge.replaceSpan(r.span, r.replacement);
      analyze(t);
    });
  };

  const reportSent = (t: Tracked) => {
    if (t.audience !== 'customer') return;
    const draft = t.bridge.readText();
    if (!draft.trim()) return;
    if (draft !== t.draft || !t.analysis) analyze(t);
    const behaviors = [...new Set((t.analysis?.behaviors ?? []).map((b) => b.kind))] as Behavior[];
    const ticket = adapter.ticketContext(doc, win);
    messaging.replySent({
      site: adapter.id,
      ticketId: ticket.ticketId,
      channel: ticket.channel,
      behaviors,
      sentAt: new Date().toISOString(),
    });
    // The thread is about to change (our reply lands in it).
    win.setTimeout(() => void refreshCustomer(), 500);
  };

  const handlers: CoachHandlers = {
    onToggleCollapsed: () => store.setState((s) => ({ collapsed: !s.collapsed })),
    onClose: () => {
      if (active) active.closed = true;
      render();
    },
    onInsert: (s) => insertSuggestion(s),
    onDismissSuggestion: (s) => {
      hidden.add(s.id);
      messaging.usage({ suggestionId: s.id, event: 'dismissed' });
      render();
    },
    onApplyRewrite: applyRewrite,
    onPreviewRewrite: (r) => store.setState({ previewId: r?.id ?? null }),
  };

  // ---- page observation -------------------------------------------------------------------------------
  // Mutations are only collected here; the work happens once per frame (busy pages mutate constantly).
  const pending = new Set<Node>();
  let threadChanged = false;
  let batchQueued = false;
  const processBatch = () => {
    batchQueued = false;
    const nodes = [...pending];
    pending.clear();
    for (const node of nodes) {
      if (!node.isConnected || node.nodeType !== 1 || (node as Element).localName === 'attune-coach') continue;
      // Typing inside a tracked composer is not a new composer.
      if ([...tracked.keys()].some((c) => c.contains(node))) continue;
      threadChanged = true;
      scan(node as Element, true);
    }
    untrackDetached();
    if (threadChanged) {
      threadChanged = false;
      throttledCustomerRefresh();
    }
  };
  let lastCustomerRefresh = 0;
  let customerTimer = 0;
  const throttledCustomerRefresh = () => {
    if (tracked.size === 0) return;
    const wait = 1000 - (Date.now() - lastCustomerRefresh);
    if (customerTimer) return;
    customerTimer = win.setTimeout(
      () => {
        customerTimer = 0;
        lastCustomerRefresh = Date.now();
        void refreshCustomer();
      },
      Math.max(0, wait),
    );
  };
  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') pending.add(r.target);
      for (const n of r.addedNodes) pending.add(n);
      if (r.removedNodes.length > 0) untrackSoon();
    }
    if (!batchQueued && pending.size > 0) {
      batchQueued = true;
      win.requestAnimationFrame(processBatch);
    }
  });
  let untrackQueued = false;
  const untrackSoon = () => {
    if (untrackQueued) return;
    untrackQueued = true;
    win.requestAnimationFrame(() => {
      untrackQueued = false;
      untrackDetached();
    });
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

  // Send buttons are looked up at click time: single-page helpdesks re-render them.
  const onClick = (e: MouseEvent) => {
    const target = e.composedPath()[0];
    if (!(target instanceof win.Node)) return;
    for (const t of tracked.values()) {
      if (sendButtons(t).some((b) => b === target || b.contains(target))) reportSent(t);
    }
  };

  const onViewportChange = () => scheduleLayout();

  // ---- start ------------------------------------------------------------------------------------------
  // A background or storage that never answers must not keep the coach away.
  const orFallback = <T>(p: Promise<T>, fallback: T): Promise<T> =>
    Promise.race([p.catch(() => fallback), new Promise<T>((resolve) => win.setTimeout(() => resolve(fallback), 1500))]);
  const start = async () => {
    const langs = deps.settings ? orFallback(deps.settings.coachLangs().then(validCoachLangs), []) : [];
    context = await orFallback(messaging.getContext(), DEFAULT_CONTEXT);
    if (!context.enabled || signal.aborted) return;
    coachLangs = await langs;
    if (deps.settings) {
      const unwatch = deps.settings.watchCoachLangs((next) => {
        coachLangs = validCoachLangs(next);
        for (const t of tracked.values()) analyze(t);
      });
      signal.addEventListener('abort', unwatch, { once: true });
    }
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
    doc.addEventListener('focusin', onFocusIn, { capture: true, signal });
    doc.addEventListener('click', onClick, { capture: true, signal });
    win.addEventListener('scroll', onViewportChange, { capture: true, passive: true, signal });
    win.addEventListener('resize', onViewportChange, { passive: true, signal });
    scan(doc, true);
    await customerRefresh;
  };

  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    for (const t of tracked.values()) {
      t.listeners.abort();
      t.bridge.dispose();
    }
    tracked.clear();
    active = null;
  });

  return {
    store,
    handlers,
    ready: start(),
    /** Re-analyse with what is known now (a language pack arrived). */
    refresh() {
      void refreshCustomer();
    },
    /** SPA navigation: a new ticket means a new customer message and perhaps new composers. */
    onNavigate() {
      hidden.clear();
      for (const t of tracked.values()) t.closed = false;
      scan(doc, true);
      untrackDetached();
      void refreshCustomer();
    },
  };
}
