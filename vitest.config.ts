import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { PREACT_ALIASES } from './preact-aliases.ts';

// One config, several projects; `npm test` (scripts/test.ts) runs them in order and sums the results.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [WxtVitest()],
        // Render with Preact, as the build does (wxt.config.ts): the tests check what users get. `module` first:
        // @testing-library/react's `main` is CommonJS, whose require('react-dom') would escape the aliases.
        resolve: { alias: PREACT_ALIASES, mainFields: ['module', 'main'] },
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/dom/setup.ts'],
          // Vitest loads node_modules with Node's own import, past the aliases: these import React themselves,
          // so they go through Vite too, or they would render our Preact elements with a second React.
          server: {
            deps: {
              inline: [
                /@testing-library\/react/,
                /react-i18next/,
                /dexie-react-hooks/,
                /@tanstack\/react-virtual/,
                /zustand/,
              ],
            },
          },
          // How long a polled expectation may take to come true (not a speed check): room for a loaded machine.
          expect: { poll: { timeout: 5000 } },
        },
      },
      {
        // Hub tests talk to PGlite and to the PostgreSQL on 127.0.0.1:5432.
        test: {
          name: 'hub',
          include: ['tests/hub/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Real Chromium with the built extension (.output/chrome-mv3); run after `wxt build`.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A real browser on a shared 2-core machine: polled expectations get 10 s to come true.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // Tests that start a real hub (in-memory PGlite) from Node, without a browser.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Live Firefox (firefox-esr over WebDriver BiDi) with the built MV2 add-on; run after `wxt build -b firefox`.
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
