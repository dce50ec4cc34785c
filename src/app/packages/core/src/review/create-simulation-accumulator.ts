import { z } from 'zod';

import { Tier, tierRank } from '../enums.ts';
import { isMissing, readNumber } from '../values/read-value.ts';
import { fromCents, mergeRecords, toCents } from './cents.ts';
import { TIERS_AND_UNSCORED } from './compare.ts';
import type { SimulationCell, SimulationMatrix } from './schema.ts';

const Count = z.number().int().min(0);
const Pipeline = z.strictObject({ openDeals: Count, cents: z.number().int() });
type Pipeline = z.output<typeof Pipeline>;
const Cell = z.strictObject({ companies: Count, openDeals: Count, cents: z.number().int() });
type Cell = z.output<typeof Cell>;

/** One company of a simulation: its tier under the published strategy (null: none) and the proposed. */
export const SimulatedCompany = z.strictObject({
  id: z.string(),
  oldTier: Tier.nullable().describe('null: never scored'),
  newTier: Tier,
});
export type SimulatedCompany = z.output<typeof SimulatedCompany>;

/** An open deal of a simulation: its company (SCORING §7) and its amount as HubSpot stores it. */
export type OpenDeal = { companyId: string | null; amount: string | null | undefined };

/**
 * A simulation of the records read so far (SCORING §9), mergeable with another read's: companies
 * and open pipeline per cell (`old>new`), open pipeline of companies not seen yet (`pending`), and
 * the cell of companies kept for open deals still to come (`companies`).
 */
export const SimulationPart = z.strictObject({
  cells: z.record(z.string(), Cell),
  pending: z.record(z.string(), Pipeline),
  companies: z.record(z.string(), z.string()),
});
export type SimulationPart = z.output<typeof SimulationPart>;

const cellKey = (oldTier: Tier | null, newTier: Tier): string => `${oldTier ?? 'none'}>${newTier}`;

export const emptySimulationPart = (): SimulationPart => ({
  cells: {},
  pending: {},
  companies: {},
});

const addPipeline = (a: Pipeline, b: Pipeline): Pipeline => ({
  openDeals: a.openDeals + b.openDeals,
  cents: a.cents + b.cents,
});

const addCells = (a: Cell, b: Cell): Cell => ({
  companies: a.companies + b.companies,
  openDeals: a.openDeals + b.openDeals,
  cents: a.cents + b.cents,
});

/** Adds a company's open pipeline to its cell. */
const attribute = (part: SimulationPart, key: string, pipeline: Pipeline): void => {
  const cell = part.cells[key] ?? { companies: 0, openDeals: 0, cents: 0 };
  part.cells[key] = addCells(cell, { companies: 0, ...pipeline });
};

/** Joins pending pipeline with the companies it belongs to, in place. */
const settle = (part: SimulationPart): void => {
  for (const [id, pipeline] of Object.entries(part.pending)) {
    const key = part.companies[id];
    if (key === undefined) continue;
    attribute(part, key, pipeline);
    Reflect.deleteProperty(part.pending, id);
  }
};

/**
 * The part of two disjoint reads (two chunks): the same as one part fed both. Pure.
 *
 * @example
 * let part = emptySimulationPart();
 * for (const chunk of chunks) part = mergeSimulationParts(part, chunk.part);
 * const matrix = simulationMatrixOf(part);
 */
export const mergeSimulationParts = (a: SimulationPart, b: SimulationPart): SimulationPart => {
  const merged: SimulationPart = {
    cells: mergeRecords(a.cells, b.cells, addCells),
    pending: mergeRecords(a.pending, b.pending, addPipeline),
    companies: { ...a.companies, ...b.companies },
  };
  settle(merged);
  return merged;
};

const cellOf = (c: Cell): SimulationCell => ({
  companies: c.companies,
  openDeals: c.openDeals,
  openAmount: fromCents(c.cents),
});

const ZERO: Cell = { companies: 0, openDeals: 0, cents: 0 };
const sumOf = (cells: readonly Cell[]): Cell => cells.reduce(addCells, ZERO);

/**
 * The old-tier → new-tier matrix (SCORING §9): companies, open deals and open pipeline per cell,
 * totals per row and column, and how much changes tier. Open deals of companies the part never
 * saw (deleted, or of another read) count nowhere.
 */
export const simulationMatrixOf = (part: SimulationPart): SimulationMatrix => {
  const cell = (o: Tier | null, n: Tier): Cell => part.cells[cellKey(o, n)] ?? ZERO;
  const where = (keep: (o: Tier, n: Tier) => boolean): Cell =>
    sumOf(
      Tier.options.flatMap((o) => Tier.options.filter((n) => keep(o, n)).map((n) => cell(o, n))),
    );
  return {
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
  };
};

export type SimulationAccumulator = {
  /** An open deal: its amount goes to its company's cell (deals without a company count nowhere). */
  addOpenDeal: (deal: OpenDeal) => void;
  addCompany: (company: SimulatedCompany) => void;
  /** What was added so far, to merge with the parts of other reads. */
  part: () => SimulationPart;
  finish: () => SimulationMatrix;
};

/**
 * A simulation fed open deals and companies. Feed every open deal first and the companies after:
 * then only the open pipeline of companies still to come is held. `keepCompanies` keeps each
 * company's cell too, for a part whose open deals come in another part (a chunked read).
 *
 * @example
 * const sim = createSimulationAccumulator();
 * sim.addOpenDeal({ companyId: '7', amount: '40000' });
 * sim.addCompany({ id: '7', oldTier: 'fit', newTier: 'stretch' });
 * const matrix = sim.finish();
 */
export const createSimulationAccumulator = (
  options: { keepCompanies?: boolean } = {},
): SimulationAccumulator => {
  const part = emptySimulationPart();
  return {
    addOpenDeal: ({ companyId, amount }) => {
      if (companyId === null) return;
      const n = isMissing(amount) ? null : readNumber(amount);
      const pipeline = { openDeals: 1, cents: n === null ? 0 : toCents(n) };
      const key = part.companies[companyId];
      if (key !== undefined) {
        attribute(part, key, pipeline);
        return;
      }
      const pending = part.pending[companyId];
      part.pending[companyId] = pending === undefined ? pipeline : addPipeline(pending, pipeline);
    },
    addCompany: ({ id, oldTier, newTier }) => {
      const key = cellKey(oldTier, newTier);
      attribute(part, key, { openDeals: 0, cents: 0 });
      const cell = part.cells[key];
      if (cell !== undefined) cell.companies += 1;
      const pending = part.pending[id];
      if (pending !== undefined) {
        attribute(part, key, pending);
        Reflect.deleteProperty(part.pending, id);
      }
      if (options.keepCompanies === true) part.companies[id] = key;
    },
    part: () => part,
    finish: () => simulationMatrixOf(part),
  };
};
