import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type ContactChannel } from '../../lib/contract/vocab';
import { db } from '../../lib/db';
import { BEHAVIORS, type Behavior, LANGS, type Lang, type Phrase, type PhraseLibrary } from '../../lib/empathy/types';
import { KPI_KEYS } from '../../lib/kpi';
import { selectDraft, usePanelStore } from '../../lib/store/panel';
import { formatDate, formatKpiValue, formatNumber, formatWhen } from '../common/format';
import { RemoteText } from '../common/RemoteText';
import { displayText } from '../common/safe-text';
import { type ActionResult, usePanelActions } from './actions';
import { kpiLabel, ringOf } from './kpi-text';
import {
  readMembers,
  readTargets,
  readTeamKpis,
  readTeamPulse,
  readTeamRequests,
  readTeamTips,
  type TeamMember,
} from './team-data';

type Run = (p: Promise<ActionResult>, after?: () => void) => Promise<void>;

/** Lead actions need the hub: show its answer (e.g. 403 for a lead token opened by an agent) instead of guessing. */
function useRunner(): { run: Run; message: string | null; error: string | null } {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run: Run = async (p, after) => {
    setMessage(null);
    setError(null);
    const r = await p;
    if (r.ok) {
      setMessage(t('team.sent'));
      after?.();
    } else setError(t('team.error', { error: r.error }));
  };
  return { run, message, error };
}

function Feedback({ message, error }: { message: string | null; error: string | null }) {
  return (
    <>
      {message && (
        <p role="status" className="muted small">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error" data-testid="team-error">
          {error}
        </p>
      )}
    </>
  );
}

