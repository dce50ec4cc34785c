// Which accounts move (issue 13, SCORING §9 simulation): the companies and open deals whose tier
// changes under a proposed strategy — the largest amounts first, a bounded list with the total
// count — and what moves per owner and per segment. Plain JSON parts, mergeable across chunks.
import { z } from 'zod';

import { Tier } from '../enums.ts';
import { fromCents, mergeRecords } from './cents.ts';
import {
  addToTopList,
  createTopList,
  finishTopList,
  mergeTopLists,
  topListOf,
} from './top-list.ts';
import type { TopList } from './top-list.ts';

/** How many companies and how many open deals a simulation lists (the largest amounts first). */
export const MOVERS_CAP = 100;

const Count = z.number().int().min(0);
const Cents = z.number().int();
const Id = z.string();
const Text = z.string().nullable();

/** What moves in one group: companies, and open deals with their amount in whole cents. */
export const MoverTally = z.strictObject({ companies: Count, openDeals: Count, cents: Cents });
export type MoverTally = z.output<typeof MoverTally>;

/** A company whose tier changes, with its open pipeline. */
export const CompanyMoverRow = z.strictObject({
  id: Id,
  name: Text,
  ownerId: Text,
  oldTier: Tier,
  newTier: Tier,
  segmentId: Text.describe('Its segment under the proposed strategy, else under the published'),
  openDeals: Count,
  cents: Cents,
});
export type CompanyMoverRow = z.output<typeof CompanyMoverRow>;

/** An open deal whose tier changes with its company's (SCORING §7). */
export const DealMoverRow = z.strictObject({
  id: Id,
  name: Text,
  ownerId: Text,
  companyId: Id,
  oldTier: Tier,
  newTier: Tier,
  segmentId: Text,
  cents: Cents,
});
export type DealMoverRow = z.output<typeof DealMoverRow>;

/** An open deal waiting for its company (its identity, for the list of movers). */
export const PendingDealRow = z.strictObject({ id: Id, name: Text, ownerId: Text, cents: Cents });
export type PendingDealRow = z.output<typeof PendingDealRow>;

/** The open deals of one company not read yet: the largest listed, every owner tallied. */
export const PendingDeals = z.strictObject({
  deals: topListOf(PendingDealRow),
  owners: z.record(z.string(), MoverTally),
});
export type PendingDeals = z.output<typeof PendingDeals>;

/** A changed company kept for open deals still to come (a chunked read). */
export const MovedCompany = CompanyMoverRow.omit({ id: true });
export type MovedCompany = z.output<typeof MovedCompany>;

/** The movers of the records read so far. */
export const MoversPart = z.strictObject({
  companies: topListOf(CompanyMoverRow),
  deals: topListOf(DealMoverRow),
  byOwner: z.record(z.string(), MoverTally).describe('Key: owner id, or "none"'),
  bySegment: z.record(z.string(), MoverTally).describe('Key: segment id, or "none"'),
  /** Changed companies kept with their open pipeline so far, ranked only at the end (chunks). */
  kept: z.record(z.string(), MovedCompany),
});
export type MoversPart = z.output<typeof MoversPart>;

export const emptyMoversPart = (): MoversPart => ({
  companies: createTopList(),
  deals: createTopList(),
  byOwner: {},
  bySegment: {},
  kept: {},
});

const NONE = 'none';
const ZERO: MoverTally = { companies: 0, openDeals: 0, cents: 0 };
export const addMoverTallies = (a: MoverTally, b: MoverTally): MoverTally => ({
  companies: a.companies + b.companies,
  openDeals: a.openDeals + b.openDeals,
  cents: a.cents + b.cents,
});

/** Largest amount first, then id (a total order: the same list whatever the order of reading). */
const byAmount = (a: { cents: number; id: string }, b: { cents: number; id: string }): number =>
  b.cents - a.cents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const tally = (groups: Record<string, MoverTally>, key: string | null, add: MoverTally): void => {
  const k = key ?? NONE;
  groups[k] = addMoverTallies(groups[k] ?? ZERO, add);
};

/** A pending deal of one company (its company not read yet). */
export const addPendingDeal = (pending: PendingDeals, deal: PendingDealRow): void => {
  addToTopList(pending.deals, deal, MOVERS_CAP, byAmount);
  tally(pending.owners, deal.ownerId, { companies: 0, openDeals: 1, cents: deal.cents });
};

export const emptyPendingDeals = (): PendingDeals => ({ deals: createTopList(), owners: {} });

export const mergePendingDeals = (a: PendingDeals, b: PendingDeals): PendingDeals => ({
  deals: mergeTopLists(a.deals, b.deals, MOVERS_CAP, byAmount),
  owners: mergeRecords(a.owners, b.owners, addMoverTallies),
});

