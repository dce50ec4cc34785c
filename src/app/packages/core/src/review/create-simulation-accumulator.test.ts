import { describe, expect, it } from 'vitest';

import { Tier } from '../enums.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
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
