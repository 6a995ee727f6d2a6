// The options page: the sign-in UI contract (hub-url, hub-token, sign-in, signed-in-as, sign-in-error),
// pairing codes, run-time host permission, sign-out and the agent's settings.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../entrypoints/options/OptionsApp';
import type { OptionsActions } from '../../../entrypoints/options/actions';
import { OPTIONS_STRINGS } from '../../../entrypoints/options/strings';
import { db } from '../../../lib/db';
import type { SignInResult } from '../../../lib/messaging';
import { type AttuneSettings, DEFAULT_SETTINGS, readSettings, updateSettings } from '../../../lib/sync/settings';

// WXT's mock for wxt/browser loads esbuild, which refuses jsdom's TextEncoder: hand it the fake browser directly.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const okResult: SignInResult = {
  ok: true,
  user: { id: 'u1', name: 'Aino Agent', email: 'aino@example.com', role: 'agent', teamId: 't1' },
};

function fakeActions(overrides: Partial<OptionsActions> = {}) {
  let settings: AttuneSettings = { ...DEFAULT_SETTINGS };
  const actions = {
    requestHubPermission: vi.fn(async (_url: string) => true),
    signIn: vi.fn(async () => okResult),
    signOut: vi.fn(async () => {}),
    syncNow: vi.fn(async () => ({ ok: true })),
    loadSettings: vi.fn(async () => settings),
    saveSettings: vi.fn(async (patch: Partial<AttuneSettings>) => {
      settings = { ...settings, ...patch };
      return settings;
    }),
    watchSettings: vi.fn(() => () => {}),
    ...overrides,
  } satisfies OptionsActions;
  return actions;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db.wipe();
});
afterEach(() => vi.restoreAllMocks());

