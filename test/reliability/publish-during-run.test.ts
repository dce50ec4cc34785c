// A strategy published while `strategy-fit score` runs: the run keeps the version it started with,
// so every record ends with one consistent version (the run's) and the values the core computes
// with it; the summary says a newer version appeared; `score --stale-only` then brings every
// record to the new version.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { publishStrategy } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { startCli } from '../e2e/support/cli.ts';
import {
  EXAMPLE_STRATEGY,
  expectedScores,
  FIT_NAMES,
  loadStrategy,
  MINIMAL_STRATEGY,
  mismatches,
  NOW,
} from '../e2e/support/sandbox.ts';
import { preparedPortal, scoreThroughCli, scratchDir, ScoreSummary } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';

const SEED = { seed: 51, companies: 400, deals: 600 };
const scratch = scratchDir('publish');
const checkpoint = join(scratch.dir, 'checkpoint.json');
let portal: ReliabilityPortal;

beforeAll(async () => {
  portal = await preparedPortal(SEED);
});
afterAll(async () => {
  await portal.sandbox.close();
  scratch.cleanup();
});

const Progress = z.object({
  phase: z.string(),
  counters: z.object({ companies: z.object({ scanned: z.number() }) }),
});

describe('a strategy published while a bulk run is going', () => {
  it('every record ends with the run’s version; --stale-only then applies the new one', async () => {
    // Slow enough answers that the run is surely still going when version 2 is published.
    portal.sandbox.control.setLatency(15);
    const child = startCli(
      [
        'score',
        '--json',
        '--now',
        NOW,
        '--no-progress',
        '--batch',
        '10',
        '--checkpoint',
        checkpoint,
      ],
      portal,
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.once('close', done));

    // Publish once the run has scored some companies, and before it ends.
    let scannedAtPublish = 0;
    for (let polls = 0; polls < 3000; polls += 1) {
      if (existsSync(checkpoint)) {
        try {
          const state = Progress.parse(JSON.parse(readFileSync(checkpoint, 'utf8')));
          scannedAtPublish = state.counters.companies.scanned;
          if (scannedAtPublish >= 100) break;
        } catch {
          // The checkpoint is replaced atomically, but may vanish at the very end.
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(scannedAtPublish).toBeGreaterThanOrEqual(100);
    const published = await publishStrategy(portal.hs, loadStrategy(MINIMAL_STRATEGY), {
      publishedBy: 'reliability',
      nowMs: Date.parse(NOW),
    });
    expect(published.ok && published.value.version).toBe(2);
    expect(child.exitCode).toBeNull();

    expect(await exited, stderr).toBe(0);
    portal.sandbox.control.setLatency(0);
    const summary = ScoreSummary.parse(JSON.parse(stdout));
    expect(summary).toMatchObject({ strategyVersion: 1, newerVersion: 2 });
    expect(summary.companies.scanned).toBe(SEED.companies);
    expect(summary.deals.scanned).toBe(SEED.deals);
    expect(scannedAtPublish).toBeLessThan(SEED.companies);

    // One consistent version: the run's, with the values version 1 gives every record.
    const v1 = await expectedScores(portal, loadStrategy(EXAMPLE_STRATEGY), 1);
    const stored = [...v1.actual.companies.values(), ...v1.actual.deals.values()];
    expect(new Set(stored.map((r) => r.strategy_fit_version))).toEqual(new Set(['1']));
    expect(mismatches(v1.actual.companies, v1.expected.companies, FIT_NAMES.companies)).toEqual([]);
    expect(mismatches(v1.actual.deals, v1.expected.deals, FIT_NAMES.deals)).toEqual([]);

    // The next --stale-only run brings every record to version 2.
    const stale = await scoreThroughCli(portal, ['--stale-only', '--checkpoint', checkpoint]);
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.summary).toMatchObject({
      strategyVersion: 2,
      newerVersion: null,
      companies: { scanned: SEED.companies },
      deals: { scanned: SEED.deals },
    });
    const v2 = await expectedScores(portal, loadStrategy(MINIMAL_STRATEGY), 2);
    expect(mismatches(v2.actual.companies, v2.expected.companies, FIT_NAMES.companies)).toEqual([]);
    expect(mismatches(v2.actual.deals, v2.expected.deals, FIT_NAMES.deals)).toEqual([]);
  });
});
