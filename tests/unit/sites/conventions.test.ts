// Conventions for site adapters (one file per helpdesk, dated selectors, a fixture each): every adapter file in lib/sites/ is registered in
// index.ts, has a non-empty tests/fixtures/<id>/ of saved pages, and has a test that imports it and loads one
// of those pages by name. A missing or empty fixture folder fails here.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHES, siteAdapters } from '../../../lib/sites';
import type { SiteAdapter } from '../../../lib/sites/types';

const ROOT = resolve(import.meta.dirname, '../../..');

interface Layout {
  sitesDir: string;
  fixturesDir: string;
  testsDir: string;
}

/** A source file is an adapter when it declares a `SiteAdapter`-typed constant. */
const ADAPTER_DECLARATION = /\bconst\s+\w+\s*:\s*SiteAdapter\s*=/;

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? [...out, ...walk(path)] : [...out, path];
  }
  return out;
}

function adapterFiles({ sitesDir }: Layout): string[] {
  return readdirSync(sitesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .filter((f) => ADAPTER_DECLARATION.test(readFileSync(join(sitesDir, f), 'utf8')))
    .sort();
}

/** Every convention broken by the adapter in `file` whose runtime id is `id`; [] when it follows them all. */
function conventionProblems(layout: Layout, file: string, id: string): string[] {
  const problems: string[] = [];
  const module = basename(file, '.ts');
  const index = readFileSync(join(layout.sitesDir, 'index.ts'), 'utf8');
  if (!index.includes(`from './${module}'`)) problems.push(`${file}: not imported by lib/sites/index.ts`);

  const fixtureDir = join(layout.fixturesDir, id);
  let pages: string[] = [];
  try {
    pages = readdirSync(fixtureDir).filter((f) => /\.html?$/.test(f) && statSync(join(fixtureDir, f)).size > 0);
  } catch {
    problems.push(`${file}: fixture folder tests/fixtures/${id}/ is missing`);
    return problems;
  }
  if (pages.length === 0) {
    problems.push(`${file}: tests/fixtures/${id}/ holds no saved page (.html)`);
    return problems;
  }
  const tests = walk(layout.testsDir).filter((f) => /\.test\.tsx?$/.test(f));
  const loading = tests.filter((t) => {
    const src = readFileSync(t, 'utf8');
    const importsAdapter = new RegExp(`lib/sites/${module}['"]`).test(src);
    return importsAdapter && src.includes(id) && pages.some((p) => src.includes(p));
  });
  if (loading.length === 0) {
    problems.push(`${file}: no test imports it and loads a page from tests/fixtures/${id}/ by name`);
  }
  return problems;
}

function isAdapter(value: unknown): value is SiteAdapter {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as SiteAdapter).id === 'string' &&
    typeof (value as SiteAdapter).detect === 'function'
  );
}

const repo: Layout = {
  sitesDir: join(ROOT, 'lib/sites'),
  fixturesDir: join(ROOT, 'tests/fixtures'),
  testsDir: join(ROOT, 'tests'),
};

describe('site adapter conventions', () => {
  const files = adapterFiles(repo);

  it('finds the adapters (the scan itself works)', () => {
    expect(files).toEqual(expect.arrayContaining(['generic.ts', 'request-tracker.ts']));
  });

  it.each(files)('%s is registered, has saved pages, and a test that loads them', async (file) => {
    const mod: Record<string, unknown> = await import(join(repo.sitesDir, file));
    const exported = [...new Set(Object.values(mod).filter(isAdapter))];
    expect(exported, `${file} exports no SiteAdapter`).toHaveLength(1);
    const adapter = exported[0] as SiteAdapter;
    expect(siteAdapters, `${file}'s adapter is not in siteAdapters`).toContain(adapter);
    expect(conventionProblems(repo, file, adapter.id)).toEqual([]);
  });

  it.each(files.filter((f) => f !== 'generic.ts'))(
    '%s keeps its selectors as named constants with the date each was seen',
    async (file) => {
      const mod: Record<string, unknown> = await import(join(repo.sitesDir, file));
      const tables = Object.entries(mod).filter(([name]) => /_SELECTORS$/.test(name));
      expect(tables.length, `${file} exports no *_SELECTORS table`).toBeGreaterThan(0);
      const dated = tables.flatMap(([, table]) =>
        Object.values(table as Record<string, unknown>)
          .filter(Array.isArray)
          .flat(),
      ) as Array<{ selector?: unknown; seen?: unknown; source?: unknown }>;
      expect(dated.length).toBeGreaterThan(0);
      const selectorCheck = new JSDOM('<p></p>').window.document;
      const tables2 = tables.map(([, t]) => Object.values(t as Record<string, unknown>));
      // Every entry of every table is a dated selector: no bare strings that escape the date and source.
      for (const values of tables2)
        for (const v of values) expect(Array.isArray(v), `${file}: ${String(v)}`).toBe(true);
      for (const entry of dated) {
        expect(typeof entry.selector, JSON.stringify(entry)).toBe('string');
        expect(String(entry.seen), JSON.stringify(entry)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(String(entry.seen))), JSON.stringify(entry)).toBe(false);
        // Where it was seen: a URL, a saved page, a live instance, or an honest "unattributed"/"UNVERIFIED".
        expect(typeof entry.source === 'string' && entry.source.trim().length >= 8, JSON.stringify(entry)).toBe(true);
        // And it is a selector a browser accepts (a typo would silently match nothing forever).
        expect(() => selectorCheck.querySelector(String(entry.selector)), String(entry.selector)).not.toThrow();
      }
    },
  );

  it.each(files.filter((f) => f !== 'generic.ts'))(
    '%s hands its selector table and health keys to site health, and its fixtures say where they come from',
    async (file) => {
      const mod: Record<string, unknown> = await import(join(repo.sitesDir, file));
      const adapter = Object.values(mod).find(isAdapter) as SiteAdapter;
      const table = Object.entries(mod).find(([name]) => /_SELECTORS$/.test(name))?.[1];
      // Site health counts the adapter's own table and decides "stale" from its health keys.
      expect(adapter.selectors, `${file}: selectors is not its *_SELECTORS table`).toBe(table);
      expect(adapter.healthKeys?.length, `${file}: no healthKeys`).toBeGreaterThan(0);
      for (const key of adapter.healthKeys ?? []) expect(Object.keys(adapter.selectors ?? {})).toContain(key);
      // Every saved page opens with a comment saying whether it was captured or built, from what, and when,
      // unless the folder says it for all of them (a README, or the script that captured them).
      const dir = join(repo.fixturesDir, adapter.id);
      const folderSays = readdirSync(dir).some((f) => f === 'README.md' || f === 'capture.ts');
      for (const page of folderSays ? [] : readdirSync(dir).filter((f) => /\.html?$/.test(f))) {
        const head = readFileSync(join(dir, page), 'utf8').slice(0, 3000);
        expect(head, `${adapter.id}/${page} has no header comment`).toMatch(/<!--[\s\S]*?\d{4}-\d{2}-\d{2}[\s\S]*?-->/);
      }
    },
  );

  it('registers no adapter without a file of its own, with unique ids, generic last', () => {
    const ids = siteAdapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('generic');
    expect(siteAdapters.length).toBe(files.length);
  });

  it("covers every adapter's static matches in DEFAULT_MATCHES (the manifest's content-script matches)", () => {
    for (const adapter of siteAdapters) {
      for (const pattern of adapter.matches) expect(DEFAULT_MATCHES, `${adapter.id}: ${pattern}`).toContain(pattern);
    }
  });
});

