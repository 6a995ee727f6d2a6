// `npm run hub -- connect zendesk …`, `sync`, `status` and `hook-secret` as a person runs them (a child
// process on a PGlite folder) against the Zendesk stub: the first sync runs on connect, status shows the
// cursor, last run, errors and unmatched agents, and no secret appears in anything printed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnHub } from './_fixture';
import { audit, child, startZendeskStub, type ZendeskStub } from './stubs/zendesk';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const TOKEN = 'cli-zd-token-3c9e1f';
const HOOK_SECRET = 'cli-webhook-signing-secret-77aa';

describe('connector CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-conn-cli-'));
  let stub: ZendeskStub;
  const printed: string[] = [];
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'server/cli.ts', ...args, '--data', dir],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: '' },
        },
      );
      printed.push(stdout, stderr);
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      printed.push(e.stdout, e.stderr);
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    stub = await startZendeskStub({ email: 'bot@acme.test', token: TOKEN });
    stub.users.set(1, { id: 1, email: 'c@client.test', role: 'end-user', name: 'C' });
    stub.users.set(2, { id: 2, email: 'alex@acme.test', role: 'agent', name: 'Alex' });
    stub.users.set(3, { id: 3, email: 'nohub@acme.test', role: 'agent', name: 'Not in the hub' });
    const t0 = Date.UTC(2026, 5, 1) / 1000;
    stub.audits.push(
      audit(1, t0, 1, [child.create()]),
      audit(1, t0 + 60, 2, [child.comment(2, true, 'Hi')]),
      audit(1, t0 + 90, 3, [child.comment(3, true, 'Hello too')]),
      audit(1, t0 + 120, 2, [child.status('open', 'solved')]),
    );
    stub.sort();
    writeFileSync(join(dir, 'zd.token'), `${TOKEN}\n`, { mode: 0o600 });
    writeFileSync(join(dir, 'zd.hook'), HOOK_SECRET, { mode: 0o600 });
  });
  afterAll(async () => {
    await stub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connect, sync, status and hook-secret', async () => {
    expect((await cli('create-team', '--name', 'Support')).code).toBe(0);
    expect(
      (await cli('create-user', '--name', 'Alex', '--email', 'alex@acme.test', '--role', 'agent', '--team', 'Support'))
        .code,
    ).toBe(0);
    const connected = await cli(
      'connect',
      'zendesk',
      '--subdomain',
      'acme',
      '--email',
      'bot@acme.test',
      '--token-file',
      join(dir, 'zd.token'),
      '--webhook-secret-file',
      join(dir, 'zd.hook'),
      '--base-url',
      stub.url,
    );
    expect(connected.stderr).toBe('');
    expect(connected.code).toBe(0);
    const c = JSON.parse(connected.stdout);
    expect(c.connector).toBe('zendesk-acme');
    expect(c.sync.ok).toBe(true);
    expect(c.sync.inserted).toBe(4);
    expect(c.webhookUrl).toMatch(/\/api\/v1\/hooks\/zendesk\/zendesk-acme$/);
    expect(c.surveyLink).toMatch(/\/s\/z\/zendesk-acme\/\{\{ticket\.id\}\}\?sig=[A-Za-z0-9_-]{43}$/);

    const status = JSON.parse((await cli('status')).stdout);
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({
      connector: 'zendesk-acme',
      kind: 'zendesk',
      lastError: null,
      webhookSecretSet: true,
      unmatchedAgents: ['nohub@acme.test'],
      token: { file: join(dir, 'zd.token') },
    });
    expect(status[0].cursor.ticketEvents).toBe(Date.UTC(2026, 5, 1) / 1000 + 120);
    expect(status[0].lastRunAt).toEqual(expect.any(String));

    const again = await cli('sync');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).inserted).toBe(0);

    // A wrong token: the run stops with a clear error in status and exit code 1.
    writeFileSync(join(dir, 'zd.token'), 'wrong-token');
    const failed = await cli('sync', 'zendesk-acme');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/refused the credentials \(401\)/);
    const after = JSON.parse((await cli('status', 'zendesk-acme')).stdout);
    expect(after[0].lastError).toMatch(/refused the credentials/);

    const integration = JSON.parse(
      (await cli('create-token', '--integration', 'helpscout', '--team', 'Support')).stdout,
    );
    const hook = JSON.parse((await cli('hook-secret', '--integration', integration.integration)).stdout);
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.url).toMatch(new RegExp(`/api/v1/hooks/${integration.integration}$`));

    const bad = await cli('connect', 'zendesk', '--subdomain', 'acme');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--email is required/);
    expect((await cli('status', 'nope')).stderr).toMatch(/unknown connector: nope/);

    const all = printed.join('\n');
    for (const secret of [TOKEN, HOOK_SECRET, Buffer.from(`bot@acme.test/token:${TOKEN}`).toString('base64')]) {
      expect(all).not.toContain(secret);
    }
  }, 240_000);

  it('serve --connectors-interval pulls the connectors inside the hub', async () => {
    writeFileSync(join(dir, 'zd.token'), TOKEN);
    stub.audits.push(audit(2, Date.UTC(2026, 5, 2) / 1000, 1, [child.create()]));
    stub.sort();
    const ratingsBefore = stub.requests.filter((r) => r.startsWith('/api/v2/satisfaction_ratings')).length;
    const hub = await spawnHub(['--data', dir, '--connectors-interval', '10'], { DATABASE_URL: '' });
    try {
      // The ratings pass runs after the ticket events are stored: the first tick has finished once it is asked for.
      await vi.waitFor(
        () => {
          expect(stub.requests.filter((r) => r.startsWith('/api/v2/satisfaction_ratings')).length).toBeGreaterThan(
            ratingsBefore,
          );
        },
        { timeout: 60_000, interval: 200 },
      );
    } finally {
      expect(await hub.stop()).toBe(0);
    }
    const status = JSON.parse((await cli('status', 'zendesk-acme')).stdout);
    expect(status[0].lastError).toBeNull();
    expect(status[0].cursor.ticketEvents).toBe(Date.UTC(2026, 5, 2) / 1000);
  }, 240_000);
});
