// The background's part of the page-world bridge: a content script asks (PAGE_WORLD with a nonce it made) and
// the background runs attunePageWorld in that frame's page world, the way it injects the coach itself.
//
//   browser.runtime.onMessage.addListener((m, sender) => injectPageWorld(browser, m, sender));
import { PAGE_WORLD } from './page-channel';
import { attunePageWorld } from './page-world';
import { isMessage } from './reinject';

export interface PageInjectApis {
  scripting: {
    // biome-ignore lint/suspicious/noExplicitAny: browser.scripting's overloaded generic signature must fit here
    executeScript(injection: any): Promise<unknown>;
  };
}

/** The promise of `true` once injected, or undefined when `message` is not a page-world request. */
export function injectPageWorld(
  apis: PageInjectApis,
  message: unknown,
  sender: { tab?: { id?: number }; frameId?: number },
): Promise<boolean> | undefined {
  if (!isMessage(message, PAGE_WORLD)) return undefined;
  const nonce = (message as { nonce?: unknown }).nonce;
  const tabId = sender.tab?.id;
  if (tabId === undefined || typeof nonce !== 'string' || !/^[0-9a-f]{32}$/.test(nonce)) return Promise.resolve(false);
  return apis.scripting
    .executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      world: 'MAIN',
      func: attunePageWorld,
      args: [nonce],
    })
    .then(
      () => true,
      () => false,
    );
}
