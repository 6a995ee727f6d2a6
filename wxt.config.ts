import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import { MODEL_ASSET_DIR, MODEL_ASSET_FILES } from './lib/empathy/model/assets.ts';
import { PREACT_ALIASES } from './preact-aliases.ts';

// https://wxt.dev/api/config.html
export default defineConfig({
  // ATTUNE_OUT_DIR lets parallel work (a bench, a second checkout's tests) build without emptying .output/.
  outDir: process.env.ATTUNE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  hooks: {
    // The emotion weights ship as extension files the background fetches per language on demand
    // (lib/empathy/model/assets.ts), not inside background.js.
    'build:publicAssets': (_wxt, files) => {
      for (const name of MODEL_ASSET_FILES) {
        files.push({
          absoluteSrc: resolve(import.meta.dirname, 'lib/empathy/model/weights', name),
          relativeDest: `${MODEL_ASSET_DIR}/${name}`,
        });
      }
    },
    // Every UI renders with Preact's React-compatible API: React DOM alone is ~69 KB gzipped. The content
    // script must stay under 120 KB, and the side panel must paint from cache within 150 ms on a slow machine,
    // where parsing React DOM was a large share of it. The component tests use the same aliases (vitest.config.ts).
    'vite:build:extendConfig': (_entrypoints, config) => {
      config.resolve ??= {};
      const existing = config.resolve.alias;
      config.resolve.alias = Array.isArray(existing)
        ? [...PREACT_ALIASES, ...existing]
        : [...PREACT_ALIASES, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }))];
      // zod 4 places `@__PURE__` comments where Rollup cannot use them; Rollup drops the comment and says so on
      // every build (INVALID_ANNOTATION, https://rollupjs.org/configuration-options/#onwarn). The output is
      // correct and a user can do nothing about it, so only that code from node_modules is silenced.
      config.build ??= {};
      config.build.rollupOptions ??= {};
      const onwarn = config.build.rollupOptions.onwarn;
      config.build.rollupOptions.onwarn = (warning, warn) => {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
        if (onwarn) onwarn(warning, warn);
        else warn(warning);
      };
    },
  },
  // Keep the build deterministic and offline: no browser is opened by `wxt build`.
  manifest: ({ browser }) => ({
    name: 'Attune — empathy coach',
    description:
      'On-device empathy coach for customer-service replies, with your own KPIs, feedback and coaching tips.',
    permissions: ['storage', 'alarms', 'scripting', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The hub and self-hosted helpdesks on this machine; other hubs and sites are requested at run time.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['*://*/*'],
    // The coach's shadow-root CSS (entrypoints/coach.content, injected by the background) must also load on sites
    // the agent enables at run time (lib/sites/registration);
    // WXT only lists the static matches. The dynamic URL keeps pages from probing for the extension.
    web_accessible_resources: [
      { resources: ['content-scripts/coach.css'], matches: ['*://*/*'], use_dynamic_url: true },
    ],
    action: { default_title: 'Attune' },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: run-time site enabling asks for these instead.
          optional_permissions: ['*://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'attune@attune.dev',
              strict_min_version: '140.0',
              // Drafts never leave the device; the hub is the team's own server, not ours.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
