// Helpers to read the in-page coach (its data-testid="attune-*" test contract) from a Playwright page.
import type { Locator, Page } from 'playwright-core';

/** The coach's shadow root content; Playwright's CSS locators pierce open shadow roots. */
export function coach(page: Page) {
  const host = page.locator('attune-coach');
  return {
    host,
    score: host.locator('[data-testid="attune-score"]'),
    emotion: host.locator('[data-testid="attune-emotion"]'),
    suggestions: host.locator('[data-testid="attune-suggestion"]'),
    rewrites: host.locator('[data-testid="attune-rewrite"]'),
    highlights: host.locator('.attune-highlight'),
  };
}

/** Suggestion ids and texts in rank order. */
export async function suggestionList(suggestions: Locator): Promise<{ id: string | null; text: string }[]> {
  return suggestions.evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-suggestion-id'), text: el.textContent ?? '' })),
  );
}

/** How many <attune-coach> hosts the page has (must never be two). */
export function coachCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('attune-coach').length);
}

/**
 * The agent turns to the reply composer: the pointer reaches it (no click, no focus). The scout
 * (entrypoints/helpdesk.content) loads the coach on that intent, so pages show no chip before it.
 */
export async function approachComposer(page: Page, selector = COMPOSERS): Promise<void> {
  await page.locator(selector).first().hover({ timeout: 15_000 });
}

const COMPOSERS = ':is(textarea, [contenteditable="true"], [contenteditable=""], iframe):visible';
