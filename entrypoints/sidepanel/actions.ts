// The panel's actions, sent to the background (which owns Dexie, the outbox and the hub client).
import { browser } from 'wxt/browser';
import type { ActionResult, PanelActions } from '../../components/panel/actions';
import { PANEL_PORT, sendMessage } from '../../lib/messaging';
import { clearPanelSnapshots } from '../../lib/store/snapshot';

async function result(p: Promise<ActionResult | { ok: boolean; error?: string }>): Promise<ActionResult> {
  try {
    const r = await p;
    return r.ok ? { ok: true } : { ok: false, error: r.error ?? 'failed' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export const panelActions: PanelActions = {
  syncNow: () => result(sendMessage('sync:now')),
  // The picture of the last view (lib/store/snapshot.ts) belongs to the account: it goes with it.
  signOut: async () => {
    clearPanelSnapshots(localStorage);
    await sendMessage('auth:signOut');
    clearPanelSnapshots(localStorage);
  },
  openSettings: () => void browser.runtime.openOptionsPage(),
  ackTip: (tipId, ack) => sendMessage('tip:ack', { tipId, ...ack }),
  markTipsRead: (tipIds) => sendMessage('tip:markRead', { tipIds }),
  reviewFeedback: (feedbackId, reviewed) => sendMessage('feedback:review', { feedbackId, reviewed }),
  saveNote: (feedbackId, note) => sendMessage('feedback:note', { feedbackId, note }),
  askLead: (feedbackId, question) => sendMessage('feedback:askLead', { feedbackId, question }),
  setPulse: (date, mood) => sendMessage('pulse:set', { date, mood }),
  team: {
    refresh: () => result(sendMessage('team:refresh')),
    createTip: (tip) => result(sendMessage('team:createTip', tip)),
    answerRequest: (requestId, answer) => result(sendMessage('team:answerRequest', { requestId, answer })),
    setTarget: (target) => result(sendMessage('team:setTarget', target)),
    saveLibrary: (library) => result(sendMessage('team:saveLibrary', { library })),
    pairingCode: async (agentId) => {
      try {
        const r = await sendMessage('team:pairingCode', { agentId });
        if (!r.ok) return r;
        const data = r.data as { code?: unknown; expiresAt?: unknown } | undefined;
        return typeof data?.code === 'string' && typeof data.expiresAt === 'string'
          ? { ok: true, code: data.code, expiresAt: data.expiresAt }
          : { ok: false, error: 'The hub sent no pairing code.' };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  },
};

/**
 * While the panel is open it holds a Port named 'panel'; the background keeps the hub's event stream open
 * for as long as one is connected. MV3 may restart the service worker, which drops the port: reconnect.
 */
export function connectPanelPort(): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: PANEL_PORT });
      port.onDisconnect.addListener(() => {
        port = undefined;
        if (!stopped) timer = setTimeout(connect, 1000);
      });
    } catch {
      timer = setTimeout(connect, 1000);
    }
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}