function AgentKpis({ data }: { data: unknown }) {
  const { t, i18n } = useTranslation();
  const { team, agents } = readTeamKpis(data);
  const inside = (agents[0]?.kpis ?? team).filter((k) => ringOf(k) === 'inside').map((k) => k.key);
  if (inside.length === 0) return <p className="muted">{t('team.noData')}</p>;
  const cell = (kpis: typeof team, key: string) => {
    const k = kpis.find((x) => x.key === key);
    return k ? (formatKpiValue(k.value, k.unit, i18n.language) ?? '–') : '–';
  };
  return (
    <table className="team-table" data-testid="team-kpis">
      <thead>
        <tr>
          <th scope="col">{t('team.agent')}</th>
          {inside.map((key) => (
            <th key={key} scope="col">
              {kpiLabel(t, key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {agents.map((a) => (
          <tr key={a.id} data-agent-id={a.id}>
            <th scope="row">
              <RemoteText text={a.name} />
            </th>
            {inside.map((key) => (
              <td key={key}>{cell(a.kpis, key)}</td>
            ))}
          </tr>
        ))}
        {team.length > 0 && (
          <tr>
            <th scope="row">{t('team.team')}</th>
            {inside.map((key) => (
              <td key={key}>{cell(team, key)}</td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}

function ComposeTip({
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

function SentTips({ data, members }: { data: unknown; members: TeamMember[] }) {
  const { t, i18n } = useTranslation();
  const tips = readTeamTips(data);
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.id === id)?.name ?? id) : t('team.wholeTeam'));
  if (tips.length === 0) return <p className="muted">{t('team.noData')}</p>;
  return (
    <ul className="plain" data-testid="team-tips">
      {tips.map((tip) => {
        const useful = tip.acks.filter((a) => a.useful === true).length;
        const notUseful = tip.acks.filter((a) => a.useful === false).length;
        return (
          <li key={tip.id} className="tip" data-team-tip-id={tip.id}>
            <p className="tip-meta">
              <span>{t('team.to')}: </span>
              <RemoteText text={nameOf(tip.agentId)} />
              <span>{formatDate(tip.createdAt, i18n.language)}</span>
              {tip.kpi && <span className="chip">{kpiLabel(t, tip.kpi)}</span>}
            </p>
            <p className="tip-text">
              <RemoteText text={tip.text} />
            </p>
            <p className="small">
              {t('team.acks', { count: tip.acks.length })} · {t('team.usefulCount', { useful, notUseful })}
            </p>
            {tip.acks.length > 0 && (
              <ul className="small">
                {tip.acks.map((a) => (
                  <li key={`${a.agentId}-${a.at}`}>
                    <RemoteText text={a.name} /> ({formatWhen(a.at, i18n.language)})
                    {a.comment && (
                      <>
                        : <RemoteText text={a.comment} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function RequestItem({
  id,
  question,
  agentName,
  answer,
  disabled,
}: {
  id: string;
  question: string;
  agentName: string;
  answer: string | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const actions = usePanelActions();
  const key = `answer:${id}`;
  const draft = usePanelStore(selectDraft(key));
  const setDraft = usePanelStore((s) => s.setDraft);
  const clearDraft = usePanelStore((s) => s.clearDraft);
  const { run, message, error } = useRunner();
  return (
    <li className="tip" data-request-id={id}>
      <p className="tip-meta">
        <RemoteText text={agentName} />
      </p>
      <p className="tip-text">
        <RemoteText text={question} />
      </p>
      {answer ? (
        <p>
          <span className="muted">{t('feedback.answer')}: </span>
          <RemoteText text={answer} />
        </p>
      ) : (
        <>
          <textarea
            aria-label={t('team.answerPlaceholder')}
            placeholder={t('team.answerPlaceholder')}
            rows={2}
            value={draft}
            onChange={(e) => setDraft(key, e.target.value)}
          />
          <button
            type="button"
            disabled={disabled || !draft.trim()}
            onClick={() => void run(actions.team.answerRequest(id, draft.trim()), () => clearDraft(key))}
          >
            {t('team.sendAnswer')}
          </button>
        </>
      )}
      <Feedback message={message} error={error} />
    </li>
  );
}

function Targets({ data, disabled }: { data: unknown; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const targets = readTargets(data);
  const [kpi, setKpi] = useState<string>(KPI_KEYS[0] ?? 'empathy');
  const [channel, setChannel] = useState<'' | ContactChannel>('');
  const [value, setValue] = useState('');
  const { run, message, error } = useRunner();
  const parsed = Number(value.replace(',', '.'));
  const valid = value.trim() !== '' && Number.isFinite(parsed);
  return (
    <>
      {targets.length > 0 && (
        <table className="team-table" data-testid="team-targets">
          <tbody>
            {targets.map((tg) => (
              <tr key={`${tg.kpi}-${tg.channel ?? ''}`}>
                <th scope="row">{kpiLabel(t, tg.kpi)}</th>
                <td>{tg.channel ? t(`channel.${tg.channel}`) : t('team.anyChannel')}</td>
                <td>{formatNumber(tg.value, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid)
            void run(actions.team.setTarget({ kpi, channel: channel || null, value: parsed }), () => setValue(''));
        }}
      >
        <label>
          <span className="visually-hidden">{t('team.kpi')}</span>
          <select value={kpi} onChange={(e) => setKpi(e.target.value)} data-testid="target-kpi">
            {KPI_KEYS.map((k) => (
              <option key={k} value={k}>
                {kpiLabel(t, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('team.channel')}</span>
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
            data-testid="target-channel"
          >
            <option value="">{t('team.anyChannel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('team.targetValue')}</span>
          <input
            type="text"
            inputMode="decimal"
            size={6}
            placeholder={t('team.targetValue')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="target-value"
          />
        </label>
        <button type="submit" disabled={disabled || !valid} data-testid="target-save">
          {t('team.saveTarget')}
        </button>
      </form>
      <Feedback message={message} error={error} />
    </>
  );
}

function newPhraseId(): string {
  return `team-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function Library({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const actions = usePanelActions();
  const stored = useLiveQuery(async () => (await db.libraries.get('team')) ?? null, []);
  // The lead's unsaved edit; null = showing the stored library.
  const [edited, setEdited] = useState<PhraseLibrary | null>(null);
  const [text, setText] = useState('');
  const [lang, setLang] = useState<Lang>('en');
  const [kind, setKind] = useState<Behavior>('acknowledge');
  const { run, message, error } = useRunner();
  if (stored === undefined) return null;
  const library: PhraseLibrary = edited ?? stored ?? { id: 'team', name: 'Team', phrases: [] };
  const update = (phrases: Phrase[]) => setEdited({ ...library, phrases });
  return (
    <div data-testid="team-library">
      <p className="muted small">{t('team.libraryHint')}</p>
      {library.phrases.length === 0 ? (
        <p className="muted">{t('team.libraryEmpty')}</p>
      ) : (
        <ul className="plain">
          {library.phrases.map((p) => (
            <li key={p.id} className="linked">
              <span className="chip">{p.lang}</span>
              <span className="chip">{t(`behaviorShort.${p.kind}`, { defaultValue: displayText(p.kind) })}</span>
              <RemoteText text={p.text} />
              <button
                type="button"
                className="link-button"
                onClick={() => update(library.phrases.filter((x) => x.id !== p.id))}
              >
                {t('team.removePhrase')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          update([...library.phrases, { id: newPhraseId(), lang, kind, text: text.trim() }]);
          setText('');
        }}
      >
        <label className="field">
          <span>{t('team.phraseText')}</span>
          <input type="text" value={text} onChange={(e) => setText(e.target.value)} data-testid="phrase-text" />
        </label>
        <label>
          <span className="visually-hidden">{t('team.phraseLang')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('team.phraseKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Behavior)}>
            {BEHAVIORS.map((b) => (
              <option key={b} value={b}>
                {t(`behaviorShort.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!text.trim()} data-testid="phrase-add">
          {t('team.addPhrase')}
        </button>
      </form>
      <button
        type="button"
        className="primary"
        disabled={disabled || edited === null}
        data-testid="library-save"
        onClick={() => edited && void run(actions.team.saveLibrary(edited), () => setEdited(null))}
      >
        {t('team.saveLibrary')}
      </button>
      <Feedback message={message} error={error} />
    </div>
  );
}

function Pairing({ members, disabled }: { members: TeamMember[]; disabled: boolean }) {
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

function TeamPulse({ data }: { data: unknown }) {
  const { t, i18n } = useTranslation();
  const days = readTeamPulse(data).slice(-14);
  if (days.length === 0) return <p className="muted">{t('team.noData')}</p>;
  return (
    <ul className="pulse-history" data-testid="team-pulse">
      {days.map((d) => (
        <li key={d.date} data-suppressed={d.suppressed}>
          {formatDate(`${d.date}T12:00:00`, i18n.language)}:{' '}
          {d.suppressed
            ? t('team.pulseSuppressed')
            : t('team.pulseAverage', { value: formatNumber(d.mean, i18n.language), count: d.n })}
        </li>
      ))}
    </ul>
  );
}

/** Team (leads only): per-agent influenceable KPIs, tips, questions, targets, the phrase library, pulse. */
export function TeamView({ teamId }: { teamId: string | null }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const rows = useLiveQuery(() => db.team.toArray(), []);
  const status = useLiveQuery(() => db.getMeta('status'), []);
  const refresh = useRunner();
  const byKey = useMemo(() => new Map((rows ?? []).map((r) => [r.key, r])), [rows]);
  const offline = status?.state === 'offline';
  const members = readMembers(byKey.get('members')?.data);
  const requests = readTeamRequests(byKey.get('requests')?.data);
  const open = requests.filter((r) => !r.answer);
  const feedbackIds = [...new Set(requests.map((r) => r.feedbackId).filter((id): id is string => !!id))];
  const fetchedAt = byKey.get('kpis:30d')?.fetchedAt ?? byKey.get('members')?.fetchedAt;

  return (
    <section className="view view--team" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="filters">
        <button type="button" onClick={() => void refresh.run(actions.team.refresh())} disabled={offline}>
          {t('team.refresh')}
        </button>
        {fetchedAt && (
          <span className="muted small">{t('team.fetchedAt', { time: formatWhen(fetchedAt, i18n.language) })}</span>
        )}
      </p>
      {offline && <p className="muted small">{t('team.onlineOnly')}</p>}
      <Feedback message={null} error={refresh.error} />
      {rows === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <section className="team-section">
            <h3>{t('team.agentsTitle')}</h3>
            <AgentKpis data={byKey.get('kpis:30d')?.data} />
          </section>
          <section className="team-section">
            <h3>{t('team.compose')}</h3>
            <ComposeTip teamId={teamId} members={members} feedbackIds={feedbackIds} disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.requestsTitle')}</h3>
            {open.length === 0 ? (
              <p className="muted">{t('team.requestsEmpty')}</p>
            ) : (
              <ul className="plain" data-testid="team-requests">
                {open.map((r) => (
                  <RequestItem key={r.id} {...r} disabled={offline} />
                ))}
              </ul>
            )}
          </section>
          <section className="team-section">
            <h3>{t('team.tipsTitle')}</h3>
            <SentTips data={byKey.get('tips')?.data} members={members} />
          </section>
          <section className="team-section">
            <h3>{t('team.targetsTitle')}</h3>
            <Targets data={byKey.get('targets')?.data} disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.libraryTitle')}</h3>
            <Library disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.pairTitle')}</h3>
            <Pairing members={members} disabled={offline} />
          </section>
          <section className="team-section">
            <h3>{t('team.pulseTitle')}</h3>
            <TeamPulse data={byKey.get('pulse')?.data} />
          </section>
        </>
      )}
    </section>
  );
}
