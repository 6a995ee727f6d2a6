// The chip's menu with Testing Library: what the coach sees on this page (adapter, composers and audiences,
// the latest customer message's first words, the language), the one-time notice after a fallback, and the
// copy-report button.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CoachChip, type CoachChipProps } from '../../../components/coach/CoachChip';
import { HEALTH_STRINGS } from '../../../components/coach/health-strings';
import { COACH_STRINGS } from '../../../components/coach/strings';
import type { CoachModel } from '../../../components/coach/types';
import type { SiteHealth } from '../../../lib/sites/health';

const model: CoachModel = {
  audience: 'customer',
  lang: 'en',
  score: 42,
  emotion: 'frustrated',
  customerState: 'Sounds frustrated',
  suggestions: [{ id: 'en.ack.1', kind: 'acknowledge', text: 'I understand how frustrating this is.', reason: 'Ack.' }],
  rewrites: [],
  readability: null,
};

const health: SiteHealth = {
  adapter: { id: 'freescout', name: 'FreeScout' },
  fellBackFrom: null,
  composers: [
    { audience: 'customer', editor: 'summernote' },
    { audience: 'internal', editor: 'summernote' },
  ],
  latestCustomer: { found: true, firstWords: '<b>It has been</b> another week…' },
  language: 'sv',
  errors: [],
};

function setup(overrides: Partial<CoachChipProps> = {}) {
  const props: CoachChipProps = {
    model,
    anchor: { left: 100, top: 400, width: 600, height: 150 },
    avoid: [],
    viewport: { width: 1280, height: 900 },
    theme: 'light',
    collapsed: false,
    onToggleCollapsed: vi.fn(),
    onClose: vi.fn(),
    onInsert: vi.fn(),
    onDismissSuggestion: vi.fn(),
    onApplyRewrite: vi.fn(),
    health,
    ...overrides,
  };
  return { ...render(<CoachChip {...props} />), props };
}

describe('chip menu: site health', () => {
  it('has no menu button without health', () => {
    setup({ health: null });
    expect(screen.queryByTestId('attune-menu')).toBeNull();
  });

  it('shows the adapter, each composer with its audience and editor, the first words (as text) and the language', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'What the coach sees on this page' }));
    expect(screen.getByTestId('attune-health-adapter').textContent).toBe('Reading this page as: FreeScout');
    expect(screen.getAllByTestId('attune-health-composer').map((li) => li.textContent)).toEqual([
      'reply to the customer · summernote',
      'internal note · summernote',
    ]);
    const latest = screen.getByTestId('attune-health-latest');
    expect(latest.textContent).toBe('Latest customer message: found: “<b>It has been</b> another week…”');
    expect(latest.querySelector('b')).toBeNull();
    expect(screen.getByTestId('attune-health-language').textContent).toBe('Language: Swedish');
  });

  it('says when the latest customer message was not found', async () => {
    setup({ health: { ...health, latestCustomer: { found: false, firstWords: null }, language: null } });
    await userEvent.click(screen.getByTestId('attune-menu'));
    expect(screen.getByTestId('attune-health-latest').textContent).toContain('not found');
    expect(screen.getByTestId('attune-health-language').textContent).toBe('Language: unknown');
  });

  it('copies the diagnostic report and says it did', async () => {
    const onCopyDiagnostics = vi.fn().mockResolvedValue(true);
    setup({ onCopyDiagnostics });
    await userEvent.click(screen.getByTestId('attune-menu'));
    await userEvent.click(screen.getByRole('button', { name: 'Copy diagnostic report' }));
    expect(onCopyDiagnostics).toHaveBeenCalledOnce();
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('tells the agent once that the helpdesk changed its page, until read', async () => {
    const fellBack = {
      ...health,
      adapter: { id: 'generic', name: 'Any site (generic)' },
      fellBackFrom: { id: 'zendesk', name: 'Zendesk' },
    };
    const { rerender, props } = setup({ health: fellBack });
    expect(screen.getByTestId('attune-site-notice').textContent).toContain('Zendesk changed its page');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByTestId('attune-site-notice')).toBeNull();
    // New health snapshots (every refresh) do not bring it back.
    rerender(<CoachChip {...props} health={{ ...fellBack, language: 'en' }} />);
    expect(screen.queryByTestId('attune-site-notice')).toBeNull();
    await userEvent.click(screen.getByTestId('attune-menu'));
    expect(screen.getByTestId('attune-health-fellback').textContent).toContain('Zendesk');
  });

  it('speaks the chip language', async () => {
    setup({ strings: COACH_STRINGS.sv });
    await userEvent.click(screen.getByRole('button', { name: HEALTH_STRINGS.sv.menuLabel }));
    expect(screen.getByTestId('attune-health-language').textContent).toBe('Språk: svenska');
  });
});
