import {
  compileStrategy,
  companyFitProperties,
  dealFitProperties,
  evaluateCompany,
  scoreDeal,
  StrategySchema,
} from '@strategy-fit/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { readCheckpoint } from './checkpoint.ts';
import {
  COMPANY_DEFINITIONS,
  createFakeCrm,
  createFakePortal,
  DEAL_DEFINITIONS,
} from './fake-crm.test-support.ts';
import type { FakePortal } from './fake-crm.test-support.ts';
import { silentProgress } from './progress.ts';
import { runScore } from './run-score.ts';
import type { ScoreRunOptions } from './run-score.ts';
import { writtenFitProperties } from './strategy-properties.ts';

const strategy = StrategySchema.parse({
  schemaVersion: 1,
  name: 'Software and banks',
  segments: [
    {
      id: 'software',
      name: 'Software',
      priority: 'dream',
      criteria: [
        {
          property: 'industry',
          operator: 'EQ',
          value: 'COMPUTER_SOFTWARE',
          weight: 2,
          required: true,
        },
        { property: 'numberofemployees', operator: 'GTE', value: 50 },
      ],
      dealAmount: { min: 20_000 },
    },
    {
      id: 'banks',
      name: 'Banks',
      priority: 'core',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'BANKING' }],
    },
  ],
  exclusions: [
    {
      id: 'tobacco',
      reason: 'No tobacco',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'TOBACCO' }],
    },
  ],
  dealChecks: { maxDiscountPercent: 20 },
});
const newer = StrategySchema.parse({
  ...strategy,
  name: 'Banks only',
  segments: [strategy.segments[1]],
});

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const NOW_MS = Date.parse('2027-01-15T08:00:00Z');

const optionsFor = (overrides: Partial<ScoreRunOptions> = {}): ScoreRunOptions => ({
  mode: { kind: 'all' },
  resume: false,
  batchSize: 100,
  nowMs: NOW_MS,
  target: 'fake portal',
  checkpointPath: join(dir, `checkpoint-${(files += 1)}.json`),
  progress: silentProgress,
  log: () => undefined,
  clock: () => NOW_MS,
  ...overrides,
});

/** The fit properties every record should carry, computed straight with the core. */
const expectedPortal = (portal: FakePortal, version = 1) => {
  const compiled = compileStrategy(
    portal.versions.find((v) => v.version === version)?.strategy ?? strategy,
  );
  const stamp = { version, scoredAt: new Date(NOW_MS).toISOString() };
  const facts = (id: string) => ({
    id,
    properties: portal.companies.get(id) ?? {},
    definitions: COMPANY_DEFINITIONS,
    nowMs: NOW_MS,
  });
  const companies = Object.fromEntries(
    [...portal.companies.keys()].map((id) => [
      id,
      companyFitProperties(evaluateCompany(compiled, facts(id)), stamp),
    ]),
  );
  const deals = Object.fromEntries(
    [...portal.deals.entries()].map(([id, bag]) => {
      const companyId = portal.dealCompanies.get(id)?.[0]?.id ?? null;
      const company =
        companyId === null
          ? null
          : { facts: facts(companyId), evaluation: evaluateCompany(compiled, facts(companyId)) };
      const score = scoreDeal(compiled, {
        deal: { id, properties: bag, definitions: DEAL_DEFINITIONS, nowMs: NOW_MS },
        company,
        lineItems: [],
        nowMs: NOW_MS,
      });
      return [id, dealFitProperties(score, stamp)];
    }),
  );
  return { companies, deals };
};

const fitOf = (portal: FakePortal) => {
  const pick = (bag: Record<string, string | null>, names: string[]) =>
    Object.fromEntries(names.map((n) => [n, bag[n] ?? '']));
  return {
    companies: Object.fromEntries(
      [...portal.companies.entries()].map(([id, bag]) => [
        id,
        pick(bag, writtenFitProperties('companies')),
      ]),
    ),
    deals: Object.fromEntries(
      [...portal.deals.entries()].map(([id, bag]) => [
        id,
        pick(bag, writtenFitProperties('deals')),
      ]),
    ),
  };
};

