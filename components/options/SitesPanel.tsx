// The "Sites" settings UI: built-in helpdesks, sites the agent enabled, and where the coach is switched off.
// Props in, callbacks out: the options entrypoint (SitesSection.tsx) does the browser calls.
import { type FormEvent, useId, useState } from 'react';
import type { SiteHealthSnapshot } from '../../lib/sites/health-store';
import type { HealthStrings } from '../coach/health-strings';
import { SiteHealthList } from './SiteHealthList';
import type { SitesStrings } from './sites-strings';

export interface SitesPanelSite {
  /** Match pattern, e.g. "https://rt.example.com/*". */
  pattern: string;
}

export interface SitesPanelProps {
  strings: SitesStrings;
  defaultMatches: readonly string[];
  enabledSites: readonly SitesPanelSite[];
  /** Hosts (host[:port]) where the coach is off. */
  coachOffHosts: readonly string[];
  /** True while a permission prompt or registration is in flight. */
  busy?: boolean;
  error?: string | null;
  notice?: string | null;
  /** Resolves true when the site was enabled (the input is then cleared). */
  onEnable(input: string): undefined | Promise<boolean>;
  onRemove(pattern: string): void;
  /** Enabled patterns whose host permission was withdrawn in the browser's settings. */
  missingPermission?: readonly string[];
  onReallow?(pattern: string): void;
  onSetCoach(host: string, enabled: boolean): void;
  /** What the coach saw on each site, newest first; the section is left out without strings for it. */
  health?: readonly SiteHealthSnapshot[];
  healthStrings?: HealthStrings;
}

/** "https://rt.example.com/*" -> "rt.example.com"; wildcard hosts have no single host to switch. */
export function patternHost(pattern: string): string | null {
  const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? null;
  return host && !host.includes('*') ? host : null;
}

export function SitesPanel(props: SitesPanelProps) {
  const { strings: t, defaultMatches, enabledSites, coachOffHosts, busy = false, error, notice } = props;
  const [siteInput, setSiteInput] = useState('');
  const [offInput, setOffInput] = useState('');
  const ids = useId();
  const off = new Set(coachOffHosts);

  const submitSite = (e: FormEvent) => {
    e.preventDefault();
    // No await before onEnable: the permission prompt needs this click's user gesture.
    const done = props.onEnable(siteInput);
    done?.then((ok) => ok && setSiteInput(''));
  };
  const submitOff = (e: FormEvent) => {
    e.preventDefault();
    const host = offInput.trim();
    if (!host) return;
    props.onSetCoach(host, false);
    setOffInput('');
  };

  return (
    <div className="attune-sites">
      <h3 id={`${ids}-builtin`}>{t.builtinHeading}</h3>
      <ul aria-labelledby={`${ids}-builtin`} data-testid="sites-builtin">
        {defaultMatches.map((pattern) => (
          <li key={pattern}>
            <code>{pattern}</code>
          </li>
        ))}
      </ul>

      <h3 id={`${ids}-enabled`}>{t.enabledHeading}</h3>
      {enabledSites.length === 0 ? (
        <p data-testid="sites-none">{t.noneEnabled}</p>
      ) : (
        <ul aria-labelledby={`${ids}-enabled`} data-testid="sites-enabled">
          {enabledSites.map(({ pattern }) => {
            const host = patternHost(pattern);
            return (
              <li key={pattern} data-testid="site-row" data-pattern={pattern}>
                <code>{pattern}</code>{' '}
                {host && (
                  <label>
                    <input
                      type="checkbox"
                      data-testid="site-coach-toggle"
                      checked={!off.has(host)}
                      onChange={(e) => props.onSetCoach(host, e.currentTarget.checked)}
                    />{' '}
                    {t.coachOn}
                  </label>
                )}{' '}
                {props.missingPermission?.includes(pattern) && (
                  <>
                    <span role="note" data-testid="site-permission-missing">
                      {t.permissionMissing}
                    </span>{' '}
                    <button
                      type="button"
                      data-testid="site-reallow"
                      disabled={busy}
                      onClick={() => props.onReallow?.(pattern)}
                    >
                      {t.reallow}
                    </button>{' '}
                  </>
                )}
                <button
                  type="button"
                  data-testid="site-remove"
                  aria-label={t.removeLabel(pattern)}
                  disabled={busy}
                  onClick={() => props.onRemove(pattern)}
                >
                  {t.remove}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <form onSubmit={submitSite} aria-describedby={`${ids}-site-help`}>
        <label htmlFor={`${ids}-site`}>{t.enableLabel}</label>{' '}
        <input
          id={`${ids}-site`}
          data-testid="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://rt.example.com"
          value={siteInput}
          onChange={(e) => setSiteInput(e.currentTarget.value)}
        />{' '}
        <button type="submit" data-testid="site-enable" disabled={busy}>
          {t.enable}
        </button>
        <p id={`${ids}-site-help`}>{t.enableHelp}</p>
      </form>
      {error && (
        <p role="alert" data-testid="site-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="site-notice">
          {notice}
        </p>
      )}

      <h3 id={`${ids}-off`}>{t.offHeading}</h3>
      {coachOffHosts.length === 0 ? (
        <p data-testid="coach-off-none">{t.noneOff}</p>
      ) : (
        <ul aria-labelledby={`${ids}-off`} data-testid="coach-off-list">
          {coachOffHosts.map((host) => (
            <li key={host} data-testid="coach-off-row" data-host={host}>
              <code>{host}</code>{' '}
              <button
                type="button"
                data-testid="coach-on"
                aria-label={t.turnOnLabel(host)}
                onClick={() => props.onSetCoach(host, true)}
              >
                {t.turnOn}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submitOff}>
        <label htmlFor={`${ids}-offhost`}>{t.offLabel}</label>{' '}
        <input
          id={`${ids}-offhost`}
          data-testid="coach-off-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="acme.zendesk.com"
          value={offInput}
          onChange={(e) => setOffInput(e.currentTarget.value)}
        />{' '}
        <button type="submit" data-testid="coach-off-add">
          {t.switchOff}
        </button>
      </form>
      {props.healthStrings && <SiteHealthList strings={props.healthStrings} snapshots={props.health ?? []} />}
    </div>
  );
}
