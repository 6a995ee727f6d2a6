// Loads saved page structures from tests/fixtures/<site>/ into a jsdom window at the page's real URL.
// Scripts are not run: the content script lives in an isolated world and never sees the page's JS objects.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures');

export function fixtureHtml(site: string, file: string): string {
  return readFileSync(resolve(FIXTURES_DIR, site, file), 'utf8');
}

export interface LoadedPage {
  doc: Document;
  win: Window;
}

export function loadFixture(site: string, file: string, url: string): LoadedPage {
  const dom = new JSDOM(fixtureHtml(site, file), { url, pretendToBeVisual: false });
  return { doc: dom.window.document, win: dom.window as unknown as Window };
}

/** A `fetch` for `win` that answers same-origin paths from saved pages, 404 otherwise, and logs what was asked. */
export function serveFixtures(
  win: Window,
  site: string,
  routes: Record<string, string | { status: number; body: string }>,
) {
  const requested: string[] = [];
  const fetchStub = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input), win.location.href);
    requested.push(`${url.pathname}${url.search}`);
    const route = routes[`${url.pathname}${url.search}`];
    if (route === undefined) return new Response('not found', { status: 404 });
    if (typeof route === 'string') return new Response(fixtureHtml(site, route), { status: 200 });
    return new Response(route.body, { status: route.status });
  };
  (win as Window & { fetch: typeof fetch }).fetch = fetchStub as typeof fetch;
  return { requested };
}
