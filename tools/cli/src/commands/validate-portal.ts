// `strategy validate --portal`: what the portal holds for the strategy (issue 13), read in one walk
// of its companies and open deals (the simulation's walk, with nothing to compare against).
import type {
  PortalDefinitions,
  PortalHolds,
  Result,
  Strategy,
  StrategyFitError,
} from '@strategy-fit/core';
import type { HubSpot } from '@strategy-fit/hubspot';

import { createProgressReporter, silentProgress } from '../bulk/progress.ts';
import { runSimulation } from '../bulk/run-simulation.ts';

/** Walks the portal once and counts, per criterion, what it holds; progress lines on stderr. */
export async function readPortalHolds(
  hs: HubSpot,
  strategy: Strategy,
  definitions: PortalDefinitions,
  options: { nowMs: number; progress: boolean },
): Promise<Result<PortalHolds, StrategyFitError>> {
  const read = await runSimulation(hs, strategy, {
    compare: false,
    definitions,
    nowMs: options.nowMs,
    progress: options.progress
      ? createProgressReporter({ stream: process.stderr })
      : silentProgress,
  });
  return read.ok ? { ok: true, value: read.value.portal } : read;
}
