// SCORING §12, §13 and §15: the review's figures of these sections, each rule in the spec's words.
import { describe, expect, it } from 'vitest';

import { strategyOf } from '../../../../../../test/support/core/fixtures.ts';
import {
  approvedUntil,
  closedDeals,
  company,
  DAY,
  deal,
  NOW_MS,
  reviewOf,
  STRATEGY,
  STRATEGY_WITH_COMPETITORS,
} from '../../../../../../test/support/core/review-fixtures.ts';
import type { ReviewDeal } from './schema.ts';

const open = (id: string, fields: Partial<ReviewDeal> = {}) => deal({ id, ...fields });
const closedAt = (id: string, daysAgo: number, fields: Partial<ReviewDeal> = {}) =>
  deal({ id, isClosed: true, closedAtMs: NOW_MS - daysAgo * DAY, tier: 'fit', ...fields });

describe('SCORING §15 evidence window', () => {
  it('the evidence counts deals closed in the last evidenceWindowDays days (default 365), and says so', () => {
    const review = reviewOf({
      deals: [
        closedAt('in', 365, { isWon: true }),
        closedAt('future', -5),
        closedAt('old', 365.5, { isWon: true }),
        closedAt('undated', 0, { closedAtMs: null }),
      ],
    });
    expect(review.evidenceWindow).toMatchObject({
      days: 365,
      startMs: NOW_MS - 365 * DAY,
      closedInWindow: 2,
      closedBefore: 1,
      closedWithoutDate: 1,
      note: 'Evidence counts deals closed in the last 365 days (since 2025-03-01).',
    });
    expect(review.strategyEvidence.byTier.find((t) => t.tier === 'fit')).toMatchObject({
      closed: 2,
      won: 1,
    });
    expect(review.totals.closedDeals).toBe(4);
  });

  it('lift and false negatives count the same window; evidenceWindowDays changes it', () => {
    const strategy = strategyOf(STRATEGY.segments, {
      exclusions: STRATEGY.exclusions,
      evidenceWindowDays: 90,
    });
    const review = reviewOf(
      {
        companies: [company({ id: 'refused-co', tier: 'refused' })],
        deals: [
          closedAt('won-recent', 30, { isWon: true, companyId: 'refused-co' }),
          closedAt('won-older', 120, { isWon: true, companyId: 'refused-co' }),
          ...closedDeals('off', 20, 5, { tier: 'off_strategy', offStrategy: true }),
          ...closedDeals('off-old', 20, 20, {
            tier: 'off_strategy',
            offStrategy: true,
            closedAtMs: NOW_MS - 100 * DAY,
          }),
        ],
      },
      { strategy },
    );
    expect(review.evidenceWindow.days).toBe(90);
    expect(review.falseNegatives.windowStartMs).toBe(NOW_MS - 90 * DAY);
    expect(review.falseNegatives.deals.map((d) => d.dealId)).toEqual(['won-recent']);
    expect(review.lift.baseline).toEqual({ closed: 20, won: 5, winRate: 0.25 });
  });
});

