// The chip's menu: what the coach sees on this page (adapter, composers and who reads them, the customer's
// latest message, the language), the one-time notice when a helpdesk's page changed under its adapter, and
// the button that copies a diagnostic report. Props in, callbacks out. The message's first words are page
// text: rendered as text, never as HTML, and only here on the agent's screen.
import { useState } from 'react';
import type { SiteHealth } from '../../lib/sites/health';
import { HEALTH_STRINGS, type HealthStrings } from './health-strings';

export interface SiteHealthMenuProps {
  health: SiteHealth;
  strings?: HealthStrings;
  /** Copies the diagnostic report; resolves to whether it worked. */
  onCopyDiagnostics?(): Promise<boolean>;
}

const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

export function SiteHealthMenu({ health, strings, onCopyDiagnostics }: SiteHealthMenuProps) {
  const t = strings ?? HEALTH_STRINGS.en;
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    const ok = await onCopyDiagnostics?.().catch(() => false);
    setCopied(ok ? 'ok' : 'failed');
  };
  return (
    <section className="attune-health" data-testid="attune-site-health" aria-label={t.menuLabel}>
      <p className="attune-readability" data-testid="attune-health-adapter" data-adapter={health.adapter.id}>
        {t.adapter(health.adapter.name)}
      </p>
      {health.fellBackFrom && (
        <p className="attune-reason" data-testid="attune-health-fellback">
          {t.fellBack(health.fellBackFrom.name)}
        </p>
      )}
      <ul className="attune-list" aria-label={t.composers}>
        {health.composers.length === 0 && <li className="attune-reason">{`${t.composers}: ${t.noComposers}`}</li>}
        {health.composers.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: composers have no id; the list is rebuilt as a whole.
          <li key={i} className="attune-reason" data-testid="attune-health-composer" data-audience={c.audience}>
            {`${t.audience[c.audience]} · ${c.editor}`}
          </li>
        ))}
      </ul>
      <p className="attune-reason" data-testid="attune-health-latest" data-found={health.latestCustomer.found}>
        {`${t.latest}: `}
        {health.latestCustomer.firstWords ? t.latestFound(health.latestCustomer.firstWords) : t.latestMissing}
      </p>
      <p className="attune-reason" data-testid="attune-health-language" data-lang={health.language ?? ''}>
        {`${t.language}: ${health.language ? t.languages[health.language] : t.unknownLanguage}`}
      </p>
      {onCopyDiagnostics && (
        <p className="attune-reason">
          <button
            type="button"
            className="attune-rewrite"
            data-testid="attune-copy-diagnostics"
            title={t.reportHint}
            onMouseDown={keepFocus}
            onClick={() => void copy()}
          >
            {t.copyReport}
          </button>{' '}
          <span role="status">{copied === 'ok' ? t.copied : copied === 'failed' ? t.copyFailed : ''}</span>
        </p>
      )}
    </section>
  );
}
