import { describe, expect, it } from 'vitest';

import { createReviewAccumulator } from './create-review-accumulator.ts';
import { median } from './median.ts';
import type { EvidenceStats } from './schema.ts';
import { StrategyReview } from './schema.ts';
import {
  approvedUntil,
  closedDeals,
  company,
  DAY,
  deal,
  NOW_MS,
  reviewOf,
  STRATEGY,
} from '../../../../../../test/support/core/review-fixtures.ts';

const EMPTY_STATS: EvidenceStats = {
  closed: 0,
  won: 0,
  winRate: null,
  medianCycleDays: null,
  cycleKnown: 0,
  averageAmount: null,
  amountKnown: 0,
  averageDiscountPercent: null,
  discountKnown: 0,
};
const COMPLETE = { partial: false, reasons: [] };
type DealFields = Omit<Parameters<typeof deal>[0], 'id'>;

describe('off-strategy pipeline (SCORING §9)', () => {
  const offDeal = (id: string, fields: DealFields = {}) =>
    deal({ ...fields, id, offStrategy: true, tier: fields.tier ?? 'off_strategy' });

  it('counts open deals whose offStrategy is true, and no other deal', () => {
    const review = reviewOf({
      deals: [
        offDeal('1', { amount: 100 }),
        deal({ id: '2', amount: 1000, tier: 'fit' }),
        deal({ id: '3', amount: 1000, tier: 'refused', offStrategy: true, isClosed: true }),
      ],
    });
    expect(review.offStrategyPipeline.total).toEqual({ count: 1, amount: 100, withoutAmount: 0 });
    expect(review.offStrategyPipeline.deals.map((d) => d.dealId)).toEqual(['1']);
  });

  it('an approved, unexpired exception moves the deal to approved exceptions', () => {
    const review = reviewOf({
      deals: [
        offDeal('1', { amount: 500, exception: approvedUntil('2026-03-01') }),
        offDeal('2', { amount: 200 }),
      ],
    });
    const p = review.offStrategyPipeline;
    expect([p.approved.count, p.approved.amount, p.unapproved.count, p.unapproved.amount]).toEqual([
      1, 500, 1, 200,
    ]);
    expect(p.deals.map((d) => [d.dealId, d.approved])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it('an expired approval counts as unapproved again', () => {
    const review = reviewOf({
      deals: [
        offDeal('expired', { amount: 1, exception: approvedUntil('2026-01-31', true) }),
        // Active when it was scored, expired by the review's now (valid through 2026-02-28).
        offDeal('lapsed', { amount: 2, exception: approvedUntil('2026-02-28') }),
      ],
    });
    expect(review.offStrategyPipeline.approved.count).toBe(0);
    expect(review.offStrategyPipeline.unapproved.count).toBe(2);
  });

  it('a requested or rejected exception is still unapproved', () => {
    const asked = { ...approvedUntil('2026-12-31'), active: false };
    const review = reviewOf({
      deals: [
        offDeal('r', { exception: { ...asked, status: 'requested', expiresOn: null } }),
        offDeal('x', { exception: { ...asked, status: 'rejected', expiresOn: null } }),
      ],
    });
    expect(review.offStrategyPipeline.unapproved.count).toBe(2);
  });

  it('totals each side by owner, stage and reason, largest amount first', () => {
    const review = reviewOf({
      deals: [
        offDeal('1', {
          amount: 300,
          ownerId: 'o1',
          stageId: 'qualified',
          stageLabel: 'Qualified',
          tier: 'refused',
          reason: 'We do not sell to the public sector',
        }),
        offDeal('2', {
          amount: 700,
          ownerId: 'o2',
          stageId: 'qualified',
          stageLabel: 'Qualified to buy',
          reason: 'Off strategy: the best match, Mid-market, scores 20% (stretch needs 40%)',
        }),
        offDeal('3', {
          amount: null,
          ownerId: 'o1',
          stageId: 'proposal',
          reason: 'Off strategy: the best match, Enterprise SaaS, scores 30% (stretch needs 40%)',
        }),
      ],
    });
    expect(review.offStrategyPipeline.unapproved).toEqual({
      count: 3,
      amount: 1000,
      withoutAmount: 1,
      byOwner: [
        { ownerId: 'o2', count: 1, amount: 700, withoutAmount: 0 },
        { ownerId: 'o1', count: 2, amount: 300, withoutAmount: 1 },
      ],
      byStage: [
        {
          pipelineId: 'default',
          stageId: 'qualified',
          stageLabel: 'Qualified',
          count: 2,
          amount: 1000,
          withoutAmount: 0,
        },
        {
          pipelineId: 'default',
          stageId: 'proposal',
          stageLabel: null,
          count: 1,
          amount: 0,
          withoutAmount: 1,
        },
      ],
      // Off-strategy reasons differ only by score: one row; refusals keep the exclusion's reason.
      byReason: [
        { tier: 'off_strategy', reason: null, count: 2, amount: 700, withoutAmount: 1 },
        {
          tier: 'refused',
          reason: 'We do not sell to the public sector',
          count: 1,
          amount: 300,
          withoutAmount: 0,
        },
      ],
    });
    expect(review.offStrategyPipeline.approved).toEqual({
      count: 0,
      amount: 0,
      withoutAmount: 0,
      byOwner: [],
      byStage: [],
      byReason: [],
    });
  });

  it('lists the deals largest amount first, unknown amounts last, then by id, up to the row limit', () => {
    const deals = [
      offDeal('b', { amount: 50 }),
      offDeal('a', { amount: 50 }),
      offDeal('n', { amount: null }),
      offDeal('z', { amount: 90 }),
    ];
    expect(reviewOf({ deals }).offStrategyPipeline.deals.map((d) => d.dealId)).toEqual([
      'z',
      'a',
      'b',
      'n',
    ]);
    const capped = reviewOf({ deals }, { maxDealRows: 2 }).offStrategyPipeline;
    expect([capped.deals.map((d) => d.dealId), capped.dealsOmitted, capped.total.count]).toEqual([
      ['z', 'a'],
      2,
      4,
    ]);
  });

  it('keeps everything a deal row needs to link and explain the record', () => {
    const exception = approvedUntil('2026-06-30');
    const review = reviewOf({
      deals: [
        offDeal('1', {
          name: 'Ministry renewal',
          amount: 1200.5,
          ownerId: 'o1',
          pipelineId: 'p1',
          stageId: 's1',
          stageLabel: 'Proposal',
          tier: 'refused',
          reason: 'We do not sell to the public sector',
          exception,
          companyId: 'c1',
        }),
      ],
    });
    expect(review.offStrategyPipeline.deals).toEqual([
      {
        dealId: '1',
        name: 'Ministry renewal',
        amount: 1200.5,
        ownerId: 'o1',
        pipelineId: 'p1',
        stageId: 's1',
        stageLabel: 'Proposal',
        tier: 'refused',
        reason: 'We do not sell to the public sector',
        approved: true,
        exception,
        companyId: 'c1',
      },
    ]);
  });
});

describe('tier distribution (SCORING §9)', () => {
  it('counts companies per tier and open deals and pipeline per tier, never scored as unscored', () => {
    const review = reviewOf({
      companies: [
        company({ id: 'c1', tier: 'dream' }),
        company({ id: 'c2', tier: 'dream' }),
        company({ id: 'c3', tier: 'refused' }),
        company({ id: 'c4', tier: null }),
      ],
      deals: [
        deal({ id: 'd1', tier: 'fit', amount: 10 }),
        deal({ id: 'd2', tier: 'fit', amount: null }),
        deal({ id: 'd3', tier: null, amount: 5 }),
        deal({ id: 'd4', tier: 'fit', amount: 99, isClosed: true }),
      ],
    });
    const zero = { count: 0, amount: 0, withoutAmount: 0 };
    expect(review.tierDistribution).toEqual({
      companies: {
        completeness: COMPLETE,
        total: 4,
        rows: [
          { tier: 'dream', count: 2 },
          { tier: 'fit', count: 0 },
          { tier: 'stretch', count: 0 },
          { tier: 'needs_data', count: 0 },
          { tier: 'off_strategy', count: 0 },
          { tier: 'refused', count: 1 },
          { tier: null, count: 1 },
        ],
      },
      openDeals: {
        completeness: COMPLETE,
        total: { count: 3, amount: 15, withoutAmount: 1 },
        rows: [
          { tier: 'dream', ...zero },
          { tier: 'fit', count: 2, amount: 10, withoutAmount: 1 },
          { tier: 'stretch', ...zero },
          { tier: 'needs_data', ...zero },
          { tier: 'off_strategy', ...zero },
          { tier: 'refused', ...zero },
          { tier: null, count: 1, amount: 5, withoutAmount: 0 },
        ],
      },
    });
  });
});

describe('strategy evidence (SCORING §9)', () => {
  // Closed deals close inside the evidence window unless a test says otherwise (SCORING §15).
  const closed = (id: string, fields: DealFields) =>
    deal({ closedAtMs: NOW_MS - 10 * DAY, ...fields, id, isClosed: true });

  it('gives count, won, win rate, median cycle days, average amount and average discount per tier', () => {
    const start = NOW_MS - 100 * DAY;
    const review = reviewOf({
      deals: [
        closed('1', {
          tier: 'fit',
          isWon: true,
          createdAtMs: start,
          closedAtMs: start + 10 * DAY,
          amount: 100,
          discountPercent: 10,
        }),
        closed('2', { tier: 'fit', createdAtMs: start, closedAtMs: start + 30 * DAY, amount: 300 }),
        closed('3', { tier: 'fit', createdAtMs: null, discountPercent: 25.5 }),
        deal({ id: 'open', tier: 'fit', amount: 1_000_000 }),
      ],
    });
    expect(review.strategyEvidence.byTier.find((r) => r.tier === 'fit')).toEqual({
      tier: 'fit',
      closed: 3,
      won: 1,
      winRate: 1 / 3,
      medianCycleDays: 20,
      cycleKnown: 2,
      averageAmount: 200,
      amountKnown: 2,
      averageDiscountPercent: 17.75,
      discountKnown: 2,
    });
  });

  it('cycle days count only when both dates are known and the close is not before the create', () => {
    const review = reviewOf({
      deals: [
        closed('1', { tier: 'stretch', createdAtMs: NOW_MS, closedAtMs: NOW_MS - DAY }),
        closed('2', { tier: 'stretch', createdAtMs: null, closedAtMs: NOW_MS }),
        closed('3', { tier: 'stretch', createdAtMs: NOW_MS, closedAtMs: NOW_MS + DAY / 2 }),
      ],
    });
    const stretch = review.strategyEvidence.byTier.find((r) => r.tier === 'stretch');
    expect([stretch?.cycleKnown, stretch?.medianCycleDays]).toEqual([1, 0.5]);
  });

  it('deals never scored count nowhere in evidence, only as unscored', () => {
    const review = reviewOf({
      deals: [closed('1', { tier: null, isWon: true, offStrategy: true, segmentId: 'mid-market' })],
    });
    const e = review.strategyEvidence;
    expect(e.unscoredClosed).toBe(1);
    expect([...e.byTier, ...e.bySegment].every((r) => r.closed === 0)).toBe(true);
    expect([e.fitDeals.closed, e.offStrategyDeals.closed]).toEqual([0, 0]);
  });

  it("lists segments in the strategy's order, then other segment ids, then deals without a segment", () => {
    const review = reviewOf({
      deals: [
        closed('1', { tier: 'fit', segmentId: 'retired-segment', isWon: true }),
        closed('2', { tier: 'refused', segmentId: null }),
        closed('3', { tier: 'fit', segmentId: 'mid-market', isWon: true }),
      ],
    });
    expect(review.strategyEvidence.bySegment).toEqual([
      { segmentId: 'enterprise-saas', name: 'Enterprise SaaS', ...EMPTY_STATS },
      {
        segmentId: 'mid-market',
        name: 'Mid-market',
        ...EMPTY_STATS,
        closed: 1,
        won: 1,
        winRate: 1,
      },
      { segmentId: 'retired-segment', name: null, ...EMPTY_STATS, closed: 1, won: 1, winRate: 1 },
      { segmentId: null, name: null, ...EMPTY_STATS, closed: 1, winRate: 0 },
    ]);
  });

  it('fit deals are tiers dream and fit; off-strategy deals are those with offStrategy true', () => {
    const review = reviewOf({
      deals: [
        closed('1', { tier: 'dream', isWon: true }),
        closed('2', { tier: 'fit' }),
        closed('3', { tier: 'stretch', isWon: true }),
        closed('4', { tier: 'refused', offStrategy: true }),
        closed('5', { tier: 'off_strategy', offStrategy: true, isWon: true }),
      ],
    });
    const e = review.strategyEvidence;
    expect([
      e.fitDeals.closed,
      e.fitDeals.won,
      e.offStrategyDeals.closed,
      e.offStrategyDeals.won,
    ]).toEqual([2, 1, 2, 1]);
  });
});

describe('median', () => {
  it('median of an odd count is the middle value', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('median of an even count is the mean of the two middle values', () => {
    expect(median([40, 10, 30, 20])).toBe(25);
  });
  it('median of nothing is null', () => {
    expect(median([])).toBeNull();
  });
});

describe('miscalibration (SCORING §9)', () => {
  const portfolio = (fit: [number, number], off: [number, number]) =>
    reviewOf({
      deals: [
        ...closedDeals('fit', fit[0], fit[1], { tier: 'fit' }),
        ...closedDeals('off', off[0], off[1], { tier: 'off_strategy', offStrategy: true }),
      ],
    }).miscalibration;

  it('off-strategy deals winning at least as often as fit deals (20 closed deals each) say the strategy may be miscalibrated', () => {
    expect(portfolio([20, 5], [20, 5])).toEqual({
      completeness: COMPLETE,
      status: 'miscalibrated',
      warning: true,
      minClosedDeals: 20,
      fitDeals: { closed: 20, won: 5, winRate: 0.25 },
      offStrategyDeals: { closed: 20, won: 5, winRate: 0.25 },
      offStrategyAsOftenAsFit: true,
      dreamDeals: { closed: 0, won: 0, winRate: null },
      dreamBelow: [],
    });
  });

  it('fit deals winning more often is consistent with the strategy', () => {
    expect(portfolio([40, 11], [20, 5])).toMatchObject({ status: 'consistent', warning: false });
  });

  it('no warning when either side has fewer than 20 closed deals', () => {
    expect(portfolio([19, 19], [40, 40])).toMatchObject({
      status: 'insufficient_data',
      warning: false,
    });
    expect(portfolio([40, 0], [19, 19])).toMatchObject({
      status: 'insufficient_data',
      warning: false,
    });
  });
});

describe('miscalibration: the dream tier winning less often (issue 13, docs/strategy.md)', () => {
  type Side = readonly [closed: number, won: number];
  const portfolio = (sides: { dream: Side; fit?: Side; stretch?: Side; off?: Side }) =>
    reviewOf({
      deals: [
        ...closedDeals('dream', sides.dream[0], sides.dream[1], { tier: 'dream' }),
        ...closedDeals('fit', sides.fit?.[0] ?? 0, sides.fit?.[1] ?? 0, { tier: 'fit' }),
        ...closedDeals('stretch', sides.stretch?.[0] ?? 0, sides.stretch?.[1] ?? 0, {
          tier: 'stretch',
        }),
        ...closedDeals('off', sides.off?.[0] ?? 0, sides.off?.[1] ?? 0, {
          tier: 'off_strategy',
          offStrategy: true,
        }),
      ],
    }).miscalibration;

  it.each([
    ['fit', { dream: [20, 4], fit: [20, 6] }],
    ['stretch', { dream: [20, 4], stretch: [25, 6] }],
    // Dream and fit deals together (20 %) win less often than off strategy too (SCORING §9).
    ['off_strategy', { dream: [20, 4], off: [40, 9] }],
  ] as const)(
    'dream deals winning less often than %s deals (20 closed deals each) say the strategy may be miscalibrated',
    (tier, sides) => {
      const m = portfolio(sides);
      expect([m.status, m.warning]).toEqual(['miscalibrated', true]);
      expect(m.dreamDeals).toEqual({ closed: 20, won: 4, winRate: 0.2 });
      expect(m.dreamBelow.map((b) => b.tier)).toEqual([tier]);
    },
  );

  it('names every tier that wins more often than dream, in the order fit, stretch, off strategy', () => {
    const m = portfolio({ dream: [20, 2], fit: [20, 5], stretch: [20, 4], off: [20, 3] });
    expect(m.dreamBelow).toEqual([
      { tier: 'fit', closed: 20, won: 5, winRate: 0.25 },
      { tier: 'stretch', closed: 20, won: 4, winRate: 0.2 },
      { tier: 'off_strategy', closed: 20, won: 3, winRate: 0.15 },
    ]);
  });

  it('no warning when dream wins as often, or either side has fewer than 20 closed deals', () => {
    expect(portfolio({ dream: [20, 5], fit: [40, 10] })).toMatchObject({
      status: 'consistent',
      warning: false,
      dreamBelow: [],
    });
    expect(portfolio({ dream: [19, 0], fit: [40, 30] })).toMatchObject({
      status: 'insufficient_data',
      warning: false,
    });
    expect(portfolio({ dream: [40, 0], stretch: [19, 19] })).toMatchObject({
      status: 'insufficient_data',
      warning: false,
    });
  });
});

describe('lift (SCORING §9)', () => {
  it('Fit deals win 2.6x as often: win rate of each tier divided by that of off-strategy deals', () => {
    const review = reviewOf({
      deals: [
        ...closedDeals('fit', 20, 13, { tier: 'fit' }),
        ...closedDeals('off', 20, 5, { tier: 'off_strategy', offStrategy: true }),
      ],
    });
    expect(review.lift.fitDeals).toEqual({
      closed: 20,
      won: 13,
      winRate: 0.65,
      lift: 2.6,
      unavailable: null,
    });
    expect(review.lift.byTier.map((t) => [t.tier, t.lift, t.unavailable])).toEqual([
      ['dream', null, 'too_few_deals'],
      ['fit', 2.6, null],
      ['stretch', null, 'too_few_deals'],
      ['needs_data', null, 'too_few_deals'],
    ]);
  });

  it('lift is shown only where both sides have at least 20 closed deals', () => {
    const review = reviewOf({
      deals: [
        ...closedDeals('fit', 40, 20, { tier: 'fit' }),
        ...closedDeals('dream', 19, 19, { tier: 'dream' }),
        ...closedDeals('off', 19, 5, { tier: 'refused', offStrategy: true }),
      ],
    });
    expect(review.lift.byTier.map((t) => [t.tier, t.lift, t.unavailable])).toEqual([
      ['dream', null, 'too_few_off_strategy_deals'],
      ['fit', null, 'too_few_off_strategy_deals'],
      ['stretch', null, 'too_few_off_strategy_deals'],
      ['needs_data', null, 'too_few_off_strategy_deals'],
    ]);
  });

  it('lift is null when off-strategy deals never win', () => {
    const review = reviewOf({
      deals: [
        ...closedDeals('fit', 20, 3, { tier: 'fit' }),
        ...closedDeals('off', 20, 0, { tier: 'refused', offStrategy: true }),
      ],
    });
    expect(review.lift.fitDeals).toMatchObject({ lift: null, unavailable: 'no_off_strategy_wins' });
  });
});

describe('false negatives (SCORING §9)', () => {
  const won = (id: string, fields: DealFields) =>
    deal({ ...fields, id, isClosed: true, isWon: true });

  it('lists won deals of the last 12 months whose company is off_strategy or refused today', () => {
    const review = reviewOf({
      deals: [
        won('in', {
          name: 'Ministry pilot',
          amount: 900,
          closedAtMs: NOW_MS - 364 * DAY,
          companyId: 'c1',
          tier: 'fit',
          ownerId: 'o1',
        }),
        won('edge', {
          amount: 10,
          closedAtMs: NOW_MS - 365 * DAY,
          companyId: 'c2',
          tier: 'off_strategy',
        }),
        won('old', { amount: 5000, closedAtMs: NOW_MS - 366 * DAY, companyId: 'c1' }),
        won('fit', { amount: 5000, closedAtMs: NOW_MS - DAY, companyId: 'c3' }),
        won('nodate', { amount: 5000, closedAtMs: null, companyId: 'c1' }),
        won('nocompany', { amount: 5000, closedAtMs: NOW_MS - DAY }),
        deal({ id: 'lost', isClosed: true, closedAtMs: NOW_MS - DAY, companyId: 'c1' }),
      ],
      // Added after their deals: companies and deals are joined whatever the order.
      companies: [
        company({ id: 'c1', name: 'Ministry of Finance', tier: 'refused' }),
        company({ id: 'c2', tier: 'off_strategy' }),
        company({ id: 'c3', name: 'Acme', tier: 'fit' }),
      ],
    });
    expect(review.falseNegatives).toEqual({
      completeness: COMPLETE,
      windowStartMs: NOW_MS - 365 * DAY,
      total: { count: 2, amount: 910, withoutAmount: 0 },
      deals: [
        {
          dealId: 'in',
          dealName: 'Ministry pilot',
          amount: 900,
          closedAtMs: NOW_MS - 364 * DAY,
          ownerId: 'o1',
          companyId: 'c1',
          companyName: 'Ministry of Finance',
          companyTier: 'refused',
          dealTier: 'fit',
        },
        {
          dealId: 'edge',
          dealName: null,
          amount: 10,
          closedAtMs: NOW_MS - 365 * DAY,
          ownerId: null,
          companyId: 'c2',
          companyName: null,
          companyTier: 'off_strategy',
          dealTier: 'off_strategy',
        },
      ],
      dealsOmitted: 0,
      withoutCloseDate: 1,
    });
  });
});

describe('dream capacity (SCORING §9)', () => {
  const owned = (ownerId: string | null, tiers: readonly ('dream' | 'fit' | null)[]) =>
    tiers.map((tier, i) => company({ id: `${ownerId ?? 'none'}-${i}`, ownerId, tier }));

  it('counts dream companies per owner against dreamCapacityPerOwner', () => {
    const review = reviewOf(
      {
        companies: [
          ...owned('o1', ['dream', 'dream', 'dream', 'fit', 'fit', 'fit', 'fit']),
          ...owned('o2', ['dream', 'fit', null]),
          ...owned(null, ['dream', 'dream']),
        ],
      },
      {
        owners: [
          { id: 'o3', name: 'Noor' },
          { id: 'o1', name: 'Alex' },
        ],
      },
    );
    expect(review.dreamCapacity).toEqual({
      completeness: COMPLETE,
      capPerOwner: 2,
      owners: [
        {
          ownerId: 'o1',
          ownerName: 'Alex',
          scoredAccounts: 7,
          dreamAccounts: 3,
          dreamShare: 3 / 7,
          overCap: true,
          noFocus: false,
        },
        {
          ownerId: 'o2',
          ownerName: null,
          scoredAccounts: 2,
          dreamAccounts: 1,
          dreamShare: 0.5,
          overCap: false,
          noFocus: true,
        },
        {
          ownerId: 'o3',
          ownerName: 'Noor',
          scoredAccounts: 0,
          dreamAccounts: 0,
          dreamShare: null,
          overCap: false,
          noFocus: false,
        },
        {
          ownerId: null,
          ownerName: null,
          scoredAccounts: 2,
          dreamAccounts: 2,
          dreamShare: 1,
          overCap: false,
          noFocus: false,
        },
      ],
      ownersOverCap: 1,
      ownersWithoutFocus: 1,
    });
  });

  it('if every second account is a dream there is no focus: flagged from half of the accounts up', () => {
    const review = reviewOf({
      companies: [
        ...owned('half', ['dream', 'fit']),
        ...owned('more', ['dream', 'dream', 'fit']),
        ...owned('less', ['dream', 'fit', 'fit']),
      ],
    });
    expect(
      Object.fromEntries(review.dreamCapacity.owners.map((o) => [o.ownerId, o.noFocus])),
    ).toEqual({ more: true, half: true, less: false });
    expect(review.dreamCapacity.ownersWithoutFocus).toBe(2);
  });

  it('without dreamCapacityPerOwner nobody is over the cap', () => {
    const review = reviewOf(
      { companies: owned('o1', ['dream', 'dream', 'dream']) },
      { strategy: { ...STRATEGY, dreamCapacityPerOwner: undefined } },
    );
    expect([review.dreamCapacity.capPerOwner, review.dreamCapacity.owners[0]?.overCap]).toEqual([
      null,
      false,
    ]);
  });
});

describe('stale scores (SCORING §9)', () => {
  it('counts records whose strategy_fit_version is below the published one or missing', () => {
    const review = reviewOf(
      {
        companies: [
          company({ id: 'c1', version: 3 }),
          company({ id: 'c2', version: 2 }),
          company({ id: 'c3', version: null }),
        ],
        deals: [deal({ id: 'd1', version: 1 }), deal({ id: 'd2', version: 4 })],
      },
      { publishedVersion: 3 },
    );
    expect(review.staleScores).toEqual({
      completeness: COMPLETE,
      publishedVersion: 3,
      companies: { total: 3, stale: 2, current: 1, older: 1, missingVersion: 1, newer: 0 },
      deals: { total: 2, stale: 1, current: 0, older: 1, missingVersion: 0, newer: 1 },
    });
  });
});

describe('partial figures', () => {
  it('a capped read makes every figure that reads that source partial, and says why', () => {
    const review = createReviewAccumulator({
      strategy: STRATEGY,
      publishedVersion: 1,
      nowMs: NOW_MS,
    });
    review.markPartial('Only the first 10,000 open deals were read', ['open_deals']);
    review.markPartial('Only the first 10,000 open deals were read', ['open_deals']);
    const r = review.finish();
    const partial = { partial: true, reasons: ['Only the first 10,000 open deals were read'] };
    expect({
      all: r.completeness,
      pipeline: r.offStrategyPipeline.completeness,
      openDeals: r.tierDistribution.openDeals.completeness,
      companies: r.tierDistribution.companies.completeness,
      evidence: r.strategyEvidence.completeness,
      lift: r.lift.completeness,
      stale: r.staleScores.completeness,
      capacity: r.dreamCapacity.completeness,
    }).toEqual({
      all: partial,
      pipeline: partial,
      openDeals: partial,
      companies: COMPLETE,
      evidence: COMPLETE,
      lift: COMPLETE,
      stale: partial,
      capacity: COMPLETE,
    });
  });

  it('without sources, every figure is partial', () => {
    const review = createReviewAccumulator({
      strategy: STRATEGY,
      publishedVersion: 1,
      nowMs: NOW_MS,
    });
    review.markPartial('Search results capped');
    expect(review.finish().dreamCapacity.completeness).toEqual({
      partial: true,
      reasons: ['Search results capped'],
    });
  });
});

describe('the whole review', () => {
  it('is one value that the StrategyReview schema accepts unchanged', () => {
    const review = reviewOf(
      {
        companies: [
          company({
            id: 'c1',
            name: 'Acme',
            ownerId: 'o1',
            tier: 'dream',
            segmentId: 'enterprise-saas',
          }),
          company({ id: 'c2', name: 'Ministry', ownerId: 'o1', tier: 'refused', version: null }),
        ],
        deals: [
          deal({
            id: 'd1',
            name: 'Acme expansion',
            amount: 5000,
            ownerId: 'o1',
            stageId: 's1',
            stageLabel: 'Proposal',
            tier: 'dream',
            segmentId: 'enterprise-saas',
            companyId: 'c1',
          }),
          deal({
            id: 'd2',
            name: 'Ministry pilot',
            amount: 2000,
            ownerId: 'o1',
            stageId: 's1',
            stageLabel: 'Proposal',
            tier: 'refused',
            offStrategy: true,
            reason: 'We do not sell to the public sector',
            companyId: 'c2',
          }),
          deal({
            id: 'd3',
            name: 'Ministry 2025',
            amount: 1000,
            ownerId: 'o1',
            isClosed: true,
            isWon: true,
            createdAtMs: NOW_MS - 40 * DAY,
            closedAtMs: NOW_MS - 10 * DAY,
            discountPercent: 5,
            tier: 'refused',
            offStrategy: true,
            companyId: 'c2',
            version: null,
          }),
        ],
      },
      { owners: [{ id: 'o1', name: 'Alex' }] },
    );
    const zero = { count: 0, amount: 0, withoutAmount: 0 };
    const refusedRow = {
      ...EMPTY_STATS,
      closed: 1,
      won: 1,
      winRate: 1,
      medianCycleDays: 30,
      cycleKnown: 1,
      averageAmount: 1000,
      amountKnown: 1,
      averageDiscountPercent: 5,
      discountKnown: 1,
    };
    const split = {
      count: 1,
      amount: 2000,
      withoutAmount: 0,
      byOwner: [{ ownerId: 'o1', count: 1, amount: 2000, withoutAmount: 0 }],
      byStage: [
        {
          pipelineId: 'default',
          stageId: 's1',
          stageLabel: 'Proposal',
          count: 1,
          amount: 2000,
          withoutAmount: 0,
        },
      ],
      byReason: [
        {
          tier: 'refused',
          reason: 'We do not sell to the public sector',
          count: 1,
          amount: 2000,
          withoutAmount: 0,
        },
      ],
    };
    const none = { closed: 0, won: 0, winRate: null };
    const bands = (known: Partial<Record<string, [number, number]>>) =>
      (
        [
          ['under_5', 'below 5 %'],
          ['from_5_to_10', '5 to below 10 %'],
          ['from_10_to_20', '10 to below 20 %'],
          ['from_20', '20 % and more'],
          ['unknown', 'unknown'],
        ] as const
      ).map(([band, label]) => {
        const [closed, won] = known[band] ?? [0, 0];
        return { band, label, closed, won, winRate: closed === 0 ? null : won / closed };
      });
    const noEvidence = (index: number, property: string, label: string) => ({
      index,
      property,
      object: 'company',
      label,
      match: none,
      miss: none,
      unknown: none,
      ratio: null,
      flag: null,
    });
    const noLift = (reason: string) => ({
      closed: 0,
      won: 0,
      winRate: null,
      lift: null,
      unavailable: reason,
    });
    expect(review).toEqual({
      strategyName: 'B2B SaaS 2026',
      publishedVersion: 1,
      nowMs: NOW_MS,
      completeness: COMPLETE,
      owners: [{ id: 'o1', name: 'Alex' }],
      totals: {
        companies: 2,
        deals: 3,
        openDeals: { count: 2, amount: 7000, withoutAmount: 0 },
        closedDeals: 1,
      },
      offStrategyPipeline: {
        completeness: COMPLETE,
        total: { count: 1, amount: 2000, withoutAmount: 0 },
        unapproved: split,
        approved: { ...zero, byOwner: [], byStage: [], byReason: [] },
        deals: [
          {
            dealId: 'd2',
            name: 'Ministry pilot',
            amount: 2000,
            ownerId: 'o1',
            pipelineId: 'default',
            stageId: 's1',
            stageLabel: 'Proposal',
            tier: 'refused',
            reason: 'We do not sell to the public sector',
            approved: false,
            exception: {
              status: 'none',
              active: false,
              expired: false,
              note: null,
              requestedBy: null,
              by: null,
              expiresOn: null,
              seq: 0,
            },
            companyId: 'c2',
          },
        ],
        dealsOmitted: 0,
      },
      tierDistribution: {
        companies: {
          completeness: COMPLETE,
          total: 2,
          rows: [
            { tier: 'dream', count: 1 },
            { tier: 'fit', count: 0 },
            { tier: 'stretch', count: 0 },
            { tier: 'needs_data', count: 0 },
            { tier: 'off_strategy', count: 0 },
            { tier: 'refused', count: 1 },
            { tier: null, count: 0 },
          ],
        },
        openDeals: {
          completeness: COMPLETE,
          total: { count: 2, amount: 7000, withoutAmount: 0 },
          rows: [
            { tier: 'dream', count: 1, amount: 5000, withoutAmount: 0 },
            { tier: 'fit', ...zero },
            { tier: 'stretch', ...zero },
            { tier: 'needs_data', ...zero },
            { tier: 'off_strategy', ...zero },
            { tier: 'refused', count: 1, amount: 2000, withoutAmount: 0 },
            { tier: null, ...zero },
          ],
        },
      },
      strategyEvidence: {
        completeness: COMPLETE,
        byTier: [
          { tier: 'dream', ...EMPTY_STATS },
          { tier: 'fit', ...EMPTY_STATS },
          { tier: 'stretch', ...EMPTY_STATS },
          { tier: 'needs_data', ...EMPTY_STATS },
          { tier: 'off_strategy', ...EMPTY_STATS },
          { tier: 'refused', ...refusedRow },
        ],
        bySegment: [
          { segmentId: 'enterprise-saas', name: 'Enterprise SaaS', ...EMPTY_STATS },
          { segmentId: 'mid-market', name: 'Mid-market', ...EMPTY_STATS },
          { segmentId: null, name: null, ...refusedRow },
        ],
        fitDeals: EMPTY_STATS,
        offStrategyDeals: refusedRow,
        unscoredClosed: 0,
      },
      miscalibration: {
        completeness: COMPLETE,
        status: 'insufficient_data',
        warning: false,
        minClosedDeals: 20,
        fitDeals: { closed: 0, won: 0, winRate: null },
        offStrategyDeals: { closed: 1, won: 1, winRate: 1 },
        offStrategyAsOftenAsFit: false,
        dreamDeals: { closed: 0, won: 0, winRate: null },
        dreamBelow: [],
      },
      lift: {
        completeness: COMPLETE,
        minClosedDeals: 20,
        baseline: { closed: 1, won: 1, winRate: 1 },
        fitDeals: noLift('too_few_off_strategy_deals'),
        byTier: ['dream', 'fit', 'stretch', 'needs_data'].map((tier) => ({
          tier,
          ...noLift('too_few_off_strategy_deals'),
        })),
      },
      falseNegatives: {
        completeness: COMPLETE,
        windowStartMs: NOW_MS - 365 * DAY,
        total: { count: 1, amount: 1000, withoutAmount: 0 },
        deals: [
          {
            dealId: 'd3',
            dealName: 'Ministry 2025',
            amount: 1000,
            closedAtMs: NOW_MS - 10 * DAY,
            ownerId: 'o1',
            companyId: 'c2',
            companyName: 'Ministry',
            companyTier: 'refused',
            dealTier: 'refused',
          },
        ],
        dealsOmitted: 0,
        withoutCloseDate: 0,
      },
      dreamCapacity: {
        completeness: COMPLETE,
        capPerOwner: 2,
        owners: [
          {
            ownerId: 'o1',
            ownerName: 'Alex',
            scoredAccounts: 2,
            dreamAccounts: 1,
            dreamShare: 0.5,
            overCap: false,
            noFocus: true,
          },
        ],
        ownersOverCap: 0,
        ownersWithoutFocus: 1,
      },
      staleScores: {
        completeness: COMPLETE,
        publishedVersion: 1,
        companies: { total: 2, stale: 1, current: 1, older: 0, missingVersion: 1, newer: 0 },
        deals: { total: 3, stale: 1, current: 2, older: 0, missingVersion: 1, newer: 0 },
      },
      focusGuard: {
        completeness: COMPLETE,
        companies: 2,
        dreamOrFit: 1,
        stretchOrNeedsData: 0,
        refusedOrOffStrategy: 1,
        acceptedShare: 0.5,
        maxAcceptedPercent: 50,
        warnings: [],
      },
      evidenceWindow: {
        completeness: COMPLETE,
        days: 365,
        startMs: NOW_MS - 365 * DAY,
        closedInWindow: 1,
        closedBefore: 0,
        closedWithoutDate: 0,
        note: 'Evidence counts deals closed in the last 365 days (since 2025-03-01).',
      },
      focusBoard: {
        completeness: COMPLETE,
        focusDeals: { ...zero, byOwner: [] },
        unanswered: {
          ...zero,
          byQuestion: [
            { question: 'need', text: 'Do they need us?', ...zero },
            { question: 'abilityToPay', text: 'Can they pay?', ...zero },
            { question: 'urgency', text: 'Should they buy now?', ...zero },
          ],
        },
        warnings: [
          { warning: 'price_competition', ...zero, byOwner: [] },
          { warning: 'offer_outside_segment', ...zero, byOwner: [] },
        ],
      },
      existingCustomers: {
        completeness: COMPLETE,
        policy: 'retain',
        total: zero,
        byReason: [],
        byOwner: [],
      },
      competitors: {
        completeness: COMPLETE,
        overall: { closed: 1, won: 1, winRate: 1 },
        withoutCompetitor: { closed: 1, won: 1, winRate: 1 },
        minClosedDeals: 10,
        rows: [],
        whereWeLose: [],
      },
      customersSay: {
        completeness: COMPLETE,
        maxReasons: 5,
        segments: ['enterprise-saas', 'mid-market'].map((segmentId, i) => ({
          segmentId,
          name: ['Enterprise SaaS', 'Mid-market'][i],
          lost: zero,
          withoutReason: zero,
          reasons: [],
          otherReasons: zero,
          distinctReasons: 0,
          capped: false,
        })),
      },
      discountBands: {
        completeness: COMPLETE,
        all: bands({ from_5_to_10: [1, 1] }),
        segments: [
          { segmentId: 'enterprise-saas', name: 'Enterprise SaaS', bands: bands({}) },
          { segmentId: 'mid-market', name: 'Mid-market', bands: bands({}) },
          { segmentId: null, name: null, bands: bands({ from_5_to_10: [1, 1] }) },
        ],
      },
      criterionEvidence: {
        completeness: COMPLETE,
        minClosedDeals: 20,
        note: "These flags use today's data of each company, not the data at the time the deal closed.",
        deals: 0,
        withoutOutcomes: 1,
        segments: [
          {
            segmentId: 'enterprise-saas',
            name: 'Enterprise SaaS',
            criteria: [noEvidence(0, 'industry', 'industry EQ “COMPUTER_SOFTWARE”')],
          },
          {
            segmentId: 'mid-market',
            name: 'Mid-market',
            criteria: [noEvidence(0, 'numberofemployees', 'numberofemployees GTE 200')],
          },
        ],
      },
    });
    expect(StrategyReview.parse(review)).toEqual(review);
  });
});
