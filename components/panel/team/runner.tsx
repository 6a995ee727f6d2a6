// Lead actions need the hub: each section runs them through useRunner and shows the hub's answer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../actions';

type Run = (p: Promise<ActionResult>, after?: () => void) => Promise<void>;

/** Lead actions need the hub: show its answer (e.g. 403 for a lead token opened by an agent) instead of guessing. */
export function useRunner(): { run: Run; message: string | null; error: string | null } {
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

export function Feedback({ message, error }: { message: string | null; error: string | null }) {
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
