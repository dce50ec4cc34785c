import { Tier } from '../enums.ts';
import { fromCents, toCents } from './cents.ts';
import { TIERS_AND_UNSCORED } from './compare.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
import type { SimulationCell, SimulationMatrix } from './schema.ts';

const addCells = (a: SimulationCell, b: SimulationCell): SimulationCell => ({
  companies: a.companies + b.companies,
  openDeals: a.openDeals + b.openDeals,
  // Amounts are sums of whole cents (cents.ts), so adding them in cents is exact.
  openAmount: fromCents(toCents(a.openAmount) + toCents(b.openAmount)),
});

const ZERO: SimulationCell = { companies: 0, openDeals: 0, openAmount: 0 };

const rowOf = (m: SimulationMatrix, oldTier: Tier | null) =>
  m.rows.find((r) => r.oldTier === oldTier);

const cellOf = (m: SimulationMatrix, oldTier: Tier | null, newTier: Tier): SimulationCell => {
  const cell = rowOf(m, oldTier)?.cells.find((c) => c.newTier === newTier);
  return cell === undefined
    ? ZERO
    : { companies: cell.companies, openDeals: cell.openDeals, openAmount: cell.openAmount };
};

/** The matrix of no companies at all: where merging chunks starts. */
export const emptySimulationMatrix = (): SimulationMatrix => createSimulationAccumulator().finish();

/**
 * The matrix of two disjoint sets of companies (two chunks of a simulation), cell by cell, with
 * every total: the same as one accumulator fed both sets. Pure; the inputs are not changed.
 *
 * @example
 * let matrix = emptySimulationMatrix();
 * for (const chunk of chunks) matrix = mergeSimulationMatrices(matrix, chunk.matrix);
 */
export const mergeSimulationMatrices = (
  a: SimulationMatrix,
  b: SimulationMatrix,
): SimulationMatrix => {
  const add = (pick: (m: SimulationMatrix) => SimulationCell): SimulationCell =>
    addCells(pick(a), pick(b));
  return {
    rows: TIERS_AND_UNSCORED.map((oldTier) => ({
      oldTier,
      cells: Tier.options.map((newTier) => ({
        newTier,
        ...add((m) => cellOf(m, oldTier, newTier)),
      })),
      total: add((m) => rowOf(m, oldTier)?.total ?? ZERO),
    })),
    columns: Tier.options.map((newTier) => ({
      newTier,
      total: add((m) => m.columns.find((c) => c.newTier === newTier)?.total ?? ZERO),
    })),
    total: add((m) => m.total),
    unchanged: add((m) => m.unchanged),
    changed: add((m) => m.changed),
    upgraded: add((m) => m.upgraded),
    downgraded: add((m) => m.downgraded),
    newlyScored: add((m) => m.newlyScored),
  };
};
