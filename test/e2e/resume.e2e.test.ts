// A `score` run killed with SIGKILL at any moment resumes with --resume where it stopped: the
// final portal equals an uninterrupted run's on an identically seeded sandbox, and no record
// written before a kill is written again.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli, startCli } from './support/cli.ts';
import { fitSnapshot, listAll } from './support/portal.ts';
import { setUpAndPublish } from './support/prepare.ts';
import { EXAMPLE_STRATEGY, FIT_NAMES, NOW, startPortal } from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

const SEED = { seed: 21, companies: 1000, deals: 1500 };
const LATENCY_MS = 60;

let killed: TestPortal;
let straight: TestPortal;
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-resume-'));
const checkpoint = join(dir, 'checkpoint.json');

beforeAll(async () => {
  [killed, straight] = await Promise.all([startPortal(SEED), startPortal(SEED)]);
  await Promise.all([
    setUpAndPublish(killed, EXAMPLE_STRATEGY),
    setUpAndPublish(straight, EXAMPLE_STRATEGY),
  ]);
});
afterAll(async () => {
  await Promise.all([killed.sandbox.close(), straight.sandbox.close()]);
  rmSync(dir, { recursive: true, force: true });
});

type Checkpoint = {
  phase: string;
  cursor: string | null;
  counters: Record<string, { scanned: number }>;
};

const readCheckpoint = (): Checkpoint | null =>
  existsSync(checkpoint) ? (JSON.parse(readFileSync(checkpoint, 'utf8')) as Checkpoint) : null;

/** Starts `npx strategy-fit score …` and SIGKILLs it (npx and node) once `when` holds for the checkpoint. */
const scoreAndKill = async (
  args: string[],
  when: (c: Checkpoint) => boolean,
): Promise<Checkpoint> => {
  const child = startCli(
    // Blocks of 500 (pages of 50): the checkpoint moves often enough to be caught mid-phase.
    ['score', '--now', NOW, '--checkpoint', checkpoint, '--no-progress', '--batch', '50', ...args],
    killed,
    { npx: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  let state: Checkpoint | null = null;
  for (let polls = 0; polls < 2000; polls += 1) {
    state = readCheckpoint();
    if (state !== null && when(state)) break;
    if (child.exitCode !== null) throw new Error(`the run ended before the kill: ${stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  expect(await exited).toBe('SIGKILL');
  // Requests already sent are still answered by the sandbox (after its latency); let them land.
  await new Promise((r) => setTimeout(r, 10 * LATENCY_MS));
  const last = readCheckpoint();
  if (last === null) throw new Error('no checkpoint after the kill');
  return last;
};

const modified = async (portal: TestPortal) => {
  const of = async (type: string) =>
    (await listAll(portal, type, ['hs_lastmodifieddate', 'strategy_fit_version'])).map(
      (r) => [`${type}/${r.id}`, r.properties] as const,
    );
  return new Map([...(await of('companies')), ...(await of('deals'))]);
};

/** Records scored before a kill must keep their modification date: nothing is written twice. */
const expectNotRewritten = (
  before: Awaited<ReturnType<typeof modified>>,
  after: Awaited<ReturnType<typeof modified>>,
) => {
  let scored = 0;
  for (const [key, props] of before) {
    if ((props.strategy_fit_version ?? '') === '') continue;
    scored += 1;
    expect(after.get(key)?.hs_lastmodifieddate, key).toBe(props.hs_lastmodifieddate);
  }
  return scored;
};

describe('strategy-fit score --resume after SIGKILL (e2e)', () => {
  it('ends with the same portal as an uninterrupted run, writing nothing twice', async () => {
    killed.sandbox.control.setLatency(LATENCY_MS);

    // Killed in the middle of the companies…
    const first = await scoreAndKill(
      [],
      (c) => c.phase === 'companies' && (c.counters.companies?.scanned ?? 0) >= 300,
    );
    expect(first.phase).toBe('companies');
    const afterFirstKill = await modified(killed);

    // …then the resumed run is killed in the middle of the deals…
    const second = await scoreAndKill(
      ['--resume'],
      (c) => c.phase === 'deals' && (c.counters.deals?.scanned ?? 0) >= 300,
    );
    expect(second.phase).toBe('deals');
    expect(second.counters.companies?.scanned).toBe(SEED.companies);
    const afterSecondKill = await modified(killed);
    expect(expectNotRewritten(afterFirstKill, afterSecondKill)).toBeGreaterThanOrEqual(300);

    // …and resumed to the end.
    killed.sandbox.control.setLatency(0);
    const last = await runCli(
      ['score', '--now', NOW, '--checkpoint', checkpoint, '--json', '--resume'],
      killed,
      { npx: true },
    );
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout) as {
      resumed: boolean;
      companies: { scanned: number };
      deals: { scanned: number; failed: number };
    };
    expect(summary).toMatchObject({
      resumed: true,
      companies: { scanned: SEED.companies },
      deals: { scanned: SEED.deals, failed: 0 },
    });
    expect(existsSync(checkpoint)).toBe(false);
    expect(expectNotRewritten(afterSecondKill, await modified(killed))).toBeGreaterThanOrEqual(
      SEED.companies + 300,
    );

    const uninterrupted = await runCli(
      ['score', '--now', NOW, '--checkpoint', join(dir, 'straight.json')],
      straight,
    );
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    const [a, b] = await Promise.all([
      fitSnapshot(killed, FIT_NAMES),
      fitSnapshot(straight, FIT_NAMES),
    ]);
    expect(Object.keys(a.companies)).toHaveLength(SEED.companies);
    expect(Object.keys(a.deals)).toHaveLength(SEED.deals);
    expect(a).toEqual(b);
  }, 90_000);
});
