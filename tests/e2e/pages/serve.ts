// A tiny static server for the editor test pages: the pages themselves, editors straight from node_modules,
// and the page scripts of editors that need bundling (ProseMirror, CKEditor 5, Lexical, Slate, Draft.js, Trix,
// roosterjs, Tiptap) built with esbuild on first request. Used by the e2e tests and bench:inpage.
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
  'node_modules/tinymce7/',
  'node_modules/ckeditor5/dist/ckeditor5.css',
  'node_modules/draft-js/dist/Draft.css',
  'node_modules/trix/dist/trix.css',
  'node_modules/jquery/dist/',
  'node_modules/summernote/dist/',
];

/** Page scripts bundled on first request: /bundles/<name>.js from tests/e2e/pages/<file>. */
const BUNDLES: Record<string, string> = {
  'prosemirror-page': 'prosemirror-page.ts',
  'ckeditor5-page': 'ckeditor5-page.ts',
  'lexical-page': 'lexical-page.ts',
  'slate-page': 'slate-page.tsx',
  'draftjs-page': 'draftjs-page.tsx',
  'trix-page': 'trix-page.ts',
  'roosterjs-page': 'roosterjs-page.ts',
  'tiptap-page': 'tiptap-page.ts',
  'bridge-read': 'bridge-read.ts',
};

/** One page per editor; each exposes window.attuneTest (test-api.ts). */
export const EDITOR_PAGES = [
  'textarea',
  'contenteditable',
  'prosemirror',
  'quill',
  'ckeditor4',
  'tinymce',
  'shadow',
  'ckeditor5',
  'slate',
  'lexical',
  'draftjs',
  'trix',
  'summernote',
  'roosterjs',
  'tinymce7',
  'tinymce7-inline',
  'tiptap',
] as const;
export type EditorPage = (typeof EDITOR_PAGES)[number];

export async function startEditorPages(): Promise<{
  url: string;
  /** A page's URL; `query` (e.g. '?trap=throws') selects a page's variant. */
  pageUrl(p: EditorPage | 'blank', query?: string): string;
  close(): Promise<void>;
}> {
  const bundles = new Map<string, Promise<string>>();
  const bundle = (file: string) => {
    let out = bundles.get(file);
    if (!out) {
      out = build({
        entryPoints: [join(ROOT, 'tests/e2e/pages', file)],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'chrome120',
        jsx: 'automatic',
        // Editors read NODE_ENV for their production builds; Draft.js still reads `global`.
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
        logLevel: 'silent',
      }).then((r) => r.outputFiles.find((f) => !f.path.endsWith('.css'))?.text ?? '');
      bundles.set(file, out);
    }
    return out;
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://pages.invalid').pathname).replace(/^\/+/, '');
    const bundled = /^bundles\/([\w-]+)\.js$/.exec(path)?.[1];
    const file = bundled ? BUNDLES[bundled] : undefined;
    if (file) {
      try {
        const text = await bundle(file);
        res.writeHead(200, { 'content-type': TYPES['.js'] ?? '' });
        res.end(text);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
      }
      return;
    }
    const rel = normalize(path);
    if (!ALLOWED.some((a) => rel.startsWith(a)) || rel.includes('..') || /\.tsx?$/.test(rel)) {
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
    pageUrl: (p, query = '') => `${url}/tests/e2e/pages/${p}.html${query}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
