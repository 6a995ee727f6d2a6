import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One config, four projects; `npm test` (scripts/test.ts) runs them in order and sums the results.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/dom/setup.ts'],
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
    ],
  },
});
