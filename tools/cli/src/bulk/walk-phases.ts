// Walks a read-only job's phases one after another (report, simulate), with a progress phase each.
import type { StrategyFitError } from '@strategy-fit/core';
import { walk } from '@strategy-fit/walk';
import type { Phase } from '@strategy-fit/walk';

import type { ProgressReporter } from './progress.ts';

/** Blocks in flight while a read-only job walks: reads overlap the work on earlier blocks. */
const DEPTH = 4;

/**
 * A commit for read-only phases that shows, per phase, how many records its blocks held so far
 * (the counter starts again when the phase changes).
 */
export function phaseProgress(
  progress: ProgressReporter,
): (block: { phase: string; records: number }) => Promise<void> {
  let phase = '';
  let seen = 0;
  return async (block) => {
    if (block.phase !== phase) [phase, seen] = [block.phase, 0];
    seen += block.records;
    progress.update({ done: seen });
  };
}

/**
 * Walks every phase to its end; the first block HubSpot could not read (after retries) ends it.
 * The progress says what is read (`companies read: 1,200`): a read-only job changes nothing.
 */
export async function walkPhases(
  phases: readonly { phase: Phase; label: string }[],
  progress: ProgressReporter,
): Promise<StrategyFitError | null> {
  for (const { phase, label } of phases) {
    progress.start(`${label} read`, null, 0);
    const end = await walk([phase], { from: null, depth: DEPTH });
    progress.stop();
    if (end.kind === 'failed') return end.error;
  }
  return null;
}
