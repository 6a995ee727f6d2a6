// A tiny static server for the editor test pages: the pages themselves, editors straight from node_modules,
// and the ProseMirror page script bundled with esbuild on start. Used by the e2e tests and bench:inpage.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
/** Only these folders are served. */
const ALLOWED = [
  'tests/e2e/pages/',
  'node_modules/quill/dist/',
  'node_modules/ckeditor4/',
  'node_modules/tinymce/',
  'node_modules/prosemirror-view/style/',
];

export const EDITOR_PAGES = [
  'textarea',
  'contenteditable',
  'prosemirror',
  'quill',
  'ckeditor4',
  'tinymce',
  'shadow',
] as const;
export type EditorPage = (typeof EDITOR_PAGES)[number];

export async function startEditorPages(): Promise<{
  url: string;
  pageUrl(p: EditorPage): string;
  close(): Promise<void>;
}> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'tests/e2e/pages/prosemirror-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const pmScript = bundle.outputFiles[0]?.text ?? '';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://pages.invalid').pathname).replace(/^\/+/, '');
    if (path === 'bundles/prosemirror-page.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] ?? '' });
      res.end(pmScript);
      return;
    }
    const rel = normalize(path);
    if (!ALLOWED.some((a) => rel.startsWith(a)) || rel.includes('..')) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(join(ROOT, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pageUrl: (p) => `${url}/tests/e2e/pages/${p}.html`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
