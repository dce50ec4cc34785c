// The review page's figures, three ways on one seeded sandbox portal: the app function
// `strategy_review` (as the page calls it: chunk after chunk, each a block of 200 records, merged),
// the CLI's `strategy-fit report --format json`, and an
// independent computation of every SCORING.md §9 figure straight from the records read back over
// plain HTTP (not through the adapter or the core), following SCORING §7 and §9 and the
// interpretation table of docs/review.md. The portal is scored by the page's own rescore.
import { Writable } from 'node:stream';

import { StrategyReview } from '@strategy-fit/core';
import type { EvidenceStats, StrategyReviewValue } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rescoreAll, reviewAll, startManagerPortal } from '../support/functions/manager-portal.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  loadExampleStrategy,
  MANAGER,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { reportCommand } from '../../tools/cli/src/commands/report.ts';
import { companyOfDeal, discountOf, ms, num, text } from './support/plain-readings.ts';
import { associations, dealStages, listAll, readByIds } from './support/portal.ts';
import type { Bag, PortalRecord } from './support/portal.ts';

const NOW_MS = Date.parse('2026-11-02T09:00:00Z');
const DAY_MS = 86_400_000;
const VERSION = 1;
const MIN_CLOSED = 20;

type Wins = { closed: number; won: number };
/**
 * docs/strategy.md: off strategy winning at least as often as dream+fit (SCORING §9), or dream
 * winning less often than fit, stretch or off strategy (issue 13); each side 20+ closed deals.
 */
const miscalibrationOf = (fit: Wins, off: Wins, [dream, fitTier, stretch]: Wins[]) => {
  const enough = (a: Wins, b: Wins) => a.closed >= MIN_CLOSED && b.closed >= MIN_CLOSED;
  const rate = (w: Wins) => w.won / w.closed;
  const dreamSides = [fitTier, stretch, off].filter(
    (w): w is Wins => w !== undefined && dream !== undefined && enough(dream, w),
  );
  const warn =
    (enough(fit, off) && rate(off) >= rate(fit)) ||
    dreamSides.some((w) => dream !== undefined && rate(dream) < rate(w));
  if (warn) return 'miscalibrated';
  return enough(fit, off) || dreamSides.length > 0 ? 'consistent' : 'insufficient_data';
};

let portal: TestPortal;
let fn: StrategyReviewValue;
let cliJson: unknown;
let expected: Expected;
let exceptions: Record<'approved' | 'expired' | 'lastDay' | 'requested' | 'rejected', string>;
let falseNegative: string;
let tooOld: string;

// ---------------------------------------------------------------------------------------------
// Rounding and totals, written here without the core (readings: support/plain-readings.ts).
// ---------------------------------------------------------------------------------------------
const cents = (xs: readonly number[]): number => xs.reduce((s, x) => s + Math.round(x * 100), 0);
const r2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
const r6 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);

type Total = { count: number; amount: number | null; withoutAmount: number };
const totalOf = (amounts: readonly (number | null)[]): Total => ({
  count: amounts.length,
  amount: r2(cents(amounts.filter((a): a is number => a !== null)) / 100),
  withoutAmount: amounts.filter((a) => a === null).length,
});

type Stats = {
  closed: number;
  won: number;
  winRate: number | null;
  medianCycleDays: number | null;
  averageAmount: number | null;
  averageDiscountPercent: number | null;
};

// ---------------------------------------------------------------------------------------------
// SCORING §9, computed from the records (docs/review.md: "Interpretation decisions").
// ---------------------------------------------------------------------------------------------
type Deal = {
  id: string;
  amount: number | null;
  ownerId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  isClosed: boolean;
  isWon: boolean;
  cycleDays: number | null;
  closedAtMs: number | null;
  discountPercent: number | null;
  tier: string | null;
  segmentId: string | null;
  offStrategy: boolean;
  reason: string | null;
  approved: boolean;
  companyTier: string | null;
  version: number | null;
  business: string | null;
};

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

const statsOf = (closed: readonly Deal[]): Stats => {
  const won = closed.filter((d) => d.isWon).length;
  return {
    closed: closed.length,
    won,
    winRate: closed.length === 0 ? null : r6(won / closed.length),
    medianCycleDays: r6(median(closed.flatMap((d) => (d.cycleDays === null ? [] : [d.cycleDays])))),
    averageAmount: r2(mean(closed.flatMap((d) => (d.amount === null ? [] : [d.amount])))),
    averageDiscountPercent: r2(
      mean(closed.flatMap((d) => (d.discountPercent === null ? [] : [d.discountPercent]))),
    ),
  };
};

