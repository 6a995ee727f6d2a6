// The hub CLI on a PGlite folder: init, create-team/user/token, and `serve --demo` seeding once and
// reusing the demo credentials on the next run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnHub } from './_fixture';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'attune-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (...args: string[]) => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args, '--data', dir], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '' },
  });
  return stdout;
};

describe('hub CLI', () => {
  it('creates a team, a lead and tokens that work against `serve`', async () => {
    expect(await cli('init')).toMatch(/database ready/);
    const team = JSON.parse(await cli('create-team', '--name', 'Support Oslo'));
    const lead = JSON.parse(
      await cli(
        'create-user',
        '--name',
        'Kari',
        '--email',
        'kari@oslo.test',
        '--role',
        'lead',
        '--team',
        'Support Oslo',
      ),
    );
    expect(lead).toMatchObject({ role: 'lead', teamId: team.id });
    const { token } = JSON.parse(await cli('create-token', '--user', 'kari@oslo.test'));
    const integration = JSON.parse(await cli('create-token', '--integration', 'zendesk', '--team', team.id));
    expect(integration.token).toMatch(/^att_/);
    const hub = await spawnHub(['--data', dir], { DATABASE_URL: '' });
    try {
      const me = await fetch(`${hub.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ name: 'Kari', role: 'lead', teamName: 'Support Oslo' });
      // PGlite is single-process: a second opener of the folder is refused instead of corrupting it.
      await expect(cli('create-team', '--name', 'Second')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/in use by another hub process \(pid \d+\)/),
      });
    } finally {
      await hub.stop();
    }
  });

  it('refuses bad usage with a message and exit code 2', async () => {
    await expect(cli('create-user', '--name', 'X', '--email', 'x@y.test', '--role', 'boss')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--role must be agent, lead or admin/),
    });
    await expect(cli('no-such-command')).rejects.toMatchObject({ code: 2 });
  });

  it('issues expiring tokens, bound integration tokens only, and revokes tokens', async () => {
    const { token, expiresAt } = JSON.parse(
      await cli('create-token', '--user', 'kari@oslo.test', '--expires-days', '1'),
    );
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    await expect(cli('create-token', '--integration', 'loose')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--team is required/),
    });
    await expect(cli('revoke-token')).rejects.toMatchObject({ code: 2 });
    const keep = JSON.parse(await cli('create-token', '--user', 'kari@oslo.test'));
    expect(JSON.parse(await cli('revoke-token', '--token', token))).toEqual({ revoked: 1 });
    const hub = await spawnHub(['--data', dir], { DATABASE_URL: '' });
    try {
      const me = (t: string) => fetch(`${hub.url}/api/v1/me`, { headers: { Authorization: `Bearer ${t}` } });
      expect((await me(token)).status).toBe(401);
      expect((await me(keep.token)).status).toBe(200);
    } finally {
      await hub.stop();
    }
  });

  it('seeds the demo only into an empty database and reuses its credentials', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'attune-demo-'));
    try {
      const first = await spawnHub(['--data', demoDir, '--demo'], { DATABASE_URL: '' });
      await first.stop();
      const file = join(demoDir, 'demo-credentials.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const creds = JSON.parse(readFileSync(file, 'utf8'));
      expect(creds.teamName).toBe('Support Stockholm');
      expect(creds.agents.map((a: { email: string }) => a.email)).toEqual([
        'alex.lindqvist@demo.attune.dev',
        'sara.nystrom@demo.attune.dev',
        'jonas.ek@demo.attune.dev',
      ]);
      const second = await spawnHub(['--data', demoDir, '--demo'], { DATABASE_URL: '' });
      try {
        const alex = creds.agents[0].token;
        const fb = await fetch(`${second.url}/api/v1/me/feedback?limit=1000`, {
          headers: { Authorization: `Bearer ${alex}` },
        });
        const body = (await fb.json()) as { items: { channel: string; lang: string }[] };
        expect(body.items.length).toBeGreaterThan(50);
        const team = await fetch(`${second.url}/api/v1/team/kpis?window=90d`, {
          headers: { Authorization: `Bearer ${creds.lead.token}` },
        });
        const kpis = (await team.json()) as { team: { key: string; n: number; value: number | null }[] };
        const byKey = Object.fromEntries(kpis.team.map((k) => [k.key, k]));
        expect(byKey.empathy?.n).toBeGreaterThanOrEqual(300);
        for (const key of ['fcr', 'first_response', 'reopen_rate', 'volume'])
          expect(byKey[key]?.value, key).not.toBeNull();
        expect(new Set(body.items.map((i) => i.lang))).toEqual(new Set(['en', 'sv']));
        const tips = await fetch(`${second.url}/api/v1/me/tips`, { headers: { Authorization: `Bearer ${alex}` } });
        const t = (await tips.json()) as { items: { ack: unknown }[] };
        expect(t.items.length).toBeGreaterThanOrEqual(3);
        expect(t.items.filter((x) => x.ack !== null)).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
