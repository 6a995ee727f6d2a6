// Team view: one open "ask my lead" question and the lead's answer form.
import { useTranslation } from 'react-i18next';
import { selectDraft, usePanelStore } from '../../../lib/store/panel';
import { RemoteText } from '../../common/RemoteText';
import { usePanelActions } from '../actions';
import { Feedback, useRunner } from './runner';

export function RequestItem({
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
