// Contract between site adapters (lib/sites/*.ts) and the content script (entrypoints/helpdesk.content).
// Adapters take `document`/`window` as parameters so tests can pass a parsed saved page (tests/fixtures/<site>/).
import type { Channel } from '../empathy/types';
import type { DatedSelector } from './dom';

/** Who reads what is written in a composer: customer-facing replies get empathy nudges, internal notes don't. */
export type Audience = 'customer' | 'internal';

export interface ComposerClassification {
  audience: Audience;
  /** Editor family when the adapter knows it; the content script otherwise detects it. */
  editor?:
    | 'textarea'
    | 'contenteditable'
    | 'ckeditor4'
    | 'ckeditor5'
    | 'tinymce'
    | 'prosemirror'
    | 'quill'
    | 'summernote'
    | 'roosterjs';
}

export interface CustomerMessage {
  text: string;
  author?: string;
  /** ISO timestamp when known. */
  at?: string;
  /** The message on the page, when it is shown there, so the coach's chip can keep clear of it. */
  element?: Element;
}

export interface TicketContext {
  ticketId: string | null;
  channel: Channel | null;
  requesterName: string | null;
  /** The signed-in agent as the helpdesk names them. */
  agent: string | null;
  /** Link back to the ticket in the helpdesk. */
  url: string | null;
}

export interface SiteAdapter {
  /** Stable id, also the fixture folder name under tests/fixtures/<id>/. */
  id: string;
  name: string;
  /** The adapter's dated selectors by role (its *_SELECTORS table), for site health and diagnostic reports. */
  selectors?: Readonly<Record<string, readonly DatedSelector[]>>;
  /**
   * Roles of `selectors` that a conversation page with a composer must match. When none of them matches
   * anything while the coach has found a composer, the helpdesk changed its markup: the coach says so and
   * falls back to the generic adapter.
   */
  healthKeys?: readonly string[];
  /** Match patterns for the content script (static hosts); self-hosted installs are enabled at run time. */
  matches: string[];
  /** Whether this adapter handles the page (checked in registry order; generic is last and always true). */
  detect(doc: Document, win: Window): boolean;
  /**
   * Classify an editable element the content script found (textarea, contenteditable root, or the host
   * element of an iframe editor). Return null to ignore it (search boxes, subject lines, ...).
   */
  classifyComposer(el: Element, doc: Document): ComposerClassification | null;
  /** The latest message from the customer, or null (the coach then degrades to draft-only coaching). */
  latestCustomerMessage(doc: Document, win: Window, signal?: AbortSignal): Promise<CustomerMessage | null>;
  ticketContext(doc: Document, win: Window): TicketContext;
  /** Elements whose click sends the reply of this composer (to record behaviour flags). */
  sendButtons?(composer: Element, doc: Document): Element[];
  /**
   * Call `onChange` when the helpdesk switches this composer between customer reply and internal note without
   * replacing it (RT's Update Type select, Zendesk's channel switcher). Listeners stop when `signal` aborts.
   */
  watchAudience?(composer: Element, doc: Document, onChange: (audience: Audience) => void, signal: AbortSignal): void;
}
