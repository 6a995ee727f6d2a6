// Options page section "Sites": enable the coach on other sites (run-time host permission + dynamically
// registered content script), list and remove them, and switch the coach off per site.
// Self-contained: the options page only renders <SitesSection />.
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { HEALTH_STRINGS } from '../../components/coach/health-strings';
import { SitesPanel } from '../../components/options/SitesPanel';
import { SITES_STRINGS } from '../../components/options/sites-strings';
import { browserLanguages, pickUiLang, type UiLang } from '../../lib/i18n';
import { type SiteHealthSnapshot, sanitizeSnapshots, siteHealthItem } from '../../lib/sites/health-store';
import { DEFAULT_MATCHES } from '../../lib/sites/matches';
import { disableSite, enableSite, type SitesBrowserApi, sitesMissingPermission } from '../../lib/sites/registration';
import {
  DEFAULT_SITE_SETTINGS,
  hostFromInput,
  readSiteSettings,
  type SiteSettings,
  sanitizeSiteSettings,
  setCoachEnabled,
  siteSettingsItem,
} from '../../lib/sites/settings';

export interface SitesSectionProps {
  /** The browser APIs to use; tests pass a fake. */
  api?: SitesBrowserApi;
  /** UI language; the browser's when omitted. */
  lang?: UiLang;
}

export function SitesSection({
  api = browser as unknown as SitesBrowserApi,
  lang = pickUiLang(browserLanguages()),
}: SitesSectionProps) {
  const t = SITES_STRINGS[lang];
  const [settings, setSettings] = useState<SiteSettings>(DEFAULT_SITE_SETTINGS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [health, setHealth] = useState<SiteHealthSnapshot[]>([]);

  useEffect(() => {
    let live = true;
    // What the coach saw on each site; the in-page coach keeps it current while the page is open.
    siteHealthItem.getValue().then((v) => live && setHealth(sanitizeSnapshots(v)));
    const unwatch = siteHealthItem.watch((v) => setHealth(sanitizeSnapshots(v)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  useEffect(() => {
    let live = true;
    readSiteSettings().then((s) => live && setSettings(s));
    // The in-page coach can switch itself off for a host too; keep this list in step.
    const unwatch = siteSettingsItem.watch((value) => setSettings(sanitizeSiteSettings(value)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const patterns = settings.enabledSites.map((site) => site.pattern).join('\n');
  useEffect(() => {
    let live = true;
    sitesMissingPermission(api, patterns ? patterns.split('\n') : []).then((m) => live && setMissing(m));
    return () => {
      live = false;
    };
  }, [api, patterns]);

  const onEnable = useCallback(
    (input: string) => {
      setError(null);
      setNotice(null);
      setBusy(true);
      // enableSite asks for the permission first thing, inside this click's user gesture.
      return enableSite(api, input).then(
        (result) => {
          setBusy(false);
          if (!result.ok) {
            setError(t.errors[result.code](result));
            return false;
          }
          setSettings(result.settings);
          setNotice(t.enabledNotice(result.site.pattern));
          return true;
        },
        (err: unknown) => {
          setBusy(false);
          setError(t.errors['register-failed']({ code: 'register-failed', input, host: input, detail: String(err) }));
          return false;
        },
      );
    },
    [api, t],
  );

  const onRemove = useCallback(
    (pattern: string) => {
      setError(null);
      setNotice(null);
      setBusy(true);
      disableSite(api, pattern)
        .then((next) => {
          setSettings(next);
          setNotice(t.removedNotice(pattern));
        })
        .catch((err: unknown) => setError(t.removeFailed(pattern, String((err as Error)?.message ?? err))))
        .finally(() => setBusy(false));
    },
    [api, t],
  );

  const onSetCoach = useCallback(
    (input: string, enabled: boolean) => {
      setError(null);
      setNotice(null);
      const host = hostFromInput(input);
      if (!host) {
        setError(t.notAHost(input));
        return;
      }
      setCoachEnabled(host, enabled)
        .then(setSettings)
        .catch((err: unknown) => setError(t.saveFailed(String((err as Error)?.message ?? err))));
    },
    [t],
  );

  return (
    <section aria-labelledby="attune-sites-heading" data-testid="sites-section">
      <h2 id="attune-sites-heading">{t.heading}</h2>
      <SitesPanel
        strings={t}
        defaultMatches={DEFAULT_MATCHES}
        enabledSites={settings.enabledSites}
        coachOffHosts={settings.coachOffHosts}
        busy={busy}
        error={error}
        notice={notice}
        onEnable={onEnable}
        onRemove={onRemove}
        missingPermission={missing}
        onReallow={(pattern) => {
          // Straight from the click: the permission prompt needs its user gesture.
          void onEnable(pattern).then((ok) => {
            if (ok) setMissing((m) => m.filter((p) => p !== pattern));
          });
        }}
        onSetCoach={onSetCoach}
        health={health}
        healthStrings={HEALTH_STRINGS[lang] ?? HEALTH_STRINGS.en}
      />
    </section>
  );
}

export default SitesSection;
