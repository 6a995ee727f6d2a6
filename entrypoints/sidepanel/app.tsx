// The live panel: React, the Dexie database and i18next. main.tsx loads this after the snapshot is on screen.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { PanelActionsProvider } from '../../components/panel/actions';
import { PanelApp } from '../../components/panel/PanelApp';
import { db } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { isViewReady, savePanelSnapshot } from '../../lib/store/snapshot';
import { type PanelTab, usePanelStore } from '../../lib/store/panel';
import { connectPanelPort, panelActions } from './actions';

// Open IndexedDB while React and i18next start up: first paint comes from this cache.
void db.open();
const i18n = createI18n();
document.documentElement.lang = i18n.language;
// Connect once the cached views are up, so the catch-up sync the port triggers in the background does not
// compete with the first reads.
const whenIdle = (fn: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 200);
whenIdle(() => connectPanelPort());

// Deep link to a view, e.g. sidepanel.html?tab=coaching from a new-tip notification.
const TABS: readonly PanelTab[] = ['kpis', 'feedback', 'coaching', 'pulse', 'team'];
const linkedTab = new URLSearchParams(location.search).get('tab');
if (linkedTab && (TABS as readonly string[]).includes(linkedTab))
  usePanelStore.setState({ tab: linkedTab as PanelTab });

/** How long the picture may stand in for a live view that is still reading. */
const SNAPSHOT_GIVE_UP_MS = 3_000;

const root = document.getElementById('root');
const snapshot = document.getElementById('snapshot');
if (root) {
  // The snapshot gives way to the live view once it has its data; from then on the live view is what gets
  // saved for the next opening: when idle after it changes, and when the panel goes away.
  const save = () => {
    if (!isViewReady(root)) return;
    // A page that is going away may have no layout left (Chromium closing the panel): the picture could not be
    // cut to the first screen (lib/store/snapshot.ts). The saves when idle have kept it current.
    if (root.getBoundingClientRect().height === 0) return;
    savePanelSnapshot(localStorage, usePanelStore.getState().tab, i18n.language, root);
  };
  let savePending = false;
  const saveWhenIdle = () => {
    if (savePending) return;
    savePending = true;
    whenIdle(() => {
      savePending = false;
      save();
    });
  };
  const changes = new MutationObserver(saveWhenIdle);
  const showLive = () => {
    observer.disconnect();
    clearTimeout(fallback);
    snapshot?.replaceChildren();
    root.hidden = false;
    changes.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  const observer = new MutationObserver(() => {
    if (!isViewReady(root)) return;
    showLive();
    saveWhenIdle();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  // A view that never finishes reading must not leave the agent looking at an inert picture.
  const fallback = setTimeout(showLive, SNAPSHOT_GIVE_UP_MS);
  addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });

  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <PanelActionsProvider actions={panelActions}>
          <PanelApp />
        </PanelActionsProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
