// Options page: what the coach saw the last time it ran on each site (adapter, whether it fell back,
// composers and who reads them, the latest customer message's first words, the language). Props in; the
// snapshots come from extension storage on this device (lib/sites/health-store.ts). Page text as text only.
import type { SiteHealthSnapshot } from '../../lib/sites/health-store';
import type { HealthStrings } from '../coach/health-strings';

export interface SiteHealthListProps {
  strings: HealthStrings;
  snapshots: readonly SiteHealthSnapshot[];
  /** Formats a snapshot's time; the options page passes the agent's locale. */
  formatTime?(at: number): string;
}

export function SiteHealthList({ strings: t, snapshots, formatTime }: SiteHealthListProps) {
  const when = formatTime ?? ((at: number) => new Date(at).toLocaleString());
  return (
    <div data-testid="site-health">
      <h3>{t.seenHeading}</h3>
      {snapshots.length === 0 ? (
        <p data-testid="site-health-none">{t.noneSeen}</p>
      ) : (
        <ul>
          {snapshots.map((s) => (
            <li key={s.host} data-testid="site-health-row" data-host={s.host} data-adapter={s.adapter.id}>
              <strong>{s.host}</strong> <small>{t.seenAt(when(s.at))}</small>
              <div>{t.adapter(s.adapter.name)}</div>
              {s.fellBackFrom && <div data-testid="site-health-fellback">{t.fellBack(s.fellBackFrom.name)}</div>}
              <div data-testid="site-health-composers">
                {`${t.composers}: `}
                {s.composers.length === 0
                  ? t.noComposers
                  : s.composers.map((c) => `${t.audience[c.audience]} (${c.editor})`).join(', ')}
              </div>
              <div data-testid="site-health-latest">
                {`${t.latest}: `}
                {s.latestCustomer.firstWords ? t.latestFound(s.latestCustomer.firstWords) : t.latestMissing}
              </div>
              <div data-testid="site-health-language">
                {`${t.language}: ${s.language ? t.languages[s.language] : t.unknownLanguage}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