describe('the conventions check fails when it should', () => {
  function scratch(): Layout & { cleanup(): void } {
    const dir = mkdtempSync(join(tmpdir(), 'attune-conventions-'));
    const layout = {
      sitesDir: join(dir, 'lib/sites'),
      fixturesDir: join(dir, 'tests/fixtures'),
      testsDir: join(dir, 'tests'),
    };
    mkdirSync(layout.sitesDir, { recursive: true });
    mkdirSync(join(layout.testsDir, 'dom'), { recursive: true });
    writeFileSync(
      join(layout.sitesDir, 'acme.ts'),
      "import type { SiteAdapter } from './types';\nexport const acmeAdapter: SiteAdapter = {} as never;\n",
    );
    writeFileSync(join(layout.sitesDir, 'dom.ts'), 'export const helper = 1;\n');
    writeFileSync(join(layout.sitesDir, 'index.ts'), "import { acmeAdapter } from './acme';\n");
    return { ...layout, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const goodTest = "import { acmeAdapter } from '../../lib/sites/acme';\nloadFixture('acme', 'ticket.html');\n";

  it('treats only files declaring a SiteAdapter as adapters', () => {
    const s = scratch();
    try {
      expect(adapterFiles(s)).toEqual(['acme.ts']);
    } finally {
      s.cleanup();
    }
  });

  it.each([
    {
      name: 'a missing fixture folder',
      setup: (s: Layout) => writeFileSync(join(s.testsDir, 'dom/acme.test.ts'), goodTest),
      problem: 'acme.ts: fixture folder tests/fixtures/acme/ is missing',
    },
    {
      name: 'an empty fixture folder',
      setup: (s: Layout) => {
        mkdirSync(join(s.fixturesDir, 'acme'), { recursive: true });
        writeFileSync(join(s.fixturesDir, 'acme/README.md'), 'pages go here');
        writeFileSync(join(s.testsDir, 'dom/acme.test.ts'), goodTest);
      },
      problem: 'acme.ts: tests/fixtures/acme/ holds no saved page (.html)',
    },
    {
      name: 'fixtures no test loads',
      setup: (s: Layout) => {
        mkdirSync(join(s.fixturesDir, 'acme'), { recursive: true });
        writeFileSync(join(s.fixturesDir, 'acme/ticket.html'), '<p>hi</p>');
        writeFileSync(join(s.testsDir, 'dom/acme.test.ts'), "import { acmeAdapter } from '../../lib/sites/acme';\n");
      },
      problem: 'acme.ts: no test imports it and loads a page from tests/fixtures/acme/ by name',
    },
    {
      name: 'an adapter missing from index.ts',
      setup: (s: Layout) => {
        writeFileSync(join(s.sitesDir, 'index.ts'), '// nothing registered\n');
        mkdirSync(join(s.fixturesDir, 'acme'), { recursive: true });
        writeFileSync(join(s.fixturesDir, 'acme/ticket.html'), '<p>hi</p>');
        writeFileSync(join(s.testsDir, 'dom/acme.test.ts'), goodTest);
      },
      problem: 'acme.ts: not imported by lib/sites/index.ts',
    },
  ])('reports $name', ({ setup, problem }) => {
    const s = scratch();
    try {
      setup(s);
      expect(conventionProblems(s, 'acme.ts', 'acme')).toEqual([problem]);
    } finally {
      s.cleanup();
    }
  });

  it('passes a complete adapter', () => {
    const s = scratch();
    try {
      mkdirSync(join(s.fixturesDir, 'acme'), { recursive: true });
      writeFileSync(join(s.fixturesDir, 'acme/ticket.html'), '<p>hi</p>');
      writeFileSync(join(s.testsDir, 'dom/acme.test.ts'), goodTest);
      expect(conventionProblems(s, 'acme.ts', 'acme')).toEqual([]);
    } finally {
      s.cleanup();
    }
  });
});
