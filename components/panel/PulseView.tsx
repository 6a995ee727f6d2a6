import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../lib/db';
import { formatDate, localDate } from '../common/format';
import { usePanelActions } from './actions';

const MOODS = [1, 2, 3, 4, 5] as const;

/** A drawn face (emoji fonts are missing on some systems): the mouth curves from down (1) to up (5). */
function Face({ mood, size = 28 }: { mood: number; size?: number }) {
  const curve = (mood - 3) * 3; // control point offset: negative = frown
  return (
    <svg
      data-own-graphic=""
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      className={`face face--${mood}`}
    >
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.2" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.2" fill="currentColor" />
      <path
        d={`M7.5 15.5 Q12 ${15.5 + curve} 16.5 15.5`}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Pulse: an optional, private one-tap mood per day. */
export function PulseView() {
  const { t, i18n } = useTranslation();
  const actions = usePanelActions();
  const today = localDate();
  const since = localDate(new Date(Date.now() - 13 * 86_400_000));
  const history = useLiveQuery(
    () => db.pulse.where('date').between(since, today, true, true).toArray(),
    [since, today],
  );
  const todays = history?.find((p) => p.date === today);
  const moodLabel = (m: number) => t(`pulse.mood.${m}`, { defaultValue: String(m) });

  return (
    <section className="view view--pulse" aria-labelledby="pulse-title" aria-busy={history === undefined}>
      <h2 id="pulse-title">{t('pulse.title')}</h2>
      <p className="muted small">{t('pulse.privacy')}</p>
      <fieldset className="moods">
        <legend>{t('pulse.question')}</legend>
        {MOODS.map((m) => (
          <button
            key={m}
            type="button"
            className="mood"
            data-testid={`pulse-${m}`}
            aria-pressed={todays?.mood === m}
            onClick={() => void actions.setPulse(today, m)}
          >
            <Face mood={m} />
            <span>{moodLabel(m)}</span>
          </button>
        ))}
      </fieldset>
      {todays && (
        <p role="status" data-testid="pulse-saved">
          {t('pulse.saved', { mood: moodLabel(todays.mood) })}
        </p>
      )}
      {history && history.length > 0 && (
        <>
          <h3>{t('pulse.history')}</h3>
          <ol className="pulse-history">
            {[...history].reverse().map((p) => (
              <li key={p.date}>
                <span>{formatDate(`${p.date}T12:00:00`, i18n.language)}</span> <Face mood={p.mood} size={14} />{' '}
                {moodLabel(p.mood)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
