// Which accounts move under a proposed strategy (issue 13): the companies and open deals that
// change tier, largest amounts first, and what moves per owner and per segment, for a terminal.
import Table from 'cli-table3';
import type { SimulationMovers, Tier } from '@strategy-fit/core';

import { formatAmount, formatCount, NONE, plural, tierWords, truncate } from './format.ts';

/** Names shown instead of ids (owners from the portal, segments from either strategy). */
export type MoverNames = {
  ownerNames: Readonly<Record<string, string>>;
  segmentNames: Readonly<Record<string, string>>;
};

const owner = (names: MoverNames, id: string | null): string =>
  id === null ? 'No owner' : (names.ownerNames[id] ?? `Owner ${id}`);
const segment = (names: MoverNames, id: string | null): string =>
  id === null ? 'No segment' : (names.segmentNames[id] ?? id);

/** Accounts listed in a terminal; `--json` carries every row the simulation kept (MOVERS_CAP). */
export const SHOWN_MOVERS = 20;

const table = (head: string[], rows: string[][], right: number[]): string => {
  if (rows.length === 0) return NONE.rows;
  const t = new Table({
    head,
    style: { head: [], border: [] },
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
  });
  for (const r of rows) t.push(r);
  return t.toString();
};

type Group = { companies: number; openDeals: number; openAmount: number };
const groupRow = (label: string, g: Group): string[] => [
  label,
  formatCount(g.companies),
  formatCount(g.openDeals),
  formatAmount(g.openAmount),
];

const listed = (shown: number, kept: number, total: number, what: string): string =>
  shown < total
    ? `${what} (the ${formatCount(shown)} largest of ${formatCount(total)}${shown < kept ? `; --json lists the ${formatCount(kept)} largest` : ''})`
    : what;

/**
 * The movers as terminal text: totals, by owner, by segment, then the companies and the open
 * deals that change tier (the largest, with their total count).
 *
 * @example
 * process.stdout.write(renderSimulationMovers(movers, { ownerNames, segmentNames }));
 */
export const renderSimulationMovers = (m: SimulationMovers, names: MoverNames): string => {
  const move = (from: Tier, to: Tier) => `${tierWords(from)} → ${tierWords(to)}`;
  return `${[
    `Accounts that change tier: ${plural(m.companies.total, 'company', 'companies')} and ${plural(m.deals.total, 'open deal', 'open deals')}`,
    '',
    'By owner (companies by the company’s owner, open deals by the deal’s)',
    table(
      ['Owner', 'Companies', 'Open deals', 'Open amount'],
      m.byOwner.map((g) => groupRow(owner(names, g.ownerId), g)),
      [1, 2, 3],
    ),
    '',
    'By segment',
    table(
      ['Segment', 'Companies', 'Open deals', 'Open amount'],
      m.bySegment.map((g) => groupRow(segment(names, g.segmentId), g)),
      [1, 2, 3],
    ),
    '',
    listed(
      Math.min(SHOWN_MOVERS, m.companies.rows.length),
      m.companies.rows.length,
      m.companies.total,
      'Companies that change tier',
    ),
    table(
      ['Id', 'Company', 'Owner', 'Today → New', 'Segment', 'Open deals', 'Open amount'],
      m.companies.rows
        .slice(0, SHOWN_MOVERS)
        .map((c) => [
          c.id,
          truncate(c.name ?? '–', 40),
          owner(names, c.ownerId),
          move(c.oldTier, c.newTier),
          segment(names, c.segmentId),
          formatCount(c.openDeals),
          formatAmount(c.openAmount),
        ]),
      [5, 6],
    ),
    '',
    listed(
      Math.min(SHOWN_MOVERS, m.deals.rows.length),
      m.deals.rows.length,
      m.deals.total,
      'Open deals that change tier',
    ),
    table(
      ['Id', 'Deal', 'Owner', 'Company', 'Today → New', 'Amount'],
      m.deals.rows
        .slice(0, SHOWN_MOVERS)
        .map((d) => [
          d.id,
          truncate(d.name ?? '–', 40),
          owner(names, d.ownerId),
          d.companyId,
          move(d.oldTier, d.newTier),
          formatAmount(d.amount),
        ]),
      [5],
    ),
  ].join('\n')}\n`;
};