/** A changed company: counted per owner and segment; listed now, or kept for deals to come. */
export const addMovedCompany = (
  part: MoversPart,
  company: CompanyMoverRow,
  keep: boolean,
): void => {
  tally(part.byOwner, company.ownerId, { companies: 1, openDeals: 0, cents: 0 });
  tally(part.bySegment, company.segmentId, { companies: 1, openDeals: 0, cents: 0 });
  if (keep) {
    const { id, ...rest } = company;
    part.kept[id] = rest;
  } else addToTopList(part.companies, company, MOVERS_CAP, byAmount);
};

/**
 * The open deals of a changed company move with it: listed (the largest), tallied by their own
 * owner and the company's segment, and added to a kept company's pipeline.
 */
export const settleMovedDeals = (
  part: MoversPart,
  companyId: string,
  company: Omit<CompanyMoverRow, 'id'>,
  pending: PendingDeals,
): void => {
  for (const d of pending.deals.rows) {
    addToTopList(
      part.deals,
      {
        ...d,
        companyId,
        oldTier: company.oldTier,
        newTier: company.newTier,
        segmentId: company.segmentId,
      },
      MOVERS_CAP,
      byAmount,
    );
  }
  part.deals.seen += pending.deals.seen - pending.deals.rows.length;
  for (const [owner, t] of Object.entries(pending.owners)) {
    part.byOwner[owner] = addMoverTallies(part.byOwner[owner] ?? ZERO, t);
    tally(part.bySegment, company.segmentId, t);
  }
  const kept = part.kept[companyId];
  if (kept === undefined) return;
  for (const t of Object.values(pending.owners)) {
    kept.openDeals += t.openDeals;
    kept.cents += t.cents;
  }
};

export const mergeMoversParts = (a: MoversPart, b: MoversPart): MoversPart => ({
  companies: mergeTopLists(a.companies, b.companies, MOVERS_CAP, byAmount),
  deals: mergeTopLists(a.deals, b.deals, MOVERS_CAP, byAmount),
  byOwner: mergeRecords(a.byOwner, b.byOwner, addMoverTallies),
  bySegment: mergeRecords(a.bySegment, b.bySegment, addMoverTallies),
  kept: { ...a.kept, ...b.kept },
});

const Amount = z.number();
const Group = z.strictObject({
  companies: Count,
  openDeals: Count,
  openAmount: Amount,
});

/** Which accounts move, as the CLI, `--json` and the editor show them. */
export const SimulationMovers = z.strictObject({
  companies: z.strictObject({
    rows: z.array(CompanyMoverRow.omit({ cents: true }).extend({ openAmount: Amount })),
    total: Count.describe('Companies that change tier (the rows are the largest, at most 100)'),
  }),
  deals: z.strictObject({
    rows: z.array(DealMoverRow.omit({ cents: true }).extend({ amount: Amount })),
    total: Count.describe('Open deals that change tier'),
  }),
  byOwner: z.array(Group.extend({ ownerId: Text })).describe('Largest open amount first'),
  bySegment: z.array(Group.extend({ segmentId: Text })).describe('Largest open amount first'),
});
export type SimulationMovers = z.output<typeof SimulationMovers>;

const groupsOf = (groups: Record<string, MoverTally>) =>
  Object.entries(groups)
    .map(([key, t]) => ({
      key: key === NONE ? null : key,
      companies: t.companies,
      openDeals: t.openDeals,
      openAmount: fromCents(t.cents),
      cents: t.cents,
    }))
    .sort(
      (a, b) =>
        b.cents - a.cents ||
        b.companies - a.companies ||
        String(a.key).localeCompare(String(b.key)),
    );

/** The movers of a whole simulation: the largest first, and how many in all. Pure. */
export const simulationMoversOf = (part: MoversPart): SimulationMovers => {
  const kept = Object.entries(part.kept).map(([id, c]) => ({ id, ...c }));
  const companies = kept.reduce<TopList<CompanyMoverRow>>(
    (list, c) => {
      addToTopList(list, c, MOVERS_CAP, byAmount);
      return list;
    },
    { rows: [...part.companies.rows], seen: part.companies.seen },
  );
  const c = finishTopList(companies, MOVERS_CAP, byAmount);
  const d = finishTopList(part.deals, MOVERS_CAP, byAmount);
  return {
    companies: {
      rows: c.rows.map(({ cents, ...row }) => ({ ...row, openAmount: fromCents(cents) })),
      total: companies.seen,
    },
    deals: {
      rows: d.rows.map(({ cents, ...row }) => ({ ...row, amount: fromCents(cents) })),
      total: part.deals.seen,
    },
    byOwner: groupsOf(part.byOwner).map(({ key, cents: _, ...g }) => ({ ownerId: key, ...g })),
    bySegment: groupsOf(part.bySegment).map(({ key, cents: _, ...g }) => ({
      segmentId: key,
      ...g,
    })),
  };
};
