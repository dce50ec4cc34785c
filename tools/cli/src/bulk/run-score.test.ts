import {
  compileStrategy,
  companyFitProperties,
  dealFitProperties,
  scoreCompany,
  scoreDeal,
  StrategySchema,
} from '@strategy-fit/core';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
      companyFitProperties(scoreCompany(compiled, facts(id)), stamp),
    ]),
  );
  const deals = Object.fromEntries(
    [...portal.deals.entries()].map(([id, bag]) => {
      const companyId = portal.dealCompanies.get(id)?.[0]?.id ?? null;
      const company =
        companyId === null
          ? null
          : { facts: facts(companyId), score: scoreCompany(compiled, facts(companyId)) };
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

describe('runScore --since: the deals of changed companies', () => {
  const SINCE = 100_000;
  const EDITED = String(SINCE + 1);

  /**
   * A scored portal, then edits after SINCE: companies 101 (now tobacco: refused) and 104, a deal
   * of 101, a deal of an unedited company, and two deals linked to 101 besides their own company.
   */
  const editedPortal = async (companies = 60, deals = 150) => {
    const portal = createFakePortal(strategy, companies, deals);
    const ids = [...portal.companies.keys()];
    const [c1, c2, , , c5] = ids as [string, string, string, string, string];
    portal.deals.set('9001', { amount: '50000', dealstage: 'open', hs_lastmodifieddate: '0' });
    portal.dealCompanies.set('9001', [
      { id: c5, primary: true },
      { id: c1, primary: false },
    ]);
    portal.deals.set('9003', { amount: '50000', dealstage: 'open', hs_lastmodifieddate: '0' });
    portal.dealCompanies.set('9003', [
      { id: c1, primary: true },
      { id: c2, primary: false },
    ]);
    const first = await runScore(createFakeCrm(portal).crm, optionsFor());
    expect(first.ok).toBe(true);

    Object.assign(portal.companies.get(c1) ?? {}, {
      industry: 'TOBACCO',
      hs_lastmodifieddate: EDITED,
    });
    Object.assign(portal.companies.get(c2) ?? {}, {
      numberofemployees: '3',
      hs_lastmodifieddate: EDITED,
    });
    const dealsOf = (company: string) =>
      [...portal.dealCompanies].filter(([, links]) => links[0]?.id === company).map(([id]) => id);
    const bothSets = dealsOf(c1)[0] ?? '';
    Object.assign(portal.deals.get(bothSets) ?? {}, { amount: '1', hs_lastmodifieddate: EDITED });
    const elsewhere = dealsOf(c5)[0] ?? '';
    Object.assign(portal.deals.get(elsewhere) ?? {}, { hs_lastmodifieddate: EDITED });
    // Refused now, so the deals of 101 change; the deals of 104 keep their fit (banks).
    const refused = dealsOf(c1).filter((id) => id !== bothSets);
    const ofChanged = [...refused, ...dealsOf(c2)];
    return { portal, c1, c2, bothSets, elsewhere, ofChanged, refused };
  };

  const sinceOptions = (overrides: Partial<ScoreRunOptions> = {}) =>
    optionsFor({ mode: { kind: 'since', sinceMs: SINCE }, ...overrides });

  const dealWrites = (fake: ReturnType<typeof createFakeCrm>) =>
    fake.writes.filter((w) => w.objectType === 'deals').map((w) => w.id);

  it('scores every deal whose own company changed, once, and only those', async () => {
    const { portal, bothSets, ofChanged, refused } = await editedPortal();
    const fake = createFakeCrm(portal);
    const run = await runScore(fake.crm, sinceOptions());
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.companies).toMatchObject({ scanned: 2 });
    expect(run.value.deals).toMatchObject({ scanned: 2 });
    // 9003 (also linked to 104) counts once; 9001 (its company is unchanged) not at all.
    expect(ofChanged).toContain('9003');
    expect(run.value.dealsOfChangedCompanies).toEqual({
      scanned: ofChanged.length,
      changed: refused.length,
      unchanged: ofChanged.length - refused.length,
      failed: 0,
    });
    expect(refused.length).toBeGreaterThan(0);
    expect(ofChanged.length).toBeGreaterThan(refused.length);
    expect(fitOf(portal)).toEqual(expectedPortal(portal));
    const written = dealWrites(fake);
    expect(new Set(written).size).toBe(written.length);
    expect(written.sort()).toEqual([bothSets, ...refused].sort());
    expect(written).not.toContain('9001');
    expect(
      readdirSync(dir).filter((f) => f.endsWith('.companies') || f.endsWith('.deals')),
    ).toEqual([]);

    // Nothing changed since: the same run reads (those still selected) again and writes nothing.
    const again = await runScore(fake.crm, sinceOptions());
    expect(again.ok && again.value.dealsOfChangedCompanies).toMatchObject({
      changed: 0,
      failed: 0,
    });
    expect(dealWrites(fake)).toHaveLength(written.length);
  });

  it('follows HubSpot’s association paging and small batches to the same result', async () => {
    const { portal, ofChanged } = await editedPortal();
    const fake = createFakeCrm(portal, { associationPage: 1 });
    const run = await runScore(fake.crm, sinceOptions({ batchSize: 1, depth: 3 }));
    expect(run.ok && run.value.dealsOfChangedCompanies?.scanned).toBe(ofChanged.length);
    expect(fitOf(portal)).toEqual(expectedPortal(portal));
    // Each page asks for at most one company; a company's next deal comes with its `after`.
    expect(fake.calls.readCompanyDealsPage).toBeGreaterThanOrEqual(ofChanged.length + 1);
  });

  it('has no deals-of-changed-companies phase when no company changed', async () => {
    const portal = createFakePortal(strategy, 20, 40);
    const fake = createFakeCrm(portal);
    await runScore(fake.crm, optionsFor());
    const run = await runScore(fake.crm, sinceOptions());
    expect(run.ok && run.value.dealsOfChangedCompanies).toEqual({
      scanned: 0,
      changed: 0,
      unchanged: 0,
      failed: 0,
    });
    expect(fake.calls.readCompanyDealsPage).toBeUndefined();
    const all = await runScore(fake.crm, optionsFor());
    expect(all.ok && all.value.dealsOfChangedCompanies).toBeNull();
  });

  it('resumes a run stopped among the deals of changed companies: each deal written once', async () => {
    const { portal, bothSets, ofChanged, refused } = await editedPortal(30, 300);
    const fake = createFakeCrm(portal, { associationPage: 3 });
    fake.failCall('readCompanyDealsPage', 3);
    const options = sinceOptions({ batchSize: 1 });
    const stopped = await runScore(fake.crm, options);
    expect(stopped.ok && stopped.value.stopped?.code).toBe('hubspot_unavailable');
    const kept = await readCheckpoint(options.checkpointPath);
    expect(kept.ok && kept.value).toMatchObject({
      phase: 'companyDeals',
      cursor: expect.any(String),
      recorded: { companies: 2, deals: 2, dealsInOrder: true },
    });
    const before = kept.ok ? (kept.value?.counters.companyDeals.scanned ?? 0) : 0;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(ofChanged.length);
    // A kill between appending a page's ids and saving the checkpoint leaves ids it does not count.
    appendFileSync(`${options.checkpointPath}.companies`, '00000000000000000107\n0000');
    appendFileSync(`${options.checkpointPath}.deals`, '00000000000000005001\n');

    const resumed = await runScore(fake.crm, { ...options, resume: true });
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.value.companies.scanned).toBe(2);
    expect(resumed.value.dealsOfChangedCompanies?.scanned).toBe(ofChanged.length);
    expect(fitOf(portal)).toEqual(expectedPortal(portal));
    const written = dealWrites(fake);
    expect(new Set(written).size).toBe(written.length);
    expect(written.sort()).toEqual([bothSets, ...refused].sort());
  });

  it('counts the deals of a page whose companies cannot be read as failed, and goes on', async () => {
    const { portal, ofChanged } = await editedPortal();
    const fake = createFakeCrm(portal);
    // 1: the deals phase's page; 2: the first page of deals of changed companies.
    fake.failCall('readDealCompanyIds', 2);
    const run = await runScore(fake.crm, sinceOptions());
    expect(run.ok && run.value.dealsOfChangedCompanies).toMatchObject({ changed: 0 });
    const failed = run.ok ? (run.value.dealsOfChangedCompanies?.failed ?? 0) : 0;
    // Every deal linked to the changed companies and not scored yet, 9001 included.
    expect(failed).toBe(ofChanged.length + 1);
    expect(run.ok && run.value.failed.every((f) => f.objectType === 'deals')).toBe(true);
  });

  it('refuses to resume when the recorded company ids are gone', async () => {
    const { portal } = await editedPortal();
    const fake = createFakeCrm(portal);
    fake.failCall('searchRecords', 2); // the deals phase's first page
    const options = sinceOptions();
    const stopped = await runScore(fake.crm, options);
    expect(stopped.ok && stopped.value.stopped).not.toBeNull();
    rmSync(`${options.checkpointPath}.companies`);
    const resumed = await runScore(fake.crm, { ...options, resume: true });
    expect(!resumed.ok && resumed.error.code).toBe('checkpoint_invalid');
    expect(!resumed.ok && resumed.error.message).toMatch(/\.companies, which is missing/);
  });
});
