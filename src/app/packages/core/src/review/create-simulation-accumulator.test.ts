import { describe, expect, it } from 'vitest';

import { Tier } from '../enums.ts';
import {
  createSimulationAccumulator,
  emptySimulationPart,
  mergeSimulationParts,
  SimulationPart,
  simulationMoversOfPart,
} from './create-simulation-accumulator.ts';
import { SimulationMatrix } from './schema.ts';
import type { Tier as TierType } from '../enums.ts';

type Entry = { oldTier: TierType | null; newTier: TierType; openDeals: number; openAmount: number };

/** Each entry a company with `openDeals` open deals of `openAmount` in all. */
const matrixOf = (entries: readonly Entry[]) => {
  const sim = createSimulationAccumulator();
  entries.forEach((e, i) => {
    for (let d = 0; d < e.openDeals; d += 1) {
      sim.addOpenDeal({ companyId: `c${i}`, amount: d === 0 ? String(e.openAmount) : '0' });
    }
  });
  entries.forEach((e, i) =>
    sim.addCompany({ id: `c${i}`, oldTier: e.oldTier, newTier: e.newTier }),
  );
  return sim.finish();
};
const zero = { companies: 0, openDeals: 0, openAmount: 0 };

describe('simulation: old tier → new tier (SCORING §9)', () => {
  it('counts companies, open deals and open pipeline per cell, with totals per row and column', () => {
    const m = matrixOf([
      { oldTier: 'fit', newTier: 'fit', openDeals: 2, openAmount: 1000 },
      { oldTier: 'fit', newTier: 'stretch', openDeals: 1, openAmount: 250.25 },
      { oldTier: 'off_strategy', newTier: 'fit', openDeals: 0, openAmount: 0 },
      { oldTier: null, newTier: 'dream', openDeals: 3, openAmount: 9000 },
    ]);
    const row = (oldTier: Tier | null, filled: Partial<Record<Tier, typeof zero>>) => {
      const cells = Tier.options.map((newTier) => ({ newTier, ...(filled[newTier] ?? zero) }));
      return {
        oldTier,
        cells,
        total: {
          companies: cells.reduce((n, c) => n + c.companies, 0),
          openDeals: cells.reduce((n, c) => n + c.openDeals, 0),
          openAmount: cells.reduce((n, c) => n + c.openAmount, 0),
        },
      };
    };
    const column = (newTier: Tier, total = zero) => ({ newTier, total });
    expect(m).toEqual({
      rows: [
        row('dream', {}),
        row('fit', {
          fit: { companies: 1, openDeals: 2, openAmount: 1000 },
          stretch: { companies: 1, openDeals: 1, openAmount: 250.25 },
        }),
        row('stretch', {}),
        row('needs_data', {}),
        row('off_strategy', { fit: { companies: 1, openDeals: 0, openAmount: 0 } }),
        row('refused', {}),
        row(null, { dream: { companies: 1, openDeals: 3, openAmount: 9000 } }),
      ],
      columns: [
        column('dream', { companies: 1, openDeals: 3, openAmount: 9000 }),
        column('fit', { companies: 2, openDeals: 2, openAmount: 1000 }),
        column('stretch', { companies: 1, openDeals: 1, openAmount: 250.25 }),
        column('needs_data'),
        column('off_strategy'),
        column('refused'),
      ],
      total: { companies: 4, openDeals: 6, openAmount: 10250.25 },
      unchanged: { companies: 1, openDeals: 2, openAmount: 1000 },
      changed: { companies: 2, openDeals: 1, openAmount: 250.25 },
      upgraded: { companies: 1, openDeals: 0, openAmount: 0 },
      downgraded: { companies: 1, openDeals: 1, openAmount: 250.25 },
      newlyScored: { companies: 1, openDeals: 3, openAmount: 9000 },
      noCompany: zero,
      openPipeline: { companies: 0, openDeals: 6, openAmount: 10250.25 },
    });
    expect(SimulationMatrix.parse(m)).toEqual(m);
  });

  it('a company never scored before is newly scored, not a change of tier', () => {
    const m = matrixOf([{ oldTier: null, newTier: 'refused', openDeals: 1, openAmount: 10 }]);
    expect([m.changed.companies, m.downgraded.companies, m.newlyScored.companies]).toEqual([
      0, 0, 1,
    ]);
  });

  it('an empty portfolio gives an empty matrix of every tier', () => {
    const m = matrixOf([]);
    expect([m.rows.length, m.columns.length, m.total]).toEqual([7, 6, zero]);
  });
});

