// npm run bench:empathy — p50/p99 timings of the empathy engine and the size of what the content script
// ships (engine + English pack, gzipped) and of each on-demand pack.
// Targets: analyzeDraft p50 <= 0.3 ms at 2,000 chars and <= 5 ms at 30,000 chars; analyzeMessage p50
// <= 0.5 ms at 1,000 chars including the emotion model (lib/empathy/model/); engine + one pack <= 40 KB
// gzipped. Also prints the model weights' sizes (they load on demand, never inside the content script).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  analyzeDraft,
  analyzeMessage,
  availableLanguagePacks,
  emotionModelFor,
  loadAllLanguagePacks,
} from '../lib/empathy';
import type { Lang } from '../lib/empathy/types';

const root = join(import.meta.dirname, '..');

const DRAFT_SENTENCES: Record<Lang, string[]> = {
  en: [
    "Hi Sarah, I'm really sorry you've had to contact us again about your broadband.",
    'I can see the connection has been dropping every evening since Monday, and that must be frustrating.',
    "I've booked an engineer for Thursday morning and added a £20 credit to your account.",
    "As I already said, unfortunately we can't come out any sooner because of the SLA.",
    "I'll check in with you on Friday to make sure everything is working.",
    'Could you tell me whether the lights on the router are white or orange?',
  ],
  sv: [
    'Hej Sara, förlåt att du har behövt höra av dig igen om ditt bredband.',
    'Jag ser att uppkopplingen har gått ner varje kväll sedan måndag, och det måste vara frustrerande.',
    'Jag har bokat en tekniker till torsdag förmiddag och lagt in en kreditering på 200 kr.',
    'Som jag redan sa kan vi tyvärr inte komma tidigare på grund av vår SLA.',
    'Jag hör av mig till dig på fredag för att se att allt fungerar.',
    'Kan du berätta om lamporna på routern lyser vitt eller orange?',
  ],
  nb: [],
  da: [],
  fi: [],
};

const CUSTOMER: Record<Lang, string> = {
  en: "This is the THIRD time I'm contacting you about my broadband and it's STILL not working!!! I work from home and I'm losing money. If it isn't fixed this week I'm switching provider.",
  sv: 'Det här är TREDJE gången jag kontaktar er om mitt bredband och det fungerar FORTFARANDE inte!!! Jag jobbar hemifrån och förlorar pengar. Fixar ni det inte den här veckan byter jag operatör.',
  nb: '',
  da: '',
  fi: '',
};

function textOf(sentences: string[], chars: number): string {
  let out = '';
  let i = 0;
  while (out.length < chars) {
    out += `${sentences[i % sentences.length]} `;
    if (i % 6 === 5) out += '\n\n';
    i++;
  }
  return out.slice(0, chars);
}

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

function time(label: string, iterations: number, fn: (i: number) => void): { p50: number; p99: number } {
  for (let i = 0; i < Math.min(200, iterations); i++) fn(i); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  console.log(`  ${label.padEnd(44)} p50 ${p50.toFixed(3).padStart(7)} ms   p99 ${p99.toFixed(3).padStart(7)} ms`);
  return { p50, p99 };
}

