// Two strategy-fit processes must not share the embedded sandbox's data directory or one `score`
// checkpoint: the second refuses with `already_running`, naming the first's pid; a lock left by a
// SIGKILLed process is taken over.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { BIN, REPO_ROOT } from '../e2e/support/cli.ts';
import type { CliRun } from '../e2e/support/cli.ts';
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

const collect = async (child: ChildProcess): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.once('close', done));
  return { code, stdout, stderr };
};

const waitFor = async (what: string, done: () => boolean): Promise<void> => {
  for (let polls = 0; polls < 2000 && !done(); polls += 1) {
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

describe('one process per checkpoint', () => {
  it('a second `score` on the same checkpoint refuses (exit 2, already_running) while the first runs on', async () => {
    const checkpoint = join(scratch.dir, 'shared.json');
    // Slow answers keep the first run going; the second refuses before it sends any request.
    portal.sandbox.control.setLatency(1_000);
    const first = start(
      ['score', '--json', '--now', NOW, '--no-progress', '--checkpoint', checkpoint],
      { ...process.env, HUBSPOT_ACCESS_TOKEN: portal.token, HUBSPOT_API_BASE_URL: portal.baseUrl },
    );
    const firstDone = collect(first);
    await waitFor('the first run’s lock', () => existsSync(`${checkpoint}.lock`));
    expect(LockFile.parse(JSON.parse(readFileSync(`${checkpoint}.lock`, 'utf8'))).pid).toBe(
      first.pid,
    );

    const second = await scoreThroughCli(portal, ['--checkpoint', checkpoint]);
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/already_running/);
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(second.stderr).toContain(checkpoint);
    expect(first.exitCode).toBeNull();

    portal.sandbox.control.setLatency(0);
    const firstRun = await firstDone;
    portal.sandbox.control.setLatency(0);
    expect(firstRun.code, firstRun.stderr).toBe(0);
    expect(existsSync(`${checkpoint}.lock`)).toBe(false);
    expect(existsSync(checkpoint)).toBe(false);
  });

  it('a lock left by a killed run is stale: the next run takes it over', async () => {
    const checkpoint = join(scratch.dir, 'stale.json');
    portal.sandbox.control.setLatency(20);
    const doomed = start(['score', '--no-progress', '--checkpoint', checkpoint], {
      ...process.env,
      HUBSPOT_ACCESS_TOKEN: portal.token,
      HUBSPOT_API_BASE_URL: portal.baseUrl,
    });
    const doomedDone = collect(doomed);
    await waitFor('the checkpoint', () => existsSync(checkpoint));
    process.kill(-(doomed.pid ?? 0), 'SIGKILL');
    await doomedDone;
    portal.sandbox.control.setLatency(0);
    // The lock survives the kill, naming a process that is gone.
    expect(LockFile.parse(JSON.parse(readFileSync(`${checkpoint}.lock`, 'utf8'))).pid).toBe(
      doomed.pid,
    );
    const resumed = await scoreThroughCli(portal, ['--resume', '--checkpoint', checkpoint]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.summary?.resumed).toBe(true);
    expect(existsSync(`${checkpoint}.lock`)).toBe(false);
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
    const serverDone = collect(server);
    await waitFor('the sandbox to listen', () => printed.includes('HUBSPOT_ACCESS_TOKEN='));

    const refused = await collect(start(['setup'], env));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already_running/);
    expect(refused.stderr).toContain(`pid ${server.pid}`);
    expect(refused.stderr).toContain(dataDir);
    // A second sandbox server on the same directory refuses too.
    const twin = await collect(start(['sandbox', '--port', '0', '--data', dataDir], env));
    expect(twin.code).toBe(1);
    expect(twin.stdout).toBe('');
    expect(twin.stderr).toMatch(/already_running/);

    process.kill(server.pid ?? 0, 'SIGTERM');
    expect((await serverDone).code).toBe(0);
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(false);
    const runs = await collect(start(['setup'], env));
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
    const serverDone = collect(server);
    await waitFor('the sandbox to listen', () => printed.includes('HUBSPOT_ACCESS_TOKEN='));
    process.kill(-(server.pid ?? 0), 'SIGKILL');
    await serverDone;
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(true);
    const runs = await collect(start(['setup'], env));
    expect(runs.code, runs.stderr).toBe(0);
    expect(existsSync(join(dataDir, 'strategy-fit.lock'))).toBe(false);
  });

  it('an unreadable lock file is stale too', async () => {
    const dataDir = join(scratch.dir, 'sandbox');
    writeFileSync(join(dataDir, 'strategy-fit.lock'), '');
    const runs = await collect(start(['setup'], embeddedEnv(dataDir)));
    expect(runs.code, runs.stderr).toBe(0);
  });
});
