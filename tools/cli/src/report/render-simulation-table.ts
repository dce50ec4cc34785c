// The simulation of a proposed strategy (SCORING §9): old tier → new tier, for a terminal.
import Table from 'cli-table3';
import type { Tier } from '@strategy-fit/core';

import { formatAmount, formatCompactAmount, formatCount, plural, tierWords } from './format.ts';
import type { SimulationCell, SimulationMatrix } from '@strategy-fit/core';

const SHORT: Record<Tier, string> = {
  dream: 'Dream',
  fit: 'Fit',
  stretch: 'Stretch',
  needs_data: 'Needs data',
  off_strategy: 'Off strat.',
  refused: 'Refused',
};

const matrixTable = (
  title: string,
  m: SimulationMatrix,
  cell: (c: SimulationCell) => string,
): string => {
  const t = new Table({
    head: [title, ...m.columns.map((c) => SHORT[c.newTier]), 'Total'],
    style: { head: [], border: [] },
    colAligns: ['left', ...m.columns.map(() => 'right' as const), 'right'],
  });
  for (const row of m.rows) {
    t.push([tierWords(row.oldTier), ...row.cells.map(cell), cell(row.total)]);
  }
  t.push(['Total', ...m.columns.map((c) => cell(c.total)), cell(m.total)]);
  return t.toString();
};

const moved = (c: SimulationCell): string =>
  `${plural(c.companies, 'company', 'companies')} (${formatAmount(c.openAmount)} in ${plural(c.openDeals, 'open deal', 'open deals')})`;

/**
 * The old-tier → new-tier matrix as terminal text: companies, then open pipeline, then what moves.
 *
 * @example
 * process.stdout.write(renderSimulationTable(matrix));
 */
export const renderSimulationTable = (matrix: SimulationMatrix): string =>
  `${[
    'Companies: tier today (rows) → tier under the proposed strategy (columns)',
    matrixTable('Today \\ New', matrix, (c) =>
      c.companies === 0 ? '·' : formatCount(c.companies),
    ),
    '',
    'Open pipeline (open deals in brackets)',
    matrixTable('Today \\ New', matrix, (c) =>
      c.openDeals === 0 && c.openAmount === 0
        ? '·'
        : `${formatCompactAmount(c.openAmount)} (${formatCount(c.openDeals)})`,
    ),
    `No company:  ${formatAmount(matrix.noCompany.openAmount)} in ${plural(matrix.noCompany.openDeals, 'open deal', 'open deals')} (no associated company: in no row above)`,
    `Open pipeline in all: ${formatAmount(matrix.openPipeline.openAmount)} in ${plural(matrix.openPipeline.openDeals, 'open deal', 'open deals')} (as the report counts it)`,
    '',
    `Change tier: ${moved(matrix.changed)}`,
    `  up:        ${moved(matrix.upgraded)}`,
    `  down:      ${moved(matrix.downgraded)}`,
    `Unchanged:   ${moved(matrix.unchanged)}`,
    `First score: ${moved(matrix.newlyScored)}`,
  ].join('\n')}\n`;
