// `strategy-fit score` under the sandbox's fault injection (deterministic seeds): whatever HubSpot
// throws at it, the final portal equals a fault-free run's on an identically seeded sandbox, no
// record is lost, none is written twice (the sandbox's write log), the summary names every record
// that finally failed, and a rerun fixes them (exit 1, then 0).
import { join } from 'node:path';

import type { FaultPlan } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

/**
 * Pages of 40, so a run makes enough requests (about 90) for the faults to land on every kind of
 * call, and stays under the CLI's own limit of 190 requests per 10 s.
 */
const SEED = { seed: 31, companies: 240, deals: 360 };
const BATCH = ['--batch', '40'];
const RECORDS = SEED.companies + SEED.deals;

const scratch = scratchDir('faults');
let reference: Snapshot;
const opened: ReliabilityPortal[] = [];

const portal = async (): Promise<ReliabilityPortal> => {
  const p = await preparedPortal(SEED);
  opened.push(p);
  return p;
};

beforeAll(async () => {
  const clean = await portal();
  const run = await scoreThroughCli(clean, [
    ...BATCH,
    '--checkpoint',
    join(scratch.dir, 'reference.json'),
  ]);
  expect(run.code, run.stderr).toBe(0);
  reference = await snapshot(clean);
  expect(Object.keys(reference.companies)).toHaveLength(SEED.companies);
  expect(Object.keys(reference.deals)).toHaveLength(SEED.deals);
  // Every record was written exactly once by the fault-free run (each one changed from unscored).
  expect([...writeLog(clean).values()].filter((n) => n === 1)).toHaveLength(RECORDS);
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.sandbox.close()));
  scratch.cleanup();
});

/** What every faulty run must show, whether or not some records finally failed. */
const expectFaultyRunHonest = async (
  p: ReliabilityPortal,
  run: Awaited<ReturnType<typeof scoreThroughCli>>,
) => {
  p.sandbox.control.setFaults(undefined);
  const summary = run.summary;
  if (summary === null) throw new Error(`no summary: exit ${run.code}\n${run.stderr}`);
  // Nothing lost: every record was read and accounted for.
  expect(summary.stopped, run.stderr).toBeNull();
  expect(summary.companies.scanned).toBe(SEED.companies);
  expect(summary.deals.scanned).toBe(SEED.deals);
  expect(summary.failedOmitted).toBe(0);
  // The summary names exactly the records that differ from the fault-free run.
  const named = summary.failed.map((f) => `${f.objectType}/${f.id}`).sort();
  expect(named).toEqual(differences(await snapshot(p), reference));
  expect(summary.companies.failed + summary.deals.failed).toBe(named.length);
  expect(run.code, run.stderr).toBe(named.length === 0 ? 0 : 1);
  for (const f of summary.failed) expect(f.code).toMatch(/^hubspot_/);
  // None written twice; every record not named was written once.
  const log = writeLog(p);
  expect(writtenTwice(log)).toEqual([]);
  expect(log.size).toBe(RECORDS - named.length);
  return named;
};

/** A rerun without faults: exit 0, the fault-free portal, and still no record written twice. */
const expectRerunFixes = async (p: ReliabilityPortal, name: string) => {
  p.sandbox.control.setFaults(undefined);
  const again = await scoreThroughCli(p, [
    ...BATCH,
    '--checkpoint',
    join(scratch.dir, `${name}.json`),
  ]);
  expect(again.code, again.stderr).toBe(0);
  expect(differences(await snapshot(p), reference)).toEqual([]);
  const log = writeLog(p);
  expect(writtenTwice(log)).toEqual([]);
  expect(log.size).toBe(RECORDS);
};

/** Each case: its plan, and whether the client retries (partial failures are re-sent by the batch writer, slow answers are waited for). */
const FAULTS: [string, FaultPlan, boolean][] = [
  [
    '429 bursts (Retry-After)',
    {
      seed: 7,
      schedule: [
        { request: 3, fault: 'rateLimit', count: 2 },
        { request: 45, fault: 'rateLimit', count: 4 },
      ],
    },
    true,
  ],
  ['500, 502 and 503 answers', { seed: 8, rates: { serverError: 0.15 } }, true],
  ['slow answers', { seed: 9, rates: { slow: 0.2 }, slowMs: 400 }, false],
  ['dropped connections', { seed: 10, rates: { drop: 0.15 } }, true],
  [
    '207 partial batch failures',
    { seed: 11, rates: { partialBatch: 0.4 }, partialBatchShare: 0.2 },
    false,
  ],
  [
    'a realistic mix of all of them',
    {
      seed: 12,
      rates: { rateLimit: 0.01, serverError: 0.05, slow: 0.05, drop: 0.05, partialBatch: 0.2 },
      slowMs: 300,
    },
    true,
  ],
];

describe('score under faults ends with the fault-free portal (deterministic fault seeds)', () => {
  it.each(FAULTS)('%s', async (name, plan, retried) => {
    const p = await portal();
    p.sandbox.control.setFaults(plan);
    const run = await scoreThroughCli(p, [
      ...BATCH,
      '--checkpoint',
      join(scratch.dir, `${plan.seed ?? 0}.json`),
    ]);
    const failed = await expectFaultyRunHonest(p, run);
    if (failed.length > 0) await expectRerunFixes(p, `${name}-rerun`);
    else expect(differences(await snapshot(p), reference)).toEqual([]);
    // The faults did land, and the client said what it went through.
    if (retried)
      expect(run.stderr).toMatch(/hubspot: \d+ retr(y|ies) after failures, \d+ rate-limit waits?/);
    expect(p.sandbox.control.requestCount()).toBeGreaterThan(60);
  });

  it('records that keep failing are named in the summary (exit 1) and a rerun fixes them (exit 0)', async () => {
    const p = await portal();
    // Every batch update fails a share of its inputs on every retry round: some must finally fail.
    p.sandbox.control.setFaults({
      seed: 13,
      rates: { partialBatch: 1 },
      partialBatchShare: 0.3,
      paths: [
        '/crm/objects/2026-09/companies/batch/update',
        '/crm/objects/2026-09/deals/batch/update',
      ],
    });
    const run = await scoreThroughCli(p, [
      ...BATCH,
      '--checkpoint',
      join(scratch.dir, 'keep.json'),
    ]);
    const failed = await expectFaultyRunHonest(p, run);
    expect(run.code).toBe(1);
    expect(failed.some((f) => f.startsWith('companies/'))).toBe(true);
    expect(failed.some((f) => f.startsWith('deals/'))).toBe(true);
    await expectRerunFixes(p, 'keep-rerun');
  });
});
