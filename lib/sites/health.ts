// Site health: what the coach sees on this page (which adapter, each composer and who reads it, whether the
// customer's latest message was found, the conversation's language), whether a named adapter's selectors
// still match, and a diagnostic report an agent can paste into a bug. The report carries selectors, match
// counts, editor kinds and versions, never message or draft text.
import type { Lang } from '../empathy/types';
import type { DatedSelector } from './dom';
import type { Audience, ComposerClassification, SiteAdapter } from './types';

export interface ComposerHealth {
  audience: Audience;
  /** Editor family as classified (textarea, ckeditor5, summernote, ...); "unknown" when not said. */
  editor: string;
}

export interface SiteHealth {
  adapter: { id: string; name: string };
  /** The named adapter whose markup stopped matching; the coach reads the page with the generic one instead. */
  fellBackFrom: { id: string; name: string } | null;
  composers: ComposerHealth[];
  /** Whether the customer's latest message was found, and its first words (shown on this device only). */
  latestCustomer: { found: boolean; firstWords: string | null };
  language: Lang | null;
  /** Adapter methods that threw on this page (names only), each answered by the generic adapter instead. */
  errors: string[];
}

export interface SelectorCount {
  role: string;
  selector: string;
  seen: string;
  source: string;
  matches: number;
}

/** How many elements each of the adapter's dated selectors matches now; -1 where the browser rejects one. */
export function selectorCounts(adapter: SiteAdapter, root: ParentNode): SelectorCount[] {
  const out: SelectorCount[] = [];
  for (const [role, list] of Object.entries(adapter.selectors ?? {})) {
    for (const s of list as readonly DatedSelector[]) {
      let matches = -1;
      try {
        matches = root.querySelectorAll(s.selector).length;
      } catch {
        // An invalid selector reads as -1 in the report.
      }
      out.push({ role, selector: s.selector, seen: s.seen, source: s.source, matches });
    }
  }
  return out;
}

/**
 * Whether a named adapter no longer matches this page: none of its health-key selectors matches anything.
 * Only asked once the coach has found a composer, so a list view or dashboard without a ticket is not "stale".
 */
export function adapterStale(adapter: SiteAdapter, root: ParentNode): boolean {
  if (adapter.id === 'generic' || !adapter.selectors || !adapter.healthKeys?.length) return false;
  for (const key of adapter.healthKeys) {
    for (const { selector } of adapter.selectors[key] ?? []) {
      try {
        if (root.querySelector(selector)) return false;
      } catch {
        // An invalid selector matches nothing.
      }
    }
  }
  return true;
}

/** The first `n` words of `text`, with an ellipsis when there were more. */
export function firstWords(text: string, n = 6): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}

export function composerHealth(c: ComposerClassification): ComposerHealth {
  return { audience: c.audience, editor: c.editor ?? 'unknown' };
}

/** A path with every segment that could carry an id, a name or a subject slug masked: /conversation/* */
export function pathShape(pathname: string): string {
  return pathname
    .split('/')
    .map((seg) => (seg === '' || /^[a-z][a-z_.-]{0,23}$/i.test(seg) ? seg : '*'))
    .join('/');
}

export interface DiagnosticInput {
  health: SiteHealth;
  /** The adapter whose selectors to count: the named one when the coach fell back from it. */
  adapter: SiteAdapter;
  root: ParentNode;
  location: { host: string; pathname: string };
  versions: { extension: string; userAgent: string };
}

/**
 * A bug report for a helpdesk whose page the coach reads wrongly: adapter, fallback, selectors with their
 * sources and match counts, composers' audiences and editor kinds, whether a message was found and its
 * language, the page's host and path shape (digits masked), versions. Deliberately no message text, no draft
 * text, no names: nothing the customer or the agent wrote.
 */
export function diagnosticReport(input: DiagnosticInput): string {
  const { health } = input;
  const report = {
    report: 'attune-site-diagnostics',
    adapter: health.adapter.id,
    fellBackFrom: health.fellBackFrom?.id ?? null,
    page: { host: input.location.host, path: pathShape(input.location.pathname) },
    selectors: selectorCounts(input.adapter, input.root),
    composers: health.composers,
    latestCustomerMessageFound: health.latestCustomer.found,
    language: health.language,
    errors: health.errors,
    versions: input.versions,
  };
  return JSON.stringify(report, null, 2);
}
