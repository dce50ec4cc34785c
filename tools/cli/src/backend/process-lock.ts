// One strategy-fit process at a time per resource (the embedded sandbox's data directory, a
// portal's scoring run): a lock file created exclusively, holding the owner's pid. A lock whose pid
// is gone (SIGKILL, a crash) is stale and taken over; a live owner makes the caller refuse.
import { createHash } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

/** What a lock file holds. */
const LockOwner = z.object({ pid: z.number().int().positive(), since: z.string() });
type LockOwner = z.output<typeof LockOwner>;

export type ProcessLock = {
  readonly path: string;
  /** Removes the lock file (once; later calls do nothing). */
  release(): Promise<void>;
};

/** Takeovers of a stale lock before giving up (another process keeps taking it over too). */
const MAX_ATTEMPTS = 5;

/** Locks this process holds: a lock file with our own pid is ours only if listed here (pid reuse). */
const held = new Set<string>();

const errnoOf = (e: unknown): string | undefined =>
  e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
};

const ownerOf = (text: string): LockOwner | null => {
  try {
    const parsed = LockOwner.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * Creates the lock file with its content in one step (a hard link of a written temporary file
 * fails when the lock exists), so no reader ever sees a lock without its owner; false when it exists.
 */
const create = async (path: string, owner: LockOwner): Promise<boolean> => {
  const temp = `${path}.${process.pid}.new`;
  await writeFile(temp, `${JSON.stringify(owner)}\n`);
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') return false;
    throw e;
  } finally {
    await rm(temp, { force: true });
  }
};

const readText = async (path: string): Promise<string | null> => {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw e;
  }
};

/**
 * Removes a stale lock, but only the one that was judged stale: it is moved aside first, and put
 * back when it turns out to be a fresh lock another process made in the meantime.
 */
const removeStale = async (path: string, staleText: string): Promise<void> => {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return;
    throw e;
  }
  const moved = await readText(aside);
  if (moved !== staleText) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
};

/**
 * Takes the lock at `path` for this process, or refuses with `already_running` when a live
 * process holds it. `what` names the resource in the message ("the embedded sandbox's data in …").
 * The lock is released by `release()` and, should the process exit without it, on exit.
 *
 * @example
 * const lock = await acquireLock('.data/sandbox/strategy-fit.lock', 'the sandbox data in .data/sandbox');
 * if (!lock.ok) return fail(lock.error);
 * try { … } finally { await lock.value.release(); }
 */
export async function acquireLock(
  path: string,
  what: string,
): Promise<Result<ProcessLock, StrategyFitError>> {
  const key = resolve(path);
  if (held.has(key)) {
    return err(
      strategyFitError('already_running', `This process is already using ${what}.`, { path }),
    );
  }
  const me: LockOwner = { pid: process.pid, since: new Date().toISOString() };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (await create(path, me)) {
      held.add(key);
      let released = false;
      const onExit = (): void => rmSync(path, { force: true });
      process.once('exit', onExit);
      return ok({
        path,
        release: async () => {
          if (released) return;
          released = true;
          process.off('exit', onExit);
          held.delete(key);
          await rm(path, { force: true });
        },
      });
    }
    // Another lock of this process took it meanwhile (two runs started at once).
    if (held.has(key)) {
      return err(
        strategyFitError('already_running', `This process is already using ${what}.`, { path }),
      );
    }
    const text = await readText(path);
    if (text === null) continue;
    const owner = ownerOf(text);
    // Our own pid in a lock we do not hold: a dead process had the same pid (pid reuse).
    if (owner !== null && owner.pid !== process.pid && isAlive(owner.pid)) {
      return err(
        strategyFitError(
          'already_running',
          `Another strategy-fit process (pid ${owner.pid}, running since ${owner.since}) is using ${what}. Wait for it to finish, or stop it; if no such process is running, delete ${path}.`,
          { path },
        ),
      );
    }
    // The owner is gone (killed, crashed) or the file is unreadable: a stale lock.
    await removeStale(path, text);
  }
  return err(
    strategyFitError(
      'already_running',
      `Could not take the lock ${path} for ${what}: other processes keep taking it. Try again.`,
      { path },
    ),
  );
}

/** The lock file of a sandbox data directory: one process at a time may hold its portal. */
export const sandboxLockPath = (dataDir: string): string => join(dataDir, 'strategy-fit.lock');

/**
 * Takes the data directory of a sandbox for this process: two processes loading the same SQLite
 * file into memory would each keep their own copy and overwrite each other's writes.
 */
export async function lockSandboxDir(
  dataDir: string,
): Promise<Result<ProcessLock, StrategyFitError>> {
  await mkdir(dataDir, { recursive: true });
  return acquireLock(sandboxLockPath(dataDir), `the sandbox data in ${dataDir}`);
}

/**
 * Where the scoring lock of a portal lives: one directory for the whole machine, so the lock
 * holds whatever checkpoint file or working directory each run uses.
 */
export const portalLockPath = (
  target: string,
  dir: string = join(tmpdir(), 'strategy-fit-locks'),
): string => join(dir, `${createHash('sha256').update(target).digest('hex').slice(0, 16)}.lock`);

/**
 * Takes a portal for one scoring run on this machine (issue 14): two runs would read and write
 * the same records twice. The lock dies with its holder: a killed run's lock is taken over.
 */
export async function lockPortal(
  target: string,
  dir?: string,
): Promise<Result<ProcessLock, StrategyFitError>> {
  const path = portalLockPath(target, dir);
  await mkdir(join(path, '..'), { recursive: true });
  return acquireLock(path, 'this portal for a scoring run');
}