describe('SCORING §15 focus board', () => {
  it('open focus deals (count, amount, by owner)', () => {
    const review = reviewOf({
      deals: [
        open('a', { focus: true, tier: 'dream', amount: 100, ownerId: 'o1' }),
        open('b', { focus: true, tier: 'fit', amount: 300, ownerId: 'o2' }),
        open('c', { focus: true, tier: 'fit', amount: null, ownerId: 'o2' }),
        closedAt('closed', 1, { focus: true, amount: 1000 }),
      ],
    });
    expect(review.focusBoard.focusDeals).toEqual({
      count: 3,
      amount: 400,
      withoutAmount: 1,
      byOwner: [
        { ownerId: 'o2', count: 2, amount: 300, withoutAmount: 1 },
        { ownerId: 'o1', count: 1, amount: 100, withoutAmount: 0 },
      ],
    });
  });

  it('open dream and fit deals whose dream test is unanswered (count, amount, and which question)', () => {
    const review = reviewOf({
      deals: [
        open('a', { tier: 'dream', openQuestions: ['need', 'urgency'], amount: 100 }),
        open('b', { tier: 'fit', openQuestions: ['urgency'], amount: 50 }),
        open('stretch', { tier: 'stretch', openQuestions: ['need'], amount: 999 }),
        open('answered', { tier: 'fit', openQuestions: [], amount: 999 }),
      ],
    });
    expect(review.focusBoard.unanswered).toEqual({
      count: 2,
      amount: 150,
      withoutAmount: 0,
      byQuestion: [
        { question: 'need', text: 'Do they need us?', count: 1, amount: 100, withoutAmount: 0 },
        { question: 'abilityToPay', text: 'Can they pay?', count: 0, amount: 0, withoutAmount: 0 },
        {
          question: 'urgency',
          text: 'Should they buy now?',
          count: 2,
          amount: 150,
          withoutAmount: 0,
        },
      ],
    });
  });

  it('open deals with price_competition or offer_outside_segment (count, amount, by owner)', () => {
    const review = reviewOf({
      deals: [
        open('a', { warnings: ['price_competition'], amount: 10, ownerId: 'o1' }),
        open('b', {
          warnings: ['price_competition', 'offer_outside_segment'],
          amount: 20,
          ownerId: 'o2',
        }),
        open('c', { warnings: ['deal_size_outside_segment'], amount: 40 }),
      ],
    });
    expect(review.focusBoard.warnings).toEqual([
      {
        warning: 'price_competition',
        count: 2,
        amount: 30,
        withoutAmount: 0,
        byOwner: [
          { ownerId: 'o2', count: 1, amount: 20, withoutAmount: 0 },
          { ownerId: 'o1', count: 1, amount: 10, withoutAmount: 0 },
        ],
      },
      {
        warning: 'offer_outside_segment',
        count: 1,
        amount: 20,
        withoutAmount: 0,
        byOwner: [{ ownerId: 'o2', count: 1, amount: 20, withoutAmount: 0 }],
      },
    ]);
  });
});

describe('SCORING §12 existing customers outside the strategy', () => {
  const offStrategy = { tier: 'off_strategy', offStrategy: true } as const;
  const deals = [
    open('renewal', { ...offStrategy, business: 'existing', amount: 500, ownerId: 'o1' }),
    open('refused-renewal', {
      tier: 'refused',
      offStrategy: true,
      reason: 'We do not sell to the public sector',
      business: 'existing',
      amount: 200,
      ownerId: 'o2',
    }),
    open('new-off', { ...offStrategy, business: 'new', amount: 70 }),
    open('legacy-score', { ...offStrategy, business: null, amount: 30 }),
    open('fit-renewal', { tier: 'fit', business: 'existing', amount: 1000 }),
    closedAt('closed-renewal', 3, { ...offStrategy, business: 'existing', amount: 9 }),
  ];

  it('policy retain: an off-strategy or refused existing-business deal is not part of unapproved off-strategy pipeline; it is counted in existing customers outside the strategy (count, amount, by reason and owner)', () => {
    const review = reviewOf({ deals });
    expect(review.offStrategyPipeline.total).toEqual({ count: 2, amount: 100, withoutAmount: 0 });
    expect(review.offStrategyPipeline.deals.map((d) => d.dealId).sort()).toEqual([
      'legacy-score',
      'new-off',
    ]);
    expect(review.existingCustomers).toEqual({
      completeness: { partial: false, reasons: [] },
      policy: 'retain',
      total: { count: 2, amount: 700, withoutAmount: 0 },
      byReason: [
        { tier: 'off_strategy', reason: null, count: 1, amount: 500, withoutAmount: 0 },
        {
          tier: 'refused',
          reason: 'We do not sell to the public sector',
          count: 1,
          amount: 200,
          withoutAmount: 0,
        },
      ],
      byOwner: [
        { ownerId: 'o1', count: 1, amount: 500, withoutAmount: 0 },
        { ownerId: 'o2', count: 1, amount: 200, withoutAmount: 0 },
      ],
    });
  });

  it('an approved exception on a retained deal does not bring it back into the pipeline', () => {
    const review = reviewOf({
      deals: [
        open('renewal', {
          ...offStrategy,
          business: 'existing',
          amount: 5,
          exception: approvedUntil('2099-01-01'),
        }),
      ],
    });
    expect(review.offStrategyPipeline.total.count).toBe(0);
    expect(review.existingCustomers.total.count).toBe(1);
  });

  it('policy score: existing business is treated like new business (the rules of §9 as before)', () => {
    const strategy = strategyOf(STRATEGY.segments, {
      exclusions: STRATEGY.exclusions,
      existingCustomers: { policy: 'score' },
    });
    const review = reviewOf({ deals }, { strategy });
    expect(review.offStrategyPipeline.total).toEqual({ count: 4, amount: 800, withoutAmount: 0 });
    expect(review.existingCustomers).toMatchObject({
      policy: 'score',
      total: { count: 0, amount: 0, withoutAmount: 0 },
    });
  });
});

