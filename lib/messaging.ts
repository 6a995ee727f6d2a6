// The one typed protocol between extension contexts: every message the content scripts, side panel and
// options page send the background (ProtocolMap, through @webext-core/messaging, the pattern of Read Frog's
// utils/message.ts), and the few plain runtime messages that code too small for a messaging library sends
// (RawProtocolMap). The background registers its handlers as maps typed from these, so a message without a
// handler does not compile. The background owns Dexie and the hub client; other contexts ask it by message.
// Draft text is never part of any message here.
import {
  defineExtensionMessaging,
  type GetDataType,
  type GetReturnType,
  type MaybePromise,
} from '@webext-core/messaging';
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
  /** A language pack for the content script's engine (it bundles English only; packs are plain data). */
  'empathy:languagePack'(data: { lang: Lang }): LanguagePack | null;
  /** A reply was sent: which behaviours it contained (flags only, never text). */
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

// Pure: a bundle that imports only the raw messages below (the helpdesk scout) drops the library.
const messenger = /* @__PURE__ */ defineExtensionMessaging<ProtocolMap>();
export const sendMessage = messenger.sendMessage;
export const onMessage = messenger.onMessage;

/** Who sent a message (runtime.MessageSender's fields the handlers use). */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** How the background answers one message of ProtocolMap. */
export type Handler<K extends keyof ProtocolMap> = (
  data: GetDataType<ProtocolMap[K]>,
  sender: MessageSender,
) => MaybePromise<GetReturnType<ProtocolMap[K]>>;

/** One handler per message: the compiler rejects a map that misses one. */
export type ProtocolHandlers = { [K in keyof ProtocolMap]: Handler<K> };

/** Registers every handler of the map (the background calls this once). */
export function onMessages(handlers: ProtocolHandlers): void {
  const listen = <K extends keyof ProtocolMap>(type: K) =>
    onMessage(type, (message) => handlers[type](message.data, message.sender));
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) listen(type);
}

// --- Plain runtime messages (runtime.sendMessage / tabs.sendMessage with a `{type}` object). The helpdesk
// scout sends these so that pages without a composer load 2 KB, not a messaging library.

/** What a content script answers to PING. */
export const PONG = 'attune:pong';

export interface RawProtocolMap {
  /** background -> helpdesk scout (tabs.sendMessage): is a live content script in this tab? Answer: PONG. */
  'attune:ping': { message: { type: 'attune:ping' }; answer: typeof PONG };
  /** helpdesk scout -> background: inject the coach bundle into the sender's frame. */
  'attune:load-coach': { message: { type: 'attune:load-coach' }; answer: boolean };
  /** coach (lib/editors/page-channel.ts) -> background: run the page-world bridge in the sender's frame. */
  'attune:page-world': { message: { type: 'attune:page-world'; nonce: string }; answer: boolean };
}
export type RawMessageType = keyof RawProtocolMap;
export type RawMessage<K extends RawMessageType> = RawProtocolMap[K]['message'];

export const PING: RawMessage<'attune:ping'> = { type: 'attune:ping' };
export const LOAD_COACH: RawMessage<'attune:load-coach'> = { type: 'attune:load-coach' };

/** Whether `message` is of `kind`'s type (e.g. PING or LOAD_COACH). */
export function isMessage(message: unknown, kind: { type: string }): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === kind.type;
}

/** The raw messages the background answers (PING goes the other way). */
export type BackgroundRawType = Exclude<RawMessageType, 'attune:ping'>;

/** One handler per raw message the background answers; the message's fields are checked by the handler. */
export type RawHandlers = {
  [K in BackgroundRawType]: (message: unknown, sender: MessageSender) => Promise<RawProtocolMap[K]['answer']>;
};

interface RuntimeOnMessage {
  addListener(
    listener: (message: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void) => true | undefined,
  ): void;
}

/** Registers the background's raw handlers. Answers go through sendResponse, which Chrome and Firefox both support. */
export function onRawMessages(onMessageEvent: RuntimeOnMessage, handlers: RawHandlers): void {
  onMessageEvent.addListener((message, sender, sendResponse) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    void handlers[type as BackgroundRawType](message, sender).then(sendResponse, () => sendResponse(false));
    return true;
  });
}
