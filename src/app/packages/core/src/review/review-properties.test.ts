import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Tier } from '../enums.ts';
import type { ExceptionState } from '../scoring/schema.ts';
import { toCents } from './cents.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
import type { AmountTotal, ReviewCompany, ReviewDeal, SimulationEntry } from './schema.ts';
import { StrategyReview } from './schema.ts';
import { DAY, NOW_MS, reviewOf } from '../../../../../../test/support/core/review-fixtures.ts';
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
        const closed = ds.filter((d) => d.isClosed).length;
        expect(e.byTier.reduce((n, row) => n + row.closed, 0) + e.unscoredClosed).toBe(closed);
        expect(e.bySegment.reduce((n, row) => n + row.closed, 0) + e.unscoredClosed).toBe(closed);
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