const groupBy = <K>(deals: readonly Deal[], key: (d: Deal) => K): Map<K, Deal[]> => {
  const out = new Map<K, Deal[]>();
  for (const d of deals) out.set(key(d), [...(out.get(key(d)) ?? []), d]);
  return out;
};
const totalsBy = <K>(deals: readonly Deal[], key: (d: Deal) => K): Map<K, Total> =>
  new Map([...groupBy(deals, key)].map(([k, ds]) => [k, totalOf(ds.map((d) => d.amount))]));

const versionCounts = (versions: readonly (number | null)[]) => {
  const older = versions.filter((v) => v !== null && v < VERSION).length;
  const missingVersion = versions.filter((v) => v === null).length;
  return {
    total: versions.length,
    stale: older + missingVersion,
    current: versions.filter((v) => v === VERSION).length,
    older,
    missingVersion,
    newer: versions.filter((v) => v !== null && v > VERSION).length,
  };
};

/** "Fit deals win 2.6x as often": only where both sides have at least 20 closed deals. */
const liftOf = (side: Stats, base: Stats): number | null =>
  side.closed >= MIN_CLOSED && base.closed >= MIN_CLOSED && base.won > 0
    ? r6(side.won / side.closed / (base.won / base.closed))
    : null;

type Expected = ReturnType<typeof computeExpected>;

