// Content script on helpdesk pages: a scout. It answers the background's liveness ping and waits, cheaply,
// until the agent turns to something that could be a reply composer — focuses it, or points at it (a textarea,
// an editable element, an iframe editor, an editor in an open shadow root) — and then asks the background to
// inject the coach (entrypoints/coach.content) into this frame, once. Loading on intent rather than on sight
// keeps the coach's start-up (evaluating its bundle, compiling the language pack, mounting the chip: ~100 ms
// of main thread on the bench's 2-core machine, scripts/profile-inpage.ts) out of every helpdesk page load;
// the pointer reaching the composer gives it a head start before the click, and it is ready within a few
// frames of the focus (bench:inpage, "pointer reaches the composer -> chip"). Pages without a composer pay only for this file.
import { COMPOSER_CANDIDATES as CANDIDATES } from '../../lib/editors/candidates';
import { isMessage, LOAD_COACH, PING, PONG } from '../../lib/messaging';
import { DEFAULT_MATCHES } from '../../lib/sites/matches';

/** The innermost focused element, through open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Whether `el` may be (or be inside) a composer: a candidate, or any element of an editable region. */
function mayBeComposer(el: EventTarget | null | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (!el.matches(CANDIDATES)) return false;
  // Most iframes are not editors (ads, embeds): only one whose document is editable (CKEditor 4, TinyMCE); a
  // cross-origin frame gets its own scout.
  if (el.tagName !== 'IFRAME') return true;
  try {
    const doc = (el as HTMLIFrameElement).contentDocument;
    return !!doc && (doc.designMode === 'on' || !!doc.body?.isContentEditable);
  } catch {
    return false;
  }
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
    // The event's own target, inside open shadow roots too.
    const onIntent = (e: Event) => {
      if (mayBeComposer(e.composedPath()[0])) load();
    };
    // Focus moving into an iframe editor (CKEditor 4, TinyMCE) fires no focusin here, only the window's blur,
    // with the iframe as the active element.
    const onBlur = (e: Event) => {
      if (e.target === window && mayBeComposer(deepActiveElement(document))) load();
    };
    const events = ['focusin', 'pointerover', 'pointerdown'] as const;
    const stop = () => {
      for (const type of events) document.removeEventListener(type, onIntent, true);
      window.removeEventListener('blur', onBlur, true);
    };
    function load() {
      if (requested || ctx.isInvalid) return;
      requested = true;
      stop();
      // No answer (the background was restarting) or a failed injection: try again on the next sign of intent.
      const retry = () => {
        requested = false;
        watch();
      };
      browser.runtime.sendMessage(LOAD_COACH).then((loaded) => {
        if (loaded !== true) retry();
      }, retry);
    }
    function watch() {
      for (const type of events) document.addEventListener(type, onIntent, { capture: true, passive: true });
      window.addEventListener('blur', onBlur, true);
    }
    ctx.onInvalidated(stop);
    // A composer that already has the focus (autofocus, or the page restored it) is in use now.
    if (mayBeComposer(deepActiveElement(document))) load();
    else watch();
  },
});
