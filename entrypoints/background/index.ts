// Background: wiring only. It owns Dexie and the sync engine (lib/sync), answers every message of
// lib/messaging.ts (as handler maps the compiler checks for completeness), keeps the toolbar badge and
// re-syncs on an alarm.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { db, type Tip } from '../../lib/db';
import { onMessages, onRawMessages, PANEL_PORT } from '../../lib/messaging';
import { SyncEngine } from '../../lib/sync/engine';
import { restoreSiteRegistrations, type SitesBrowserApi } from '../../lib/sites/registration';
import { isCoachEnabled } from '../../lib/sites/settings';
import { reinjectContentScripts } from '../../lib/editors/reinject';
import { injectPageWorld } from '../../lib/editors/page-inject';
import { assetModelSources } from '../../lib/empathy/model/assets';
import { languagePackImporter } from '../../lib/empathy/packs/with-model';
import { readSettings, storageTokenStore } from '../../lib/sync/settings';

const SYNC_ALARM = 'attune-sync';
const SYNC_PERIOD_MINUTES = 5;
/** A service worker wakes up for every message; only a sync older than this is refreshed on wake-up. */
const STALE_AFTER_MS = 60_000;
/** Chrome stops an idle worker after 30 s; an extension API call resets that clock while a panel streams. */
const KEEPALIVE_MS = 20_000;
/** The coach bundle the helpdesk scout asks for (entrypoints/coach.content, registration: 'runtime'). */
const COACH_SCRIPT = '/content-scripts/coach.js';
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAmElEQVR42u3ayw2AMAwE0fRDaxRHh1ABSiAfezdjifu8G9iUwhjNcV53yyMZnQ7TGx4GGR2+FDI7fhpiVfgUSFT8EER0fDdCGpAl/hciW/xnhDQga3wzQhqQPb6KABAJUIl/RQAAAAAAAADSAN6FAGzyTeD/SclWgt2Q4XZu3+Wu/Hrd4sBhcWKyOfJZnFltDt02vxownfMAneSSlNo8OE8AAAAASUVORK5CYII=';

