// Team view: write a coaching tip to one agent or the whole team.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_KEYS } from '../../../lib/kpi';
import { selectDraft, usePanelStore } from '../../../lib/store/panel';
import { displayText } from '../../common/safe-text';
import { usePanelActions } from '../actions';
import { kpiLabel } from '../kpi-text';
import type { TeamMember } from './data';
import { Feedback, useRunner } from './runner';

export function ComposeTip({
  teamId,
  members,
  feedbackIds,
  disabled,
}: {
  teamId: string | null;
  members: TeamMember[];
  feedbackIds: string[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const actions = usePanelActions();
  const text = usePanelStore(selectDraft('tip:compose'));
  const setDraft = usePanelStore((s) => s.setDraft);
  const clearDraft = usePanelStore((s) => s.clearDraft);
  const [to, setTo] = useState('team');
  const [feedbackId, setFeedbackId] = useState('');
  const [kpi, setKpi] = useState('');
  const [due, setDue] = useState('');
  const { run, message, error } = useRunner();
  const agents = members.filter((m) => m.role === 'agent');
  const send = () =>
    run(
      actions.team.createTip({
        ...(to === 'team' ? { teamId: teamId ?? undefined } : { agentId: to }),
        text: text.trim(),
        ...(feedbackId.trim() ? { feedbackId: feedbackId.trim() } : {}),
        ...(kpi ? { kpi } : {}),
        ...(due ? { due } : {}),
      }),
      () => {
        clearDraft('tip:compose');
        setFeedbackId('');
        setKpi('');
        setDue('');
      },
    );
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label className="field">
        <span>{t('team.to')}</span>
        <select data-testid="compose-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="team">{t('team.wholeTeam')}</option>
          {agents.map((m) => (
            <option key={m.id} value={m.id}>
              {displayText(m.name)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('team.tipText')}</span>
        <textarea
          data-testid="compose-text"
          rows={3}
          value={text}
          onChange={(e) => setDraft('tip:compose', e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('team.linkFeedback')}</span>
        <input
          type="text"
          list="team-feedback-ids"
          data-testid="compose-feedback"
          value={feedbackId}
          onChange={(e) => setFeedbackId(e.target.value)}
        />
        <datalist id="team-feedback-ids">
          {feedbackIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>{t('team.linkKpi')}</span>
        <select data-testid="compose-kpi" value={kpi} onChange={(e) => setKpi(e.target.value)}>
          <option value="">{t('team.none')}</option>
          {KPI_KEYS.map((k) => (
            <option key={k} value={k}>
              {kpiLabel(t, k)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('team.due')}</span>
        <input type="date" data-testid="compose-due" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="compose-send" disabled={disabled || !text.trim()}>
        {t('team.sendTip')}
      </button>
      <Feedback message={message} error={error} />
    </form>
  );
}
