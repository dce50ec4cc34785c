// The three guarantees of a walk through a portal (issue 14), each tried as a user would:
// - a run never overwrites a record scored by a newer strategy version;
// - one scoring run per portal at a time, whatever checkpoint each uses, with a lock that dies
//   with its holder;
// - `--resume` checks what it trusts: at the end it counts what is still stale and says so.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ScoreRecordResponse } from '@strategy-fit/core';
import { publishStrategy } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { invokeScoreRecord } from '../support/functions/invoke.ts';
import { createRuntime } from '../../src/app/functions/src/lib/runtime.ts';
import { collectCli, startCli } from '../e2e/support/cli.ts';
import { listAll } from '../e2e/support/portal.ts';
import { loadStrategy, MINIMAL_STRATEGY, NOW, NOW_MS } from '../e2e/support/sandbox.ts';
import { preparedPortal, scoreThroughCli, scratchDir } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';

const SEED = { seed: 71, companies: 300, deals: 450 };

const Checkpoint = z.looseObject({
  phase: z.string(),
  cursor: z.string().nullable(),
  counters: z.looseObject({
    companies: z.object({ scanned: z.number() }),
    deals: z.object({ scanned: z.number() }),
  }),
});
type Checkpoint = z.output<typeof Checkpoint>;

const readCheckpoint = (path: string): Checkpoint | null => {
  if (!existsSync(path)) return null;
  try {
    return Checkpoint.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null; // replaced atomically, but it may vanish at the very end
  }
};

