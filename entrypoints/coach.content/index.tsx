// The in-page coach. Not in the manifest: the small helpdesk content script (entrypoints/helpdesk.content)
// asks the background to inject this bundle into its frame once the page has something that could be a
// composer, so pages without one never pay for the engine and the UI. Wiring only: the runtime lives in
// lib/coach, the UI in components/coach, the editor bridges in lib/editors.
import '../../components/coach/coach.css';
import { createRoot, type Root } from 'react-dom/client';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { AnalysisMark, CoachRoot, type CoachHandlers } from '../../components/coach/CoachRoot';
import { type CoachStore, createCoachStore, startCoach } from '../../lib/coach';
import { copyText, createSiteHealth } from '../../lib/coach/site-health';
import { sendMessage } from '../../lib/messaging';
import { DEFAULT_MATCHES, pickAdapter } from '../../lib/sites';
import { saveSiteHealth } from '../../lib/sites/health-store';
import { settingsItem } from '../../lib/sync/settings';
import { createCoachEngine } from './engine';

function CoachApp({ store, handlers }: { store: CoachStore; handlers: CoachHandlers }) {
  // Everything but the analysis counter, compared field by field: a keystroke that changes no advice and
  // moves nothing (lib/coach/chip.ts keeps the same objects then) re-renders only AnalysisMark.
  const state = useStore(
    store,
    useShallow(({ revision: _, ...rest }) => rest),
  );
  return (
    <>
      <CoachRoot state={state} handlers={handlers} />
      {state.view && <CoachRevision store={store} />}
    </>
  );
}

function CoachRevision({ store }: { store: CoachStore }) {
  return <AnalysisMark revision={useStore(store, (s) => s.revision)} />;
}

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const engine = createCoachEngine(
      async (lang) => (await sendMessage('empathy:languagePack', { lang }).catch(() => null)) ?? undefined,
    );
    const store = createCoachStore();
    const swallow = () => {};
    // What the coach sees here, for the chip's menu and (saved once a second at most) the options page.
    let saveTimer = 0;
    const siteHealth = createSiteHealth({
      doc: document,
      win: window,
      adapter: pickAdapter(document, window),
      versions: { extension: browser.runtime.getManifest().version, userAgent: navigator.userAgent },
      onChange: (health) => {
        store.setState({ health });
        if (saveTimer) return;
        saveTimer = window.setTimeout(() => {
          saveTimer = 0;
          void saveSiteHealth(location.host, siteHealth.health()).catch(swallow);
        }, 1000);
      },
    });
    const adapter = siteHealth.adapter;
    const copyDiagnostics = () => copyText(document, siteHealth.report(), mirrorParent ?? document.body);
    let mirrorParent: HTMLElement | null = null;
    let mounting = false;
    // The coach is injected when the agent turns to a composer (entrypoints/helpdesk.content), so its chip is
    // about to be needed: the shadow root UI (which fetches the coach's stylesheet first) is prepared now, in
    // parallel with the context and settings reads, and mounted on the first render.
    const ui = createShadowRootUi<Root>(ctx, {
      name: 'attune-coach',
      mode: 'open',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Keys typed in our UI must not trigger the helpdesk's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        mirrorParent = container;
        const root = createRoot(container);
        root.render(<CoachApp store={store} handlers={{ ...coach.handlers, onCopyDiagnostics: copyDiagnostics }} />);
        return root;
      },
      onRemove(mounted) {
        mounted?.unmount();
        mirrorParent = null;
      },
    });
    const coach = startCoach(
      {
        doc: document,
        win: window,
        adapter,
        engine,
        signal: ctx.signal,
        mirrorParent: () => mirrorParent,
        // Settings live in extension storage, which a content script reads directly (no background round trip).
        settings: {
          coachLangs: async () => (await settingsItem.getValue())?.coachLangs ?? [],
          watchCoachLangs: (onChange) => settingsItem.watch((next) => onChange(next?.coachLangs ?? [])),
        },
        messaging: {
          getContext: () => sendMessage('coach:getContext', { host: location.host }),
          usage: (data) => void sendMessage('coach:usage', data).catch(swallow),
          replySent: (data) => void sendMessage('coach:replySent', data).catch(swallow),
        },
        mountUi: () => {
          if (mounting) return;
          mounting = true;
          void ui.then((prepared) => {
            if (!ctx.isInvalid) prepared.mount();
          });
        },
      },
      store,
    );
    // startCoach has asked the background for the context; compile the pack while it answers, in a task of its
    // own (after evaluating this bundle, one task would be long).
    window.setTimeout(() => engine.warm(), 0);
    engine.onPackLoaded(() => coach.refresh());
    ctx.addEventListener(window, 'wxt:locationchange', () => coach.onNavigate());
    await coach.ready;
  },
});
