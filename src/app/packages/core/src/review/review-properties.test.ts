import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DreamGroup, FitWarning, Tier } from '../enums.ts';
import type { ExceptionState } from '../scoring/schema.ts';
import { toCents } from './cents.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
import type { AmountTotal, ReviewCompany, ReviewDeal, SimulationEntry } from './schema.ts';
import { StrategyReview } from './schema.ts';
import {
  DAY,
  NOW_MS,
  reviewOf,
  STRATEGY,
  STRATEGY_WITH_COMPETITORS,
} from '../../../../../../test/support/core/review-fixtures.ts';
import { StrategySchema } from '../strategy/strategy-schema.ts';
import {
  addReviewAdditionsCompany,
  addReviewAdditionsDeal,
  createReviewAdditionsState,
  finishReviewAdditions,
  mergeReviewAdditions,
} from './review-additions.ts';
import type { ReviewAdditionsState } from './review-additions.ts';
import { createTopList } from './top-list.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const tier = maybe(fc.constantFrom(...Tier.options));
const small = (prefix: string) => maybe(fc.constantFrom(...[1, 2, 3].map((i) => `${prefix}${i}`)));
const amount = maybe(fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }));
const instant = maybe(fc.integer({ min: NOW_MS - 800 * DAY, max: NOW_MS + 10 * DAY }));

const exception: fc.Arbitrary<ExceptionState> = fc.record({
  status: fc.constantFrom('none', 'requested', 'approved', 'rejected'),
  active: fc.boolean(),
  expired: fc.boolean(),
  note: fc.constant(null),
  requestedBy: fc.constant(null),
  by: fc.constant(null),
  seq: fc.constant(0),
  expiresOn: maybe(fc.constantFrom('2026-02-28', '2026-03-01', '2026-12-31')),
});

const companyFields = fc.record({
  name: maybe(fc.string()),
  ownerId: small('o'),
  tier,
  segmentId: maybe(fc.constantFrom('enterprise-saas', 'mid-market', 'old')),
  version: maybe(fc.integer({ min: 0, max: 3 })),
});

const dealFields = fc.record({
  name: maybe(fc.string()),
  amount,
  ownerId: small('o'),
  pipelineId: small('p'),
  stageId: small('s'),
  stageLabel: maybe(fc.constantFrom('Proposal', 'Contract sent', 'Qualified')),
  isClosed: fc.boolean(),
  isWon: fc.boolean(),
  createdAtMs: instant,
  closedAtMs: instant,
  discountPercent: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
  tier,
  segmentId: maybe(fc.constantFrom('enterprise-saas', 'mid-market', 'old')),
  offStrategy: fc.boolean(),
  reason: maybe(fc.constantFrom('We do not sell to the public sector', 'Too small')),
  exception,
  companyId: small('c'),
  companyTier: tier,
  version: maybe(fc.integer({ min: 0, max: 3 })),
  focus: fc.boolean(),
  warnings: fc.subarray([...FitWarning.options]),
  openQuestions: fc.subarray([...DreamGroup.options]),
  competitors: maybe(fc.subarray(['acme', 'beta', 'other', 'gone'])),
  business: maybe(fc.constantFrom('new', 'existing')),
  closedLostReason: maybe(fc.constantFrom('Price', ' price ', 'No budget', 'Timing', 'PRICE')),
  companyCriteria: maybe(fc.constantFrom('mm', 'mx', 'xu', 'uu', 'm')),
});

const companies: fc.Arbitrary<ReviewCompany[]> = fc
  .array(companyFields, { maxLength: 40 })
  .map((list) => list.map((c, i) => ({ ...c, id: `c${i + 1}` })));

const deals: fc.Arbitrary<ReviewDeal[]> = fc
  .array(dealFields, { maxLength: 120 })
  .map((list) => list.map((d, i) => ({ ...d, id: `d${i + 1}` })));

/** The sum of the amounts of rows, in cents, with their counts. */
const sumOf = (rows: readonly AmountTotal[]) => ({
  count: rows.reduce((n, r) => n + r.count, 0),
  cents: rows.reduce((n, r) => n + toCents(r.amount), 0),
  withoutAmount: rows.reduce((n, r) => n + r.withoutAmount, 0),
});
const exact = (t: AmountTotal) => ({
  count: t.count,
  cents: toCents(t.amount),
  withoutAmount: t.withoutAmount,
});

