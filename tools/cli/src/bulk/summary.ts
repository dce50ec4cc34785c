// The summary a `score` run ends with: what it read, wrote and could not write, and why.
import type { StrategyFitError } from '@strategy-fit/core';

import type { FailedRecord, PhaseCounters, ScoreMode } from './checkpoint.ts';

export type RunSummary = {
  mode: ScoreMode;
  /** The version every record written by this run carries. */
  strategyVersion: number;
  /** A version published while the run went on (it was not used); null when none. */
  newerVersion: number | null;
  resumed: boolean;
  /** Wall time of this process's part of the run. */
  durationMs: number;
  companies: PhaseCounters;
  /** The deals the run selected (all, modified since, or stale). */
  deals: PhaseCounters;
  /**
   * --since only (else null): deals not modified themselves whose company was (SCORING §7: its
   * result feeds theirs), scored after the deals; none of them is among `deals`.
   */
  dealsOfChangedCompanies: PhaseCounters | null;
  failed: readonly FailedRecord[];
  failedOmitted: number;
  /** Why the run stopped before the end (the checkpoint is kept); null when it finished. */
  stopped: StrategyFitError | null;
  interrupted: boolean;
  /**
   * Records still below the run's version or never scored, counted once the run is done (the
   * run's own failures among them); null when it did not finish or HubSpot could not count.
   */
  stillStale: { companies: number; deals: number } | null;
  checkpointPath: string;
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const modeWords = (mode: ScoreMode): string => {
  switch (mode.kind) {
    case 'all':
      return 'all records';
    case 'since':
      return `records modified since ${new Date(mode.sinceMs).toISOString()}`;
    case 'stale':
      return 'records with an older or no strategy version';
    default:
      return mode satisfies never;
  }
};

const row = (label: string, c: PhaseCounters): string =>
  `  ${label.padEnd(10)} scanned ${number.format(c.scanned).padStart(9)}  changed ${number
    .format(c.changed)
    .padStart(9)}  unchanged ${number.format(c.unchanged).padStart(9)}  failed ${number
    .format(c.failed)
    .padStart(7)}`;

/** Stale records an --all or --stale-only run should have scored (a --since run selects fewer). */
const unscored = (s: RunSummary): number =>
  s.mode.kind === 'since' || s.stillStale === null
    ? 0
    : s.stillStale.companies + s.stillStale.deals;

/**
 * True when the run must exit with code 1: a record failed, it stopped early, or records it
 * selected are still stale at the end.
 */
export const runFailed = (s: RunSummary): boolean =>
  failedCount(s) > 0 || s.stopped !== null || s.interrupted || unscored(s) > 0;

const failedCount = (s: RunSummary): number =>
  s.companies.failed + s.deals.failed + (s.dealsOfChangedCompanies?.failed ?? 0);

const companyDealsLine = (c: PhaseCounters): string =>
  `  + ${number.format(c.scanned)} deals rescored because their company changed: changed ${number.format(c.changed)}, unchanged ${number.format(c.unchanged)}, failed ${number.format(c.failed)}`;

/** The summary as text for a terminal or a log. */
export const renderSummary = (s: RunSummary): string => {
  const lines = [
    `Scored ${modeWords(s.mode)} with strategy version ${s.strategyVersion}${s.resumed ? ' (resumed run)' : ''} in ${(s.durationMs / 1000).toFixed(1)} s`,
    row('companies', s.companies),
    row('deals', s.deals),
  ];
  if (s.dealsOfChangedCompanies !== null) lines.push(companyDealsLine(s.dealsOfChangedCompanies));
  if (s.failed.length > 0) {
    lines.push('Failed records (object, id, code: message):');
    for (const f of s.failed) lines.push(`  ${f.objectType} ${f.id} ${f.code}: ${f.message}`);
    if (s.failedOmitted > 0) lines.push(`  … and ${number.format(s.failedOmitted)} more`);
  }
  if (s.stillStale !== null && s.stillStale.companies + s.stillStale.deals > 0) {
    lines.push(
      `Still stale (below version ${s.strategyVersion} or never scored): ${number.format(s.stillStale.companies)} companies and ${number.format(s.stillStale.deals)} deals. Run \`strategy-fit score --stale-only\` to score them.`,
    );
  } else if (s.stillStale !== null) {
    lines.push(`Every company and deal carries version ${s.strategyVersion} or a newer one.`);
  }
  if (s.newerVersion !== null) {
    lines.push(
      `Strategy version ${s.newerVersion} was published during the run; this run kept version ${s.strategyVersion}. Run \`strategy-fit score --stale-only\` to apply it.`,
    );
  }
  if (s.stopped !== null) {
    lines.push(
      `Stopped early: ${s.stopped.code}: ${s.stopped.message}`,
      `The checkpoint ${s.checkpointPath} is kept; run \`strategy-fit score --resume\` to continue.`,
    );
  } else if (s.interrupted) {
    lines.push(
      `Interrupted. The checkpoint ${s.checkpointPath} is kept; run \`strategy-fit score --resume\` to continue.`,
    );
  } else if (failedCount(s) > 0) {
    lines.push(
      'Some records failed; run the same command again to retry them (diff-only: the rest is not rewritten).',
    );
  }
  return `${lines.join('\n')}\n`;
};
