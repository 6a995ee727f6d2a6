// What the panel can ask for. The side-panel entry implements it with `sendMessage` (the background writes
// Dexie and the outbox; the views update through liveQuery); tests pass spies. Components never call
// browser.* themselves (biome.json layering).
import { createContext, type ReactNode, useContext } from 'react';
import type { ContactChannel } from '../../lib/contract/vocab';
import type { PhraseLibrary } from '../../lib/empathy/types';

export type ActionResult = { ok: true } | { ok: false; error: string };

export interface NewTip {
  agentId?: string;
  teamId?: string;
  text: string;
  feedbackId?: string;
  kpi?: string;
  due?: string;
}

export interface PanelActions {
  syncNow(): Promise<ActionResult>;
  signOut(): Promise<void>;
  openSettings(): void;
  ackTip(tipId: string, ack: { comment?: string; useful?: boolean }): Promise<void>;
  markTipsRead(tipIds: string[]): Promise<void>;
  reviewFeedback(feedbackId: string, reviewed: boolean): Promise<void>;
  saveNote(feedbackId: string, note: string): Promise<void>;
  askLead(feedbackId: string, question: string): Promise<void>;
  setPulse(date: string, mood: number): Promise<void>;
  team: {
    refresh(): Promise<ActionResult>;
    createTip(tip: NewTip): Promise<ActionResult>;
    answerRequest(requestId: string, answer: string): Promise<ActionResult>;
    setTarget(target: { kpi: string; channel: ContactChannel | null; value: number }): Promise<ActionResult>;
    saveLibrary(library: PhraseLibrary): Promise<ActionResult>;
    /** A one-time code the agent types into their options page instead of a token. */
    pairingCode(agentId: string): Promise<{ ok: true; code: string; expiresAt: string } | { ok: false; error: string }>;
  };
}

const PanelActionsContext = createContext<PanelActions | null>(null);

export function PanelActionsProvider({ actions, children }: { actions: PanelActions; children: ReactNode }) {
  return <PanelActionsContext.Provider value={actions}>{children}</PanelActionsContext.Provider>;
}

export function usePanelActions(): PanelActions {
  const actions = useContext(PanelActionsContext);
  if (!actions) throw new Error('usePanelActions: wrap the panel in <PanelActionsProvider>');
  return actions;
}

/** Error text of a failed action, for the UI. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
