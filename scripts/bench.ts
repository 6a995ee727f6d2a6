// `npm run bench`: every benchmark in turn (engine, hub, in-page, panel); each prints its own table.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const benches = ['bench:empathy', 'bench:hub', 'bench:inpage', 'bench:panel'];
const failed: string[] = [];
for (const b of benches) {
  console.log(`\n━━ npm run ${b} ━━`);
  const r = spawnSync('npm', ['run', '--silent', b], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed.push(b);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
