// The coach runtime, wired from its parts: composer tracking (composers.ts, page-watch.ts), the customer's
// thread (thread.ts), the chip's state (chip.ts), the agent's actions (insertion.ts) and sent-reply flags
// (sent-reply.ts). Here: the analysis of a draft against what is known, start-up and teardown. Browser
// messaging and the UI are injected, so the runtime only knows the page.
import type { CoachHandlers } from '../../components/coach/CoachRoot';
import { COACH_STRINGS, coachUiLang } from '../../components/coach/strings';
import type { Lang } from '../empathy/types';
import type { CoachContext } from '../messaging';
import { type CoachStore, createChip, createCoachStore } from './chip';
import { createComposerTracker } from './composers';
import { createInsertion } from './insertion';
import { watchPage } from './page-watch';
import { createSentReplies } from './sent-reply';
import { copyText } from './site-health';
import { validCoachLangs } from './settings';
import { createCustomerThread } from './thread';
import { type CoachDeps, DEFAULT_CONTEXT, type Tracked } from './types';

export function startCoach(deps: CoachDeps, store: CoachStore = createCoachStore()) {
  const { doc, win, engine, messaging, signal } = deps;
  const uiLang = deps.uiLang ?? coachUiLang(win.navigator?.language);
  const strings = COACH_STRINGS[uiLang];
  if (store.getState().uiLang !== uiLang) store.setState({ uiLang });
  let context: CoachContext = DEFAULT_CONTEXT;
  let coachLangs: readonly Lang[] = [];

  const analyzeAll = () => {
    for (const t of composers.all()) analyze(t);
  };
  const thread = createCustomerThread(deps, analyzeAll);

  const analyze = (t: Tracked) => {
    if (signal.aborted) return;
    const draft = t.bridge.readText();
    // Closed for this reply only: an emptied composer (sent, or cleared) starts a new reply.
    if (t.closed && draft.trim() === '' && t.draft.trim() !== '') t.closed = false;
    t.draft = draft;
    const customer = thread.customer;
    const lang = engine.coachLang(draft, customer?.lang, coachLangs);
    // Coaching in another language than the customer's: the customer's words (topic, mirroring) would be
    // read with the wrong language pack, so only their emotion and cues carry over.
    const sameLang = !customer || lang === customer.lang;
    t.analysis = engine.analyzeDraft(draft, {
      customer: customer ?? undefined,
      customerText: sameLang ? (thread.text ?? undefined) : undefined,
      lang,
      channel: thread.channel ?? undefined,
      library: context.library ?? undefined,
      usage: context.usage,
    });
    if (t === composers.active) chip.render();
  };

  const chip = createChip(deps, store, strings, thread, () => composers.active);
  const actions = createInsertion(deps, store, () => composers.active, analyze);
  const composers = createComposerTracker(deps, store, {
    analyze,
    render: () => chip.render(),
    scheduleLayout: () => chip.scheduleLayout(),
    onKeyDown: actions.onKeyDown,
    firstTracked: () => void thread.refresh(),
  });
  const sent = createSentReplies(deps, { analyze, threadChanging: () => void thread.refresh() });
  const page = watchPage(deps, composers, () => {
    if (composers.size > 0) thread.refreshThrottled();
  });

  const handlers: CoachHandlers = {
    onToggleCollapsed: () => store.setState((s) => ({ collapsed: !s.collapsed })),
    onClose: () => {
      const t = composers.active;
      if (t) t.closed = true;
      chip.render();
    },
    onInsert: (s) => actions.insertSuggestion(s),
    onDismissSuggestion: (s) => chip.dismiss(s.id),
    onApplyRewrite: actions.applyRewrite,
    onPreviewRewrite: (r) => store.setState({ previewId: r?.id ?? null }),
    onCopyPhrase: (text) => copyText(doc, text, deps.mirrorParent?.() ?? doc.body),
  };

  const onClick = (e: MouseEvent) => sent.onClick(e, composers.all());
  const onViewportChange = () => chip.scheduleLayout();

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
        analyzeAll();
      });
      signal.addEventListener('abort', unwatch, { once: true });
    }
    page.observe(doc.documentElement);
    doc.addEventListener('focusin', composers.onFocusIn, { capture: true, signal });
    doc.addEventListener('click', onClick, { capture: true, signal });
    win.addEventListener('scroll', onViewportChange, { capture: true, passive: true, signal });
    win.addEventListener('resize', onViewportChange, { passive: true, signal });
    composers.scan(doc, true);
    await thread.pending;
  };

  signal.addEventListener('abort', () => {
    page.disconnect();
    chip.dispose();
    composers.dispose();
  });

  return {
    store,
    handlers,
    ready: start(),
    /** Re-analyse with what is known now (a language pack arrived). */
    refresh() {
      void thread.refresh();
    },
    /** SPA navigation: a new ticket means a new customer message and perhaps new composers. */
    onNavigate() {
      chip.forgetDismissed();
      for (const t of composers.all()) t.closed = false;
      composers.scan(doc, true);
      composers.untrackDetached();
      void thread.refresh();
    },
  };
}