describe('strategy review properties', () => {
  it('the by-owner, by-stage and by-reason splits each sum to their totals', () => {
    fc.assert(
      fc.property(deals, (ds) => {
        const p = reviewOf({ deals: ds }).offStrategyPipeline;
        for (const side of [p.unapproved, p.approved]) {
          expect(sumOf(side.byOwner)).toEqual(exact(side));
          expect(sumOf(side.byStage)).toEqual(exact(side));
          expect(sumOf(side.byReason)).toEqual(exact(side));
        }
        expect(sumOf([p.unapproved, p.approved])).toEqual(exact(p.total));
        expect(p.deals.length + p.dealsOmitted).toBe(p.total.count);
      }),
    );
  });

  it('the tier distribution sums to its totals, and evidence counts every closed deal once', () => {
    fc.assert(
      fc.property(companies, deals, (cs, ds) => {
        const r = reviewOf({ companies: cs, deals: ds });
        const t = r.tierDistribution;
        expect(t.companies.rows.reduce((n, row) => n + row.count, 0)).toBe(cs.length);
        expect(sumOf(t.openDeals.rows)).toEqual(exact(t.openDeals.total));
        expect(exact(t.openDeals.total)).toEqual(exact(r.totals.openDeals));
        const e = r.strategyEvidence;
        const w = r.evidenceWindow;
        const closed = ds.filter((d) => d.isClosed).length;
        expect(w.closedInWindow + w.closedBefore + w.closedWithoutDate).toBe(closed);
        const inWindow = w.closedInWindow;
        expect(e.byTier.reduce((n, row) => n + row.closed, 0) + e.unscoredClosed).toBe(inWindow);
        expect(e.bySegment.reduce((n, row) => n + row.closed, 0) + e.unscoredClosed).toBe(inWindow);
      }),
    );
  });

  it('adding records in any order gives the same review', () => {
    const records = fc
      .tuple(companies, deals)
      .chain(([cs, ds]) =>
        fc.tuple(
          fc.constant({ cs, ds }),
          fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
          fc.shuffledSubarray(ds, { minLength: ds.length, maxLength: ds.length }),
        ),
      );
    fc.assert(
      fc.property(records, fc.constantFrom(2, 5, Infinity), ([given, cs, ds], maxDealRows) => {
        const a = reviewOf({ companies: given.cs, deals: given.ds }, { maxDealRows });
        const b = reviewOf({ companies: cs, deals: ds }, { maxDealRows });
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(StrategyReview.parse(a)).toEqual(a);
      }),
    );
  });

  it('a row limit keeps the first rows of the full list', () => {
    fc.assert(
      fc.property(deals, fc.integer({ min: 0, max: 5 }), (ds, limit) => {
        const all = reviewOf({ deals: ds }, { maxDealRows: Infinity });
        const capped = reviewOf({ deals: ds }, { maxDealRows: limit });
        expect(capped.offStrategyPipeline.deals).toEqual(
          all.offStrategyPipeline.deals.slice(0, limit),
        );
        expect(capped.falseNegatives.deals).toEqual(all.falseNegatives.deals.slice(0, limit));
      }),
    );
  });
});

describe('review additions (SCORING §12, §13, §15) properties', () => {
  const strategy = STRATEGY_WITH_COMPETITORS;
  const ctx = { strategy, nowMs: NOW_MS };
  const stateOf = (cs: readonly ReviewCompany[], ds: readonly ReviewDeal[]) => {
    const state = createReviewAdditionsState(strategy);
    for (const c of cs) addReviewAdditionsCompany(state, c);
    for (const d of ds) addReviewAdditionsDeal(state, d, ctx);
    return state;
  };
  const finish = (state: ReviewAdditionsState) =>
    finishReviewAdditions(state, {
      ...ctx,
      completenessOf: () => ({ partial: false, reasons: [] }),
    });

  it('merging the states of two chunks, split anywhere, gives the figures of the whole; a state is plain JSON', () => {
    fc.assert(
      fc.property(companies, deals, fc.nat(), fc.nat(), (cs, ds, i, j) => {
        const ci = i % (cs.length + 1);
        const dj = j % (ds.length + 1);
        const a = stateOf(cs.slice(0, ci), ds.slice(0, dj));
        const b = stateOf(cs.slice(ci), ds.slice(dj));
        const viaJson = (x: ReviewAdditionsState): ReviewAdditionsState =>
          JSON.parse(JSON.stringify(x)) as ReviewAdditionsState;
        const whole = finish(stateOf(cs, ds));
        expect(finish(mergeReviewAdditions(viaJson(a), viaJson(b)))).toEqual(whole);
        expect(finish(mergeReviewAdditions(b, a))).toEqual(whole);
      }),
    );
  });

  it('policy retain never moves a deal into unapproved off-strategy pipeline: retained deals plus the pipeline under retain are the pipeline under policy score', () => {
    const scoring = StrategySchema.parse({ ...STRATEGY, existingCustomers: { policy: 'score' } });
    fc.assert(
      fc.property(deals, (ds) => {
        const retain = reviewOf({ deals: ds });
        const score = reviewOf({ deals: ds }, { strategy: scoring });
        const retainedIds = new Set(
          ds
            .filter((d) => !d.isClosed && d.offStrategy && d.business === 'existing')
            .map((d) => d.id),
        );
        const ids = (r: typeof retain) => r.offStrategyPipeline.deals.map((d) => d.dealId);
        expect(ids(retain).every((id) => !retainedIds.has(id))).toBe(true);
        expect(ids(retain).every((id) => ids(score).includes(id))).toBe(true);
        expect(retain.offStrategyPipeline.unapproved.count).toBeLessThanOrEqual(
          score.offStrategyPipeline.unapproved.count,
        );
        expect(sumOf([retain.offStrategyPipeline.total, retain.existingCustomers.total])).toEqual(
          exact(score.offStrategyPipeline.total),
        );
        expect(score.existingCustomers.total.count).toBe(0);
      }),
    );
  });

  it('the §15 splits sum to their totals: existing customers by reason and owner, focus board by owner and question, lost reasons and bands', () => {
    fc.assert(
      fc.property(deals, (ds) => {
        const r = reviewOf({ deals: ds }, { strategy });
        const e = r.existingCustomers;
        expect(sumOf(e.byReason)).toEqual(exact(e.total));
        expect(sumOf(e.byOwner)).toEqual(exact(e.total));
        expect(sumOf(r.focusBoard.focusDeals.byOwner)).toEqual(exact(r.focusBoard.focusDeals));
        for (const w of r.focusBoard.warnings) expect(sumOf(w.byOwner)).toEqual(exact(w));
        for (const q of r.focusBoard.unanswered.byQuestion) {
          expect(q.count).toBeLessThanOrEqual(r.focusBoard.unanswered.count);
        }
        for (const seg of r.customersSay.segments) {
          expect(sumOf([...seg.reasons, seg.otherReasons, seg.withoutReason])).toEqual(
            exact(seg.lost),
          );
        }
        const scoredInWindow = r.strategyEvidence.byTier.reduce((n, t) => n + t.closed, 0);
        expect(r.discountBands.all.reduce((n, b) => n + b.closed, 0)).toBe(scoredInWindow);
        expect(r.competitors.overall.closed).toBe(scoredInWindow);
        const c = r.criterionEvidence;
        expect(c.deals + c.withoutOutcomes).toBe(r.evidenceWindow.closedInWindow);
      }),
    );
  });
});

