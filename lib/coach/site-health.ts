// Site health in the running coach: the site adapter the runtime uses is wrapped here, so that
// - an adapter method that throws is answered by the generic adapter (never an error in the page);
// - a named adapter whose selectors stop matching after a helpdesk update is replaced by the generic adapter
//   once a composer is found, and the agent is told once;
// - what the coach sees (adapter, composers and their audiences, the latest customer message's first words,
//   the language) is kept current for the chip's menu and the options page, and a diagnostic report without
//   any message or draft text can be copied.
import { genericAdapter } from '../sites/generic';
import {
  adapterStale,
  type ComposerHealth,
  composerHealth,
  diagnosticReport,
  firstWords,
  type SiteHealth,
} from '../sites/health';
import { conversationLanguage } from '../sites/language';
import type { SiteAdapter } from '../sites/types';

export interface SiteHealthDeps {
  doc: Document;
  win: Window;
  /** The adapter pickAdapter chose. */
  adapter: SiteAdapter;
  /** Called whenever what the coach sees changes (the chip's menu, the options page's snapshot). */
  onChange?(health: SiteHealth): void;
  /** Versions for the diagnostic report (extension version, user agent). */
  versions?: { extension: string; userAgent: string };
}

export interface SiteHealthMonitor {
  /** The adapter to give the coach runtime: the named one while it matches, generic after. */
  readonly adapter: SiteAdapter;
  health(): SiteHealth;
  /** The diagnostic report (JSON text), with selectors and match counts; never message or draft text. */
  report(): string;
}

export function createSiteHealth(deps: SiteHealthDeps): SiteHealthMonitor {
  const { doc, win } = deps;
  const named = deps.adapter;
  let current: SiteAdapter = named;
  let fellBack = false;
  const composers = new Map<Element, ComposerHealth>();
  const errors = new Set<string>();
  let latest: SiteHealth['latestCustomer'] = { found: false, firstWords: null };
  let language: SiteHealth['language'] = null;

  const snapshot = (): SiteHealth => {
    for (const el of composers.keys()) if (!el.isConnected) composers.delete(el);
    return {
      adapter: { id: current.id, name: current.name },
      fellBackFrom: fellBack ? { id: named.id, name: named.name } : null,
      composers: [...composers.values()],
      latestCustomer: latest,
      language,
      errors: [...errors],
    };
  };
  const changed = () => {
    try {
      deps.onChange?.(snapshot());
    } catch {
      // A listener's failure must not break reading the page.
    }
  };

  // The named adapter answers until it throws; then generic answers that call.
  const guarded = <T>(method: string, call: (a: SiteAdapter) => T): T => {
    if (current === genericAdapter) return call(genericAdapter);
    try {
      return call(current);
    } catch {
      errors.add(method);
      return call(genericAdapter);
    }
  };

  // Once the coach has a composer, a named adapter none of whose key selectors match is out of date.
  const checkStale = () => {
    if (fellBack || current === genericAdapter) return;
    if (adapterStale(named, doc)) {
      fellBack = true;
      current = genericAdapter;
      changed();
    }
  };

  const adapter: SiteAdapter = {
    // The adapter answering now: the generic one's id once the coach fell back (sent-reply flags say so).
    get id() {
      return current.id;
    },
    get name() {
      return current.name;
    },
    matches: named.matches,
    detect: () => true,
    classifyComposer(el, d) {
      checkStale();
      const result = guarded('classifyComposer', (a) => a.classifyComposer(el, d));
      if (result) {
        composers.set(el, composerHealth(result));
        changed();
      }
      return result;
    },
    async latestCustomerMessage(d, w, signal) {
      let message: Awaited<ReturnType<SiteAdapter['latestCustomerMessage']>> = null;
      try {
        message = await guarded('latestCustomerMessage', (a) => a.latestCustomerMessage(d, w, signal));
      } catch {
        errors.add('latestCustomerMessage');
        message = await genericAdapter.latestCustomerMessage(d, w, signal).catch(() => null);
      }
      latest = { found: Boolean(message), firstWords: message ? firstWords(message.text) : null };
      language = conversationLanguage(message)?.lang ?? null;
      changed();
      return message;
    },
    ticketContext: (d, w) => guarded('ticketContext', (a) => a.ticketContext(d, w)),
    sendButtons: (composer, d) => guarded('sendButtons', (a) => a.sendButtons?.(composer, d) ?? []),
    watchAudience(composer, d, onChange, signal) {
      guarded('watchAudience', (a) => a.watchAudience?.(composer, d, onChange, signal));
    },
  };

  return {
    adapter,
    health: snapshot,
    report: () =>
      diagnosticReport({
        health: snapshot(),
        adapter: named,
        root: doc,
        location: { host: win.location.host, pathname: win.location.pathname },
        versions: deps.versions ?? { extension: 'unknown', userAgent: win.navigator?.userAgent ?? 'unknown' },
      }),
  };
}

/**
 * Puts `text` on the clipboard from a click in the coach's UI: the Clipboard API where the page is a secure
 * context, else a selected textarea and the copy command (self-hosted helpdesks on plain http, where
 * navigator.clipboard does not exist). Resolves to whether it worked.
 */
export async function copyText(doc: Document, text: string, parent: Node | null = doc.body): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard && doc.defaultView?.isSecureContext) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no user activation or a policy): try the copy command.
    }
  }
  if (!parent) return false;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
  parent.appendChild(area);
  const active = doc.activeElement as HTMLElement | null;
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.({ preventScroll: true });
  }
}
