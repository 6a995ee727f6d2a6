// Options page: sign in to a hub (URL + token, or a pairing code), sign out, privacy, notifications, coach
// languages, and the Sites section. Session and sync state are read live from Dexie (the background writes).
import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { LANGS, type Lang } from '../../lib/empathy/types';
import { db, type SessionUser } from '../../lib/db';
import type { UiLang } from '../../lib/i18n';
import { normaliseHubUrl } from '../../lib/sync/client';
import type { AttuneSettings } from '../../lib/sync/settings';
import type { OptionsActions } from './actions';
import { SitesSection } from './SitesSection';
import { LANGUAGE_NAMES, OPTIONS_STRINGS } from './strings';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:8787';

export interface OptionsAppProps {
  lang: UiLang;
  actions: OptionsActions;
}

export function OptionsApp({ lang, actions }: OptionsAppProps) {
  const s = OPTIONS_STRINGS[lang];
  // One query for both rows, so the session never shows before its sync state (no flash of "syncing").
  const meta = useLiveQuery(async () => {
    const [session, status] = await Promise.all([db.getMeta('session'), db.getMeta('status')]);
    return { session, status };
  }, []);
  const session = meta?.session;
  const status = meta?.status;
  // Shown at once from the sign-in answer; the live session row takes over when it arrives.
  const [justSignedIn, setJustSignedIn] = useState<Pick<SessionUser, 'name' | 'role'> | null>(null);
  const user = session?.user ?? justSignedIn;

  return (
    <main className="options">
      <h1>{s.title}</h1>
      <section aria-labelledby="hub-heading">
        <h2 id="hub-heading">{s.hubHeading}</h2>
        {user ? (
          <SignedIn
            lang={lang}
            user={user}
            hubUrl={session?.hubUrl ?? ''}
            state={status?.state ?? 'syncing'}
            lastSyncedAt={status?.lastSyncedAt ?? null}
            lastError={status?.lastError ?? null}
            actions={actions}
            onSignedOut={() => setJustSignedIn(null)}
          />
        ) : (
          <SignInForm
            lang={lang}
            actions={actions}
            initialHubUrl={session?.hubUrl ?? DEFAULT_HUB_URL}
            onSignedIn={(u) => setJustSignedIn(u)}
          />
        )}
      </section>
      <SettingsSections lang={lang} actions={actions} />
      <SitesSection />
    </main>
  );
}

