// `runScore` (what `strategy-fit score` runs) against an in-process sandbox through the real
// client: the portal ends as the core computes it, a second run writes nothing, the deals reuse
// the companies just scored (no company is read twice), a stopped run resumes with its pinned
// version, a --since run scores the deals of the companies it changed once, one run per portal at
// a time, and the end counts what is still stale.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseStrategy } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  ensureStrategyStore,
  publishStrategy,
  writeRecords,
} from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readCheckpoint } from './checkpoint.ts';
import { silentProgress } from './progress.ts';
import { runScore } from './run-score.ts';
import type { ScoreRunOptions } from './run-score.ts';

const NOW_MS = Date.parse('2026-11-02T09:00:00Z');
const load = (name: string): Strategy => {
  const parsed = parseStrategy(
    readFileSync(new URL(`../../../../examples/strategies/${name}`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(`${name} is invalid`);
  return parsed.value;
};
const EXAMPLE = load('02-b2b-saas.json');
const MINIMAL = load('01-minimal.json');

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-run-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sandbox: RunningSandbox;
let hs: HubSpot;
let files = 0;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const publish = async (strategy: Strategy) =>
  must(await publishStrategy(hs, strategy, { publishedBy: 'test', nowMs: NOW_MS })).version;

beforeEach(async () => {
  sandbox = await startSandbox({
    rateLimit: false,
    seed: { seed: 9, companies: 120, deals: 180, asOf: '2026-11-01' },
  });
  hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
  });
  must(await ensureFitProperties(hs));
  must(await ensureStrategyStore(hs));
});
afterEach(() => sandbox.close());

const optionsFor = (overrides: Partial<ScoreRunOptions> = {}): ScoreRunOptions => ({
  mode: { kind: 'all' },
  resume: false,
  batchSize: 100,
  nowMs: NOW_MS,
  target: sandbox.baseUrl,
  checkpointPath: join(dir, `run-${(files += 1)}.json`),
  progress: silentProgress,
  log: () => undefined,
  lockDir: dir,
  ...overrides,
});

/** The requests the sandbox received while `work` ran, by kind. */
const requestsDuring = async <T>(work: () => Promise<T>) => {
  const before = sandbox.control.requestsByKind();
  const result = await work();
  const kinds: Record<string, number> = {};
  for (const [kind, n] of sandbox.control.requestsByKind()) {
    if (n > (before.get(kind) ?? 0)) kinds[kind] = n - (before.get(kind) ?? 0);
  }
  return { result, kinds };
};

describe('runScore', () => {
  it('scores every company then every deal, reading no company twice; a second run writes nothing', async () => {
    await publish(EXAMPLE);
    const { result, kinds } = await requestsDuring(() => runScore(hs, optionsFor()));
    const first = must(result);
    expect(first).toMatchObject({
      strategyVersion: 1,
      companies: { scanned: 120, changed: 120, failed: 0 },
      deals: { scanned: 180, changed: 180, failed: 0 },
      stillStale: { companies: 0, deals: 0 },
    });
    // The deals' companies are the ones just scored, kept on disk: none is read again.
    expect(kinds['batch read companies']).toBeUndefined();
    expect(kinds['associations deals→companies']).toBeUndefined();
    expect(kinds['list deals']).toBe(2);
    const second = must(await runScore(hs, optionsFor({ nowMs: NOW_MS + 3_600_000 })));
    expect(second).toMatchObject({
      companies: { changed: 0, unchanged: 120 },
      deals: { changed: 0, unchanged: 180 },
    });
  });

  it('a run stopped after its first block resumes with its pinned version and "now", and ends without its checkpoint', async () => {
    await publish(EXAMPLE);
    const options = optionsFor({ batchSize: 5, depth: 1 });
    let blocks = 0;
    const stopped = must(
      await runScore(hs, {
        ...options,
        shouldStop: () => {
          blocks += 1;
          return blocks > 1;
        },
      }),
    );
    expect(stopped.interrupted).toBe(true);
    expect(stopped.stillStale).toBeNull();
    const checkpoint = must(await readCheckpoint(options.checkpointPath));
    expect(checkpoint).toMatchObject({ phase: 'companies', cursor: expect.any(String) });
    await publish(MINIMAL);
    const resumed = must(await runScore(hs, { ...options, resume: true, nowMs: NOW_MS + 99 }));
    expect(resumed).toMatchObject({
      resumed: true,
      strategyVersion: 1,
      newerVersion: 2,
      companies: { scanned: 120 },
      deals: { scanned: 180, failed: 0 },
      // Relative to the run's own version, nothing is left.
      stillStale: { companies: 0, deals: 0 },
    });
    expect(must(await readCheckpoint(options.checkpointPath))).toBeNull();
  });

  it('--resume counts every record the run scored, those written after the last checkpoint of the interrupted process included (issue 13)', async () => {
    await publish(EXAMPLE);
    const options = optionsFor({ batchSize: 5, depth: 1 });
    let blocks = 0;
    must(await runScore(hs, { ...options, shouldStop: () => (blocks += 1) > 1 }));
    // The checkpoint and its side files as the interrupted process left them after its first block…
    const saved = join(dir, 'saved');
    const files = readdirSync(dir).filter((f) => join(dir, f).startsWith(options.checkpointPath));
    for (const f of files) cpSync(join(dir, f), join(saved, f));
    // …then a process that wrote every other record and was killed before its next checkpoint:
    // the portal holds its writes, the checkpoint does not count them.
    must(await runScore(hs, { ...options, resume: true }));
    for (const f of files) cpSync(join(saved, f), join(dir, f));
    const resumed = must(await runScore(hs, { ...options, resume: true }));
    expect(resumed).toMatchObject({
      resumed: true,
      companies: { scanned: 120, changed: 120, unchanged: 0, failed: 0 },
      deals: { scanned: 180, changed: 180, unchanged: 0, failed: 0 },
    });
    // A new run (another "now") counts nothing it did not write.
    const again = must(await runScore(hs, optionsFor({ nowMs: NOW_MS + 1 })));
    expect(again).toMatchObject({ companies: { changed: 0 }, deals: { changed: 0 } });
  });

  it('--since scores the records changed since then and, once each, the deals of those companies', async () => {
    await publish(EXAMPLE);
    must(await runScore(hs, optionsFor()));
    const sinceMs = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    must(
      await writeRecords(hs, 'companies', [
        { id: '1001', properties: { industry: 'TOBACCO' } },
        { id: '1002', properties: { numberofemployees: '5' } },
      ]),
    );
    const { result, kinds } = await requestsDuring(() =>
      runScore(hs, optionsFor({ mode: { kind: 'since', sinceMs } })),
    );
    const run = must(result);
    expect(run.companies.scanned).toBe(2);
    expect(run.deals.scanned).toBe(0);
    expect(run.dealsOfChangedCompanies?.scanned).toBeGreaterThan(0);
    // The changed companies are kept: their deals do not read them again.
    expect(kinds['batch read companies']).toBeUndefined();
    expect(kinds['associations companies→deals']).toBe(1);
  });

  it('one run per portal at a time in this process too; the lock is free again after it', async () => {
    await publish(EXAMPLE);
    const [a, b] = await Promise.all([runScore(hs, optionsFor()), runScore(hs, optionsFor())]);
    const codes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(codes).toEqual(['already_running', 'ok']);
    expect(must(await runScore(hs, optionsFor())).companies.scanned).toBe(120);
  });

  it('refuses to run without a published strategy, without setup, or on another portal’s checkpoint', async () => {
    const none = await runScore(hs, optionsFor());
    expect(none.ok ? null : none.error.code).toBe('strategy_not_published');
    await publish(EXAMPLE);
    const options = optionsFor({ batchSize: 5, depth: 1, shouldStop: () => true });
    must(await runScore(hs, options));
    const other = await runScore(hs, { ...options, target: 'another portal', resume: true });
    expect(other.ok ? null : other.error.code).toBe('checkpoint_invalid');
  });

  it('counts at the end what is still stale: a --since run that selected nothing leaves every record', async () => {
    await publish(EXAMPLE);
    const run = must(
      await runScore(hs, optionsFor({ mode: { kind: 'since', sinceMs: Date.now() + 60_000 } })),
    );
    expect(run.stillStale).toEqual({ companies: 120, deals: 180 });
  });
});