function computeExpected(input: {
  companies: PortalRecord[];
  deals: Deal[];
  ownerIds: string[];
  segmentIds: string[];
}) {
  const { companies, deals } = input;
  const open = deals.filter((d) => !d.isClosed);
  const closed = deals.filter((d) => d.isClosed);
  // SCORING §15: the evidence counts deals closed in the evidence window (365 days here).
  const windowStartMs = NOW_MS - (loadExampleStrategy().evidenceWindowDays ?? 365) * DAY_MS;
  const inWindow = closed.filter((d) => d.closedAtMs !== null && d.closedAtMs >= windowStartMs);
  const scoredClosed = inWindow.filter((d) => d.tier !== null);
  // SCORING §12, policy retain: existing business outside the strategy is not pipeline.
  const off = open.filter((d) => d.offStrategy && d.business !== 'existing');
  const reasonKey = (d: Deal) =>
    JSON.stringify([d.tier, d.tier === 'off_strategy' ? null : d.reason]);
  const split = (ds: Deal[]) => ({
    ...totalOf(ds.map((d) => d.amount)),
    byOwner: totalsBy(ds, (d) => d.ownerId),
    byStage: totalsBy(ds, (d) => JSON.stringify([d.pipelineId, d.stageId])),
    byReason: totalsBy(ds, reasonKey),
  });
  const tiers = [null, 'dream', 'fit', 'stretch', 'needs_data', 'off_strategy', 'refused'];
  const companyTier = (c: PortalRecord) => text(c.properties['strategy_fit_tier']);
  const fitStats = statsOf(scoredClosed.filter((d) => d.tier === 'dream' || d.tier === 'fit'));
  const offStats = statsOf(scoredClosed.filter((d) => d.offStrategy));
  const fnCandidates = closed.filter(
    (d) => d.isWon && (d.companyTier === 'off_strategy' || d.companyTier === 'refused'),
  );
  const falseNegatives = fnCandidates.filter(
    (d) => d.closedAtMs !== null && d.closedAtMs >= windowStartMs,
  );
  const owners = new Map<string | null, { scored: number; dream: number }>(
    input.ownerIds.map((id) => [id, { scored: 0, dream: 0 }]),
  );
  for (const c of companies) {
    const tier = companyTier(c);
    if (tier === null) continue;
    const id = text(c.properties['hubspot_owner_id']);
    const o = owners.get(id) ?? { scored: 0, dream: 0 };
    o.scored += 1;
    if (tier === 'dream') o.dream += 1;
    owners.set(id, o);
  }
  return {
    totals: {
      companies: companies.length,
      deals: deals.length,
      openDeals: totalOf(open.map((d) => d.amount)),
      closedDeals: closed.length,
    },
    companiesByTier: new Map(
      tiers.map((t) => [t, companies.filter((c) => companyTier(c) === t).length]),
    ),
    openDealsByTier: new Map(
      tiers.map((t) => [t, totalOf(open.filter((d) => d.tier === t).map((d) => d.amount))]),
    ),
    pipeline: {
      total: totalOf(off.map((d) => d.amount)),
      unapproved: split(off.filter((d) => !d.approved)),
      approved: split(off.filter((d) => d.approved)),
      rows: new Map(off.map((d) => [d.id, d])),
    },
    evidenceByTier: new Map(
      tiers.slice(1).map((t) => [t, statsOf(scoredClosed.filter((d) => d.tier === t))]),
    ),
    evidenceBySegment: new Map(
      [...input.segmentIds, null].map((s) => [
        s,
        statsOf(scoredClosed.filter((d) => d.segmentId === s)),
      ]),
    ),
    fitStats,
    offStats,
    unscoredClosed: inWindow.length - scoredClosed.length,
    miscalibration: miscalibrationOf(
      fitStats,
      offStats,
      ['dream', 'fit', 'stretch'].map((t) => statsOf(scoredClosed.filter((d) => d.tier === t))),
    ),
    lift: {
      fitDeals: liftOf(fitStats, offStats),
      byTier: new Map(
        ['dream', 'fit', 'stretch', 'needs_data'].map((t) => [
          t,
          liftOf(statsOf(scoredClosed.filter((d) => d.tier === t)), offStats),
        ]),
      ),
    },
    falseNegatives: {
      windowStartMs,
      total: totalOf(falseNegatives.map((d) => d.amount)),
      ids: falseNegatives.map((d) => d.id).sort(),
      withoutCloseDate: fnCandidates.filter((d) => d.closedAtMs === null).length,
    },
    capacity: new Map(
      [...owners].map(([id, o]) => [
        id,
        {
          scoredAccounts: o.scored,
          dreamAccounts: o.dream,
          overCap:
            id !== null && o.dream > (loadExampleStrategy().dreamCapacityPerOwner ?? Infinity),
          noFocus: id !== null && o.dream > 0 && 2 * o.dream >= o.scored,
        },
      ]),
    ),
    stale: {
      companies: versionCounts(companies.map((c) => num(c.properties['strategy_fit_version']))),
      deals: versionCounts(deals.map((d) => d.version)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the portal back over plain HTTP.
// ---------------------------------------------------------------------------------------------
const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'hubspot_owner_id',
  'pipeline',
  'dealstage',
  'createdate',
  'closedate',
  'discount_percent',
  'strategy_fit_tier',
  'strategy_fit_segment',
  'strategy_fit_off_strategy',
  'strategy_fit_reason',
  'strategy_fit_version',
  'strategy_fit_exception',
  'strategy_fit_exception_expires',
  'strategy_fit_business',
];

/** An approval counts until the end of its expiry day (UTC); SCORING §7. */
const isApproved = (p: Bag): boolean => {
  const expires = ms(p['strategy_fit_exception_expires']);
  return (
    text(p['strategy_fit_exception']) === 'approved' &&
    expires !== null &&
    NOW_MS < expires - (expires % DAY_MS) + DAY_MS
  );
};

async function readPortalBack(): Promise<Expected> {
  const http = { baseUrl: portal.sandbox.baseUrl, token: portal.sandbox.token };
  const companies = await listAll(http, 'companies', [
    'name',
    'hubspot_owner_id',
    'strategy_fit_tier',
    'strategy_fit_version',
  ]);
  const raw = await listAll(http, 'deals', DEAL_PROPERTIES);
  const stages = await dealStages(http);
  const ids = raw.map((d) => d.id);
  const dealCompanies = await associations(http, 'deals', 'companies', ids);
  const dealItems = await associations(http, 'deals', 'line_items', ids);
  const items = await readByIds(
    http,
    'line_items',
    [...dealItems.values()].flatMap((links) => links.map((l) => l.id)),
    ['price', 'quantity', 'amount'],
  );
  const tierOfCompany = new Map(
    companies.map((c) => [c.id, text(c.properties['strategy_fit_tier'])]),
  );
  const deals: Deal[] = raw.map((r) => {
    const p = r.properties;
    const stage = stages.get(text(p['dealstage']) ?? '');
    const isClosed = stage?.isClosed ?? false;
    const created = ms(p['createdate']);
    const closedAt = isClosed ? ms(p['closedate']) : null;
    const companyId = companyOfDeal(dealCompanies.get(r.id));
    const lineItems = (dealItems.get(r.id) ?? []).flatMap((l) => {
      const bag = items.get(l.id);
      return bag === undefined ? [] : [bag];
    });
    return {
      id: r.id,
      amount: num(p['amount']),
      ownerId: text(p['hubspot_owner_id']),
      pipelineId: text(p['pipeline']),
      stageId: text(p['dealstage']),
      isClosed,
      isWon: isClosed && stage?.isWon === true,
      cycleDays:
        created !== null && closedAt !== null && closedAt >= created
          ? (closedAt - created) / DAY_MS
          : null,
      closedAtMs: closedAt,
      business: text(p['strategy_fit_business']),
      discountPercent: discountOf(lineItems, p),
      tier: text(p['strategy_fit_tier']),
      segmentId: text(p['strategy_fit_segment']),
      offStrategy: text(p['strategy_fit_off_strategy'])?.toLowerCase() === 'true',
      reason: text(p['strategy_fit_reason']),
      approved: isApproved(p),
      companyTier: companyId === null ? null : (tierOfCompany.get(companyId) ?? null),
      version: num(p['strategy_fit_version']),
    };
  });
  const owners = await fetch(`${http.baseUrl}/crm/owners/2026-09?limit=500`, {
    headers: { authorization: `Bearer ${http.token}` },
  });
  const ownerIds = ((await owners.json()) as { results: { id: string }[] }).results.map(
    (o) => o.id,
  );
  // The strategy's segments in document order, then any other segment a closed deal carries.
  const known = loadExampleStrategy().segments.map((s) => s.id);
  const others = deals.flatMap((d) =>
    d.isClosed && d.tier !== null && d.segmentId !== null && !known.includes(d.segmentId)
      ? [d.segmentId]
      : [],
  );
  return computeExpected({
    companies,
    deals,
    ownerIds,
    segmentIds: [...known, ...new Set(others)],
  });
}

// ---------------------------------------------------------------------------------------------
// The portal: a seeded demo, scored by the page's rescore, then exceptions in every state and
// records created after scoring (never scored).
// ---------------------------------------------------------------------------------------------
const patchDeal = async (id: string, properties: Record<string, string>) => {
  const response = await fetch(`${portal.sandbox.baseUrl}/crm/objects/2026-09/deals/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${portal.sandbox.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ properties }),
  });
  expect(response.status).toBe(200);
};

const captured = () => {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { stream, text: () => out };
};

beforeAll(async () => {
  portal = await startManagerPortal({
    seed: { companies: 600, deals: 1200, seed: 5 },
    now: () => NOW_MS,
  });
  // A won deal of an off-strategy company inside the 12 months, and one closed before them.
  const grocer = await createCompany(portal.hs, COMPANIES.off_strategy);
  const won = (name: string, closedate: string) => ({
    dealname: name,
    amount: '31000.5',
    pipeline: 'default',
    dealstage: 'closedwon',
    closedate,
  });
  falseNegative = await createDeal(portal.hs, won('Grocer rollout', '2026-10-15'), {
    companyId: grocer,
  });
  tooOld = await createDeal(portal.hs, won('Grocer pilot', '2025-10-01'), { companyId: grocer });
  const chunks = await rescoreAll(portal.runtime);
  expect(chunks.at(-1)?.cursor).toBeNull();

  const stages = await dealStages(portal.sandbox);
  const off = (await listAll(portal.sandbox, 'deals', DEAL_PROPERTIES)).filter(
    (d) =>
      d.properties['strategy_fit_off_strategy'] === 'true' &&
      d.properties['strategy_fit_business'] !== 'existing' &&
      stages.get(d.properties['dealstage'] ?? '')?.isClosed === false,
  );
  const [a, b, c, d, e] = off.map((x) => x.id);
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined) {
    throw new Error('the seed has too few open off-strategy deals');
  }
  exceptions = { approved: a, expired: b, lastDay: c, requested: d, rejected: e };
  const decision = (status: string, expires?: string) => ({
    strategy_fit_exception: status,
    strategy_fit_exception_note: 'Strategic logo for the region',
    ...(expires === undefined
      ? {}
      : {
          strategy_fit_exception_by: MANAGER.email ?? '',
          strategy_fit_exception_expires: expires,
        }),
  });
  await patchDeal(a, decision('approved', '2099-12-31'));
  await patchDeal(b, decision('approved', '2026-10-01'));
  await patchDeal(c, decision('approved', '2026-11-02'));
  await patchDeal(d, decision('requested'));
  await patchDeal(e, decision('rejected'));
  // Never scored: a company, an open deal, a won and a lost deal.
  const fresh = await createCompany(portal.hs, { name: 'Fresh Ltd', industry: 'RETAIL' });
  await createDeal(
    portal.hs,
    { dealname: 'Fresh open', amount: '900', pipeline: 'default', dealstage: 'qualifiedtobuy' },
    { companyId: fresh },
  );
  await createDeal(
    portal.hs,
    {
      dealname: 'Fresh won',
      amount: '1200',
      pipeline: 'default',
      dealstage: 'closedwon',
      closedate: '2026-10-20',
    },
    { companyId: fresh },
  );
  await createDeal(portal.hs, {
    dealname: 'Fresh lost',
    pipeline: 'default',
    dealstage: 'closedlost',
    closedate: '2026-10-21',
  });

  const read = await reviewAll(portal.runtime, {}, { budgetMs: 0, blockSize: 200 });
  expect(read.chunks.length).toBeGreaterThan(10);
  fn = read.value;

  const stdout = captured();
  const stderr = captured();
  const code = await reportCommand(
    portal.hs,
    { format: 'json', progress: false },
    { stdout: stdout.stream, stderr: stderr.stream, nowMs: NOW_MS },
  );
  expect(code, stderr.text()).toBe(0);
  cliJson = JSON.parse(stdout.text());
  expected = await readPortalBack();
}, 120_000);
afterAll(() => portal.close());

// ---------------------------------------------------------------------------------------------

describe('the review page’s figures = `strategy-fit report` = SCORING §9 over the records', () => {
  it('the function’s review is the CLI report’s JSON, field by field, and complete', () => {
    expect(fn.review.completeness).toEqual({ partial: false, reasons: [] });
    expect(StrategyReview.parse(cliJson)).toEqual(fn.review);
  });

  it('totals and the tier distribution of companies and of open deals', () => {
    const r = fn.review;
    expect({ ...r.totals, openDeals: { ...r.totals.openDeals } }).toEqual(expected.totals);
    expect(r.tierDistribution.companies.total).toBe(expected.totals.companies);
    expect(new Map(r.tierDistribution.companies.rows.map((x) => [x.tier, x.count]))).toEqual(
      expected.companiesByTier,
    );
    expect(
      new Map(
        r.tierDistribution.openDeals.rows.map((x) => [
          x.tier,
          { count: x.count, amount: x.amount, withoutAmount: x.withoutAmount },
        ]),
      ),
    ).toEqual(expected.openDealsByTier);
    // Records created after scoring are counted as never scored.
    expect(expected.companiesByTier.get(null)).toBe(1);
  });

  it('off-strategy open pipeline: unapproved vs approved exceptions, by owner, stage and reason', () => {
    const p = fn.review.offStrategyPipeline;
    const sideOf = (s: typeof p.unapproved) => ({
      count: s.count,
      amount: s.amount,
      withoutAmount: s.withoutAmount,
      byOwner: new Map(s.byOwner.map((g) => [g.ownerId, totalFields(g)])),
      byStage: new Map(
        s.byStage.map((g) => [JSON.stringify([g.pipelineId, g.stageId]), totalFields(g)]),
      ),
      byReason: new Map(
        s.byReason.map((g) => [JSON.stringify([g.tier, g.reason]), totalFields(g)]),
      ),
    });
    expect(totalFields(p.total)).toEqual(expected.pipeline.total);
    expect(sideOf(p.unapproved)).toEqual(expected.pipeline.unapproved);
    expect(sideOf(p.approved)).toEqual(expected.pipeline.approved);
    // An approval counts through its expiry day; an expired one, a request or a rejection do not.
    const approved = new Map(p.deals.map((d) => [d.dealId, d.approved]));
    expect(
      Object.fromEntries(Object.entries(exceptions).map(([k, id]) => [k, approved.get(id)])),
    ).toEqual({
      approved: true,
      expired: false,
      lastDay: true,
      requested: false,
      rejected: false,
    });
    expect(p.approved.count).toBe(2);
    // Every row with its amount, owner, stage and reason, as the record has them.
    expect(p.dealsOmitted).toBe(0);
    expect(p.deals.map((d) => d.dealId).sort()).toEqual([...expected.pipeline.rows.keys()].sort());
    for (const row of p.deals) {
      const d = expected.pipeline.rows.get(row.dealId);
      expect([row.amount, row.ownerId, row.pipelineId, row.stageId, row.tier, row.reason]).toEqual([
        d?.amount,
        d?.ownerId,
        d?.pipelineId,
        d?.stageId,
        d?.tier,
        d?.reason,
      ]);
    }
  });

  it('strategy evidence per tier and per segment: closed, win rate, median cycle, average amount and discount', () => {
    const e = fn.review.strategyEvidence;
    const stats = (s: EvidenceStats): Stats => ({
      closed: s.closed,
      won: s.won,
      winRate: r6(s.winRate),
      medianCycleDays: r6(s.medianCycleDays),
      averageAmount: r2(s.averageAmount),
      averageDiscountPercent: r2(s.averageDiscountPercent),
    });
    expect(new Map(e.byTier.map((t) => [t.tier, stats(t)]))).toEqual(expected.evidenceByTier);
    expect(new Map(e.bySegment.map((s) => [s.segmentId, stats(s)]))).toEqual(
      expected.evidenceBySegment,
    );
    expect(stats(e.fitDeals)).toEqual(expected.fitStats);
    expect(stats(e.offStrategyDeals)).toEqual(expected.offStats);
    expect(e.unscoredClosed).toBe(expected.unscoredClosed);
    expect(e.unscoredClosed).toBe(2);
    // The seed has closed deals on every side, so each figure is exercised.
    expect(expected.fitStats.closed).toBeGreaterThanOrEqual(MIN_CLOSED);
    expect(expected.offStats.closed).toBeGreaterThanOrEqual(MIN_CLOSED);
    expect(expected.fitStats.averageDiscountPercent).not.toBeNull();
  });

  it('the miscalibration warning and lift per tier (each side at least 20 closed deals)', () => {
    expect(fn.review.miscalibration.status).toBe(expected.miscalibration);
    expect(fn.review.miscalibration.warning).toBe(expected.miscalibration === 'miscalibrated');
    expect(r6(fn.review.lift.fitDeals.lift)).toBe(expected.lift.fitDeals);
    expect(expected.lift.fitDeals).not.toBeNull();
    expect(new Map(fn.review.lift.byTier.map((t) => [t.tier, r6(t.lift)]))).toEqual(
      expected.lift.byTier,
    );
  });

  it('false negatives: won in the last 12 months with a company off strategy or refused today', () => {
    const f = fn.review.falseNegatives;
    expect(f.windowStartMs).toBe(expected.falseNegatives.windowStartMs);
    expect(totalFields(f.total)).toEqual(expected.falseNegatives.total);
    expect(f.deals.map((d) => d.dealId).sort()).toEqual(expected.falseNegatives.ids);
    expect(f.withoutCloseDate).toBe(expected.falseNegatives.withoutCloseDate);
    expect(expected.falseNegatives.ids).toContain(falseNegative);
    expect(expected.falseNegatives.ids).not.toContain(tooOld);
  });

  it('dream capacity per owner against the cap', () => {
    const c = fn.review.dreamCapacity;
    expect(c.capPerOwner).toBe(loadExampleStrategy().dreamCapacityPerOwner);
    expect(
      new Map(
        c.owners.map((o) => [
          o.ownerId,
          {
            scoredAccounts: o.scoredAccounts,
            dreamAccounts: o.dreamAccounts,
            overCap: o.overCap,
            noFocus: o.noFocus,
          },
        ]),
      ),
    ).toEqual(expected.capacity);
  });

  it('stale scores: older than the published version or never scored', () => {
    expect(fn.review.staleScores.companies).toEqual(expected.stale.companies);
    expect(fn.review.staleScores.deals).toEqual(expected.stale.deals);
    expect(expected.stale.companies.missingVersion).toBe(1);
    expect(expected.stale.deals.missingVersion).toBe(3);
  });
});

function totalFields(t: { count: number; amount: number; withoutAmount: number }): Total {
  return { count: t.count, amount: r2(t.amount), withoutAmount: t.withoutAmount };
}
