import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DreamGroup, FitWarning, Tier } from '../enums.ts';
import type { ExceptionState } from '../scoring/schema.ts';
import { toCents } from './cents.ts';
import {
  createReviewAccumulator,
  emptyReviewPart,
  finishReview,
  mergeReviewParts,
  ReviewPart,
} from './create-review-accumulator.ts';
import {
  createSimulationAccumulator,
  emptySimulationPart,
  mergeSimulationParts,
  SimulationPart,
  simulationMatrixOf,
} from './create-simulation-accumulator.ts';
import type { OpenDeal, SimulatedCompany } from './create-simulation-accumulator.ts';
import type { AmountTotal, ReviewCompany, ReviewDeal } from './schema.ts';
import { StrategyReview } from './schema.ts';
import {
  DAY,
  NOW_MS,
  reviewOf,
  STRATEGY,
  STRATEGY_WITH_COMPETITORS,
} from '../../../../../../test/support/core/review-fixtures.ts';
import { StrategySchema } from '../strategy/strategy-schema.ts';
import { addToTopList, createTopList, finishTopList } from './top-list.ts';

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
  criteria: maybe(fc.constantFrom('mm', 'mx', 'xu', 'uu', 'm')),
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
  version: maybe(fc.integer({ min: 0, max: 3 })),
  focus: fc.boolean(),
  warnings: fc.subarray([...FitWarning.options]),
  openQuestions: fc.subarray([...DreamGroup.options]),
  competitors: maybe(fc.subarray(['acme', 'beta', 'other', 'gone'])),
  business: maybe(fc.constantFrom('new', 'existing')),
  closedLostReason: maybe(fc.constantFrom('Price', ' price ', 'No budget', 'Timing', 'PRICE')),
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

