import { useTranslation } from 'react-i18next';
import type { SessionMeta, StatusMeta, SyncState } from '../../lib/db';
import { formatWhen } from './format';
import { displayText } from './safe-text';

export interface SyncStatusProps {
  status: StatusMeta | undefined;
  session: SessionMeta | undefined;
  onSyncNow: () => void;
  onSignOut: () => void;
}

/** Always-visible sync line: state, last-synced time, sync now and sign out. */
export function SyncStatus({ status, session, onSyncNow, onSignOut }: SyncStatusProps) {
  const { t, i18n } = useTranslation();
  const state: SyncState = session ? (status?.state ?? 'syncing') : 'signed-out';
  const last = status?.lastSyncedAt ? formatWhen(status.lastSyncedAt, i18n.language) : null;
  return (
    <div className="sync-bar" data-testid="sync-status" data-state={state} role="status" aria-live="polite">
      <span className={`sync-dot sync-dot--${state}`} aria-hidden="true" />
      <span className="sync-text">
        {t(`sync.state.${state}`)}
        {state !== 'signed-out' && <> · {last ? t('sync.lastSynced', { time: last }) : t('sync.neverSynced')}</>}
      </span>
      {session && (
        <bdi dir="auto" className="sync-user">
          {t('sync.signedInAs', { name: displayText(session.user.name) })}
        </bdi>
      )}
      {status?.lastError && state === 'offline' && (
        <span className="sync-error" title={status.lastError}>
          {t('sync.lastError', { error: status.lastError })}
        </span>
      )}
      {session && (
        <span className="sync-actions">
          <button type="button" onClick={onSyncNow} disabled={state === 'syncing'}>
            {t('sync.syncNow')}
          </button>
          <button type="button" onClick={onSignOut} data-testid="sign-out">
            {t('sync.signOut')}
          </button>
        </span>
      )}
    </div>
  );
}
