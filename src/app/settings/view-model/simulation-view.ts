// The simulation as the page shows it (SCORING §9): the old-tier → new-tier matrix with company
// counts and open pipeline, and the headline moves. Pure.
import { formatAmount, plural, Tier, TIER_WORDS } from '@strategy-fit/core';
import type { SimulationCell, SimulationMatrix } from '@strategy-fit/core';

export type CellView = {
  readonly companies: number;
  readonly companiesText: string;
  readonly amountText: string;
  /** The companies of this cell change tier. */
  readonly moves: boolean;
};

export type MatrixView = {
  /** The new tiers, as keys (`dream` …) and as words. */
  readonly columnKeys: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly {
    readonly key: string;
    readonly label: string;
    readonly cells: readonly CellView[];
    readonly total: CellView;
  }[];
  readonly totals: readonly CellView[];
  readonly total: CellView;
  readonly headline: readonly {
    readonly key: string;
    readonly label: string;
    readonly text: string;
  }[];
};

const cellView = (c: SimulationCell, moves: boolean): CellView => ({
  companies: c.companies,
  companiesText: c.companies === 0 ? '–' : formatAmount(c.companies),
  amountText: c.companies === 0 ? '' : formatAmount(c.openAmount),
  moves: moves && c.companies > 0,
});

const line = (c: SimulationCell): string =>
  `${plural(c.companies, 'company', 'companies')}, ${plural(c.openDeals, 'open deal', 'open deals')}, ${formatAmount(c.openAmount)} open pipeline`;

/** The matrix with words: rows that hold companies (old tier, then never scored), every new tier. */
export const matrixView = (m: SimulationMatrix): MatrixView => ({
  columnKeys: Tier.options,
  columns: Tier.options.map((t) => TIER_WORDS[t]),
  rows: m.rows
    .filter((r) => r.total.companies > 0)
    .map((r) => ({
      key: r.oldTier ?? 'never_scored',
      label: r.oldTier === null ? 'Never scored' : TIER_WORDS[r.oldTier],
      cells: r.cells.map((c) => cellView(c, r.oldTier !== null && c.newTier !== r.oldTier)),
      total: cellView(r.total, false),
    })),
  totals: m.columns.map((c) => cellView(c.total, false)),
  total: cellView(m.total, false),
  headline: [
    { key: 'changed', label: 'Change tier', text: line(m.changed) },
    { key: 'upgraded', label: 'Move up', text: line(m.upgraded) },
    { key: 'downgraded', label: 'Move down', text: line(m.downgraded) },
    { key: 'newly_scored', label: 'Scored for the first time', text: line(m.newlyScored) },
    { key: 'unchanged', label: 'Stay in their tier', text: line(m.unchanged) },
  ],
});

/** Progress of a running simulation, for the ProgressBar. */
export const progressView = (
  done: number,
  total: number | null,
): { value: number; maxValue: number; text: string } =>
  total === null || total === 0
    ? { value: 0, maxValue: 1, text: `${plural(done, 'company', 'companies')} simulated so far` }
    : {
        value: Math.min(done, total),
        maxValue: total,
        text: `${formatAmount(Math.min(done, total))} of ${plural(total, 'company', 'companies')} simulated`,
      };

/**
 * The note under the progress bar while the simulation waits out HubSpot's rate limit (the chunk
 * ended early, kept what it did, and the next one continues where it stopped).
 */
export const pauseText = (waitMs: number): string => {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `HubSpot's rate limit for this app is reached (other requests share it). The simulation continues by itself in ${plural(seconds, 'second', 'seconds')}, where it stopped: nothing simulated so far is lost.`;
};

/** After a simulation that HubSpot's rate limit paused; null when it never did. */
export const pausesText = (pauses: number): string | null =>
  pauses === 0
    ? null
    : `HubSpot's rate limit paused the simulation ${pauses === 1 ? 'once' : `${formatAmount(pauses)} times`}; each time it continued where it stopped, so every company was simulated once.`;
