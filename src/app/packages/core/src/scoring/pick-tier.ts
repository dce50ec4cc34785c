import type { Tier } from '../enums.ts';

/** The tier of a company that no exclusion refused, and which segment it reports (SCORING §6.2–6.5). */
export type TierPick = {
  readonly tier: Tier;
  /** Index of the best-scoring segment (ties: dream > core > opportunistic, then document order). */
  readonly best: number;
  /** Index of the reported segment, or -1 (off_strategy). */
  readonly reported: number;
  readonly fitScore: number;
};

/** Per segment, in document order: priority rank (0 dream, 1 core, 2 opportunistic) and figures. */
export type SegmentColumns = {
  readonly priorityRank: ArrayLike<number>;
  readonly score: ArrayLike<number>;
  readonly potential: ArrayLike<number>;
  /** 1 when disqualified. */
  readonly disqualified: ArrayLike<number>;
};

/** Index of the highest value; ties go to the better priority, then to document order (SCORING §6.2). */
const argBest = (
  values: ArrayLike<number>,
  cols: SegmentColumns,
  skipDisqualified: boolean,
): number => {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (skipDisqualified && cols.disqualified[i] === 1) continue;
    if (best === -1) {
      best = i;
      continue;
    }
    const v = values[i] ?? 0;
    const b = values[best] ?? 0;
    if (v > b || (v === b && (cols.priorityRank[i] ?? 0) < (cols.priorityRank[best] ?? 0)))
      best = i;
  }
  return best;
};

/** SCORING §6.3: dream/fit from the fit threshold, stretch, needs_data from potential, else off_strategy. */
export const pickTier = (
  thresholds: { fit: number; stretch: number },
  cols: SegmentColumns,
): TierPick => {
  const best = argBest(cols.score, cols, false);
  const fitScore = cols.score[best] ?? 0;
  if (fitScore >= thresholds.fit) {
    return {
      tier: cols.priorityRank[best] === 0 ? 'dream' : 'fit',
      best,
      reported: best,
      fitScore,
    };
  }
  if (fitScore >= thresholds.stretch) return { tier: 'stretch', best, reported: best, fitScore };
  const hope = argBest(cols.potential, cols, true);
  if (hope !== -1 && (cols.potential[hope] ?? 0) >= thresholds.stretch) {
    return { tier: 'needs_data', best, reported: hope, fitScore };
  }
  return { tier: 'off_strategy', best, reported: -1, fitScore };
};
