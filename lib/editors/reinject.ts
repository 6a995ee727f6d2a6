// After the extension is installed, updated, reloaded or re-enabled, Chrome does not re-run content scripts
// in open tabs: the old ones are orphaned (their runtime is gone) and the tab has no coach until a reload.
// The background calls this each time its worker starts (that covers install, update, reload and enable;
// onInstalled alone misses enable). Tabs whose coach answers a ping are left alone, the others get the
// content scripts injected; an orphaned copy tears itself down when the new one starts (WXT's
// ctx.onInvalidated), so a tab never shows two coaches.
//
//   void reinjectContentScripts(browser);   // top level of the background's main()

import { PING, PONG } from '../messaging';

// PING (answered with PONG by entrypoints/helpdesk.content) and LOAD_COACH are declared with every other
// message in lib/messaging.ts.
export { isMessage, LOAD_COACH, PING, PONG } from '../messaging';

interface ContentScriptLike {
  matches?: string[];
  js?: string[];
  all_frames?: boolean;
  allFrames?: boolean;
}

/** The slice of the extension API this needs; `browser` from wxt/browser fits. */
export interface ReinjectApis {
  runtime: { getManifest(): { content_scripts?: ContentScriptLike[] } };
  tabs: {
    query(query: { url?: string | string[]; discarded?: boolean }): Promise<{ id?: number }[]>;
    /** Used to skip tabs whose coach is alive; without it every matching tab is injected. */
    sendMessage?(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: {
    /** Called as executeScript({ target: { tabId, allFrames }, files }). */
    // biome-ignore lint/suspicious/noExplicitAny: browser.scripting's overloaded generic signature must fit here
    executeScript(injection: any): Promise<unknown>;
    /** Sites the agent enabled at run time are registered dynamically (lib/sites); they need it too. */
    getRegisteredContentScripts?(): Promise<ContentScriptLike[]>;
  };
}

async function isAlive(apis: ReinjectApis, tabId: number): Promise<boolean> {
  if (!apis.tabs.sendMessage) return false;
  try {
    return (await apis.tabs.sendMessage(tabId, PING)) === PONG;
  } catch {
    return false; // "Receiving end does not exist": no live content script in this tab.
  }
}

/** Injects the manifest's and the dynamically registered content scripts into matching open tabs. */
export async function reinjectContentScripts(apis: ReinjectApis): Promise<number> {
  const scripts: ContentScriptLike[] = [...(apis.runtime.getManifest().content_scripts ?? [])];
  try {
    scripts.push(...((await apis.scripting.getRegisteredContentScripts?.()) ?? []));
  } catch {
    // Older browsers without dynamic registration: the manifest scripts still get injected.
  }
  let injected = 0;
  const done = new Set<string>();
  for (const script of scripts) {
    const files = script.js ?? [];
    const matches = script.matches ?? [];
    if (files.length === 0 || matches.length === 0) continue;
    let tabs: { id?: number }[] = [];
    try {
      tabs = await apis.tabs.query({ url: matches, discarded: false });
    } catch {
      continue; // A pattern tabs.query rejects: skip it rather than fail the install handler.
    }
    for (const tab of tabs) {
      const key = `${tab.id}:${files.join(',')}`;
      if (tab.id === undefined || done.has(key)) continue;
      done.add(key);
      if (await isAlive(apis, tab.id)) continue;
      try {
        const allFrames = script.all_frames ?? script.allFrames ?? false;
        await apis.scripting.executeScript({ target: { tabId: tab.id, allFrames }, files });
        injected++;
      } catch {
        // Tabs we may not script (chrome://, the web store, a revoked host permission) are skipped.
      }
    }
  }
  return injected;
}
