// What the coach runtime is given (the page, the site adapter, the engine, messaging, settings) and the
// per-composer record its parts share. The entrypoint (entrypoints/coach.content/index.tsx) builds the deps.
import type { CoachEngine } from '../../entrypoints/coach.content/engine';
import type { FoundComposer } from '../editors/detect';
import type { EditorBridge } from '../editors/types';
import type { DraftAnalysis, Lang } from '../empathy/types';
import type { CoachContext, ProtocolMap } from '../messaging';
import type { Audience, SiteAdapter } from '../sites/types';
import type { CoachSettings } from './settings';

export interface CoachMessaging {
  getContext(): Promise<CoachContext>;
  usage(data: Parameters<ProtocolMap['coach:usage']>[0]): void;
  replySent(data: Parameters<ProtocolMap['coach:replySent']>[0]): void;
}

export interface CoachDeps {
  doc: Document;
  win: Window & typeof globalThis;
  adapter: SiteAdapter;
  engine: CoachEngine;
  messaging: CoachMessaging;
  /** Without it the coach follows the conversation's language. */
  settings?: CoachSettings;
  /** The chip's language; defaults to the browser's UI language (navigator.language). */
  uiLang?: Lang;
  /** Creates the UI on first need (keeps start-up cheap on pages without a composer). */
  mountUi(): void;
  /** Where the textarea bridge may attach its measuring mirror (inside our shadow root). */
  mirrorParent?: () => Node | null;
  signal: AbortSignal;
}

/** One composer the coach follows. */
export interface Tracked {
  found: FoundComposer;
  bridge: EditorBridge;
  audience: Audience;
  analysis: DraftAnalysis | null;
  draft: string;
  closed: boolean;
  listeners: AbortController;
  /** performance.now() of the composer's last input event (-1: none yet), for the undo boundary. */
  lastInputAt: number;
}

export const DEFAULT_CONTEXT: CoachContext = { enabled: true, library: null, usage: {} };