describe('SCORING §15 competitors', () => {
  const withCompetitors = { strategy: STRATEGY_WITH_COMPETITORS };

  it('per competitor (and "other") × segment over closed deals: count and win rate; open deals and amount per competitor', () => {
    const review = reviewOf(
      {
        deals: [
          closedAt('1', 1, { competitors: ['acme'], segmentId: 'enterprise-saas', isWon: true }),
          closedAt('2', 1, { competitors: ['acme', 'other'], segmentId: 'enterprise-saas' }),
          closedAt('3', 1, { competitors: ['acme'], segmentId: 'mid-market' }),
          closedAt('4', 1, { competitors: [], segmentId: 'mid-market', isWon: true }),
          closedAt('5', 400, { competitors: ['acme'], segmentId: 'mid-market' }),
          closedAt('6', 1, { competitors: null, tier: null, isWon: true }),
          open('7', { competitors: ['beta', 'acme'], amount: 250 }),
          open('8', { competitors: ['beta'], amount: null }),
        ],
      },
      withCompetitors,
    );
    const c = review.competitors;
    expect(c.overall).toEqual({ closed: 4, won: 2, winRate: 0.5 });
    expect(c.withoutCompetitor).toEqual({ closed: 1, won: 1, winRate: 1 });
    expect(c.rows).toEqual([
      {
        competitorId: 'acme',
        name: 'Acme',
        closed: 3,
        won: 1,
        winRate: 1 / 3,
        open: { count: 1, amount: 250, withoutAmount: 0 },
        bySegment: [
          {
            segmentId: 'enterprise-saas',
            segmentName: 'Enterprise SaaS',
            targeted: true,
            closed: 2,
            won: 1,
            winRate: 0.5,
          },
          {
            segmentId: 'mid-market',
            segmentName: 'Mid-market',
            targeted: false,
            closed: 1,
            won: 0,
            winRate: 0,
          },
        ],
      },
      {
        competitorId: 'beta',
        name: 'Beta Corp',
        closed: 0,
        won: 0,
        winRate: null,
        open: { count: 2, amount: 250, withoutAmount: 1 },
        bySegment: [],
      },
      {
        competitorId: 'other',
        name: null,
        closed: 1,
        won: 0,
        winRate: 0,
        open: { count: 0, amount: 0, withoutAmount: 0 },
        bySegment: [
          {
            segmentId: 'enterprise-saas',
            segmentName: 'Enterprise SaaS',
            targeted: false,
            closed: 1,
            won: 0,
            winRate: 0,
          },
        ],
      },
    ]);
  });

  it('where we lose and to whom: competitors with at least 10 closed deals against us whose win rate for us is below our overall win rate', () => {
    const review = reviewOf(
      {
        deals: [
          ...closedDeals('acme', 10, 2, {
            tier: 'fit',
            competitors: ['acme'],
            segmentId: 'mid-market',
          }),
          ...closedDeals('beta', 9, 0, { tier: 'fit', competitors: ['beta'] }),
          ...closedDeals('other', 10, 6, { tier: 'fit', competitors: ['other'] }),
          ...closedDeals('none', 20, 12, { tier: 'fit', competitors: [] }),
        ],
      },
      withCompetitors,
    );
    // Overall: 20 of 49 won (41 %); Acme 20 %, Beta under 10 deals, other 60 %.
    expect(review.competitors.whereWeLose).toEqual([
      {
        competitorId: 'acme',
        name: 'Acme',
        closed: 10,
        won: 2,
        winRate: 0.2,
        lost: 8,
        segments: [
          {
            segmentId: 'mid-market',
            segmentName: 'Mid-market',
            targeted: false,
            closed: 10,
            won: 2,
            winRate: 0.2,
          },
        ],
      },
    ]);
  });
});

