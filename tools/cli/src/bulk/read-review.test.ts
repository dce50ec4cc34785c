import { StrategySchema } from '@strategy-fit/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { createFakeCrm, createFakePortal } from './fake-crm.test-support.ts';
import { silentProgress } from './progress.ts';
import { readReview } from './read-review.ts';
import { runScore } from './run-score.ts';
import { runSimulation } from './run-simulation.ts';

const strategy = StrategySchema.parse({
  schemaVersion: 1,
  name: 'Software',
  segments: [
    {
      id: 'software',
      name: 'Software',
      priority: 'core',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }],
    },
  ],
  exclusions: [
    {
      id: 'tobacco',
      reason: 'No tobacco',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'TOBACCO' }],
    },
  ],
});
const banks = StrategySchema.parse({
  ...strategy,
  name: 'Banks',
  segments: [
    {
      ...strategy.segments[0],
      id: 'banks',
      name: 'Banks',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'BANKING' }],
    },
  ],
});

const NOW_MS = Date.parse('2027-01-15T08:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scoredPortal = async () => {
  const fake = createFakeCrm(createFakePortal(strategy, 50, 90));
  const run = await runScore(fake.crm, {
    mode: { kind: 'all' },
    resume: false,
    batchSize: 100,
    nowMs: NOW_MS,
    target: 'fake',
    checkpointPath: join(dir, `${Math.random()}.json`),
    progress: silentProgress,
    log: () => undefined,
  });
  expect(run.ok).toBe(true);
  return fake;
};

describe('readReview', () => {
  it('feeds every stored score into the review, with stage metadata and each deal’s company tier', async () => {
    const fake = await scoredPortal();
    const read = await readReview(fake.crm, { nowMs: NOW_MS, progress: silentProgress });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { review, names } = read.value;
    expect(review.totals.companies).toBe(50);
    expect(review.totals.deals).toBe(90);
    expect(review.totals.closedDeals).toBe(60); // stages won, lost
    const tiers = new Map<string, number>();
    for (const bag of fake.portal.companies.values()) {
      tiers.set(bag.strategy_fit_tier ?? '', (tiers.get(bag.strategy_fit_tier ?? '') ?? 0) + 1);
    }
    for (const row of review.tierDistribution.companies.rows) {
      expect(row.count).toBe(tiers.get(row.tier ?? '') ?? 0);
    }
    expect(names).toMatchObject({
      strategyName: 'Software',
      segmentNames: { software: 'Software' },
      stageLabels: { won: 'Won' },
    });
    expect(fake.writes.length).toBe(140); // the scoring run's; the review writes nothing
  });

  it('refuses to review a portal without a published strategy', async () => {
    const fake = createFakeCrm({ ...createFakePortal(strategy, 1, 0), versions: [] });
    const read = await readReview(fake.crm, { nowMs: NOW_MS, progress: silentProgress });
    expect(!read.ok && read.error.code).toBe('strategy_not_published');
  });
});

describe('runSimulation', () => {
  it('moves companies and their open pipeline from the published tiers to the proposed ones, writing nothing', async () => {
    const fake = await scoredPortal();
    const writes = fake.writes.length;
    const sim = await runSimulation(fake.crm, banks, { nowMs: NOW_MS, progress: silentProgress });
    expect(sim.ok).toBe(true);
    if (!sim.ok) return;
    const { matrix, publishedVersion } = sim.value;
    expect(publishedVersion).toBe(1);
    expect(fake.writes.length).toBe(writes);
    expect(matrix.total.companies).toBe(50);
    // Open deals with a company: every third deal is open, every tenth has no company.
    const open = [...fake.portal.deals.entries()].filter(
      ([id, d]) => d.dealstage === 'open' && fake.portal.dealCompanies.has(id),
    );
    expect(matrix.total.openDeals).toBe(open.length);
    expect(matrix.total.openAmount).toBeCloseTo(
      open.reduce((s, [, d]) => s + Number(d.amount), 0),
      2,
    );
    // Software companies leave "fit"; banks arrive.
    const row = (tier: string) => matrix.rows.find((r) => r.oldTier === tier);
    expect(row('fit')?.cells.find((c) => c.newTier === 'off_strategy')?.companies).toBe(10);
    expect(row('off_strategy')?.cells.find((c) => c.newTier === 'fit')?.companies).toBe(10);
  });

  it('counts every company as never scored when nothing is published', async () => {
    const fake = createFakeCrm({ ...createFakePortal(strategy, 20, 0), versions: [] });
    const sim = await runSimulation(fake.crm, banks, { nowMs: NOW_MS, progress: silentProgress });
    expect(sim.ok && sim.value.matrix.newlyScored.companies).toBe(20);
  });
});