/** Starts `score` and SIGKILLs its process group once the checkpoint satisfies `when`. */
async function scoreUntil(
  portal: ReliabilityPortal,
  args: readonly string[],
  checkpoint: string,
  when: (c: Checkpoint) => boolean,
): Promise<Checkpoint> {
  const child = startCli(
    ['score', '--json', '--now', NOW, '--no-progress', '--checkpoint', checkpoint, ...args],
    portal,
  );
  const done = collectCli(child);
  let state: Checkpoint | null = null;
  for (let polls = 0; polls < 4000; polls += 1) {
    state = readCheckpoint(checkpoint);
    if (state !== null && when(state)) break;
    if (child.exitCode !== null) throw new Error(`the run ended first: ${(await done).stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  await done;
  // Requests already sent are still answered (after the sandbox's latency): let them land.
  await new Promise((r) => setTimeout(r, 500));
  const last = readCheckpoint(checkpoint);
  if (last === null) throw new Error('no checkpoint after the kill');
  return last;
}

const versionsOf = async (
  portal: ReliabilityPortal,
  type: 'companies' | 'deals',
): Promise<Map<string, string | null>> =>
  new Map(
    (await listAll(portal, type, ['strategy_fit_version'])).map((r) => [
      r.id,
      r.properties['strategy_fit_version'] ?? null,
    ]),
  );

describe('a run never overwrites a record scored by a newer strategy version', () => {
  const scratch = scratchDir('newer');
  let portal: ReliabilityPortal;
  beforeAll(async () => {
    portal = await preparedPortal(SEED);
  });
  afterAll(async () => {
    await portal.sandbox.close();
    scratch.cleanup();
  });

  it('publish v2 during a v1 run: records a card scored with v2 keep v2 when the run goes on', async () => {
    const checkpoint = join(scratch.dir, 'run.json');
    portal.sandbox.control.setLatency(20);
    const stopped = await scoreUntil(
      portal,
      ['--batch', '10', '--concurrency', '1'],
      checkpoint,
      (c) => c.phase === 'companies' && c.counters.companies.scanned >= 40,
    );
    portal.sandbox.control.setLatency(0);
    expect(stopped.phase).toBe('companies');

    const published = await publishStrategy(portal.hs, loadStrategy(MINIMAL_STRATEGY), {
      publishedBy: 'reliability',
      nowMs: NOW_MS,
    });
    expect(published.ok && published.value.version).toBe(2);

    // A rep opens cards the run has not reached yet: the last companies and deals, now at v2.
    const companies = [...(await versionsOf(portal, 'companies')).keys()].slice(-5);
    const deals = [...(await versionsOf(portal, 'deals')).keys()].slice(-5);
    const rt = createRuntime({ accessToken: portal.token, basePath: portal.baseUrl });
    for (const [objectType, ids] of [
      ['company', companies],
      ['deal', deals],
    ] as const) {
      for (const objectId of ids) {
        const answer = ScoreRecordResponse.parse(
          await invokeScoreRecord(rt, {
            parameters: { objectType },
            propertiesToSend: { hs_object_id: objectId },
          }),
        );
        expect(answer.ok && answer.value.strategy.version).toBe(2);
      }
    }

    // Every record at v2 now: those cards, and the deals' companies they wrote too.
    const scoredByCards = async () => {
      const found: string[] = [];
      for (const type of ['companies', 'deals'] as const) {
        for (const [id, v] of await versionsOf(portal, type))
          if (v === '2') found.push(`${type}/${id}`);
      }
      return found.sort();
    };
    const atTwo = await scoredByCards();
    expect(atTwo.length).toBeGreaterThanOrEqual(10);

    // The v1 run goes on with its pinned version and writes everything else.
    const resumed = await scoreThroughCli(portal, ['--resume', '--checkpoint', checkpoint]);
    expect(resumed.summary?.strategyVersion, resumed.stderr).toBe(1);
    expect(await scoredByCards()).toEqual(atTwo);
    const versionOne = [
      ...(await versionsOf(portal, 'companies')).values(),
      ...(await versionsOf(portal, 'deals')).values(),
    ].filter((v) => v === '1');
    expect(versionOne).toHaveLength(SEED.companies + SEED.deals - atTwo.length);
  });
});

describe('one scoring run per portal at a time, whatever checkpoint file each uses', () => {
  const scratch = scratchDir('portal-lock');
  let portal: ReliabilityPortal;
  beforeAll(async () => {
    portal = await preparedPortal({ seed: 72, companies: 200, deals: 300 });
  });
  afterAll(async () => {
    await portal.sandbox.close();
    scratch.cleanup();
  });

  it('a second run with another checkpoint refuses (exit 2, already_running); the lock dies with its holder', async () => {
    portal.sandbox.control.setLatency(400);
    const firstCheckpoint = join(scratch.dir, 'first.json');
    const first = startCli(
      ['score', '--json', '--now', NOW, '--no-progress', '--checkpoint', firstCheckpoint],
      portal,
    );
    const firstDone = collectCli(first);
    for (let polls = 0; polls < 2000 && !existsSync(firstCheckpoint); polls += 1) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(existsSync(firstCheckpoint)).toBe(true);

    const second = await scoreThroughCli(portal, [
      '--checkpoint',
      join(scratch.dir, 'second.json'),
    ]);
    expect(second.code, second.stderr).toBe(2);
    expect(second.stderr).toContain('already_running');
    expect(second.stderr).toContain(String(first.pid));
    expect(first.exitCode).toBeNull();

    // Killed, the first run's lock does not block the next one.
    process.kill(-(first.pid ?? 0), 'SIGKILL');
    await firstDone;
    portal.sandbox.control.setLatency(0);
    const third = await scoreThroughCli(portal, ['--checkpoint', join(scratch.dir, 'third.json')]);
    expect(third.code, third.stderr).toBe(0);
  });
});

describe('--resume checks what it trusts', () => {
  const scratch = scratchDir('resume-check');
  let portal: ReliabilityPortal;
  beforeAll(async () => {
    portal = await preparedPortal({ seed: 73, companies: 200, deals: 300 });
  });
  afterAll(async () => {
    await portal.sandbox.close();
    scratch.cleanup();
  });

  it('with the cursor edited forward, the run ends by counting the deals it never scored (exit 1)', async () => {
    const checkpoint = join(scratch.dir, 'edited.json');
    portal.sandbox.control.setLatency(20);
    const stopped = await scoreUntil(
      portal,
      ['--batch', '10', '--concurrency', '1'],
      checkpoint,
      (c) => c.phase === 'deals' && c.counters.deals.scanned >= 40,
    );
    portal.sandbox.control.setLatency(0);
    expect(stopped.phase).toBe('deals');

    // Someone moves the cursor past every deal left (the last deal's id).
    const deals = [...(await versionsOf(portal, 'deals'))];
    const lastId = deals.at(-1)?.[0] ?? '';
    const json = JSON.parse(readFileSync(checkpoint, 'utf8')) as Record<string, unknown>;
    writeFileSync(checkpoint, JSON.stringify({ ...json, cursor: lastId }));

    const resumed = await scoreThroughCli(portal, ['--resume', '--checkpoint', checkpoint]);
    const never = [...(await versionsOf(portal, 'deals')).values()].filter((v) => v === null);
    expect(never.length).toBeGreaterThan(100);
    expect(resumed.code, resumed.stdout).toBe(1);
    expect(resumed.summary).toMatchObject({ stillStale: { companies: 0, deals: never.length } });
  });
});