describe('simulation: deals without a company, and which accounts move (issue 13)', () => {
  it('counts open deals without a company (or whose company is gone) apart, in the open pipeline', () => {
    const sim = createSimulationAccumulator();
    sim.addOpenDeal({ companyId: null, amount: '100' });
    sim.addOpenDeal({ companyId: 'gone', amount: '50' });
    sim.addOpenDeal({ companyId: 'c1', amount: '10' });
    sim.addCompany({ id: 'c1', oldTier: 'fit', newTier: 'fit' });
    const m = sim.finish();
    expect(m.total).toEqual({ companies: 1, openDeals: 1, openAmount: 10 });
    expect(m.noCompany).toEqual({ companies: 0, openDeals: 2, openAmount: 150 });
    expect(m.openPipeline).toEqual({ companies: 0, openDeals: 3, openAmount: 160 });
  });

  it('lists the companies and open deals that change tier, largest first, by owner and segment', () => {
    const sim = createSimulationAccumulator();
    const deal = (id: string, companyId: string, amount: string, ownerId: string) =>
      sim.addOpenDeal({ id, companyId, amount, name: `Deal ${id}`, ownerId });
    deal('d1', 'c1', '500', 'o1');
    deal('d2', 'c1', '700', 'o2');
    deal('d3', 'c2', '900', 'o1');
    deal('d4', 'c3', '50', 'o1');
    sim.addCompany({
      id: 'c1',
      oldTier: 'fit',
      newTier: 'stretch',
      name: 'One',
      ownerId: 'o1',
      segmentId: 's1',
    });
    sim.addCompany({
      id: 'c2',
      oldTier: 'fit',
      newTier: 'fit',
      name: 'Two',
      ownerId: 'o1',
      segmentId: 's1',
    });
    sim.addCompany({
      id: 'c3',
      oldTier: 'off_strategy',
      newTier: 'dream',
      name: 'Three',
      ownerId: 'o3',
      segmentId: null,
    });
    sim.addCompany({
      id: 'c4',
      oldTier: null,
      newTier: 'dream',
      name: 'Four',
      ownerId: 'o3',
      segmentId: 's1',
    });
    const movers = sim.movers();
    expect(movers.companies.total).toBe(2);
    expect(
      movers.companies.rows.map((r) => [r.id, r.oldTier, r.newTier, r.openDeals, r.openAmount]),
    ).toEqual([
      ['c1', 'fit', 'stretch', 2, 1200],
      ['c3', 'off_strategy', 'dream', 1, 50],
    ]);
    expect(movers.deals.total).toBe(3);
    expect(
      movers.deals.rows.map((r) => [r.id, r.name, r.ownerId, r.companyId, r.newTier, r.amount]),
    ).toEqual([
      ['d2', 'Deal d2', 'o2', 'c1', 'stretch', 700],
      ['d1', 'Deal d1', 'o1', 'c1', 'stretch', 500],
      ['d4', 'Deal d4', 'o1', 'c3', 'dream', 50],
    ]);
    // Companies by their owner, deals by theirs; both by the company's segment.
    expect(movers.byOwner).toEqual([
      { ownerId: 'o2', companies: 0, openDeals: 1, openAmount: 700 },
      { ownerId: 'o1', companies: 1, openDeals: 2, openAmount: 550 },
      { ownerId: 'o3', companies: 1, openDeals: 0, openAmount: 0 },
    ]);
    expect(movers.bySegment).toEqual([
      { segmentId: 's1', companies: 1, openDeals: 2, openAmount: 1200 },
      { segmentId: null, companies: 1, openDeals: 1, openAmount: 50 },
    ]);
  });

  it('the same movers from chunks merged in any order, deals before or after their companies', () => {
    const deals = [
      { id: 'd1', companyId: 'c1', amount: '500', ownerId: 'o1' },
      { id: 'd2', companyId: 'c2', amount: '70', ownerId: 'o2' },
      { id: 'd3', companyId: 'c1', amount: '20', ownerId: 'o2' },
    ] as const;
    const companies = [
      { id: 'c1', oldTier: 'fit', newTier: 'stretch', ownerId: 'o1', segmentId: 's1' },
      { id: 'c2', oldTier: 'dream', newTier: 'fit', ownerId: 'o2', segmentId: 's2' },
    ] as const;
    const whole = createSimulationAccumulator();
    for (const d of deals) whole.addOpenDeal(d);
    for (const c of companies) whole.addCompany(c);
    const expected = whole.movers();
    const part = (add: (s: ReturnType<typeof createSimulationAccumulator>) => void) => {
      const s = createSimulationAccumulator({ keepCompanies: true });
      add(s);
      return SimulationPart.parse(JSON.parse(JSON.stringify(s.part())));
    };
    const parts = [
      part((s) => s.addCompany(companies[0])),
      part((s) => s.addOpenDeal(deals[0])),
      part((s) => {
        s.addOpenDeal(deals[1]);
        s.addCompany(companies[1]);
        s.addOpenDeal(deals[2]);
      }),
    ];
    for (const order of [parts, [...parts].reverse()]) {
      const merged = order.reduce(mergeSimulationParts, emptySimulationPart());
      expect(simulationMoversOfPart(merged)).toEqual(expected);
    }
  });
});
