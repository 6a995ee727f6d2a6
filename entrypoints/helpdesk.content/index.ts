// Content script on helpdesk pages: a scout. It answers the background's liveness ping and waits, cheaply,
// until the page has something that could be a reply composer (a textarea, an editable element, an iframe
// editor, an editor in an open shadow root, or focus in any editable); then it asks the background to inject
// the coach (entrypoints/coach.content) into this frame, once. Pages without a composer pay only for this
// file (the bench's "start-up, page without composer"), not for the engine and the UI.
import { COMPOSER_CANDIDATES as CANDIDATES } from '../../lib/editors/candidates';
import { isMessage, LOAD_COACH, PING, PONG } from '../../lib/messaging';
import { DEFAULT_MATCHES } from '../../lib/sites/matches';

/** Whether `root` or anything under it, including open shadow roots, may hold a composer. */
function mayHoldComposer(root: ParentNode): boolean {
  if (root instanceof Element && root.matches(CANDIDATES)) return true;
  if (root.querySelector(CANDIDATES)) return true;
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot && mayHoldComposer(el.shadowRoot)) return true;
  return false;
}

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // The background pings open tabs when its worker starts and re-injects where nobody answers (orphans).
    const onPing = (message: unknown) => (isMessage(message, PING) ? Promise.resolve(PONG) : undefined);
    browser.runtime.onMessage.addListener(onPing);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onPing));

    let requested = false;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' || [...r.addedNodes].some((n) => n instanceof Element && mayHoldComposer(n))) {
          load();
          return;
        }
      }
    });
    const onFocusIn = (e: FocusEvent) => {
      const target = e.composedPath()[0];
      if (target instanceof HTMLElement && (target.isContentEditable || target.matches(CANDIDATES))) load();
    };
    const stop = () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn, true);
    };
    function load() {
      if (requested || ctx.isInvalid) return;
      requested = true;
      stop();
      // No answer (the background was restarting) or a failed injection: try again on the next sign of a composer.
      const retry = () => {
        requested = false;
        watch();
      };
      browser.runtime.sendMessage(LOAD_COACH).then((loaded) => {
        if (loaded !== true) retry();
      }, retry);
    }
    function watch() {
      observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['contenteditable'],
      });
      document.addEventListener('focusin', onFocusIn, true);
    }
    ctx.onInvalidated(stop);
    if (mayHoldComposer(document)) load();
    else watch();
  },
});
