// Per-site settings in browser.storage.local (settings, not records, which live in Dexie: lib/db): the extra sites the agent
// enabled (self-hosted helpdesks, granted at run time) and the hosts where the agent switched the coach off.
// The background reads `isCoachEnabled` to answer `coach:getContext`; the options page edits both lists.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_MATCHES } from './matches';

export interface EnabledSite {
  /** Match pattern granted and registered, e.g. "https://rt.example.com/*". */
  pattern: string;
  /** Id of the dynamically registered content script for this pattern. */
  scriptId: string;
  /** ISO time the agent enabled it. */
  addedAt: string;
}

export interface SiteSettings {
  enabledSites: EnabledSite[];
  /** `location.host` values (host[:port], lower case) where the coach stays off. */
  coachOffHosts: string[];
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = { enabledSites: [], coachOffHosts: [] };

/** Bump `version` and add a migration whenever the stored shape changes; WXT runs them on update. */
export const siteSettingsItem = storage.defineItem<SiteSettings>('local:attune.sites', {
  fallback: DEFAULT_SITE_SETTINGS,
  version: 1,
});

/** Tolerates hand-edited or partial storage: unknown fields dropped, bad entries skipped. */
export function sanitizeSiteSettings(value: unknown): SiteSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof SiteSettings, unknown>>;
  const enabledSites = Array.isArray(v.enabledSites)
    ? v.enabledSites.filter(
        (s): s is EnabledSite =>
          !!s &&
          typeof s === 'object' &&
          typeof (s as EnabledSite).pattern === 'string' &&
          typeof (s as EnabledSite).scriptId === 'string',
      )
    : [];
  const coachOffHosts = Array.isArray(v.coachOffHosts)
    ? [...new Set(v.coachOffHosts.filter((h): h is string => typeof h === 'string').map((h) => h.toLowerCase()))]
    : [];
  return {
    enabledSites: enabledSites.map((s) => ({
      pattern: s.pattern,
      scriptId: s.scriptId,
      addedAt: String(s.addedAt ?? ''),
    })),
    coachOffHosts,
  };
}

export async function readSiteSettings(): Promise<SiteSettings> {
  return sanitizeSiteSettings(await siteSettingsItem.getValue());
}

async function updateSiteSettings(change: (s: SiteSettings) => SiteSettings): Promise<SiteSettings> {
  const next = sanitizeSiteSettings(change(await readSiteSettings()));
  await siteSettingsItem.setValue(next);
  return next;
}

/** Normalise a host as `location.host` spells it: lower case, default ports dropped. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/:(80|443)$/, '');
}

/** The host in what an agent typed ("https://acme.zendesk.com/agent/..." or "acme.zendesk.com"), or null. */
export function hostFromInput(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    return url.host ? normalizeHost(url.host) : null;
  } catch {
    return null;
  }
}

/** Whether the coach should run on this host (the background's answer to `coach:getContext`). */
export async function isCoachEnabled(host: string): Promise<boolean> {
  const { coachOffHosts } = await readSiteSettings();
  return !coachOffHosts.includes(normalizeHost(host));
}

export async function setCoachEnabled(host: string, enabled: boolean): Promise<SiteSettings> {
  const h = normalizeHost(host);
  if (!h) return readSiteSettings();
  return updateSiteSettings((s) => ({
    ...s,
    coachOffHosts: enabled ? s.coachOffHosts.filter((x) => x !== h) : [...s.coachOffHosts.filter((x) => x !== h), h],
  }));
}

export async function saveEnabledSite(site: EnabledSite): Promise<SiteSettings> {
  return updateSiteSettings((s) => ({
    ...s,
    enabledSites: [...s.enabledSites.filter((x) => x.pattern !== site.pattern), site],
  }));
}

export async function forgetEnabledSite(pattern: string): Promise<SiteSettings> {
  return updateSiteSettings((s) => ({ ...s, enabledSites: s.enabledSites.filter((x) => x.pattern !== pattern) }));
}

/** Why typed input is not a site to enable; the options page words each in the agent's language. */
export type SiteInputError = 'empty' | 'not-url' | 'scheme' | 'no-domain' | 'covered';

export type SiteInput =
  | { ok: true; pattern: string; origin: string; host: string }
  /** `error` is the English message; `input` and `host` fill the localised one. */
  | { ok: false; code: SiteInputError; error: string; input: string; host?: string };

/**
 * Turn what an agent types ("rt.example.com", "https://desk.example.com:8443/rt/", "*.example.org") into a
 * match pattern for the whole host. Ports are dropped: match patterns cover every port of a host.
 */
export function parseSiteInput(input: string): SiteInput {
  const raw = input.trim();
  const fail = (code: SiteInputError, error: string, host?: string): SiteInput => ({
    ok: false,
    code,
    error,
    input: raw,
    ...(host ? { host } : {}),
  });
  if (!raw) return fail('empty', 'Type the address of the helpdesk, for example https://rt.example.com');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  const wildcard = /^([a-z]+:\/\/)\*\./i.test(withScheme);
  let url: URL;
  try {
    url = new URL(wildcard ? withScheme.replace('*.', 'wildcard-sub.') : withScheme);
  } catch {
    return fail('not-url', `"${raw}" is not a web address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('scheme', 'Only http:// and https:// sites can be enabled.');
  }
  const hostname = url.hostname.replace(/^wildcard-sub\./, '');
  // A bare word ("intranet") is a typo more often than a host; IPv6 literals ("[::1]") are hosts.
  if (!hostname || (!hostname.includes('.') && hostname !== 'localhost' && !hostname.startsWith('['))) {
    return fail('no-domain', `"${raw}" has no domain name.`);
  }
  const scheme = url.protocol.slice(0, -1);
  const host = wildcard ? `*.${hostname}` : hostname;
  const pattern = `${scheme}://${host}/*`;
  if (isCoveredByDefaults(pattern)) {
    return fail('covered', `${host} is already covered: the coach runs there without enabling it.`, host);
  }
  return { ok: true, pattern, origin: `${scheme}://${host}`, host: wildcard ? host : normalizeHost(url.host) };
}

/** Does a default match pattern already cover every URL of `pattern`? (Avoids injecting the coach twice.) */
export function isCoveredByDefaults(pattern: string, defaults: readonly string[] = DEFAULT_MATCHES): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  return defaults.some((d) => {
    const dm = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(d);
    if (!dm) return false;
    const [, dScheme, dHost] = dm;
    const schemeOk = dScheme === '*' || dScheme === scheme;
    if (!schemeOk || !host || !dHost) return false;
    if (dHost === host) return true;
    return dHost.startsWith('*.') && (host === dHost.slice(2) || host.endsWith(dHost.slice(1)));
  });
}
