import { z } from 'zod';

import { Tier, tierRank } from '../enums.ts';
import { isMissing, readNumber } from '../values/read-value.ts';
import { fromCents, mergeRecords, toCents } from './cents.ts';
import { TIERS_AND_UNSCORED } from './compare.ts';
import type { SimulationCell, SimulationMatrix } from './schema.ts';
import {
  addMovedCompany,
  addPendingDeal,
  emptyMoversPart,
  emptyPendingDeals,
  mergeMoversParts,
  mergePendingDeals,
  MoversPart,
  PendingDeals,
  settleMovedDeals,
  simulationMoversOf,
} from './simulation-movers.ts';
import type { SimulationMovers } from './simulation-movers.ts';

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
  name: z.string().nullable().optional(),
  ownerId: z.string().nullable().optional(),
  segmentId: z
    .string()
    .nullable()
    .optional()
    .describe('Its segment under the proposed strategy, else under the published one'),
});
export type SimulatedCompany = z.input<typeof SimulatedCompany>;

/**
 * An open deal of a simulation: its company (SCORING §7), its amount as HubSpot stores it, and
 * who it is (for the list of deals that move).
 */
export type OpenDeal = {
  companyId: string | null;
  amount: string | null | undefined;
  id?: string;
  name?: string | null;
  ownerId?: string | null;
};

/**
 * A simulation of the records read so far (SCORING §9), mergeable with another read's: companies
 * and open pipeline per cell (`old>new`), open pipeline of companies not seen yet (`pending`), and
 * the cell of companies kept for open deals still to come (`companies`).
 */
export const SimulationPart = z.strictObject({
  cells: z.record(z.string(), Cell),
  pending: z.record(z.string(), Pipeline),
  companies: z.record(z.string(), z.string()),
  /** Open deals without a company (SCORING §7): counted apart, so the totals equal the review's. */
  noCompany: Pipeline,
  /** The identities of pending open deals, for the movers. */
  pendingDeals: z.record(z.string(), PendingDeals),
  movers: MoversPart,
});
export type SimulationPart = z.output<typeof SimulationPart>;

const cellKey = (oldTier: Tier | null, newTier: Tier): string => `${oldTier ?? 'none'}>${newTier}`;

export const emptySimulationPart = (): SimulationPart => ({
  cells: {},
  pending: {},
  companies: {},
  noCompany: { openDeals: 0, cents: 0 },
  pendingDeals: {},
  movers: emptyMoversPart(),
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

/** A changed company's pending open deals move with it (the movers). */
const settleDeals = (part: SimulationPart, id: string): void => {
  const deals = part.pendingDeals[id];
  if (deals === undefined) return;
  const kept = part.movers.kept[id];
  if (kept !== undefined) settleMovedDeals(part.movers, id, kept, deals);
  Reflect.deleteProperty(part.pendingDeals, id);
};

/** Joins pending pipeline with the companies it belongs to, in place. */
const settle = (part: SimulationPart): void => {
  for (const [id, pipeline] of Object.entries(part.pending)) {
    const key = part.companies[id];
    if (key === undefined) continue;
    attribute(part, key, pipeline);
    Reflect.deleteProperty(part.pending, id);
    settleDeals(part, id);
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
  const movers = mergeMoversParts(a.movers, b.movers);
  const merged: SimulationPart = {
    cells: mergeRecords(a.cells, b.cells, addCells),
    pending: mergeRecords(a.pending, b.pending, addPipeline),
    companies: { ...a.companies, ...b.companies },
    noCompany: addPipeline(a.noCompany, b.noCompany),
    pendingDeals: mergeRecords(a.pendingDeals, b.pendingDeals, mergePendingDeals),
    // Kept companies gain the deals settled below: copies, so the parts merged stay as they were.
    movers: {
      ...movers,
      kept: Object.fromEntries(Object.entries(movers.kept).map(([id, c]) => [id, { ...c }])),
    },
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
 * totals per row and column, and how much changes tier. Open deals without a company, and those
 * of companies the part never saw (deleted since), are `noCompany`; `openPipeline` is every open
 * deal, as the review counts them.
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
    noCompany: cellOf({ companies: 0, ...noCompanyOf(part) }),
    openPipeline: cellOf({
      companies: 0,
      ...addPipeline(noCompanyOf(part), sumOf(Object.values(part.cells))),
    }),
  };
};

/** Deals without a company, and deals whose company was never read. */
const noCompanyOf = (part: SimulationPart): Pipeline =>
  Object.values(part.pending).reduce(addPipeline, part.noCompany);

/** Which accounts move (issue 13): the largest first, with counts per owner and segment. */
export const simulationMoversOfPart = (part: SimulationPart): SimulationMovers =>
  simulationMoversOf(part.movers);

export type SimulationAccumulator = {
  /** An open deal: its amount goes to its company's cell (without a company: `noCompany`). */
  addOpenDeal: (deal: OpenDeal) => void;
  addCompany: (company: SimulatedCompany) => void;
  /** What was added so far, to merge with the parts of other reads. */
  part: () => SimulationPart;
  finish: () => SimulationMatrix;
  movers: () => SimulationMovers;
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
    addOpenDeal: (deal) => {
      const { companyId, amount } = deal;
      const n = isMissing(amount) ? null : readNumber(amount);
      const pipeline = { openDeals: 1, cents: n === null ? 0 : toCents(n) };
      if (companyId === null) {
        part.noCompany = addPipeline(part.noCompany, pipeline);
        return;
      }
      const row = {
        id: deal.id ?? '',
        name: deal.name ?? null,
        ownerId: deal.ownerId ?? null,
        cents: pipeline.cents,
      };
      const key = part.companies[companyId];
      if (key !== undefined) {
        attribute(part, key, pipeline);
        const kept = part.movers.kept[companyId];
        if (kept === undefined) return;
        const single = emptyPendingDeals();
        addPendingDeal(single, row);
        settleMovedDeals(part.movers, companyId, kept, single);
        return;
      }
      const pending = part.pending[companyId];
      part.pending[companyId] = pending === undefined ? pipeline : addPipeline(pending, pipeline);
      // Its identity waits with its company's (held by this part alone: added to in place).
      let waiting = part.pendingDeals[companyId];
      if (waiting === undefined) {
        waiting = emptyPendingDeals();
        part.pendingDeals[companyId] = waiting;
      }
      addPendingDeal(waiting, row);
    },
    addCompany: (company) => {
      const { id, oldTier, newTier } = company;
      const key = cellKey(oldTier, newTier);
      attribute(part, key, { openDeals: 0, cents: 0 });
      const cell = part.cells[key];
      if (cell !== undefined) cell.companies += 1;
      const pending = part.pending[id];
      if (pending !== undefined) {
        attribute(part, key, pending);
        Reflect.deleteProperty(part.pending, id);
      }
      const keep = options.keepCompanies === true;
      if (keep) part.companies[id] = key;
      const deals = part.pendingDeals[id];
      Reflect.deleteProperty(part.pendingDeals, id);
      if (oldTier === null || oldTier === newTier) return;
      const moved = {
        id,
        name: company.name ?? null,
        ownerId: company.ownerId ?? null,
        oldTier,
        newTier,
        segmentId: company.segmentId ?? null,
        openDeals: pending?.openDeals ?? 0,
        cents: pending?.cents ?? 0,
      };
      if (deals !== undefined) settleMovedDeals(part.movers, id, moved, deals);
      addMovedCompany(part.movers, moved, keep);
    },
    part: () => part,
    finish: () => simulationMatrixOf(part),
    movers: () => simulationMoversOf(part.movers),
  };
};
