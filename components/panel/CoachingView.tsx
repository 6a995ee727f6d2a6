import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, type Tip } from '../../lib/db';
import { selectDraft, usePanelStore } from '../../lib/store/panel';
import { formatDate, localDate } from '../common/format';
import { RemoteText } from '../common/RemoteText';
import { displayText } from '../common/safe-text';
import { errorText, usePanelActions } from './actions';
import { kpiLabel } from './kpi-text';

function LinkedFeedback({ feedbackId }: { feedbackId: string }) {
  const { t } = useTranslation();
  const showFeedback = usePanelStore((s) => s.showFeedback);
  const item = useLiveQuery(async () => (await db.feedback.get(feedbackId)) ?? null, [feedbackId]);
  return (
    <div className="linked" data-testid="tip-linked-feedback">
      <span className="muted">{t('coaching.linkedFeedback')}</span>
      {item?.comment && (
        <blockquote>
          <RemoteText text={item.comment.length > 200 ? `${item.comment.slice(0, 200)}…` : item.comment} />
        </blockquote>
      )}
      <button type="button" className="link-button" onClick={() => showFeedback(feedbackId)}>
        {t('coaching.showFeedback')}
      </button>
    </div>
  );
}

function Usefulness({
  value,
  onChange,
  disabled,
}: {
  value: boolean | null;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="usefulness">
      <legend>{t('coaching.usefulQuestion')}</legend>
      <button
        type="button"
        aria-pressed={value === true}
        disabled={disabled}
        onClick={() => onChange(true)}
        data-testid="tip-useful-yes"
      >
        {t('coaching.usefulYes')}
      </button>
      <button
        type="button"
        aria-pressed={value === false}
        disabled={disabled}
        onClick={() => onChange(false)}
        data-testid="tip-useful-no"
      >
        {t('coaching.usefulNo')}
      </button>
    </fieldset>
  );
}

function TipCard({ tip, isNew }: { tip: Tip; isNew: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const setTab = usePanelStore((s) => s.setTab);
  const ackKey = `ack:${tip.id}`;
  const comment = usePanelStore(selectDraft(ackKey));
  const setDraft = usePanelStore((s) => s.setDraft);
  const clearDraft = usePanelStore((s) => s.clearDraft);
  const [useful, setUseful] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language;
  const overdue = tip.due && !tip.ack && tip.due.slice(0, 10) < localDate();

  const ack = (extra: { comment?: string; useful?: boolean }) =>
    actions.ackTip(tip.id, extra).then(
      () => clearDraft(ackKey),
      (e: unknown) => setError(t('common.failed', { error: errorText(e) })),
    );

  return (
    <article className={`tip${isNew ? ' tip--new' : ''}`} data-testid="tip" data-tip-id={tip.id} data-unread={isNew}>
      <header className="tip-meta">
        {isNew && <span className="badge badge--new">{t('coaching.new')}</span>}
        <span>{t('coaching.from', { name: displayText(tip.author?.name) })}</span>
        <time dateTime={tip.createdAt}>{formatDate(tip.createdAt, lang)}</time>
        {tip.due && (
          <span className={overdue ? 'chip chip--warn' : 'chip'}>
            {overdue
              ? t('coaching.overdue', { date: formatDate(tip.due, lang) })
              : t('coaching.due', { date: formatDate(tip.due, lang) })}
          </span>
        )}
      </header>
      <p className="tip-text" data-testid="tip-text">
        <RemoteText text={tip.text} />
      </p>
      {tip.feedbackId && <LinkedFeedback feedbackId={tip.feedbackId} />}
      {tip.kpi && (
        <div className="linked">
          <span className="muted">{t('coaching.linkedKpi', { kpi: kpiLabel(t, tip.kpi) })}</span>
          <button type="button" className="link-button" onClick={() => setTab('kpis')}>
            {t('coaching.showKpi')}
          </button>
        </div>
      )}
      {tip.ack ? (
        <div className="tip-acked" data-testid="tip-acked">
          <p className="muted">{t('coaching.acked', { date: formatDate(tip.ack.at, lang) })}</p>
          {tip.ack.comment && (
            <blockquote>
              <RemoteText text={tip.ack.comment} />
            </blockquote>
          )}
          <Usefulness value={tip.ack.useful} onChange={(v) => void ack({ useful: v })} />
        </div>
      ) : (
        <div className="tip-ack-form">
          <label className="field">
            <span>{t('coaching.ackComment')}</span>
            <textarea
              data-testid="tip-ack-comment"
              rows={2}
              value={comment}
              onChange={(e) => setDraft(ackKey, e.target.value)}
            />
          </label>
          <Usefulness value={useful} onChange={setUseful} />
          <button
            type="button"
            className="primary"
            data-testid="tip-ack"
            onClick={() =>
              void ack({
                ...(comment.trim() ? { comment: comment.trim() } : {}),
                ...(useful === null ? {} : { useful }),
              })
            }
          >
            {t('coaching.ack')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}

/** Coaching: the lead's tips, newest first; opening the view marks them read (the toolbar badge). */
export function CoachingView() {
  const { t } = useTranslation();
  const actions = usePanelActions();
  const tips = useLiveQuery(() => db.tips.orderBy('createdAt').reverse().toArray(), []);
  // Tips unread when first seen stay marked "new" while the view is open, even after readAt is set.
  const seenUnread = useRef(new Set<string>());
  const reported = useRef(new Set<string>());
  const unreadNow = (tips ?? [])
    .filter((tip) => tip.readAt === null && !reported.current.has(tip.id))
    .map((tip) => tip.id);
  for (const id of unreadNow) seenUnread.current.add(id);
  const unreadKey = unreadNow.join(',');
  useEffect(() => {
    if (!unreadKey) return;
    const ids = unreadKey.split(',');
    for (const id of ids) reported.current.add(id);
    void actions.markTipsRead(ids);
  }, [unreadKey, actions]);

  return (
    <section className="view view--coaching" aria-labelledby="coaching-title" aria-busy={tips === undefined}>
      <h2 id="coaching-title" className="visually-hidden">
        {t('app.tabs.coaching')}
      </h2>
      {tips === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tips.length === 0 ? (
        <p className="empty">{t('coaching.empty')}</p>
      ) : (
        <div className="tips" role="feed" aria-label={t('coaching.listLabel')}>
          {tips.map((tip) => (
            <TipCard key={tip.id} tip={tip} isNew={seenUnread.current.has(tip.id)} />
          ))}
        </div>
      )}
    </section>
  );
}
