// What the options page does outside React: messages to the background, run-time host permissions and
// settings storage. Passed in as props so the page can be tested without a browser.
import { browser } from 'wxt/browser';
import { sendMessage, type SignInRequest, type SignInResult } from '../../lib/messaging';
import { clearPanelSnapshots } from '../../lib/store/snapshot';
import { hostPermissionPattern, needsHostPermission } from '../../lib/sync/client';
import { type AttuneSettings, readSettings, settingsItem, updateSettings } from '../../lib/sync/settings';

export interface OptionsActions {
  /** Asks for access to a hub that is not on this machine; must run inside the click (user gesture). */
  requestHubPermission(hubUrl: string): Promise<boolean>;
  signIn(req: SignInRequest): Promise<SignInResult>;
  signOut(): Promise<void>;
  syncNow(): Promise<{ ok: boolean; error?: string }>;
  loadSettings(): Promise<AttuneSettings>;
  saveSettings(patch: Partial<AttuneSettings>): Promise<AttuneSettings>;
  /** Notifies on changes made elsewhere (another options tab); returns an unsubscribe. */
  watchSettings(cb: (s: AttuneSettings) => void): () => void;
}

export const browserOptionsActions: OptionsActions = {
  async requestHubPermission(hubUrl) {
    if (!needsHostPermission(hubUrl)) return true;
    // Called first thing in the click handler: an await before it would lose the user gesture.
    return browser.permissions.request({ origins: [hostPermissionPattern(hubUrl)] });
  },
  // The panel's picture of its last view (lib/store/snapshot.ts) belongs to the account: it goes with it.
  async signIn(req) {
    const result = await sendMessage('auth:signIn', req);
    if (result.ok) clearPanelSnapshots(localStorage);
    return result;
  },
  async signOut() {
    clearPanelSnapshots(localStorage);
    await sendMessage('auth:signOut', undefined);
    clearPanelSnapshots(localStorage);
  },
  syncNow: () => sendMessage('sync:now', undefined),
  loadSettings: readSettings,
  saveSettings: updateSettings,
  watchSettings: (cb) => settingsItem.watch((s) => cb(s)),
};
