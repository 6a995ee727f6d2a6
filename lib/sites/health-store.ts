// The last site-health snapshot per host, for the options page: what the coach saw on each helpdesk the last
// time it ran there. Extension storage on this device only (never synced to the hub). It holds at most the
// first six words of a customer's message per host, overwritten on every visit; the most recent 20 hosts.
import { storage } from 'wxt/utils/storage';
import type { SiteHealth } from './health';

export interface SiteHealthSnapshot extends SiteHealth {
  host: string;
  /** When the coach last saw the page (epoch ms). */
  at: number;
}

const MAX_HOSTS = 20;

export const siteHealthItem = storage.defineItem<Record<string, SiteHealthSnapshot>>('local:attune.siteHealth', {
  fallback: {},
});

/** Only well-formed snapshots from storage (anything else there is ignored). */
export function sanitizeSnapshots(value: unknown): SiteHealthSnapshot[] {
  if (!value || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>)
    .filter(
      (s): s is SiteHealthSnapshot =>
        !!s &&
        typeof s === 'object' &&
        typeof (s as SiteHealthSnapshot).host === 'string' &&
        typeof (s as SiteHealthSnapshot).at === 'number' &&
        typeof (s as SiteHealthSnapshot).adapter?.name === 'string' &&
        Array.isArray((s as SiteHealthSnapshot).composers),
    )
    .sort((a, b) => b.at - a.at);
}

export async function saveSiteHealth(host: string, health: SiteHealth, now = Date.now()): Promise<void> {
  const all = sanitizeSnapshots(await siteHealthItem.getValue()).filter((s) => s.host !== host);
  const next = [{ ...health, host, at: now }, ...all].slice(0, MAX_HOSTS);
  await siteHealthItem.setValue(Object.fromEntries(next.map((s) => [s.host, s])));
}