await loadAllLanguagePacks();
console.log('Empathy engine timings (each call on a slightly different draft, as when typing):');
const results: string[] = [];
for (const lang of ['en', 'sv'] as const) {
  const customer = analyzeMessage(CUSTOMER[lang], { lang });
  const draft2k = textOf(DRAFT_SENTENCES[lang], 2000);
  const draft30k = textOf(DRAFT_SENTENCES[lang], 30000);
  const message1k = textOf([CUSTOMER[lang]], 1000);
  // Typing changes the text each time; vary the last characters so no cache can short-cut the work.
  const d2 = time(`${lang} analyzeDraft 2,000 chars`, 3000, (i) => {
    analyzeDraft(`${draft2k.slice(0, 1990)}${i}`, {
      customer,
      customerText: CUSTOMER[lang],
      channel: 'email',
      customerName: 'Sara',
    });
  });
  const d30 = time(`${lang} analyzeDraft 30,000 chars`, 300, (i) => {
    analyzeDraft(`${draft30k.slice(0, 29990)}${i}`, { customer, customerText: CUSTOMER[lang], channel: 'email' });
  });
  // Cold: two unrelated drafts in turn, so nothing can be reused from the previous call.
  const rotated = [...DRAFT_SENTENCES[lang].slice(3), ...DRAFT_SENTENCES[lang].slice(0, 3)];
  const other2k = textOf(rotated, 2000);
  const other30k = textOf(rotated, 30000);
  const c2 = time(`${lang} analyzeDraft 2,000 chars, cold`, 3000, (i) => {
    analyzeDraft(i % 2 ? draft2k : other2k, { customer, customerText: CUSTOMER[lang], channel: 'email' });
  });
  const c30 = time(`${lang} analyzeDraft 30,000 chars, cold`, 300, (i) => {
    analyzeDraft(i % 2 ? draft30k : other30k, { customer, customerText: CUSTOMER[lang], channel: 'email' });
  });
  if (!emotionModelFor(lang)) console.log(`  (no emotion model loaded for ${lang}: timings are rules only)`);
  const m1 = time(`${lang} analyzeMessage 1,000 chars (rules + model)`, 3000, (i) => {
    analyzeMessage(`${message1k.slice(0, 990)}${i}`, { lang });
  });
  const mRules = time(`${lang} analyzeMessage 1,000 chars, rules only`, 3000, (i) => {
    analyzeMessage(`${message1k.slice(0, 990)}${i}`, { lang, rulesOnly: true });
  });
  const mAuto = time(`${lang} analyzeMessage 1,000 chars, language detected`, 3000, (i) => {
    analyzeMessage(`${message1k.slice(0, 990)}${i}`);
  });
  results.push(
    `${lang}: analyzeDraft 2k p50 ${d2.p50.toFixed(3)} ms (target <= 0.3) ${d2.p50 <= 0.3 ? 'OK' : 'OVER'}; ` +
      `30k p50 ${d30.p50.toFixed(3)} ms (target <= 5) ${d30.p50 <= 5 ? 'OK' : 'OVER'}; ` +
      `analyzeMessage 1k p50 ${m1.p50.toFixed(3)} ms incl. model (target <= 0.5) ${m1.p50 <= 0.5 ? 'OK' : 'OVER'} ` +
      `(rules only ${mRules.p50.toFixed(3)} ms, with detection ${mAuto.p50.toFixed(3)} ms); ` +
      `cold drafts (no reuse): 2k ${c2.p50.toFixed(3)} ms, ` +
      `30k ${c30.p50.toFixed(3)} ms`,
  );
}

// Size: bundle the engine as a content script would (esbuild, minified) and gzip it.
// - lib/empathy/core: engine + English, no other pack reachable (packs come from setLanguagePackSource).
// - lib/empathy with code splitting: the entry chunk is engine + English; each pack is its own chunk.
const out = mkdtempSync(join(tmpdir(), 'attune-empathy-bundle-'));
const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
try {
  console.log('\nBundle (esbuild --minify, gzip -9):');
  const core = await build({
    entryPoints: [join(root, 'lib/empathy/core.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const coreBytes = core.outputFiles[0]?.contents ?? new Uint8Array();
  const coreGz = gz(coreBytes);
  console.log(
    `  ${'lib/empathy/core (engine + en)'.padEnd(44)} ${kb(coreBytes.length).padStart(9)}   gzip ${kb(coreGz).padStart(8)}`,
  );
  await build({
    entryPoints: [join(root, 'lib/empathy/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: out,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const { readFileSync } = await import('node:fs');
  let main = 0;
  for (const file of readdirSync(out).sort((a, b) =>
    a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b),
  )) {
    const bytes = readFileSync(join(out, file));
    const size = gz(bytes);
    const label = file === 'index.js' ? 'lib/empathy entry chunk (engine + en)' : `  on-demand chunk ${file}`;
    if (file === 'index.js') main = size;
    console.log(`  ${label.padEnd(44)} ${kb(bytes.length).padStart(9)}   gzip ${kb(size).padStart(8)}`);
  }
  for (const lang of availableLanguagePacks()) {
    const r = await build({
      entryPoints: [join(root, `lib/empathy/packs/${lang}.ts`)],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const bytes = r.outputFiles[0]?.contents ?? new Uint8Array();
    console.log(
      `  ${`pack ${lang} alone`.padEnd(44)} ${kb(bytes.length).padStart(9)}   gzip ${kb(gz(bytes)).padStart(8)}`,
    );
  }
  results.push(
    `engine + en pack gzipped: core ${kb(coreGz)}, split entry chunk ${kb(main)} (target <= 40 KB) ${
      Math.max(coreGz, main) <= 40 * 1024 ? 'OK' : 'OVER'
    }`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log('\nEmotion model weights (lib/empathy/model/weights/, loaded on demand):');
{
  const { readFileSync } = await import('node:fs');
  const sizes: string[] = [];
  for (const lang of ['en', 'sv', 'nb', 'da', 'fi'] as const) {
    try {
      const bytes = readFileSync(join(root, `lib/empathy/model/weights/${lang}.json`));
      console.log(`  ${`${lang}.json`.padEnd(44)} ${kb(bytes.length).padStart(9)}   gzip ${kb(gz(bytes)).padStart(8)}`);
      sizes.push(`${lang} ${kb(bytes.length)} (gzip ${kb(gz(bytes))})`);
    } catch {
      console.log(`  ${`${lang}.json`.padEnd(44)} missing`);
    }
  }
  results.push(`model weights: ${sizes.join(', ')}`);
}

console.log('\nSummary:');
for (const r of results) console.log(`  ${r}`);