describe('SCORING §15 what customers say', () => {
  it("HubSpot's closed_lost_reason of lost deals: the five most frequent reasons per segment (trimmed, case-insensitive grouping; ties by amount, then alphabetically), count and amount; lost deals without a reason are counted as such", () => {
    const lost = (id: string, reason: string | null, amount: number | null) =>
      closedAt(id, 1, { segmentId: 'mid-market', closedLostReason: reason, amount });
    const review = reviewOf({
      deals: [
        lost('1', 'Price too high', 100),
        lost('2', '  price TOO high ', 50),
        lost('3', 'No budget', 10),
        lost('4', 'no budget', 10),
        lost('5', 'Timing', 300),
        lost('6', 'Chose a competitor', 200),
        lost('7', 'Champion left', 200),
        lost('8', 'Missing feature', 1),
        lost('9', null, 40),
        lost('10', '   ', null),
        closedAt('won', 1, { segmentId: 'mid-market', isWon: true, closedLostReason: 'Price' }),
      ],
    });
    const midMarket = review.customersSay.segments.find((s) => s.segmentId === 'mid-market');
    expect(midMarket).toEqual({
      segmentId: 'mid-market',
      name: 'Mid-market',
      lost: { count: 10, amount: 911, withoutAmount: 1 },
      withoutReason: { count: 2, amount: 40, withoutAmount: 1 },
      reasons: [
        { reason: 'Price too high', count: 2, amount: 150, withoutAmount: 0 },
        { reason: 'No budget', count: 2, amount: 20, withoutAmount: 0 },
        { reason: 'Timing', count: 1, amount: 300, withoutAmount: 0 },
        { reason: 'Champion left', count: 1, amount: 200, withoutAmount: 0 },
        { reason: 'Chose a competitor', count: 1, amount: 200, withoutAmount: 0 },
      ],
      otherReasons: { count: 1, amount: 1, withoutAmount: 0 },
      distinctReasons: 6,
      capped: false,
    });
    expect(review.customersSay.segments.map((s) => s.segmentId)).toEqual([
      'enterprise-saas',
      'mid-market',
    ]);
  });
});

describe('SCORING §15 what customers say: how a grouped reason reads', () => {
  it('as its most frequent spelling (trimmed), ties in code-unit order', () => {
    const lost = (id: string, reason: string) =>
      closedAt(id, 1, { segmentId: 'mid-market', closedLostReason: reason, amount: 1 });
    const review = reviewOf({
      deals: [
        lost('1', 'PRICE TOO HIGH'),
        lost('2', ' Price too high'),
        lost('3', 'Price too high  '),
        lost('4', 'no decision'),
        lost('5', 'No decision'),
      ],
    });
    const midMarket = review.customersSay.segments.find((s) => s.segmentId === 'mid-market');
    expect(midMarket?.reasons.map((r) => `${r.reason} ×${r.count}`)).toEqual([
      'Price too high ×3',
      'No decision ×2',
    ]);
  });
});

describe('SCORING §15 price the customer accepts', () => {
  it('win rate and count by discount band — below 5 % (negative included), 5 to below 10 %, 10 to below 20 %, 20 % and more, unknown — per segment', () => {
    const at = (id: string, discountPercent: number | null, isWon: boolean) =>
      closedAt(id, 1, { segmentId: 'enterprise-saas', discountPercent, isWon });
    const review = reviewOf({
      deals: [
        at('neg', -3, true),
        at('4.99', 4.99, false),
        at('5', 5, true),
        at('9.99', 9.99, true),
        at('10', 10, false),
        at('19.99', 19.99, false),
        at('20', 20, false),
        at('55', 55, true),
        at('none', null, false),
      ],
    });
    const enterprise = review.discountBands.segments.find((s) => s.segmentId === 'enterprise-saas');
    expect(enterprise?.bands.map((b) => [b.band, b.label, b.closed, b.won])).toEqual([
      ['under_5', 'below 5 %', 2, 1],
      ['from_5_to_10', '5 to below 10 %', 2, 2],
      ['from_10_to_20', '10 to below 20 %', 2, 0],
      ['from_20', '20 % and more', 2, 1],
      ['unknown', 'unknown', 1, 0],
    ]);
    expect(review.discountBands.all).toEqual(enterprise?.bands);
  });
});

