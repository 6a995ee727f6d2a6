// Elements that may be (or hold) a reply composer: textareas, editable roots and iframes (iframe editors).
// Its own module so the helpdesk scout (entrypoints/helpdesk.content) can use it without the bridges.
export const COMPOSER_CANDIDATES = 'textarea, [contenteditable]:not([contenteditable="false"]), iframe';