export default defineBackground(() => {
  // Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;

  async function updateBadge(): Promise<void> {
    const unread = await engine.unreadTipCount();
    await action?.setBadgeText({ text: unread > 0 ? String(unread) : '' });
    await action?.setBadgeBackgroundColor?.({ color: '#2b6cb0' });
  }

  async function notifyNewTips(tips: Tip[]): Promise<void> {
    if (!(await readSettings()).notifyTips || !browser.notifications) return;
    const [first] = tips;
    if (!first) return;
    await browser.notifications.create(`attune-tip-${first.id}`, {
      type: 'basic',
      iconUrl: NOTIFICATION_ICON,
      title: tips.length === 1 ? `Coaching tip from ${first.author.name}` : `${tips.length} new coaching tips`,
      // Plain text only: notifications do not render markup.
      message: first.text.slice(0, 200),
    });
  }

  // Language packs for the content script, each with its weights fetched from the extension's files on demand.
  const importLanguagePack = languagePackImporter(
    assetModelSources(
      (path) => browser.runtime.getURL(path as never),
      (url) => fetch(url),
    ),
  );

  const engine = new SyncEngine({
    db,
    tokens: storageTokenStore,
    onNewTips: (tips) => void notifyNewTips(tips).catch(() => {}),
    onTipsChanged: () => void updateBadge().catch(() => {}),
  });

  // A click on a tip notification opens the panel where the tip is (best effort: it needs a user gesture).
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('attune-tip-')) return;
    const chromeApi = (globalThis as { chrome?: { sidePanel?: { open?: (o: { windowId: number }) => Promise<void> } } })
      .chrome;
    void browser.windows
      ?.getLastFocused()
      .then((w) => (w.id !== undefined ? chromeApi?.sidePanel?.open?.({ windowId: w.id }) : undefined))
      .catch(() => {});
    void browser.notifications.clear(id).catch(() => {});
  });

  // Toolbar click opens the side panel (Chrome); Firefox opens its sidebar instead.
  const chromeSidePanel = (
    globalThis as { chrome?: { sidePanel?: { setPanelBehavior?: (o: object) => Promise<void> } } }
  ).chrome?.sidePanel;
  if (chromeSidePanel?.setPanelBehavior) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle?: () => Promise<void> } }).sidebarAction;
    if (sidebar?.toggle) action?.onClicked.addListener(() => void sidebar.toggle?.());
  }

  // Re-sync every 5 minutes while no panel streams live events, and once on start-up when stale.
  browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void engine.syncNow();
  });
  void (async () => {
    const status = await engine.status();
    const last = status.lastSyncedAt ? Date.parse(status.lastSyncedAt) : 0;
    if (Date.now() - last > STALE_AFTER_MS) await engine.syncNow();
    await updateBadge();
  })().catch(() => {});

  // A panel keeps a Port open; while any is, the hub's event stream stays open (new tips within 1 s).
  let openPanels = 0;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    openPanels += 1;
    engine.panelOpened();
    keepAlive ??= setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), KEEPALIVE_MS);
    port.onDisconnect.addListener(() => {
      openPanels = Math.max(0, openPanels - 1);
      engine.panelClosed();
      if (openPanels === 0) {
        clearInterval(keepAlive);
        keepAlive = undefined;
      }
    });
    // Panels may ping to keep this worker alive; nothing to answer.
    port.onMessage.addListener(() => {});
  });

  // Sites the agent enabled at run time (SITES): registrations can be lost on restart or update.
  const sitesApi = browser as unknown as SitesBrowserApi;
  void restoreSiteRegistrations(sitesApi).catch(() => {});
  browser.runtime.onInstalled.addListener(() => void restoreSiteRegistrations(sitesApi).catch(() => {}));

  // --- messages: one handler per message of lib/messaging.ts (the map's type makes a missing one an error).
  // Open helpdesk tabs whose coach was orphaned (install, update, reload, re-enable) get it back.
  void reinjectContentScripts(browser).catch(() => {});
  onRawMessages(browser.runtime.onMessage, {
    // The agent turned to a possible composer (the helpdesk scout saw a pointer over it, a click or focus): inject the coach into its frame (entrypoints/coach.content).
    'attune:load-coach': async (_message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [COACH_SCRIPT],
      });
      return true;
    },
    // The coach's editor bridges ask for their page-world half (lib/editors/page-world.ts) in their frame.
    'attune:page-world': async (message, sender) => (await injectPageWorld(browser, message, sender)) ?? false,
  });
  onMessages({
    // content script
    // The content script bundles English only; the other language packs are plain data handed out here.
    'empathy:languagePack': async ({ lang }) => (await importLanguagePack(lang)) ?? null,
    'coach:getContext': async ({ host }) => engine.coachContext(await isCoachEnabled(host).catch(() => true)),
    'coach:usage': ({ suggestionId, event }) => engine.recordUsage(suggestionId, event),
    'coach:replySent': async (data) => {
      const { shareReplyFlags } = await readSettings();
      await engine.recordReplySent(data, shareReplyFlags);
    },

    // side panel and options
    'auth:signIn': async (data) => {
      const result = await engine.signIn(data, { awaitFirstSync: false });
      await updateBadge().catch(() => {});
      return result;
    },
    'auth:signOut': () => engine.signOut(),
    'sync:now': () => engine.syncNow(),
    'tip:ack': ({ tipId, comment, useful }) => engine.ackTip(tipId, comment, useful),
    'tip:markRead': ({ tipIds }) => engine.markTipsRead(tipIds),
    'feedback:review': ({ feedbackId, reviewed }) => engine.setFeedbackState(feedbackId, { reviewed }),
    'feedback:note': ({ feedbackId, note }) => engine.setFeedbackState(feedbackId, { note }),
    'feedback:askLead': ({ feedbackId, question }) => engine.askLead(feedbackId, question),
    'pulse:set': ({ date, mood }) => engine.setPulse(date, mood),

    // lead mode
    'team:refresh': () => engine.refreshTeam(),
    'team:createTip': (tip) => engine.createTip(tip),
    'team:answerRequest': ({ requestId, answer }) => engine.answerRequest(requestId, answer),
    'team:setTarget': (target) => engine.setTarget(target),
    'team:saveLibrary': ({ library }) => engine.setTeamLibrary(library),
    'team:pairingCode': ({ agentId }) => engine.createPairingCode(agentId),
  });
});
