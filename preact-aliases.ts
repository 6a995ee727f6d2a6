// React → preact/compat, for the build (wxt.config.ts) and the component tests (vitest.config.ts) alike, so the
// tests render with what users get. Preact's guide lists these aliases: https://preactjs.com/guide/v10/getting-started#aliasing-react-to-preact
// Anchored regexes: `react-dom/client` must not be caught by the `react-dom` rule and turned into a bad path.
export const PREACT_ALIASES: { find: RegExp; replacement: string }[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
  // react-i18next imports this CommonJS shim, which only re-exports `React.useSyncExternalStore` when React has
  // it (node_modules/use-sync-external-store/cjs/use-sync-external-store-shim.development.js); preact/compat has
  // it. Named here because the test runner loads CommonJS with Node's require, past the `react` alias above.
  { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
];
