// The one typed protocol between extension contexts (content script, side panel, options -> background).
// Every sender and listener is built from this map (STYLE.md #8). The background owns Dexie and the hub
// client; other contexts ask it by message. Draft text is never part of any message here.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ContactChannel, Role, UsageEvent } from './contract/vocab';
import type { LanguagePack } from './empathy/packs/types';
import type { Behavior, Channel, Lang, PhraseLibrary, SuggestionUsage } from './empathy/types';

export type SignInRequest = { hubUrl: string; token: string } | { hubUrl: string; pairingCode: string };
export type SignInResult =
  | {
      ok: true;
      user: { id: string; name: string; email: string; role: Role; teamId: string | null };
    }
  | { ok: false; error: string };

/** Result of an action that needs the hub right now (lead actions). */
export type ActionResult<T = unknown> = { ok: true; data?: T } | { ok: false; error: string };

export interface TipDraft {
  /** Exactly one of agentId / teamId. */
  agentId?: string;
  teamId?: string;
  text: string;
  feedbackId?: string;
  kpi?: string;
  due?: string;
}

export interface CoachContext {
  /** False when the agent switched the coach off for this site. */
  enabled: boolean;
  /** The team library and the agent's favourites, merged by the background; null when signed out. */
  library: PhraseLibrary | null;
  usage: SuggestionUsage;
}

export interface ProtocolMap {
  // --- content script -> background
  'coach:getContext'(data: { host: string }): CoachContext;
  'coach:usage'(data: { suggestionId: string; event: UsageEvent }): void;
  /** A reply was sent: which behaviours it contained (flags only, never text). */
  /** A language pack for the content script's engine (it bundles English only; packs are plain data). */
  'empathy:languagePack'(data: { lang: Lang }): LanguagePack | null;
  'coach:replySent'(data: {
    site: string;
    ticketId: string | null;
    channel: Channel | null;
    behaviors: Behavior[];
    sentAt: string;
  }): void;

  // --- side panel / options -> background
  'auth:signIn'(data: SignInRequest): SignInResult;
  'auth:signOut'(): void;
  'sync:now'(): { ok: boolean; error?: string };
  'tip:ack'(data: { tipId: string; comment?: string; useful?: boolean }): void;
  'feedback:review'(data: { feedbackId: string; reviewed: boolean }): void;
  'feedback:note'(data: { feedbackId: string; note: string }): void;
  'feedback:askLead'(data: { feedbackId: string; question: string }): void;
  /** The agent saw these tips in the panel: set their local `readAt` (clears the unread badge). */
  'tip:markRead'(data: { tipIds: string[] }): void;
  /** The daily one-tap pulse (private): store in `pulse` and enqueue `POST /api/v1/me/pulse`. */
  'pulse:set'(data: { date: string; mood: number }): void;

  // --- side panel (lead mode) -> background. Online only: sent straight to the hub (no outbox); on success
  // the background refreshes the `team` caches (and the team library) so the panel updates via liveQuery.
  /** Re-fetch every lead cache (team kpis, members, tips with acks, requests, targets, pulse). */
  'team:refresh'(): TeamActionResult;
  /** `POST /api/v1/tips` — exactly one of agentId / teamId. */
  'team:createTip'(data: TipDraft): TeamActionResult;
  /** `POST /api/v1/team/requests/:id/answer`. */
  'team:answerRequest'(data: { requestId: string; answer: string }): TeamActionResult;
  /** `PUT /api/v1/team/targets`. */
  'team:setTarget'(data: { kpi: string; channel: ContactChannel | null; value: number }): TeamActionResult;
  /** `PUT /api/v1/team/library`; on success also store it as `libraries['team']`. */
  'team:saveLibrary'(data: { library: PhraseLibrary }): TeamActionResult;
  /** `POST /api/v1/team/pairing-codes`: `data` is the hub's `{code, expiresAt}` to hand to an agent. */
  'team:pairingCode'(data: { agentId: string }): ActionResult;
}

/** Name of the runtime Port a side panel keeps open; while one is connected the hub's live stream stays open. */
export const PANEL_PORT = 'panel';

/** Lead actions report the hub's answer so the panel can show a 403/validation error instead of a team. */
export type TeamActionResult = { ok: true } | { ok: false; error: string };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
