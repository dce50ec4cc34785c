// Two strategy-fit processes must not share the embedded sandbox's data directory, nor score one
// portal at once (whatever checkpoint each uses): the second refuses with `already_running`,
// naming the first's pid; a lock left by a SIGKILLed process is taken over.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { z } from 'zod';

import { BIN, collectCli, REPO_ROOT } from '../e2e/support/cli.ts';
import { NOW } from '../e2e/support/sandbox.ts';
import { preparedPortal, scoreThroughCli, scratchDir } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';

const scratch = scratchDir('guard');
let portal: ReliabilityPortal;

beforeAll(async () => {
  portal = await preparedPortal({ seed: 61, companies: 300, deals: 450 });
});
afterAll(async () => {
  await portal.sandbox.close();
  scratch.cleanup();
});

const LockFile = z.object({ pid: z.number(), since: z.string() });

/** The environment of a CLI run on the embedded sandbox in `dataDir` (no HUBSPOT_* variables). */
const embeddedEnv = (dataDir: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STRATEGY_FIT_SANDBOX_DIR: dataDir,
    NO_COLOR: '1',
  };
  delete env.HUBSPOT_ACCESS_TOKEN;
  delete env.HUBSPOT_API_BASE_URL;
  return env;
};

const start = (args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess =>
  spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const waitFor = async (what: string, done: () => boolean): Promise<void> => {
  for (let polls = 0; polls < 2000 && !done(); polls += 1) {
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

/**
 * The portal lock a process started at `sinceMs` holds (`tools/cli/src/backend/process-lock.ts ›
 * portalLockPath`: one directory for the machine, a file per portal), found by its pid and start
 * (a killed run's lock stays behind and may name a pid used again); null while there is none.
 */
const portalLockOf = (pid: number | undefined, sinceMs: number): string | null => {
  const dir = join(tmpdir(), 'strategy-fit-locks');
  if (pid === undefined || !existsSync(dir)) return null;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      const owner = LockFile.parse(JSON.parse(readFileSync(path, 'utf8')));
      if (owner.pid === pid && Date.parse(owner.since) >= sinceMs) return path;
    } catch {
      // being written, or removed meanwhile
    }
  }
  return null;
};

describe('one scoring process per portal (the checkpoint included)', () => {
  it('a second `score` on the same checkpoint refuses (exit 2, already_running) while the first runs on', async () => {
    const checkpoint = join(scratch.dir, 'shared.json');
    // Slow answers keep the first run going; the second refuses before it sends any request.
    portal.sandbox.control.setLatency(1_000);
    const startedMs = Date.now();
    const first = start(
      ['score', '--json', '--now', NOW, '--no-progress', '--checkpoint', checkpoint],
      { ...process.env, HUBSPOT_ACCESS_TOKEN: portal.token, HUBSPOT_API_BASE_URL: portal.baseUrl },
    );
    const firstDone = collectCli(first);
    // A failed expectation must not leave the first run holding the portal for the next test.
    onTestFailed(() => {
      if (first.exitCode === null) process.kill(-(first.pid ?? 0), 'SIGKILL');
    });
    await waitFor('the first run’s lock', () => portalLockOf(first.pid, startedMs) !== null);
    const lock = portalLockOf(first.pid, startedMs) ?? '';

    const second = await scoreThroughCli(portal, ['--checkpoint', checkpoint]);
    expect(second.code, second.stderr).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/already_running/);
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(second.stderr, `the lock held by pid ${first.pid}: ${lock}`).toContain(lock);
    expect(first.exitCode, 'the first run is still going').toBeNull();

    portal.sandbox.control.setLatency(0);
    const firstRun = await firstDone;
    portal.sandbox.control.setLatency(0);
    expect(firstRun.code, firstRun.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(checkpoint)).toBe(false);
  });

  it('a lock left by a killed run is stale: the next run takes it over', async () => {
    const checkpoint = join(scratch.dir, 'stale.json');
    portal.sandbox.control.setLatency(20);
    const startedMs = Date.now();
    const doomed = start(['score', '--no-progress', '--checkpoint', checkpoint], {
      ...process.env,
      HUBSPOT_ACCESS_TOKEN: portal.token,
      HUBSPOT_API_BASE_URL: portal.baseUrl,
    });
    const doomedDone = collectCli(doomed);
    await waitFor('the checkpoint', () => existsSync(checkpoint));
    const lock = portalLockOf(doomed.pid, startedMs);
    process.kill(-(doomed.pid ?? 0), 'SIGKILL');
    await doomedDone;
    portal.sandbox.control.setLatency(0);
    // The lock survives the kill, naming a process that is gone.
    expect(lock).not.toBeNull();
    expect(LockFile.parse(JSON.parse(readFileSync(lock ?? '', 'utf8'))).pid).toBe(doomed.pid);
    const resumed = await scoreThroughCli(portal, ['--resume', '--checkpoint', checkpoint]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.summary?.resumed).toBe(true);
    expect(existsSync(lock ?? '')).toBe(false);
  });
});

describe('one process per embedded sandbox data directory', () => {
  it('while `strategy-fit sandbox --data DIR` runs, a command on the embedded sandbox in DIR refuses; after it stops, it runs', async () => {
    const dataDir = join(scratch.dir, 'sandbox');
    const env = embeddedEnv(dataDir);
    const server = start(
      ['sandbox', '--port', '0', '--data', dataDir, '--companies', '20', '--deals', '30'],
      env,
    );
    let printed = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const serverDone = collectCli(server);
    await waitFor('the sandbox to listen', () => printed.includes('HUBSPOT_ACCESS_TOKEN='));

    const refused = await collectCli(start(['setup'], env));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already_running/);
    expect(refused.stderr).toContain(`pid ${server.pid}`);
    expect(refused.stderr).toContain(dataDir);
    // A second sandbox server on the same directory refuses too.
    const twin = await collectCli(start(['sandbox', '--port', '0', '--data', dataDir], env));
    expect(twin.code).toBe(1);
    expect(twin.stdout).toBe('');
    expect(twin.stderr).toMatch(/already_running/);

    process.kill(server.pid ?? 0, 'SIGTERM');
    expect((await serverDone).code).toBe(0);
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(false);
    const runs = await collectCli(start(['setup'], env));
    expect(runs.code, runs.stderr).toBe(0);
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(false);
  });

  it('a lock whose process is gone (SIGKILL) is taken over', async () => {
    const dataDir = join(scratch.dir, 'sandbox');
    const env = embeddedEnv(dataDir);
    const server = start(['sandbox', '--port', '0', '--data', dataDir], env);
    let printed = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const serverDone = collectCli(server);
    await waitFor('the sandbox to listen', () => printed.includes('HUBSPOT_ACCESS_TOKEN='));
    process.kill(-(server.pid ?? 0), 'SIGKILL');
    await serverDone;
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(true);
    const runs = await collectCli(start(['setup'], env));
    expect(runs.code, runs.stderr).toBe(0);
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(false);
  });

  it('an unreadable lock file is stale too', async () => {
    const dataDir = join(scratch.dir, 'sandbox');
    writeFileSync(join(dataDir, 'strategy-fit.lock'), '');
    const runs = await collectCli(start(['setup'], embeddedEnv(dataDir)));
    expect(runs.code, runs.stderr).toBe(0);
  });
});