describe('SCORING §12, §13, §15 figures: properties', () => {
  const strategy = STRATEGY_WITH_COMPETITORS;

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

describe('a review read in parts (chunks)', () => {
  /** The records cut into consecutive parts at the given points. */
  const cut = <T>(list: readonly T[], points: readonly number[]): T[][] => {
    const at = [...new Set(points.map((p) => Math.floor(p * list.length)))].sort((a, b) => a - b);
    return [0, ...at, list.length]
      .slice(1)
      .map((end, i, ends) => list.slice(i === 0 ? 0 : ends[i - 1], end));
  };

  it('merging the parts of any split of the records, deals or companies first, gives the review of them all, through JSON', () => {
    fc.assert(
      fc.property(
        companies,
        deals,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.constantFrom(2, 5, 1000),
        fc.boolean(),
        (cs, ds, points, maxDealRows, dealsFirst) => {
          const strategy = STRATEGY_WITH_COMPETITORS;
          const options = { strategy, publishedVersion: 1, nowMs: NOW_MS, maxDealRows };
          const whole = reviewOf({ companies: cs, deals: ds }, { strategy, maxDealRows });
          const companyParts = cut(cs, points).map((chunk) => ({
            cs: chunk,
            ds: [] as ReviewDeal[],
          }));
          const dealParts = cut(ds, points).map((chunk) => ({
            cs: [] as ReviewCompany[],
            ds: chunk,
          }));
          const parts = (
            dealsFirst ? [...dealParts, ...companyParts] : [...companyParts, ...dealParts]
          ).map(({ cs: c, ds: d }) => {
            const acc = createReviewAccumulator(options);
            for (const x of c) acc.addCompany(x);
            for (const x of d) acc.addDeal(x);
            // Each part crosses the function boundary as JSON and is parsed on the page.
            return ReviewPart.parse(JSON.parse(JSON.stringify(acc.part())));
          });
          const setup = createReviewAccumulator(options).setup;
          const merged = parts.reduce(
            (a, b) => mergeReviewParts(a, b, setup),
            emptyReviewPart(setup.strategy),
          );
          expect(finishReview(merged, setup)).toEqual(whole);
        },
      ),
    );
  });

  it('one accumulator given every deal first, then only the companies its deals await, gives the whole criterion evidence', () => {
    fc.assert(
      fc.property(companies, deals, (cs, ds) => {
        const strategy = STRATEGY_WITH_COMPETITORS;
        const acc = createReviewAccumulator({ strategy, publishedVersion: 1, nowMs: NOW_MS });
        for (const d of ds) acc.addDeal(d);
        for (const c of cs) acc.addCompany(acc.awaitsCompany(c.id) ? c : { ...c, criteria: null });
        const whole = reviewOf({ companies: cs, deals: ds }, { strategy });
        expect(acc.finish()).toEqual(whole);
        expect(Object.keys(acc.part().criterionEvidence.outcomes).length).toBeLessThanOrEqual(
          new Set(ds.flatMap((d) => (d.isClosed && d.companyId !== null ? [d.companyId] : [])))
            .size,
        );
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
          const compare = (a: number, b: number) => a - b;
          const top = createTopList<number>();
          for (const i of items) addToTopList(top, i, limit, compare);
          const sorted = [...items].sort(compare);
          expect(finishTopList(top, limit, compare)).toEqual({
            rows: sorted.slice(0, limit),
            omitted: items.length - Math.min(limit, items.length),
          });
        },
      ),
    );
  });
});

const simulated: fc.Arbitrary<SimulatedCompany[]> = fc
  .array(fc.record({ oldTier: tier, newTier: fc.constantFrom(...Tier.options) }), { maxLength: 60 })
  .map((list) => list.map((c, i) => ({ ...c, id: `c${i + 1}` })));
const openDeals: fc.Arbitrary<OpenDeal[]> = fc.array(
  fc.record({
    companyId: small('c'),
    amount: maybe(fc.integer({ min: 0, max: 1e9 }).map((cents) => String(cents / 100))),
  }),
  { maxLength: 100 },
);

const matrixOf = (deals: readonly OpenDeal[], cs: readonly SimulatedCompany[]) => {
  const sim = createSimulationAccumulator();
  for (const d of deals) sim.addOpenDeal(d);
  for (const c of cs) sim.addCompany(c);
  return sim.finish();
};

describe('simulation matrix properties', () => {
  it("the matrix's cells sum to its row, column and grand totals", () => {
    fc.assert(
      fc.property(simulated, openDeals, (cs, ds) => {
        const m = matrixOf(ds, cs);
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
        expect(m.total.companies).toBe(cs.length);
        const known = new Set(cs.map((c) => c.id));
        expect(m.total.openDeals).toBe(
          ds.filter((d) => d.companyId !== null && known.has(d.companyId)).length,
        );
      }),
    );
  });

  it('open deals before or after their companies, in any order, give the same matrix', () => {
    fc.assert(
      fc.property(simulated, openDeals, (cs, ds) => {
        const later = createSimulationAccumulator({ keepCompanies: true });
        for (const c of [...cs].reverse()) later.addCompany(c);
        for (const d of [...ds].reverse()) later.addOpenDeal(d);
        expect(later.finish()).toEqual(matrixOf(ds, cs));
      }),
    );
  });

  it('parts of open deals and of companies, merged in any order through JSON, give the same matrix', () => {
    fc.assert(
      fc.property(simulated, openDeals, fc.integer({ min: 1, max: 4 }), (cs, ds, n) => {
        const slices = <T>(list: readonly T[]): T[][] =>
          Array.from({ length: n }, (_, i) => list.filter((_, j) => j % n === i));
        const parts: SimulationPart[] = [
          ...slices(ds).map((chunk) => {
            const sim = createSimulationAccumulator({ keepCompanies: true });
            for (const d of chunk) sim.addOpenDeal(d);
            return sim.part();
          }),
          ...slices(cs).map((chunk) => {
            const sim = createSimulationAccumulator({ keepCompanies: true });
            for (const c of chunk) sim.addCompany(c);
            return sim.part();
          }),
        ].map((p) => SimulationPart.parse(JSON.parse(JSON.stringify(p))));
        const merged = parts.reduce(mergeSimulationParts, emptySimulationPart());
        const reversed = [...parts].reverse().reduce(mergeSimulationParts, emptySimulationPart());
        const expected = matrixOf(ds, cs);
        expect(simulationMatrixOf(merged)).toEqual(expected);
        expect(simulationMatrixOf(reversed)).toEqual(expected);
      }),
    );
  });
});
