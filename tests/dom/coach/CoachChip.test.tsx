// The chip with Testing Library: the in-page test contract (the data-testid="attune-*" markers), rank order, focus safety and the internal-note mode.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CoachChip, type CoachChipProps } from '../../../components/coach/CoachChip';
import type { CoachModel } from '../../../components/coach/types';

const model: CoachModel = {
  audience: 'customer',
  lang: 'en',
  score: 42,
  emotion: 'frustrated',
  customerState: 'Sounds frustrated — third contact about this',
  suggestions: [
    {
      id: 'en.ack.1',
      kind: 'acknowledge',
      text: 'I understand how frustrating this is.',
      reason: 'Acknowledge first.',
    },
    { id: 'en.apo.4', kind: 'apology', text: "I'm sorry you had to contact us again.", reason: 'Apologise.' },
    { id: 'en.own.1', kind: 'ownership', text: "I'll take care of this personally.", reason: 'Take ownership.' },
  ],
  rewrites: [
    {
      id: 'rw:10:25',
      risk: 'blame',
      original: 'you should have',
      replacement: 'next time it may help to',
      reason: 'Sounds like blaming the customer',
      span: [10, 25],
    },
  ],
  readability: { label: 'Readability Flesch 61', longSentences: 1 },
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
    onPreviewRewrite: vi.fn(),
    shortcutLabel: (i) => `Alt+Shift+${i + 1}`,
    ...overrides,
  };
  const view = render(<CoachChip {...props} />);
  return { props, view };
}

describe('CoachChip', () => {
  it('renders the test contract: score, emotion, suggestions in rank order with their phrase as text', () => {
    setup();
    expect(screen.getByTestId('attune-score').textContent).toBe('42');
    expect(screen.getByTestId('attune-emotion').getAttribute('data-emotion')).toBe('frustrated');
    expect(screen.getByTestId('attune-emotion').textContent).toContain('third contact about this');
    const buttons = screen.getAllByTestId('attune-suggestion');
    expect(buttons.map((b) => b.getAttribute('data-suggestion-id'))).toEqual(['en.ack.1', 'en.apo.4', 'en.own.1']);
    expect(buttons.map((b) => b.textContent)).toEqual(model.suggestions.map((s) => s.text));
  });

  it('gives each suggestion its reason as accessible description', () => {
    setup();
    const [first] = screen.getAllByTestId('attune-suggestion');
    expect(first).toBeDefined();
    if (first) expect(first.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('button', { description: /Acknowledge first/ })).toBe(first);
  });

  it('inserts on click and never takes focus from the composer (mousedown is cancelled)', async () => {
    const { props } = setup();
    const composer = document.createElement('textarea');
    document.body.append(composer);
    composer.focus();
    const second = screen.getAllByTestId('attune-suggestion')[1] as HTMLElement;
    const mousedown = fireEvent.mouseDown(second);
    expect(mousedown).toBe(false); // defaultPrevented: the browser will not move focus
    fireEvent.click(second);
    expect(props.onInsert).toHaveBeenCalledWith(model.suggestions[1], 1);
    expect(document.activeElement).toBe(composer);
    composer.remove();
  });

  it('is usable from the keyboard: Tab to a suggestion and press Enter', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    await user.tab();
    // First the collapse and close controls, then the first suggestion.
    while (document.activeElement?.getAttribute('data-testid') !== 'attune-suggestion') await user.tab();
    await user.keyboard('{Enter}');
    expect(props.onInsert).toHaveBeenCalledWith(model.suggestions[0], 0);
  });

  it('applies a rewrite, previews its span while hovered, and dismisses a suggestion', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    const rewrite = screen.getByTestId('attune-rewrite');
    expect(rewrite.textContent).toBe('next time it may help to');
    await user.hover(rewrite);
    expect(props.onPreviewRewrite).toHaveBeenCalledWith(model.rewrites[0]);
    await user.click(rewrite);
    expect(props.onApplyRewrite).toHaveBeenCalledWith(model.rewrites[0]);
    await user.click(screen.getByRole('button', { name: /Hide the suggestion “I'll take care/ }));
    expect(props.onDismissSuggestion).toHaveBeenCalledWith(model.suggestions[2]);
  });

  it('collapses to score and customer state, and closes', async () => {
    const user = userEvent.setup();
    const { props, view } = setup({ collapsed: true });
    expect(screen.queryAllByTestId('attune-suggestion')).toHaveLength(0);
    expect(screen.getByTestId('attune-score').textContent).toBe('42');
    await user.click(screen.getByRole('button', { name: 'Expand the coach' }));
    expect(props.onToggleCollapsed).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: /Close the coach/ }));
    expect(props.onClose).toHaveBeenCalled();
    view.unmount();
  });

  it('shows an internal note readability only: no score, no empathy nudges', () => {
    setup({ model: { ...model, audience: 'internal', suggestions: [], rewrites: [], customerState: 'Internal note' } });
    expect(screen.queryByTestId('attune-score')).toBeNull();
    expect(screen.queryAllByTestId('attune-suggestion')).toHaveLength(0);
    expect(screen.getByText(/Readability Flesch 61/)).toBeTruthy();
  });

  it.each(['light', 'dark'] as const)('labels itself as a landmark in the %s theme', (theme) => {
    setup({ theme });
    const chip = screen.getByRole('complementary', { name: 'Attune coach' });
    expect(chip.getAttribute('data-theme')).toBe(theme);
    expect(within(chip).getByTestId('attune-score')).toBeTruthy();
  });
});
