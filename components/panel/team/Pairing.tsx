// Team view: one-time pairing codes an agent types instead of a token.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../common/format';
import { RemoteText } from '../../common/RemoteText';
import { displayText } from '../../common/safe-text';
import { usePanelActions } from '../actions';
import type { TeamMember } from './data';
import { Feedback } from './runner';

export function Pairing({ members, disabled }: { members: TeamMember[]; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const agents = members.filter((m) => m.role === 'agent');
  if (agents.length === 0) return <p className="muted">{t('team.noData')}</p>;
  const pair = async (m: TeamMember) => {
    setError(null);
    const r = await actions.team.pairingCode(m.id);
    if (!r.ok) {
      setError(t('team.error', { error: r.error }));
      return;
    }
    const line = t('team.pairCode', {
      name: displayText(m.name),
      code: r.code,
      time: formatWhen(r.expiresAt, i18n.language),
    });
    setCodes((c) => ({ ...c, [m.id]: line }));
  };
  return (
    <>
      <p className="muted small">{t('team.pairHint')}</p>
      <ul className="plain" data-testid="team-pairing">
        {agents.map((m) => (
          <li key={m.id} className="linked" data-agent-id={m.id}>
            <RemoteText text={m.name} />
            <button type="button" disabled={disabled} onClick={() => void pair(m)}>
              {t('team.pairButton')}
            </button>
            {codes[m.id] && (
              <output className="pair-code" data-testid="pairing-code">
                {codes[m.id]}
              </output>
            )}
          </li>
        ))}
      </ul>
      <Feedback message={null} error={error} />
    </>
  );
}