describe('bounded deal lists', () => {
  it('keep the first rows in order of any stream, however long', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 600 }),
        fc.integer({ min: 0, max: 12 }),
        (items, limit) => {
          const top = createTopList(limit, (a: number, b: number) => a - b);
          for (const i of items) top.add(i);
          const sorted = [...items].sort((a, b) => a - b);
          expect(top.finish()).toEqual({
            rows: sorted.slice(0, limit),
            omitted: items.length - Math.min(limit, items.length),
          });
        },
      ),
    );
  });
});

const entry: fc.Arbitrary<SimulationEntry> = fc.record({
  oldTier: tier,
  newTier: fc.constantFrom(...Tier.options),
  openDeals: fc.integer({ min: 0, max: 20 }),
  openAmount: fc.double({ min: 0, max: 1e8, noNaN: true }),
});

describe('simulation matrix properties', () => {
  it("the matrix's cells sum to its row, column and grand totals", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), (entries) => {
        const sim = createSimulationAccumulator();
        for (const e of entries) sim.add(e);
        const m = sim.finish();
        const cells = (
          list: readonly { companies: number; openDeals: number; openAmount: number }[],
        ) => ({
          companies: list.reduce((n, c) => n + c.companies, 0),
          openDeals: list.reduce((n, c) => n + c.openDeals, 0),
          cents: list.reduce((n, c) => n + toCents(c.openAmount), 0),
        });
        const one = (c: { companies: number; openDeals: number; openAmount: number }) => cells([c]);
        for (const row of m.rows) expect(cells(row.cells)).toEqual(one(row.total));
        for (const col of m.columns) {
          const inColumn = m.rows.flatMap((r) => r.cells.filter((c) => c.newTier === col.newTier));
          expect(cells(inColumn)).toEqual(one(col.total));
        }
        expect(cells(m.rows.map((r) => r.total))).toEqual(one(m.total));
        expect(cells(m.columns.map((c) => c.total))).toEqual(one(m.total));
        expect(cells([m.unchanged, m.changed, m.newlyScored])).toEqual(one(m.total));
        expect(cells([m.upgraded, m.downgraded])).toEqual(one(m.changed));
        expect(m.total.companies).toBe(entries.length);
      }),
    );
  });

  it('adding companies in any order gives the same matrix', () => {
    const shuffled = fc
      .array(entry, { maxLength: 100 })
      .chain((list) =>
        fc.tuple(
          fc.constant(list),
          fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        ),
      );
    fc.assert(
      fc.property(shuffled, ([a, b]) => {
        const run = (list: readonly SimulationEntry[]) => {
          const sim = createSimulationAccumulator();
          for (const e of list) sim.add(e);
          return sim.finish();
        };
        expect(run(b)).toEqual(run(a));
      }),
    );
  });
});
