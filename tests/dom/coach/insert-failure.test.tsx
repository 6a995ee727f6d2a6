// The chip says so when the editor refuses an insertion: the real coach runtime on the saved demo helpdesk,
// the real chip (CoachRoot) rendered from its store, and a page that reverts every edit it did not make
// (a controlled composer), so the textarea bridge's insert resolves false and the draft stays as typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from 'zustand';
import { type CoachHandlers, CoachRoot } from '../../../components/coach/CoachRoot';
import { COACH_STRINGS } from '../../../components/coach/strings';
import { createCoachEngine } from '../../../entrypoints/coach.content/engine';
import { type CoachMessaging, startCoach } from '../../../lib/coach';
import type { CoachStore } from '../../../lib/coach/chip';
import type { Lang } from '../../../lib/empathy/types';
import { attuneDemoAdapter } from '../../../lib/sites/attune-demo';

function loadDemo(file: string) {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/attune-demo', file), 'utf8');
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

// Testing Library's `screen` is bound to the body that loadDemo replaces: query the live one.
const page = () => within(document.body);

function App({ store, handlers }: { store: CoachStore; handlers: CoachHandlers }) {
  return <CoachRoot state={useStore(store)} handlers={handlers} />;
}

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
  // jsdom lays nothing out; textareas report no client rects, so make them look rendered.
  vi.spyOn(HTMLTextAreaElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 600, 120)] as never);
});
afterEach(() => {
  abort.abort();
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(window, 'isSecureContext');
  vi.restoreAllMocks();
});

async function coachOn(uiLang: Lang) {
  loadDemo('ticket-1-chat.html');
  const usage: Parameters<CoachMessaging['usage']>[0][] = [];
  const messaging: CoachMessaging = {
    getContext: async () => ({ enabled: true, library: null, usage: {} }),
    usage: (d) => usage.push(d),
    replySent: () => {},
  };
  const coach = startCoach({
    doc: document,
    win: window,
    adapter: attuneDemoAdapter,
    engine: createCoachEngine(),
    messaging,
    uiLang,
    mountUi: () => {},
    signal: abort.signal,
  });
  await coach.ready;
  const ui = document.createElement('div');
  document.body.append(ui);
  render(<App store={coach.store} handlers={coach.handlers} />, { container: ui });
  const composer = document.querySelector('textarea') as HTMLTextAreaElement;
  return { coach, composer, usage };
}

function type(el: HTMLTextAreaElement, text: string) {
  act(() => {
    el.value = text;
    el.setSelectionRange(text.length, text.length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The page keeps the composer's value as its own state: any change it did not make is put back. */
function lockComposer(el: HTMLTextAreaElement) {
  const kept = el.value;
  el.addEventListener('input', () => {
    if (el.value !== kept) el.value = kept;
  });
}

describe('the chip when the editor refuses an insertion', { timeout: 30_000 }, () => {
  it.each(['sv', 'fi', 'en'] as const)(
    'says so in the UI language (%s), leaves the draft, offers the phrase',
    async (lang) => {
      const { composer, usage } = await coachOn(lang);
      const draft = 'Hi Maria, I can see the two charges.';
      type(composer, draft);
      lockComposer(composer);
      const suggestion = (await page().findAllByTestId('attune-suggestion'))[0] as HTMLButtonElement;
      const phrase = suggestion.textContent ?? '';
      fireEvent.click(suggestion);

      const notice = await page().findByTestId('attune-insert-failure');
      expect(notice.getAttribute('role')).toBe('status');
      expect(notice.textContent).toContain(COACH_STRINGS[lang].insertFailed);
      expect(notice.closest('[lang]')?.getAttribute('lang')).toBe(lang);
      expect(composer.value).toBe(draft);
      expect(usage.some((u) => u.event === 'accepted')).toBe(false);

      // The phrase the editor refused goes to the clipboard instead.
      const copied: string[] = [];
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void copied.push(text) },
      });
      Object.defineProperty(window, 'isSecureContext', { configurable: true, value: true }); // jsdom has none
      fireEvent.click(page().getByTestId('attune-copy-phrase'));
      await waitFor(() =>
        expect(page().getByTestId('attune-copy-phrase').textContent).toBe(COACH_STRINGS[lang].copied),
      );
      expect(copied).toEqual([phrase]);

      // The agent's next keystroke clears it.
      type(composer, `${draft} `);
      expect(page().queryByTestId('attune-insert-failure')).toBeNull();
    },
  );

  it('says nothing when the insertion lands', async () => {
    const { composer, usage } = await coachOn('sv');
    const draft = 'Hi Maria, I can see the two charges.';
    type(composer, draft);
    const suggestion = (await page().findAllByTestId('attune-suggestion'))[0] as HTMLButtonElement;
    const phrase = suggestion.textContent ?? '';
    fireEvent.click(suggestion);

    await waitFor(() => expect(composer.value).toContain(phrase));
    await waitFor(() => expect(usage.some((u) => u.event === 'accepted')).toBe(true));
    expect(page().queryByTestId('attune-insert-failure')).toBeNull();
    expect(page().queryByText(COACH_STRINGS.sv.insertFailed, { exact: false })).toBeNull();
  });
});
