// `strategy-fit score` SIGKILLed at seeded random points (counted in requests the sandbox
// received, plus a random delay, so kills land between and inside requests, checkpoint writes
// included), then `--resume` until it ends: the final portal equals an uninterrupted run's, and the
// sandbox's write log shows no record written twice. test/e2e/resume.e2e.test.ts kills at two
// chosen checkpoint states; this one kills anywhere.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { startCli } from '../e2e/support/cli.ts';
import { NOW } from '../e2e/support/sandbox.ts';
import {
  differences,
  preparedPortal,
  scoreThroughCli,
  scratchDir,
  snapshot,
  writeLog,
  writtenTwice,
} from './support/portals.ts';
import type { ReliabilityPortal, Snapshot } from './support/portals.ts';
import { seededRandom } from './support/random.ts';

const SEED = { seed: 41, companies: 500, deals: 750 };
const RECORDS = SEED.companies + SEED.deals;
const ARGS = ['--batch', '10'];
const LATENCY_MS = 8;
const KILLS = 5;

const scratch = scratchDir('kill');
const checkpoint = join(scratch.dir, 'checkpoint.json');
let killed: ReliabilityPortal;
let straight: ReliabilityPortal;
let reference: Snapshot;
/** Requests of an uninterrupted run. */
let runRequests = 0;

beforeAll(async () => {
  [killed, straight] = await Promise.all([preparedPortal(SEED), preparedPortal(SEED)]);
  const before = straight.sandbox.control.requestCount();
  const run = await scoreThroughCli(straight, [
    ...ARGS,
    '--checkpoint',
    join(scratch.dir, 'straight.json'),
  ]);
  expect(run.code, run.stderr).toBe(0);
  runRequests = straight.sandbox.control.requestCount() - before;
  reference = await snapshot(straight);
});
afterAll(async () => {
  await Promise.all([killed.sandbox.close(), straight.sandbox.close()]);
  scratch.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `score` and SIGKILLs it once the sandbox has received `afterRequests` more requests and
 * `delayMs` more have passed; 'finished' if the run ended first.
 */
const scoreUntilKilled = async (
  args: string[],
  afterRequests: number,
  delayMs: number,
): Promise<'killed' | 'finished'> => {
  const control = killed.sandbox.control;
  const start = control.requestCount();
  const child = startCli(
    ['score', '--now', NOW, '--no-progress', '--checkpoint', checkpoint, ...ARGS, ...args],
    killed,
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<string | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  while (!ended && control.requestCount() - start < afterRequests) await sleep(1);
  if (!ended) await sleep(delayMs);
  if (ended) {
    const code = await exited;
    expect(code, stderr).toBe(0);
    return 'finished';
  }
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  expect(await exited).toBe('SIGKILL');
  // Requests already sent are still answered (after the sandbox's latency): let them land.
  await sleep(20 * LATENCY_MS);
  return 'killed';
};

describe('score SIGKILLed at random points, then --resume (seeded)', () => {
  it('ends with the uninterrupted run’s portal; no record is written twice', async () => {
    expect(runRequests).toBeGreaterThan(80);
    killed.sandbox.control.setLatency(LATENCY_MS);
    const random = seededRandom(2026);
    const points: string[] = [];
    let finished = false;
    for (let kill = 0; kill < KILLS && !finished; kill += 1) {
      // Anywhere in the first 45 % of a run's requests: start-up reads, pages, writes, checkpoints.
      const afterRequests = 1 + Math.floor(random() * runRequests * 0.45);
      const delayMs = Math.floor(random() * 3 * LATENCY_MS);
      const outcome = await scoreUntilKilled(
        kill === 0 ? [] : ['--resume'],
        afterRequests,
        delayMs,
      );
      finished = outcome === 'finished';
      const phase = existsSync(checkpoint)
        ? z.object({ phase: z.string() }).parse(JSON.parse(readFileSync(checkpoint, 'utf8'))).phase
        : 'none';
      points.push(
        `${outcome} after ${afterRequests} requests + ${delayMs} ms (checkpoint: ${phase})`,
      );
      expect(writtenTwice(writeLog(killed)), points.join('; ')).toEqual([]);
    }
    expect(points.filter((p) => p.startsWith('killed')).length).toBeGreaterThanOrEqual(3);
    // The kills reached the deals, not only the companies.
    expect(
      points.some((p) => p.includes('checkpoint: deals')),
      points.join('; '),
    ).toBe(true);

    killed.sandbox.control.setLatency(0);
    const last = await scoreThroughCli(killed, [...ARGS, '--checkpoint', checkpoint, '--resume']);
    expect(last.code, last.stderr).toBe(0);
    expect(existsSync(checkpoint)).toBe(false);
    expect(differences(await snapshot(killed), reference), points.join('; ')).toEqual([]);
    const log = writeLog(killed);
    expect(writtenTwice(log), points.join('; ')).toEqual([]);
    expect(log.size).toBe(RECORDS);
  });
});
