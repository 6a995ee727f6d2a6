// Agent settings and the hub token, in browser.storage.local: settings are not records (they are WXT storage
// items with versions and migrations; records live in Dexie).
// The token is kept out of IndexedDB so that a page script or export of the database never carries it.
import { storage } from 'wxt/utils/storage';
import { LANGS, type Lang } from '../empathy/types';
import type { TokenStore } from './engine';

export interface AttuneSettings {
  /** Send the behaviour flags of sent replies (never text) to the hub. Off until the agent opts in. */
  shareReplyFlags: boolean;
  /** A system notification when a new coaching tip arrives. */
  notifyTips: boolean;
  /** Languages the in-page coach suggests phrases in. */
  coachLangs: Lang[];
}

export const DEFAULT_SETTINGS: AttuneSettings = {
  shareReplyFlags: false,
  notifyTips: false,
  coachLangs: [...LANGS],
};

export const settingsItem = storage.defineItem<AttuneSettings>('local:attune.settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<AttuneSettings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<AttuneSettings>): Promise<AttuneSettings> {
  const next = { ...(await readSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

export const hubTokenItem = storage.defineItem<string | null>('local:attune.hubToken', { fallback: null });

export const storageTokenStore: TokenStore = {
  get: () => hubTokenItem.getValue(),
  set: (token) => hubTokenItem.setValue(token),
  clear: () => hubTokenItem.removeValue(),
};