describe('sign-in form', () => {
  test('signs in with hub URL and token, then shows who is signed in', async () => {
    const actions = fakeActions();
    render(<OptionsApp lang="en" actions={actions} />);
    const url = screen.getByTestId('hub-url');
    expect(url).toHaveProperty('value', 'http://127.0.0.1:8787');
    await userEvent.clear(url);
    await userEvent.type(url, 'http://localhost:9999/');
    await userEvent.type(screen.getByTestId('hub-token'), 'secret-token');
    await userEvent.click(screen.getByTestId('sign-in'));
    expect(await screen.findByTestId('signed-in-as')).toHaveProperty('textContent', 'Signed in as Aino Agent (agent)');
    expect(actions.signIn).toHaveBeenCalledWith({ hubUrl: 'http://localhost:9999', token: 'secret-token' });
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
    expect(screen.queryByTestId('hub-token')).toBeNull();
  });

  test.each<[string, Partial<OptionsActions>, { url?: string; token?: string }, RegExp, boolean]>([
    [
      'the hub rejects the token',
      {
        signIn: vi.fn(async () => ({ ok: false, error: 'The hub rejected the token (401). Sign in again.' }) as const),
      },
      {},
      /401/,
      true,
    ],
    [
      'the background throws',
      {
        signIn: vi.fn(async () => {
          throw new Error('Could not establish connection');
        }),
      },
      {},
      /Could not establish connection/,
      true,
    ],
    ['the URL is not a URL', {}, { url: 'not a url' }, /not a valid hub URL/, false],
    ['the URL is not http(s)', {}, { url: 'ftp://hub.example' }, /http:\/\/ or https:\/\//, false],
    [
      'host permission for a remote hub is refused',
      { requestHubPermission: vi.fn(async () => false) },
      { url: 'https://hub.example.com' },
      /permission/,
      false,
    ],
  ])('shows sign-in-error when %s', async (_name, overrides, input, message, reachesBackground) => {
    const actions = fakeActions(overrides);
    render(<OptionsApp lang="en" actions={actions} />);
    if (input.url !== undefined) {
      await userEvent.clear(screen.getByTestId('hub-url'));
      await userEvent.type(screen.getByTestId('hub-url'), input.url);
    }
    await userEvent.type(screen.getByTestId('hub-token'), input.token ?? 'tok');
    await userEvent.click(screen.getByTestId('sign-in'));
    expect((await screen.findByTestId('sign-in-error')).textContent).toMatch(message);
    expect(screen.queryByTestId('signed-in-as')).toBeNull();
    expect(actions.signIn).toHaveBeenCalledTimes(reachesBackground ? 1 : 0);
  });

  test('asks for host permission for the hub the agent typed, before signing in', async () => {
    const actions = fakeActions();
    render(<OptionsApp lang="en" actions={actions} />);
    await userEvent.clear(screen.getByTestId('hub-url'));
    await userEvent.type(screen.getByTestId('hub-url'), 'https://hub.example.com/');
    await userEvent.type(screen.getByTestId('hub-token'), 'tok');
    await userEvent.click(screen.getByTestId('sign-in'));
    await screen.findByTestId('signed-in-as');
    expect(actions.requestHubPermission).toHaveBeenCalledWith('https://hub.example.com');
    expect(vi.mocked(actions.requestHubPermission).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(actions.signIn).mock.invocationCallOrder[0] ?? 0,
    );
  });

  test('signs in with a pairing code when no token is given', async () => {
    const actions = fakeActions();
    render(<OptionsApp lang="en" actions={actions} />);
    await userEvent.type(screen.getByTestId('hub-pairing-code'), 'ABCD-1234');
    await userEvent.click(screen.getByTestId('sign-in'));
    await screen.findByTestId('signed-in-as');
    expect(actions.signIn).toHaveBeenCalledWith({ hubUrl: 'http://127.0.0.1:8787', pairingCode: 'ABCD-1234' });
  });
});

describe('signed in', () => {
  beforeEach(async () => {
    await db.meta.bulkPut([
      {
        key: 'session',
        hubUrl: 'http://127.0.0.1:8787',
        user: { id: 'u1', name: 'Lena Lead', email: 'l@example.com', role: 'lead', teamId: 't1', teamName: 'Support' },
      },
      {
        key: 'status',
        state: 'offline',
        lastSyncedAt: '2026-11-23T10:15:00.000Z',
        lastError: 'Could not reach the hub at http://127.0.0.1:8787 (fetch failed).',
        nextRetryAt: null,
      },
    ]);
  });

  test('shows the session and sync state from the database, and signs out', async () => {
    const actions = fakeActions({
      signOut: vi.fn(async () => {
        await db.wipe();
      }),
    });
    render(<OptionsApp lang="en" actions={actions} />);
    expect((await screen.findByTestId('signed-in-as')).textContent).toBe('Signed in as Lena Lead (lead)');
    expect(screen.getByTestId('options-sync-state').getAttribute('data-state')).toBe('offline');
    expect(screen.getByTestId('sync-error').textContent).toMatch(/Could not reach the hub/);
    await userEvent.click(screen.getByTestId('sign-out'));
    expect(actions.signOut).toHaveBeenCalledTimes(1);
    await screen.findByTestId('sign-in');
    expect(screen.queryByTestId('signed-in-as')).toBeNull();
  });

  test('remote names are text, not markup', async () => {
    await db.meta.put({
      key: 'session',
      hubUrl: 'http://127.0.0.1:8787',
      user: { id: 'u2', name: '<img src=x onerror=alert(1)>', email: '', role: 'agent', teamId: null, teamName: null },
    });
    const { container } = render(<OptionsApp lang="en" actions={fakeActions()} />);
    expect((await screen.findByTestId('signed-in-as')).textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('settings', () => {
  test('sharing behaviour flags is off by default and opt-in', async () => {
    const actions = fakeActions();
    render(<OptionsApp lang="en" actions={actions} />);
    const share = (await screen.findByTestId('share-reply-flags')) as HTMLInputElement;
    expect(share.checked).toBe(false);
    await userEvent.click(share);
    expect(actions.saveSettings).toHaveBeenCalledWith({ shareReplyFlags: true });
    await waitFor(() => expect(share.checked).toBe(true));
    const notify = screen.getByTestId('notify-tips') as HTMLInputElement;
    expect(notify.checked).toBe(false);
    await userEvent.click(notify);
    expect(actions.saveSettings).toHaveBeenCalledWith({ notifyTips: true });
  });

  test('coach languages can be narrowed but never to none', async () => {
    const actions = fakeActions();
    render(<OptionsApp lang="en" actions={actions} />);
    for (const lang of ['sv', 'nb', 'da', 'fi']) await userEvent.click(await screen.findByTestId(`coach-lang-${lang}`));
    await waitFor(() => expect((screen.getByTestId('coach-lang-fi') as HTMLInputElement).checked).toBe(false));
    await userEvent.click(screen.getByTestId('coach-lang-en'));
    expect((screen.getByTestId('coach-lang-en') as HTMLInputElement).checked).toBe(true);
    expect(actions.saveSettings).toHaveBeenLastCalledWith({ coachLangs: ['en'] });
  });

  test('settings live in browser.storage.local with safe defaults', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ notifyTips: true });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, notifyTips: true });
  });
});

describe('translations', () => {
  test.each(Object.keys(OPTIONS_STRINGS) as (keyof typeof OPTIONS_STRINGS)[])('%s has every string', (lang) => {
    const strings = OPTIONS_STRINGS[lang];
    for (const [key, value] of Object.entries(OPTIONS_STRINGS.en)) {
      expect(typeof strings[key as keyof typeof strings], `${lang}.${key}`).toBe(typeof value);
    }
    render(<OptionsApp lang={lang} actions={fakeActions()} />);
    expect(screen.getByTestId('sign-in').textContent).toBe(strings.signIn);
  });
});