describe('runScore', () => {
  it('scores every company then every deal as the core does, and a second run writes nothing', async () => {
    const fake = createFakeCrm(createFakePortal(strategy, 250, 420));
    const first = await runScore(fake.crm, optionsFor());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.companies).toEqual({ scanned: 250, changed: 250, unchanged: 0, failed: 0 });
    expect(first.value.deals).toEqual({ scanned: 420, changed: 420, unchanged: 0, failed: 0 });
    expect(fitOf(fake.portal)).toEqual(expectedPortal(fake.portal));
    // Companies first, then deals; batches of at most 100.
    const firstDeal = fake.writes.findIndex((w) => w.objectType === 'deals');
    expect(fake.writes.slice(firstDeal).every((w) => w.objectType === 'deals')).toBe(true);
    expect(fake.calls.listRecords).toBe(3 + 5);

    const writesBefore = fake.writes.length;
    const second = await runScore(fake.crm, optionsFor({ nowMs: NOW_MS + 3_600_000 }));
    expect(second.ok && second.value.companies).toEqual({
      scanned: 250,
      changed: 0,
      unchanged: 250,
      failed: 0,
    });
    expect(second.ok && second.value.deals).toEqual({
      scanned: 420,
      changed: 0,
      unchanged: 420,
      failed: 0,
    });
    expect(fake.writes.length).toBe(writesBefore);
  });

  it('removes the checkpoint at the end and leaves it after a failed page read', async () => {
    const fake = createFakeCrm(createFakePortal(strategy, 250, 0));
    fake.failCall('listRecords', 2);
    const options = optionsFor({ batchSize: 50 });
    const run = await runScore(fake.crm, options);
    expect(run.ok && run.value.stopped?.code).toBe('hubspot_unavailable');
    const kept = await readCheckpoint(options.checkpointPath);
    expect(kept.ok && kept.value).toMatchObject({
      phase: 'companies',
      cursor: fake.portal.companies.size > 50 ? expect.any(String) : null,
    });
    expect(kept.ok && kept.value?.counters.companies.scanned).toBe(50);

    const resumed = await runScore(fake.crm, { ...options, resume: true });
    expect(resumed.ok && resumed.value.resumed).toBe(true);
    expect(resumed.ok && resumed.value.companies.scanned).toBe(250);
    expect(await readCheckpoint(options.checkpointPath)).toEqual({ ok: true, value: null });
    // Nothing written twice, nothing left out.
    const ids = fake.writes.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(250);
  });

  it('resumes a run stopped in the deals phase with its pinned version and "now"', async () => {
    const portal = createFakePortal(strategy, 120, 300);
    const fake = createFakeCrm(portal);
    fake.failCall('listRecords', 4); // 2 company pages, then deals page 1 ok, page 2 fails
    const options = optionsFor();
    const stopped = await runScore(fake.crm, options);
    expect(stopped.ok && stopped.value.stopped).not.toBeNull();
    portal.versions.push({ version: 2, strategy: newer });
    const resumed = await runScore(fake.crm, {
      ...options,
      resume: true,
      nowMs: NOW_MS + 86_400_000,
    });
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.value.strategyVersion).toBe(1);
    expect(resumed.value.newerVersion).toBe(2);
    expect(resumed.value.deals.scanned).toBe(300);
    expect(fitOf(portal)).toEqual(expectedPortal(portal, 1));
  });

  it('pins the version published at the start when another is published mid-run', async () => {
    const portal = createFakePortal(strategy, 300, 50);
    const fake = createFakeCrm(portal);
    fake.beforeCall = (name, count) => {
      if (name === 'listRecords' && count === 2 && portal.versions.length === 1) {
        portal.versions.push({ version: 2, strategy: newer });
      }
    };
    const run = await runScore(fake.crm, optionsFor());
    expect(run.ok && run.value.newerVersion).toBe(2);
    const versions = new Set(
      [...portal.companies.values(), ...portal.deals.values()].map((b) => b.strategy_fit_version),
    );
    expect(versions).toEqual(new Set(['1']));
  });

  it('reports records whose write failed, with ids and codes, and goes on', async () => {
    const fake = createFakeCrm(createFakePortal(strategy, 30, 10));
    fake.failIds.add('104');
    fake.failIds.add('5003');
    const run = await runScore(fake.crm, optionsFor());
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.companies).toEqual({ scanned: 30, changed: 29, unchanged: 0, failed: 1 });
    expect(run.value.deals).toEqual({ scanned: 10, changed: 9, unchanged: 0, failed: 1 });
    expect(run.value.failed).toEqual([
      {
        objectType: 'companies',
        id: '104',
        code: 'hubspot_bad_request',
        message: 'cannot write 104',
      },
      {
        objectType: 'deals',
        id: '5003',
        code: 'hubspot_bad_request',
        message: 'cannot write 5003',
      },
    ]);
  });

  it('fails a whole deal page when its companies cannot be read, and goes on', async () => {
    const fake = createFakeCrm(createFakePortal(strategy, 10, 150));
    fake.failCall('readDealCompanyIds', 1);
    const run = await runScore(fake.crm, optionsFor());
    expect(run.ok && run.value.deals).toEqual({
      scanned: 150,
      changed: 50,
      unchanged: 0,
      failed: 100,
    });
  });

  it('--stale-only and --since select records by version and modification time', async () => {
    const portal = createFakePortal(strategy, 250, 0);
    const fake = createFakeCrm(portal);
    await runScore(fake.crm, optionsFor());
    portal.versions.push({ version: 2, strategy: newer });
    const stale = await runScore(fake.crm, optionsFor({ mode: { kind: 'stale' } }));
    expect(stale.ok && stale.value.companies.scanned).toBe(250);
    expect(fitOf(portal)).toEqual(expectedPortal(portal, 2));
    const again = await runScore(fake.crm, optionsFor({ mode: { kind: 'stale' } }));
    expect(again.ok && again.value.companies.scanned).toBe(0);
    const since = await runScore(fake.crm, optionsFor({ mode: { kind: 'since', sinceMs: 240 } }));
    expect(since.ok && since.value.companies.scanned).toBe(250); // every record was written since
  });

  it('stops after the pages already read when interrupted, keeps the checkpoint, and resumes', async () => {
    const fake = createFakeCrm(createFakePortal(strategy, 400, 100));
    const options = optionsFor({ batchSize: 50 });
    let stop = false;
    fake.beforeCall = (name, count) => {
      if (name === 'writeRecords' && count === 2) stop = true;
    };
    const run = await runScore(fake.crm, { ...options, shouldStop: () => stop });
    expect(run.ok && run.value.interrupted).toBe(true);
    expect(run.ok && run.value.companies.scanned).toBeLessThan(400);
    const kept = await readCheckpoint(options.checkpointPath);
    expect(kept.ok && kept.value?.phase).toBe('companies');
    const resumed = await runScore(fake.crm, { ...options, resume: true });
    expect(resumed.ok && resumed.value.interrupted).toBe(false);
    expect(resumed.ok && resumed.value.companies.scanned).toBe(400);
    expect(resumed.ok && resumed.value.deals.scanned).toBe(100);
  });

  it('refuses to run without a published strategy or without setup', async () => {
    const none = createFakeCrm({ ...createFakePortal(strategy, 1, 0), versions: [] });
    const a = await runScore(none.crm, optionsFor());
    expect(!a.ok && a.error.code).toBe('strategy_not_published');
    const noSetup = createFakeCrm(createFakePortal(strategy, 1, 0), { setupDone: false });
    const b = await runScore(noSetup.crm, optionsFor());
    expect(!b.ok && b.error.message).toMatch(
      /strategy_fit_score does not exist.*strategy-fit setup/,
    );
  });

  it('refuses a checkpoint of another portal', async () => {
    const fake = createFakeCrm(createFakePortal(strategy, 150, 0));
    fake.failCall('listRecords', 2);
    const options = optionsFor();
    await runScore(fake.crm, options);
    const other = await runScore(fake.crm, { ...options, target: 'another portal', resume: true });
    expect(!other.ok && other.error.code).toBe('checkpoint_invalid');
  });
});
