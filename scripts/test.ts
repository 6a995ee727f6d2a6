// `npm test`: every check in order — type-check, lint, unit, component (dom), hub, integration, build,
// real-browser (Chromium), live Firefox — then one summary line. A missing Chromium or Firefox fails with the
// command that installs it; nothing is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, '.attune-test');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const rtUp = resolve(root, '../shared/tools/rt-up.sh');
const only = process.argv.slice(2); // e.g. `npm test -- unit dom`

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
  /** Failed tests ("file › name: first line of the error"), repeated in the summary so a log's tail names them. */
  failures?: string[];
}
const results: StepResult[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(name: string, fn: () => Omit<StepResult, 'name' | 'seconds'>) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n━━ ${name} ━━`);
  const t0 = performance.now();
  const r = fn();
  results.push({ name, seconds: (performance.now() - t0) / 1000, ...r });
}

function command(cmd: string, args: string[]) {
  return () => {
    const ok = run(cmd, args);
    return { ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  };
}

function vitestProject(project: string, env: NodeJS.ProcessEnv = {}) {
  return () => {
    const report = resolve(outDir, `${project}.json`);
    rmSync(report, { force: true });
    const ok = run(
      'npx',
      ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      env,
    );
    if (!existsSync(report)) return { ok: false, passed: 0, failed: 1, skipped: 0, note: 'no report (crashed?)' };
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
      testResults: {
        name: string;
        status: string;
        message?: string;
        assertionResults: { fullName: string; status: string; duration?: number; failureMessages?: string[] }[];
      }[];
    };
    const failures: string[] = [];
    for (const file of json.testResults) {
      const where = relative(root, file.name);
      const failed = file.assertionResults.filter((a) => a.status === 'failed');
      for (const a of failed)
        failures.push(`${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0], a.duration)}`);
      // A file that failed outside any test (import error, hook timeout) has no failed assertion to name.
      if (file.status === 'failed' && failed.length === 0) failures.push(`${where}: ${firstLine(file.message)}`);
    }
    const skipped = json.numPendingTests + json.numTodoTests;
    const none = json.numTotalTests === 0;
    return {
      // A skipped test or an empty project is a failure here: nothing may be skipped silently.
      ok: ok && skipped === 0 && !none,
      passed: json.numPassedTests,
      failed: json.numFailedTests + (none ? 1 : 0),
      skipped,
      note: none ? 'no tests found' : skipped ? 'skipped tests are not allowed' : undefined,
      failures,
    };
  };
}

function firstLine(message: string | undefined, ms?: number) {
  // Vitest's JSON report loses a timeout's message and writes this placeholder instead.
  if (message?.startsWith('Error: STACK_TRACE_ERROR'))
    return `failed after ${((ms ?? 0) / 1000).toFixed(1)} s with no message (a timeout?); see its log above`;
  // Strip ANSI colours; the first non-empty line is the assertion or error message.
  const line = stripVTControlCharacters(message ?? '')
    .split('\n')
    .find((l) => l.trim() !== '');
  return (line ?? 'failed').trim().slice(0, 300);
}

async function rtAnswers() {
  try {
    const r = await fetch('http://127.0.0.1:8085/', { signal: AbortSignal.timeout(3000) });
    return r.status < 500;
  } catch {
    return false;
  }
}

mkdirSync(outDir, { recursive: true });
step('typecheck', command('npx', ['tsc', '--noEmit']));
step('lint', command('npx', ['biome', 'check', '.']));
step('unit', vitestProject('unit'));
step('dom', vitestProject('dom'));

// The RT connector and RT adapter tests need the real Request Tracker on 127.0.0.1:8085.
if ((only.length === 0 || only.includes('hub') || only.includes('e2e')) && !(await rtAnswers())) {
  if (existsSync(rtUp) && process.getuid?.() === 0) {
    console.log(`\nRequest Tracker is not answering on 127.0.0.1:8085; starting it with ${rtUp}`);
    run('bash', [rtUp]);
  } else {
    console.log('\nRequest Tracker is not answering on 127.0.0.1:8085: start it with `bash ../shared/tools/rt-up.sh`');
  }
}
step('hub', vitestProject('hub'));
// Tests that start a real hub from Node (the sync engine against it).
step('integration', vitestProject('integration'));
step('build', command('npx', ['wxt', 'build']));
step('e2e', () => {
  if (!existsSync(chromiumPath)) {
    console.error(
      `\nChromium is missing (${chromiumPath}); the real-browser tests need it. Install it with:\n\n  sudo apt-get install -y chromium\n`,
    );
    return { ok: false, passed: 0, failed: 1, skipped: 0, note: 'Chromium missing: sudo apt-get install -y chromium' };
  }
  const built = results.find((r) => r.name === 'build');
  if (built && !built.ok) return { ok: false, passed: 0, failed: 1, skipped: 0, note: 'build failed' };
  return vitestProject('e2e')();
});
// Live Firefox: the MV2 build, in its own output folder so it never empties the Chromium build e2e loads.
const firefoxOut = '.attune-test/firefox-build';
step('firefox', () => {
  if (!existsSync(firefoxPath)) {
    console.error(
      `\nFirefox is missing (${firefoxPath}); the live Firefox tests need it. Install it with:\n\n  sudo apt-get install -y firefox-esr\n`,
    );
    return {
      ok: false,
      passed: 0,
      failed: 1,
      skipped: 0,
      note: 'Firefox missing: sudo apt-get install -y firefox-esr',
    };
  }
  if (!run('npx', ['wxt', 'build', '-b', 'firefox'], { ATTUNE_OUT_DIR: firefoxOut }))
    return { ok: false, passed: 0, failed: 1, skipped: 0, note: 'wxt build -b firefox failed' };
  return vitestProject('firefox', { ATTUNE_OUT_DIR: firefoxOut })();
});

console.log('\n━━ summary ━━');
for (const r of results) {
  const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(
    `${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(10)} ${counts.padEnd(34)} ${r.seconds.toFixed(1)}s${r.note ? `  (${r.note})` : ''}`,
  );
  for (const f of r.failures ?? []) console.log(`        ✗ ${f}`);
}
const total = results.reduce(
  (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
console.log(
  `\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped; steps: ${results.length - failedSteps.length}/${results.length} passed${failedSteps.length ? ` (failed: ${failedSteps.join(', ')})` : ''}`,
);
process.exit(failedSteps.length ? 1 : 0);