function SignInForm({
  lang,
  actions,
  initialHubUrl,
  onSignedIn,
}: {
  lang: UiLang;
  actions: OptionsActions;
  initialHubUrl: string;
  onSignedIn: (u: Pick<SessionUser, 'name' | 'role'>) => void;
}) {
  const s = OPTIONS_STRINGS[lang];
  const id = useId();
  const [hubUrl, setHubUrl] = useState(initialHubUrl);
  const [token, setToken] = useState('');
  const [pairingCode, setPairingCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    let url: string;
    try {
      url = normaliseHubUrl(hubUrl);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    // First await of the click: the permission prompt needs the user gesture.
    const permitted = await actions.requestHubPermission(url).catch(() => false);
    if (!permitted) {
      setError(s.permissionDenied);
      return;
    }
    setBusy(true);
    try {
      const usePairing = token.trim() === '' && pairingCode.trim() !== '';
      const result = await actions.signIn(usePairing ? { hubUrl: url, pairingCode } : { hubUrl: url, token });
      if (result.ok) {
        setToken('');
        setPairingCode('');
        onSignedIn({ name: result.user.name, role: result.user.role });
      } else {
        setError(result.error);
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    // noValidate: our own message names the problem (the browser bubble would not reach sign-in-error).
    <form onSubmit={submit} className="sign-in" aria-busy={busy} noValidate>
      <label htmlFor={`${id}-url`}>{s.hubUrl}</label>
      <input
        id={`${id}-url`}
        data-testid="hub-url"
        type="url"
        inputMode="url"
        autoComplete="url"
        value={hubUrl}
        onChange={(e) => setHubUrl(e.target.value)}
        required
      />
      <label htmlFor={`${id}-token`}>{s.token}</label>
      <input
        id={`${id}-token`}
        data-testid="hub-token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        aria-describedby={`${id}-token-help`}
      />
      <small id={`${id}-token-help`}>{s.tokenHelp}</small>
      <p className="or">{s.or}</p>
      <label htmlFor={`${id}-code`}>{s.pairingCode}</label>
      <input
        id={`${id}-code`}
        data-testid="hub-pairing-code"
        autoComplete="one-time-code"
        value={pairingCode}
        onChange={(e) => setPairingCode(e.target.value)}
        aria-describedby={`${id}-code-help`}
      />
      <small id={`${id}-code-help`}>{s.pairingHelp}</small>
      <button type="submit" data-testid="sign-in" disabled={busy}>
        {busy ? s.signingIn : s.signIn}
      </button>
      {error && (
        <p role="alert" className="error" data-testid="sign-in-error">
          {error}
        </p>
      )}
    </form>
  );
}

function SignedIn(props: {
  lang: UiLang;
  user: Pick<SessionUser, 'name' | 'role'>;
  hubUrl: string;
  state: 'signed-out' | 'syncing' | 'online' | 'offline';
  lastSyncedAt: string | null;
  lastError: string | null;
  actions: OptionsActions;
  onSignedOut: () => void;
}) {
  const s = OPTIONS_STRINGS[props.lang];
  const [busy, setBusy] = useState(false);
  const when = props.lastSyncedAt
    ? new Date(props.lastSyncedAt).toLocaleString(props.lang, { dateStyle: 'medium', timeStyle: 'short' })
    : null;

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signed-in">
      <p data-testid="signed-in-as">
        <bdi>{s.signedInAs(props.user.name, props.user.role)}</bdi>
      </p>
      {props.hubUrl && <p className="hub-url">{props.hubUrl}</p>}
      <p data-testid="options-sync-state" data-state={props.state}>
        {s.state[props.state]} · {when ? s.lastSynced(when) : s.neverSynced}
      </p>
      {props.lastError && (
        <p role="alert" className="error" data-testid="sync-error">
          {props.lastError}
        </p>
      )}
      <div className="buttons">
        <button type="button" data-testid="sync-now" disabled={busy} onClick={() => run(() => props.actions.syncNow())}>
          {s.syncNow}
        </button>
        <button
          type="button"
          data-testid="sign-out"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await props.actions.signOut();
              props.onSignedOut();
            })
          }
        >
          {s.signOut}
        </button>
      </div>
    </div>
  );
}

function SettingsSections({ lang, actions }: { lang: UiLang; actions: OptionsActions }) {
  const s = OPTIONS_STRINGS[lang];
  const [settings, setSettings] = useState<AttuneSettings | null>(null);

  useEffect(() => {
    let live = true;
    void actions.loadSettings().then((loaded) => live && setSettings(loaded));
    const unwatch = actions.watchSettings((next) => live && setSettings(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [actions]);

  if (!settings) return null;
  // Shown at once (a checkbox must not lag behind the click), then stored.
  const save = async (patch: Partial<AttuneSettings>) => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    setSettings(await actions.saveSettings(patch));
  };
  const toggleLang = (l: Lang, box: HTMLInputElement) => {
    const next = box.checked ? [...new Set([...settings.coachLangs, l])] : settings.coachLangs.filter((x) => x !== l);
    // At least one language, or the coach would have nothing to suggest.
    if (next.length > 0) void save({ coachLangs: LANGS.filter((x) => next.includes(x)) });
    // Refused: Preact (what ships) does not re-render when nothing changed, so unlike React it would leave the
    // last box cleared while the setting keeps that language. Put the tick back.
    else box.checked = true;
  };

  return (
    <>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{s.privacyHeading}</h2>
        <label className="check">
          <input
            type="checkbox"
            data-testid="share-reply-flags"
            checked={settings.shareReplyFlags}
            onChange={(e) => void save({ shareReplyFlags: e.target.checked })}
          />
          {s.shareFlags}
        </label>
        <small>{s.shareFlagsHelp}</small>
      </section>
      <section aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">{s.notificationsHeading}</h2>
        <label className="check">
          <input
            type="checkbox"
            data-testid="notify-tips"
            checked={settings.notifyTips}
            onChange={(e) => void save({ notifyTips: e.target.checked })}
          />
          {s.notifyTips}
        </label>
      </section>
      <section aria-labelledby="languages-heading">
        <h2 id="languages-heading">{s.languagesHeading}</h2>
        <small>{s.languagesHelp}</small>
        <div className="langs">
          {LANGS.map((l) => (
            <label className="check" key={l}>
              <input
                type="checkbox"
                data-testid={`coach-lang-${l}`}
                checked={settings.coachLangs.includes(l)}
                onChange={(e) => toggleLang(l, e.currentTarget)}
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </div>
      </section>
    </>
  );
}
