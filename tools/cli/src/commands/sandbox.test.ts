import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'strategy-fit-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Started = { child: ChildProcess; lines: string[]; stderr: () => string };

/** Spawns `npx strategy-fit sandbox …` in its own process group and waits for the two lines. */
async function startCli(args: string[]): Promise<Started> {
  const child = spawn('npx', ['strategy-fit', 'sandbox', ...args], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = await new Promise<string[]>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no output in time; stderr: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const complete = stdout.split('\n').filter((line) => line !== '');
      if (complete.length >= 2 && stdout.endsWith('\n')) {
        clearTimeout(timer);
        done(complete);
      }
    });
    child.once('exit', (code) => fail(new Error(`exited with ${code}; stderr: ${stderr}`)));
  });
  return { child, lines, stderr: () => stderr };
}

/** Sends a signal to the whole group (npx and the sandbox) and waits until the port is closed. */
async function stop(started: Started, baseUrl: string, signal: NodeJS.Signals): Promise<void> {
  process.kill(-(started.child.pid ?? 0), signal);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await fetch(`${baseUrl}/crm/owners/2026-09`);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the sandbox still answers after the signal');
}

const env = (lines: string[]): Record<string, string> =>
  Object.fromEntries(lines.map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));

describe('strategy-fit sandbox', () => {
  it('prints exactly two eval-able lines once it listens, serves the API, and stops on SIGTERM', async () => {
    const started = await startCli([
      '--port',
      '0',
      '--memory',
      '--companies',
      '10',
      '--deals',
      '15',
      '--as-of',
      '2026-11-01',
    ]);
    expect(started.lines).toHaveLength(2);
    expect(started.lines[0]).toMatch(/^HUBSPOT_API_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.lines[1]).toMatch(/^HUBSPOT_ACCESS_TOKEN=pat-na1-[0-9a-f-]{36}$/);
    const { HUBSPOT_API_BASE_URL: baseUrl = '', HUBSPOT_ACCESS_TOKEN: token = '' } = env(
      started.lines,
    );
    const response = await fetch(`${baseUrl}/crm/objects/2026-09/companies?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: unknown[] }).results).toHaveLength(10);
    await stop(started, baseUrl, 'SIGTERM');
    expect(started.stderr()).toMatch(/sandbox: SIGTERM, stopping/);
  });

  it('keeps the portal and the token in --data across a restart, and stops on SIGINT', async () => {
    const args = [
      '--port',
      '0',
      '--data',
      dataDir,
      '--companies',
      '5',
      '--deals',
      '5',
      '--as-of',
      '2026-11-01',
      '--token',
      'cli-test-token',
    ];
    const first = await startCli(args);
    const firstEnv = env(first.lines);
    expect(firstEnv['HUBSPOT_ACCESS_TOKEN']).toBe('cli-test-token');
    const baseUrl = firstEnv['HUBSPOT_API_BASE_URL'] ?? '';
    const created = await fetch(`${baseUrl}/crm/objects/2026-09/companies`, {
      method: 'POST',
      headers: { authorization: 'Bearer cli-test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { name: 'Kept' } }),
    });
    const { id } = (await created.json()) as { id: string };
    await stop(first, baseUrl, 'SIGINT');
    expect(first.stderr()).toMatch(/SIGINT, stopping/);

    const second = await startCli(args.filter((a) => a !== '--token' && a !== 'cli-test-token'));
    const secondEnv = env(second.lines);
    expect(secondEnv['HUBSPOT_ACCESS_TOKEN']).toBe('cli-test-token');
    expect(second.stderr()).toMatch(/existing data kept/);
    const read = await fetch(
      `${secondEnv['HUBSPOT_API_BASE_URL']}/crm/objects/2026-09/companies/${id}`,
      {
        headers: { authorization: 'Bearer cli-test-token' },
      },
    );
    expect(((await read.json()) as { properties: { name: string } }).properties.name).toBe('Kept');
    await stop(second, secondEnv['HUBSPOT_API_BASE_URL'] ?? '', 'SIGTERM');
  });

  it('refuses --memory together with --data', async () => {
    const child = spawn('npx', ['strategy-fit', 'sandbox', '--memory', '--data', dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--memory and --data cannot be used together/);
  });
});
