import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, type FeedbackItem } from '../../lib/db';
import type { Behavior } from '../../lib/empathy/types';
import { selectDraft, usePanelStore } from '../../lib/store/panel';
import { formatDate, formatWhen } from '../common/format';
import { RemoteText } from '../common/RemoteText';
import { displayText } from '../common/safe-text';
import { SafeLink } from '../common/SafeLink';
import { errorText, usePanelActions } from './actions';

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

const RATING_SCALE = [
  ['empathy', 5],
  ['csat', 5],
  ['clarity', 5],
  ['nps', 10],
] as const;

function Ratings({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  return (
    <ul className="ratings">
      {RATING_SCALE.map(([key, max]) => {
        const v = item[key];
        if (v === null || v === undefined) return null;
        const low = max === 10 ? v <= 6 : v <= 2;
        return (
          <li key={key} className={low ? 'rating rating--low' : 'rating'} data-rating={key}>
            {t(`rating.${key}`)} <strong>{v}</strong>/{max}
          </li>
        );
      })}
    </ul>
  );
}

function Requests({ feedbackId }: { feedbackId: string }) {
  const { t, i18n } = useTranslation();
  const requests = useLiveQuery(
    () => db.requests.where('feedbackId').equals(feedbackId).sortBy('createdAt'),
    [feedbackId],
  );
  if (!requests?.length) return null;
  return (
    <ul className="requests">
      {requests.map((r) => (
        <li key={r.id} data-testid="lead-request">
          <p>
            <span className="muted">{t('feedback.question')}: </span>
            <RemoteText text={r.question} />
          </p>
          {r.answer ? (
            <p>
              <span className="muted">
                {t('feedback.answer')} ({formatWhen(r.answeredAt, i18n.language)}):{' '}
              </span>
              <RemoteText text={r.answer} />
            </p>
          ) : (
            <p className="muted">{t('feedback.waitingForAnswer')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function FeedbackDetails({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const actions = usePanelActions();
  const noteKey = `note:${item.id}`;
  const askKey = `ask:${item.id}`;
  const noteDraft = usePanelStore((s) => s.drafts[noteKey]);
  const askDraft = usePanelStore(selectDraft(askKey));
  const setDraft = usePanelStore((s) => s.setDraft);
  const clearDraft = usePanelStore((s) => s.clearDraft);
  const [error, setError] = useState<string | null>(null);
  const note = noteDraft ?? item.note ?? '';
  const run = (p: Promise<void>, after: () => void) =>
    p.then(after, (e: unknown) => setError(t('common.failed', { error: errorText(e) })));

  return (
    <div className="feedback-details">
      <label className="field">
        <span>{t('feedback.note')}</span>
        <textarea
          data-testid="feedback-note"
          value={note}
          rows={2}
          onChange={(e) => setDraft(noteKey, e.target.value)}
          aria-describedby={`note-hint-${item.id}`}
        />
        <small id={`note-hint-${item.id}`} className="muted">
          {t('feedback.noteHint')}
        </small>
      </label>
      <button
        type="button"
        data-testid="feedback-save-note"
        disabled={noteDraft === undefined || noteDraft === (item.note ?? '')}
        onClick={() => void run(actions.saveNote(item.id, note), () => clearDraft(noteKey))}
      >
        {t('feedback.saveNote')}
      </button>
      <Requests feedbackId={item.id} />
      <label className="field">
        <span>{t('feedback.askLead')}</span>
        <textarea
          data-testid="feedback-ask"
          value={askDraft}
          rows={2}
          placeholder={t('feedback.askPlaceholder')}
          onChange={(e) => setDraft(askKey, e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="feedback-ask-send"
        disabled={askDraft.trim().length === 0}
        onClick={() => void run(actions.askLead(item.id, askDraft.trim()), () => clearDraft(askKey))}
      >
        {t('feedback.send')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** One feedback item; opened (selected) items show the private note and "ask my lead". */
export function FeedbackRow({ item, flags }: { item: FeedbackItem; flags: Set<Behavior> | undefined }) {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const selected = usePanelStore((s) => s.selectedFeedbackId === item.id);
  const selectFeedback = usePanelStore((s) => s.selectFeedback);
  const caseType = item.caseType ? t(`caseType.${item.caseType}`, { defaultValue: item.caseType }) : null;
  return (
    <article
      className={`feedback-item${item.reviewed ? ' feedback-item--reviewed' : ''}${selected ? ' feedback-item--open' : ''}`}
      data-testid="feedback-item"
      data-feedback-id={item.id}
      aria-label={formatDate(item.answeredAt, i18n.language)}
    >
      <header className="feedback-meta">
        <time dateTime={item.answeredAt}>{formatWhen(item.answeredAt, i18n.language)}</time>
        <span className="chip">{t(`channel.${item.channel}`, { defaultValue: displayText(item.channel) })}</span>
        {caseType && (
          <span className="chip">
            <RemoteText text={caseType} />
          </span>
        )}
        {item.reviewed && <span className="chip chip--ok">{t('feedback.reviewed')}</span>}
      </header>
      <div className="feedback-ratings">
        <Ratings item={item} />
        {flags && flags.size > 0 && (
          <ul className="flags" aria-label={t('feedback.flagsLabel')} data-testid="behavior-flags">
            {[...flags].map((b) => (
              <li key={b} className="flag" data-behavior={b}>
                {t(`behaviorShort.${b}`, { defaultValue: displayText(b) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p
        className={item.comment ? 'comment' : 'comment muted'}
        data-testid="feedback-comment"
        // Screen readers pronounce a Swedish comment as Swedish.
        lang={item.comment && item.lang && LANG_TAG.test(item.lang) ? item.lang : undefined}
      >
        {item.comment ? <RemoteText text={item.comment} /> : t('feedback.noComment')}
      </p>
      <div className="row-actions">
        <SafeLink href={item.ticketUrl} testId="feedback-ticket">
          {t('feedback.openTicket')}
        </SafeLink>
        <button
          type="button"
          data-testid="feedback-review"
          aria-pressed={item.reviewed}
          onClick={() => void actions.reviewFeedback(item.id, !item.reviewed)}
        >
          {item.reviewed ? t('feedback.markUnreviewed') : t('feedback.markReviewed')}
        </button>
        <button
          type="button"
          data-testid="feedback-open"
          aria-expanded={selected}
          onClick={() => selectFeedback(selected ? null : item.id)}
        >
          {t('feedback.details')}
        </button>
      </div>
      {selected && <FeedbackDetails item={item} />}
    </article>
  );
}
