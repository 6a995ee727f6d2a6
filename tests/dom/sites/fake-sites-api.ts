// A stand-in for browser.permissions / scripting / runtime that records what the options page asked for.
import type { RegisteredScript, SitesBrowserApi } from '../../../lib/sites/registration';

export interface FakeSitesApi extends SitesBrowserApi {
  granted: Set<string>;
  registered: Map<string, RegisteredScript>;
  requests: string[][];
  /** What the permission prompt answers. */
  answer: boolean | Error;
  /** Reject `persistAcrossSessions: true` like Firefox does. */
  sessionOnly: boolean;
}

export function fakeSitesApi(
  manifestScripts = [{ js: ['content-scripts/helpdesk.js'], css: ['content-scripts/helpdesk.css'] }],
): FakeSitesApi {
  const api: FakeSitesApi = {
    granted: new Set(),
    registered: new Map(),
    requests: [],
    answer: true,
    sessionOnly: false,
    permissions: {
      async request({ origins }) {
        api.requests.push(origins);
        if (api.answer instanceof Error) throw api.answer;
        if (api.answer) for (const o of origins) api.granted.add(o);
        return api.answer;
      },
      async remove({ origins }) {
        for (const o of origins) api.granted.delete(o);
        return true;
      },
      async contains({ origins }) {
        return origins.every((o) => api.granted.has(o));
      },
    },
    scripting: {
      async registerContentScripts(scripts) {
        for (const s of scripts) {
          if (api.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          if (api.sessionOnly && s.persistAcrossSessions) throw new Error('persistAcrossSessions is not supported');
          if (!s.matches.every((m) => api.granted.has(m))) throw new Error('Missing host permission');
          api.registered.set(s.id, s);
        }
      },
      async unregisterContentScripts(filter) {
        for (const id of filter?.ids ?? [...api.registered.keys()]) api.registered.delete(id);
      },
      async getRegisteredContentScripts(filter) {
        return [...api.registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
      },
    },
    runtime: { getManifest: () => ({ content_scripts: manifestScripts }) },
  };
  return api;
}
