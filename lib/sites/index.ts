// The site registry: one import per helpdesk adapter (refined-github's one-file-per-feature registry). Order matters: the first adapter whose
// `detect` says yes handles the page; generic is last and always says yes.
import { attuneDemoAdapter } from './attune-demo';
import { chatwootAdapter } from './chatwoot';
import { freescoutAdapter } from './freescout';
import { freshdeskAdapter } from './freshdesk';
import { genericAdapter } from './generic';
import { helpscoutAdapter } from './helpscout';
import { intercomAdapter } from './intercom';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { requestTrackerAdapter } from './request-tracker';
import { zammadAdapter } from './zammad';
import { zendeskAdapter } from './zendesk';
import type { SiteAdapter } from './types';

export type { SiteAdapter } from './types';

/** Every adapter, specific ones first, generic last. */
export const siteAdapters: SiteAdapter[] = [
  attuneDemoAdapter,
  requestTrackerAdapter,
  zendeskAdapter,
  freshdeskAdapter,
  freescoutAdapter,
  zammadAdapter,
  chatwootAdapter,
  intercomAdapter,
  helpscoutAdapter,
  gmailAdapter,
  outlookAdapter,
  genericAdapter,
];

export { DEFAULT_MATCHES } from './matches';

/**
 * The adapter for this page. A throwing `detect` (a helpdesk shipped new markup) counts as "no", so the page
 * degrades to the generic adapter instead of breaking the coach.
 */
export function pickAdapter(doc: Document, win: Window): SiteAdapter {
  for (const adapter of siteAdapters) {
    try {
      if (adapter.detect(doc, win)) return adapter;
    } catch {
      // Fall through to the next adapter.
    }
  }
  return genericAdapter;
}

/** An adapter by its id (settings and tests refer to adapters by id). */
export function adapterById(id: string): SiteAdapter | undefined {
  return siteAdapters.find((a) => a.id === id);
}
