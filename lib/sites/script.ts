// The dynamically registered content script for a site the agent enabled: which built files it runs and how.
// Pure (no storage, no browser calls) so real-browser tests can hand Chromium exactly what the options page does.

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  css?: string[];
  runAt: 'document_idle';
  allFrames: boolean;
  persistAcrossSessions?: boolean;
}

export interface ManifestWithScripts {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/** Where `wxt build` puts entrypoints/helpdesk.content (checked in .output/chrome-mv3/manifest.json). */
export const HELPDESK_CONTENT_SCRIPT = 'content-scripts/helpdesk.js';

/** The built helpdesk content script's files, read from the manifest so a renamed bundle keeps working. */
export function helpdeskScriptFiles(api: { runtime: { getManifest(): ManifestWithScripts } }): {
  js: string[];
  css: string[];
} {
  return scriptFilesOf(api.runtime.getManifest());
}

function scriptFilesOf(manifest: ManifestWithScripts): { js: string[]; css: string[] } {
  const entries = manifest.content_scripts ?? [];
  const entry = entries.find((e) => e.js?.some((f) => f.includes('helpdesk'))) ?? entries[0];
  return { js: entry?.js?.length ? entry.js : [HELPDESK_CONTENT_SCRIPT], css: entry?.css ?? [] };
}

/** A stable registration id per pattern ("https://rt.example.com/*" -> "attune-site-https-rt.example.com"). */
export function scriptIdFor(pattern: string): string {
  return `attune-site-${pattern
    .replace(/\/\*$/, '')
    .replace(/:\/\//, '-')
    .replace(/\*/g, 'any')
    .replace(/[^a-z0-9.-]/gi, '_')}`;
}

/** The registration for one enabled site: the same files the manifest runs on the built-in helpdesks. */
export function contentScriptFor(
  manifest: ManifestWithScripts,
  site: { pattern: string; scriptId: string },
): RegisteredScript {
  const { js, css } = scriptFilesOf(manifest);
  return {
    id: site.scriptId,
    matches: [site.pattern],
    js,
    ...(css.length ? { css } : {}),
    runAt: 'document_idle',
    // CKEditor/TinyMCE iframes are same-origin and reached from the top frame's script.
    allFrames: false,
  };
}
