import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { acquireLock, isAlive } from './process-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const done = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
    encoding: 'utf8',
  });
  const pid = Number(done.stdout.trim());
  expect(isAlive(pid)).toBe(false);
  return pid;
};

describe('acquireLock', () => {
  it('writes the owner pid, refuses a second holder with already_running, and releases', async () => {
    const path = join(dir, 'a.lock');
    const first = await acquireLock(path, 'the thing');
    if (!first.ok) throw new Error(first.error.message);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    const second = await acquireLock(path, 'the thing');
    expect(second).toMatchObject({ ok: false, error: { code: 'already_running', path } });
    await first.value.release();
    expect(existsSync(path)).toBe(false);
    const third = await acquireLock(path, 'the thing');
    expect(third.ok).toBe(true);
    if (third.ok) await third.value.release();
  });

  it('refuses while another live process holds it, naming its pid', async () => {
    const path = join(dir, 'b.lock');
    // The parent of this process (the test runner) is alive and is not this process.
    writeFileSync(path, JSON.stringify({ pid: process.ppid, since: '2026-11-02T09:00:00.000Z' }));
    const refused = await acquireLock(path, 'the sandbox data in /x');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('already_running');
      expect(refused.error.message).toContain(`pid ${process.ppid}`);
      expect(refused.error.message).toContain('the sandbox data in /x');
    }
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.ppid });
  });

  it.each([
    ['a dead pid (a killed run)', () => JSON.stringify({ pid: deadPid(), since: 'x' })],
    [
      'our own pid, not held by us (pid reuse)',
      () => JSON.stringify({ pid: process.pid, since: 'x' }),
    ],
    ['an unreadable file', () => 'not json'],
  ])('takes over a stale lock: %s', async (_, content) => {
    const path = join(dir, `stale-${Math.random()}.lock`);
    writeFileSync(path, content());
    const taken = await acquireLock(path, 'the thing');
    if (!taken.ok) throw new Error(taken.error.message);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    await taken.value.release();
  });
});
