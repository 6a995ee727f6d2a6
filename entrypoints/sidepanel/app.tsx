import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import 'uplot/dist/uPlot.min.css';
import { PanelActionsProvider } from '../../components/panel/actions';
import { PanelApp } from '../../components/panel/PanelApp';
import { db } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { type PanelTab, usePanelStore } from '../../lib/store/panel';
import { connectPanelPort, panelActions } from './actions';
import './style.css';

performance.mark('attune:panel-start');
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

const root = document.getElementById('root');
if (root) {
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
