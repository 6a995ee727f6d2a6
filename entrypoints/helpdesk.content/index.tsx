// Content script: the in-page coach on helpdesk pages (issue #4). Wiring only: the runtime lives in
// controller.ts, the UI in components/coach, the editor bridges in lib/editors.
import '../../components/coach/coach.css';
import { createRoot, type Root } from 'react-dom/client';
import { useStore } from 'zustand';
import { CoachRoot, type CoachHandlers } from '../../components/coach/CoachRoot';
import { PING, PONG } from '../../lib/editors/reinject';
import { sendMessage } from '../../lib/messaging';
import { DEFAULT_MATCHES, pickAdapter } from '../../lib/sites';
import { settingsItem } from '../../lib/sync/settings';
import { type CoachStore, createCoachStore, startCoach } from './controller';
import { createCoachEngine } from './engine';

function CoachApp({ store, handlers }: { store: CoachStore; handlers: CoachHandlers }) {
  const state = useStore(store);
  return <CoachRoot state={state} handlers={handlers} />;
}

function isPing(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PING.type;
}

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // The background pings open tabs when its worker starts and re-injects where nobody answers (orphans).
    const onPing = (message: unknown) => (isPing(message) ? Promise.resolve(PONG) : undefined);
    browser.runtime.onMessage.addListener(onPing);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onPing));
    const adapter = pickAdapter(document, window);
    const engine = createCoachEngine(
      async (lang) => (await sendMessage('empathy:languagePack', { lang }).catch(() => null)) ?? undefined,
    );
    const store = createCoachStore();
    let mirrorParent: HTMLElement | null = null;
    let mounting = false;
    const swallow = () => {};
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
          void createShadowRootUi<Root>(ctx, {
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
              root.render(<CoachApp store={store} handlers={coach.handlers} />);
              return root;
            },
            onRemove(root) {
              root?.unmount();
              mirrorParent = null;
            },
          }).then((ui) => {
            if (!ctx.isInvalid) ui.mount();
          });
        },
      },
      store,
    );
    engine.onPackLoaded(() => coach.refresh());
    ctx.addEventListener(window, 'wxt:locationchange', () => coach.onNavigate());
    await coach.ready;
  },
});
