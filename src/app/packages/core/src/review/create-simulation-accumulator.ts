import { Tier, tierRank } from '../enums.ts';
import { fromCents, toCents } from './cents.ts';
import { TIERS_AND_UNSCORED } from './compare.ts';
import type { SimulationCell, SimulationEntry, SimulationMatrix } from './schema.ts';

type CellTally = { companies: number; openDeals: number; cents: number };

const createCell = (): CellTally => ({ companies: 0, openDeals: 0, cents: 0 });

const addTo = (cell: CellTally, entry: SimulationEntry): void => {
  cell.companies += 1;
  cell.openDeals += entry.openDeals;
  cell.cents += toCents(entry.openAmount);
};

const sumOf = (cells: readonly CellTally[]): CellTally =>
  cells.reduce(
    (sum, c) => ({
      companies: sum.companies + c.companies,
      openDeals: sum.openDeals + c.openDeals,
      cents: sum.cents + c.cents,
    }),
    createCell(),
  );

const cellOf = (c: CellTally): SimulationCell => ({
  companies: c.companies,
  openDeals: c.openDeals,
  openAmount: fromCents(c.cents),
});

export type SimulationAccumulator = {
  add: (entry: SimulationEntry) => void;
  finish: () => SimulationMatrix;
};

/**
 * The old-tier → new-tier matrix of a proposed strategy (SCORING §9): companies, open deals and
 * open pipeline per cell, totals per row and column, and how much changes tier. Writes nothing.
 *
 * @example
 * const sim = createSimulationAccumulator();
 * sim.add({ oldTier: 'fit', newTier: 'stretch', openDeals: 2, openAmount: 40_000 });
 * const matrix = sim.finish();
 */
export const createSimulationAccumulator = (): SimulationAccumulator => {
  const cells = new Map<Tier | null, Map<Tier, CellTally>>(
    TIERS_AND_UNSCORED.map((old) => [old, new Map(Tier.options.map((t) => [t, createCell()]))]),
  );
  const cell = (oldTier: Tier | null, newTier: Tier): CellTally =>
    cells.get(oldTier)?.get(newTier) ?? createCell();
  const where = (keep: (oldTier: Tier, newTier: Tier) => boolean): CellTally =>
    sumOf(
      Tier.options.flatMap((o) => Tier.options.filter((n) => keep(o, n)).map((n) => cell(o, n))),
    );

  return {
    add: (entry) => addTo(cell(entry.oldTier, entry.newTier), entry),
    finish: () => ({
      rows: TIERS_AND_UNSCORED.map((oldTier) => ({
        oldTier,
        cells: Tier.options.map((newTier) => ({ newTier, ...cellOf(cell(oldTier, newTier)) })),
        total: cellOf(sumOf(Tier.options.map((n) => cell(oldTier, n)))),
      })),
      columns: Tier.options.map((newTier) => ({
        newTier,
        total: cellOf(sumOf(TIERS_AND_UNSCORED.map((o) => cell(o, newTier)))),
      })),
      total: cellOf(sumOf(TIERS_AND_UNSCORED.flatMap((o) => Tier.options.map((n) => cell(o, n))))),
      unchanged: cellOf(where((o, n) => o === n)),
      changed: cellOf(where((o, n) => o !== n)),
      upgraded: cellOf(where((o, n) => tierRank(n) > tierRank(o))),
      downgraded: cellOf(where((o, n) => tierRank(n) < tierRank(o))),
      newlyScored: cellOf(sumOf(Tier.options.map((n) => cell(null, n)))),
    }),
  };
};
