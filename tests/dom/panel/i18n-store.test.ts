import { beforeEach, describe, expect, it } from 'vitest';
import { createI18n, pickUiLang, resources, UI_LANGS } from '../../../lib/i18n';
import { resetPanelStore, usePanelStore } from '../../../lib/store/panel';

function leaves(obj: unknown, prefix = ''): [string, string][] {
  if (typeof obj === 'string') return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('UI language follows the browser', () => {
  it.each([
    [['sv-SE', 'en'], 'sv'],
    [['nb-NO'], 'nb'],
    [['no'], 'nb'],
    [['nn-NO'], 'nb'],
    [['da'], 'da'],
    [['fi-FI'], 'fi'],
    [['de-DE', 'fi'], 'fi'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ])('%j -> %s', (prefs, expected) => {
    expect(pickUiLang(prefs)).toBe(expected);
  });
});

describe('resources', () => {
  const en = new Map(leaves(resources.en));
  it.each(UI_LANGS.filter((l) => l !== 'en'))(
    '%s has every English key, none empty, and is its own wording',
    (lang) => {
      const tr = new Map(leaves(resources[lang]));
      expect([...tr.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of tr) expect(value.trim(), key).not.toBe('');
      // Keep interpolation placeholders intact.
      for (const [key, value] of tr) {
        const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(value), key).toEqual(placeholders(en.get(key) ?? ''));
      }
      const translated = [...tr].filter(([k, v]) => v !== en.get(k)).length;
      expect(translated / tr.size).toBeGreaterThan(0.8);
    },
  );

  it('translates with plurals in each language', () => {
    expect(createI18n('en').t('app.unread', { count: 1 })).toBe('1 unread tip');
    expect(createI18n('sv').t('app.unread', { count: 3 })).toBe('3 olästa tips');
    expect(createI18n('fi').t('app.unread', { count: 2 })).toBe('2 lukematonta vinkkiä');
  });
});

describe('panel store', () => {
  beforeEach(() => resetPanelStore());

  it('keeps UI state in slices and resets to the initial state', () => {
    const s = usePanelStore.getState();
    s.setTab('coaching');
    s.setKpiWindow('90d');
    s.setFeedbackFilter('channel', 'email');
    s.setDraft('note:1', 'draft');
    expect(usePanelStore.getState()).toMatchObject({
      tab: 'coaching',
      kpiWindow: '90d',
      feedbackFilters: { channel: 'email', period: '30d' },
      drafts: { 'note:1': 'draft' },
    });
    usePanelStore.getState().clearDraft('note:1');
    expect(usePanelStore.getState().drafts).toEqual({});
    resetPanelStore();
    expect(usePanelStore.getState()).toMatchObject({
      tab: 'kpis',
      kpiWindow: '30d',
      feedbackFilters: { channel: 'all' },
    });
  });

  it('showFeedback opens the Feedback tab on that item with the period widened', () => {
    usePanelStore.getState().setFeedbackFilter('period', '7d');
    usePanelStore.getState().showFeedback('f9');
    expect(usePanelStore.getState()).toMatchObject({
      tab: 'feedback',
      selectedFeedbackId: 'f9',
      feedbackFilters: { period: 'all' },
    });
  });
});
