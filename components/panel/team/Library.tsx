// Team view: the team's phrase library, edited by the lead.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../lib/db';
import {
  BEHAVIORS,
  type Behavior,
  LANGS,
  type Lang,
  type Phrase,
  type PhraseLibrary,
} from '../../../lib/empathy/types';
import { RemoteText } from '../../common/RemoteText';
import { displayText } from '../../common/safe-text';
import { usePanelActions } from '../actions';
import { Feedback, useRunner } from './runner';

function newPhraseId(): string {
  return `team-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function Library({ disabled }: { disabled: boolean }) {
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