describe('SCORING §15 criterion evidence', () => {
  // STRATEGY: enterprise-saas has 1 criterion (industry), mid-market 1 (numberofemployees).
  const withCompany = (prefix: string, count: number, won: number, companyId: string) =>
    closedDeals(prefix, count, won, { tier: 'fit', companyId });
  /** A company with its criterion outcomes today (null: not scored for the review). */
  const scored = (id: string, criteria: string | null) => company({ id, criteria });

  it('for every segment criterion, over the closed deals in the window that have a company, its outcome on that company with today’s data: deals and win rate when it matches, when it misses, when unknown', () => {
    const review = reviewOf({
      companies: [scored('ca', 'mx'), scored('cb', 'xu'), scored('cn', null), scored('co', 'mm')],
      deals: [
        ...withCompany('a', 4, 3, 'ca'),
        ...withCompany('b', 2, 0, 'cb'),
        ...closedDeals('no-company', 3, 3, { companyId: null }),
        ...withCompany('not-read', 1, 1, 'cn'),
        ...withCompany('gone', 1, 0, 'c-deleted'),
        ...closedDeals('old', 5, 5, { companyId: 'co', closedAtMs: NOW_MS - 400 * DAY }),
      ],
    });
    const e = review.criterionEvidence;
    expect([e.deals, e.withoutOutcomes]).toEqual([6, 5]);
    expect(e.note).toBe(
      "These flags use today's data of each company, not the data at the time the deal closed.",
    );
    const [industry] = e.segments[0]?.criteria ?? [];
    const [employees] = e.segments[1]?.criteria ?? [];
    expect([industry?.match, industry?.miss, industry?.unknown]).toEqual([
      { closed: 4, won: 3, winRate: 0.75 },
      { closed: 2, won: 0, winRate: 0 },
      { closed: 0, won: 0, winRate: null },
    ]);
    expect([employees?.match, employees?.miss, employees?.unknown]).toEqual([
      { closed: 0, won: 0, winRate: null },
      { closed: 4, won: 3, winRate: 0.75 },
      { closed: 2, won: 0, winRate: 0 },
    ]);
    expect([industry?.ratio, industry?.flag]).toEqual([null, null]);
  });

  it.each([
    ['inverse when r < 0.9 (the miss side wins more often)', 20, 8, 20, 10, 'inverse'],
    ['no_signal when r is 0.9', 20, 9, 20, 10, 'no_signal'],
    ['no_signal when r is 1.1', 20, 11, 20, 10, 'no_signal'],
    ['no flag when r > 1.1', 20, 12, 20, 10, null],
    ['no_signal when both win rates are 0', 20, 0, 20, 0, 'no_signal'],
    ['no flag with fewer than 20 closed deals on a side', 19, 2, 20, 10, null],
    ['no flag when only the miss side never wins', 20, 5, 20, 0, null],
    ['inverse when only the match side never wins', 20, 0, 20, 5, 'inverse'],
  ] as const)(
    'with at least 20 closed deals on both the match and the miss side, r = win rate (match) ÷ win rate (miss): %s',
    (_, matchClosed, matchWon, missClosed, missWon, flag) => {
      const review = reviewOf({
        companies: [scored('cm', 'mu'), scored('cx', 'xu')],
        deals: [
          ...withCompany('m', matchClosed, matchWon, 'cm'),
          ...withCompany('x', missClosed, missWon, 'cx'),
        ],
      });
      const row = review.criterionEvidence.segments[0]?.criteria[0];
      expect(row?.flag).toBe(flag);
      const ratio =
        matchClosed >= 20 && missClosed >= 20 && missWon > 0
          ? matchWon / matchClosed / (missWon / missClosed)
          : null;
      if (ratio === null) expect(row?.ratio).toBeNull();
      else expect(row?.ratio).toBeCloseTo(ratio, 12);
    },
  );
});
