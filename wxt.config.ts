import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // ATTUNE_OUT_DIR lets parallel work (a bench, a second checkout's tests) build without emptying .output/.
  outDir: process.env.ATTUNE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  hooks: {
    // Every UI renders with Preact's React-compatible API: React DOM alone is ~69 KB gzipped. The content
    // script must stay under 120 KB (issue #4), and the side panel must paint from cache within 150 ms on a
    // slow machine, where parsing React DOM was a large share of it (issue #7). Tests run against React.
    'vite:build:extendConfig': (_entrypoints, config) => {
      const alias = [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
      ];
      config.resolve ??= {};
      const existing = config.resolve.alias;
      config.resolve.alias = Array.isArray(existing)
        ? [...alias, ...existing]
        : [...alias, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }))];
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
