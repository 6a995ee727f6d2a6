// Enabling the coach on a site the manifest doesn't list (self-hosted helpdesks): ask for the host permission
// at run time, then register the built helpdesk content script for that host with chrome.scripting.
// The browser API is a parameter so the options page passes `browser` and tests pass a fake.
import { contentScriptFor, type RegisteredScript, scriptIdFor } from './script';
import {
  type EnabledSite,
  forgetEnabledSite,
  parseSiteInput,
  readSiteSettings,
  type SiteInputError,
  type SiteSettings,
  saveEnabledSite,
} from './settings';

export {
  contentScriptFor,
  HELPDESK_CONTENT_SCRIPT,
  helpdeskScriptFiles,
  type RegisteredScript,
  scriptIdFor,
} from './script';

/** The slice of `browser.permissions` / `browser.scripting` / `browser.runtime` this module uses. */
export interface SitesBrowserApi {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
    contains?(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
  };
  runtime: { getManifest(): { content_scripts?: Array<{ js?: string[]; css?: string[] }> } };
}

async function register(api: SitesBrowserApi, site: Pick<EnabledSite, 'pattern' | 'scriptId'>): Promise<void> {
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [site.scriptId] });
  if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [site.scriptId] });
  const script = contentScriptFor(api.runtime.getManifest(), site);
  try {
    await api.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  } catch {
    // Firefox only registers for the session; `restoreSiteRegistrations` re-registers on start-up.
    await api.scripting.registerContentScripts([script]);
  }
}

export type EnableError = SiteInputError | 'denied' | 'prompt-failed' | 'register-failed';

export type EnableResult =
  | { ok: true; site: EnabledSite; settings: SiteSettings }
  /** `error` is the English message; `code`, `input`, `host` and `detail` fill a localised one. */
  | { ok: false; code: EnableError; error: string; input: string; host?: string; detail?: string };

/**
 * Enable the coach on the site the agent typed. Call it straight from the click handler, before any other
 * `await`: browsers only show the permission prompt while the click's user gesture is still alive.
 */
export async function enableSite(api: SitesBrowserApi, input: string): Promise<EnableResult> {
  const parsed = parseSiteInput(input);
  if (!parsed.ok) return parsed;
  const { host } = parsed;
  const typed = input.trim();
  let granted: boolean;
  try {
    granted = await api.permissions.request({ origins: [parsed.pattern] });
  } catch (err) {
    const detail = String((err as Error)?.message ?? err);
    const error = `The browser refused to ask for ${host}: ${detail}`;
    return { ok: false, code: 'prompt-failed', error, input: typed, host, detail };
  }
  if (!granted) {
    return { ok: false, code: 'denied', error: `Permission for ${host} was not granted.`, input: typed, host };
  }
  const site: EnabledSite = {
    pattern: parsed.pattern,
    scriptId: scriptIdFor(parsed.pattern),
    addedAt: new Date().toISOString(),
  };
  try {
    await register(api, site);
  } catch (err) {
    const detail = String((err as Error)?.message ?? err);
    const error = `Could not start the coach on ${host}: ${detail}`;
    return { ok: false, code: 'register-failed', error, input: typed, host, detail };
  }
  return { ok: true, site, settings: await saveEnabledSite(site) };
}

/** Stop the coach on an enabled site: unregister its script, forget it, and give the permission back. */
export async function disableSite(api: SitesBrowserApi, pattern: string): Promise<SiteSettings> {
  const settings = await readSiteSettings();
  const site = settings.enabledSites.find((s) => s.pattern === pattern);
  const ids = [site?.scriptId ?? scriptIdFor(pattern)];
  const registered = await api.scripting.getRegisteredContentScripts({ ids }).catch(() => []);
  if (registered.length > 0) await api.scripting.unregisterContentScripts({ ids }).catch(() => {});
  // Removing can fail for patterns the manifest also grants; the registration is gone either way.
  await api.permissions.remove({ origins: [pattern] }).catch(() => false);
  return forgetEnabledSite(pattern);
}

/**
 * Re-register enabled sites whose registration is missing (Firefox forgets them on restart; an update can
 * too). The background calls this on start-up and on install/update. Returns the patterns it registered.
 */
export async function restoreSiteRegistrations(api: SitesBrowserApi): Promise<string[]> {
  const { enabledSites } = await readSiteSettings();
  if (enabledSites.length === 0) return [];
  const present = new Set((await api.scripting.getRegisteredContentScripts()).map((s) => s.id));
  const restored: string[] = [];
  for (const site of enabledSites) {
    if (present.has(site.scriptId)) continue;
    try {
      await register(api, site);
      restored.push(site.pattern);
    } catch {
      // Permission withdrawn in the browser's own settings: leave it listed so the agent sees and can remove it.
    }
  }
  return restored;
}

/**
 * Enabled sites whose host permission the agent has since withdrawn in the browser's own settings: their
 * script stays registered but never runs, so the options page says so and offers to allow them again.
 */
export async function sitesMissingPermission(api: SitesBrowserApi, patterns: readonly string[]): Promise<string[]> {
  const contains = api.permissions.contains?.bind(api.permissions);
  if (!contains) return [];
  const missing: string[] = [];
  for (const pattern of patterns) {
    const granted = await contains({ origins: [pattern] }).catch(() => true);
    if (!granted) missing.push(pattern);
  }
  return missing;
}
